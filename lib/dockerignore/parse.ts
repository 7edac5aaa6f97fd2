/**
 * `.dockerignore` parser. It reads lines exactly as moby's `patternmatcher/ignorefile.ReadAll`:
 * - lines end at `\n`; one `\r` before it is dropped (Go's `bufio.ScanLines`), so CRLF files work;
 * - a UTF-8 BOM at the start of the file is skipped;
 * - a line whose first character is `#` is a comment (`  # x` is a pattern, not a comment);
 * - other lines are trimmed (Go `strings.TrimSpace`); blank lines are skipped;
 * - `!` marks an exception; the rest is trimmed again, cleaned with Go's `filepath.Clean`, and one
 *   leading `/` is removed.
 */
import { findBinaryContent } from "../utils/binary-content.js";
import type { Comment, DockerignoreProgram, ParseDockerignoreResult, Pattern, Position, Range } from "./ast.js";
import { goClean, leadingGoSpace, trailingGoSpace } from "./go-path.js";

/** Docker's processing of one pattern line (already trimmed, `!` included): the pattern it matches with. */
export function normalizePattern(raw: string): { negated: boolean; pattern: string; bodyOffset: number } {
  const negated = raw.startsWith("!");
  let body = raw;
  let bodyOffset = 0;
  if (negated) {
    const rest = raw.slice(1);
    const lead = leadingGoSpace(rest);
    bodyOffset = 1 + lead;
    body = rest.slice(lead, rest.length - trailingGoSpace(rest));
  }
  let pattern = "";
  if (body.length > 0) {
    pattern = goClean(body);
    if (pattern.length > 1 && pattern.startsWith("/")) pattern = pattern.slice(1);
  }
  return { negated, pattern, bodyOffset };
}

class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) {
      this.starts.push(index + 1);
    }
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! };
  }

  loc(range: Range) {
    return { start: this.position(range[0]), end: this.position(range[1]) };
  }
}

/** Parses a `.dockerignore` file. Never throws. */
export function parseDockerignore(text: string): ParseDockerignoreResult {
  const binary = findBinaryContent(text);
  if (binary) {
    return { ok: false, errors: [{ message: binary.message, line: binary.line, column: binary.column }] };
  }
  const index = new LineIndex(text);
  const program: DockerignoreProgram = {
    type: "Program",
    patterns: [],
    comments: [],
    range: [0, text.length],
    loc: index.loc([0, text.length]),
    parent: null,
  };

  let lineStart = 0;
  let first = true;
  while (lineStart < text.length) {
    const newline = text.indexOf("\n", lineStart);
    let lineEnd = newline === -1 ? text.length : newline;
    const next = newline === -1 ? text.length : newline + 1;
    if (lineEnd > lineStart && text[lineEnd - 1] === "\r") lineEnd--;
    let start = lineStart;
    if (first && text[start] === "\uFEFF") start++;
    first = false;
    const line = text.slice(start, lineEnd);
    lineStart = next;

    if (line.startsWith("#")) {
      const range: Range = [start, lineEnd];
      const comment: Comment = { type: "Comment", value: line.slice(1), range, loc: index.loc(range), parent: program };
      program.comments.push(comment);
      continue;
    }
    const lead = leadingGoSpace(line);
    if (lead === line.length) continue;
    const raw = line.slice(lead, line.length - trailingGoSpace(line));
    const rawStart = start + lead;
    const range: Range = [rawStart, rawStart + raw.length];
    const { negated, pattern, bodyOffset } = normalizePattern(raw);
    // `raw` has no trailing space, so the pattern as written runs from after `!` to the end of `raw`.
    const patternRange: Range = [rawStart + bodyOffset, range[1]];
    const node: Pattern = {
      type: "Pattern",
      negated,
      raw,
      pattern,
      range,
      loc: index.loc(range),
      patternRange,
      patternLoc: index.loc(patternRange),
      parent: program,
    };
    program.patterns.push(node);
  }
  return { ok: true, ast: program };
}
