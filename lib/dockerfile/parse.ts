/**
 * `parseDockerfile(text)`: the Dockerfile AST, or the errors that make BuildKit's parser reject the
 * file. Never throws.
 *
 * The line handling follows BuildKit's `parser.Parse` (moby/buildkit `frontend/dockerfile/parser/parser.go`):
 * - a line whose first non-blank character is `#` is a comment, also inside a continuation (where it
 *   is dropped from the instruction: `isComment`);
 * - the first line of an instruction loses its leading blanks; a line ending with the escape
 *   character (not itself escaped) and optional `[ \t]` continues on the next line, the escape and
 *   what follows it removed and nothing inserted (`trimContinuationCharacter`); continuation lines
 *   keep their leading blanks; blank continuation lines are dropped (`isEmptyContinuationLine`), so
 *   they do not end the instruction;
 * - heredoc bodies follow the instruction's last line (see `heredoc.ts`).
 *
 * Fatal (as in BuildKit, whose messages are used): no instruction at all ("file with no
 * instructions"), an unterminated heredoc ("unterminated heredoc"), a bad or repeated parser
 * directive, a JSON array with a non-string element; and a NUL character (binary or UTF-16 content,
 * which no Dockerfile contains). Everything else parses, unknown instructions and missing
 * arguments included: rules report those.
 */
import { findBinaryContent } from "../utils/binary-content.js";
import type {
  DockerfileParseError,
  DockerfileParseResult,
  DockerfileProgram,
  Heredoc,
  Instruction,
  Comment,
  RunScript,
  ShellText,
  Stage,
} from "./ast.js";
import { skipGoSpace, trimGoSpaceEnd, isBlank } from "./chars.js";
import { scanDirectives } from "./directives.js";
import { DockerfileSyntaxError } from "./errors.js";
import { finalize } from "./finalize.js";
import { parseHeredocWord, readHeredocBody, type HeredocBody } from "./heredoc.js";
import { buildInstruction, type BuiltInstruction } from "./instructions.js";
import { LogicalLine, makeNode } from "./nodes.js";
import { createLineTable, positionAt, type LineTable } from "./positions.js";
import { ShellTextBuilder } from "./shell-text.js";

export function parseDockerfile(text: string): DockerfileParseResult {
  let table: LineTable | null = null;
  try {
    table = createLineTable(text);
    return parseWithTable(text, table);
  } catch (error) {
    if (error instanceof DockerfileSyntaxError && table) return failure(table, error.message, error.offset);
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ message: `internal parser error: ${message}`, line: 1, column: 1 }] };
  }
}

function failure(table: LineTable, message: string, offset: number): DockerfileParseResult {
  const position = positionAt(table, offset);
  const error: DockerfileParseError = { message, line: position.line, column: position.column + 1 };
  return { ok: false, errors: [error] };
}

/**
 * `trimContinuationCharacter` on `text[start, end)`: `[contentEnd, continues]`. The line continues
 * when it ends with the escape character plus optional `[ \t]`, and that escape character is the
 * first character or follows a non-escape character (BuildKit's regexp
 * `([^\\])\\[ \t]*$|^\\[ \t]*$`; so `foo\\` does not continue).
 */
export function trimContinuation(text: string, start: number, end: number, escapeChar: string): [number, boolean] {
  let k = end - 1;
  while (k >= start && isBlank(text.charCodeAt(k))) k--;
  if (k >= start && text[k] === escapeChar && (k === start || text[k - 1] !== escapeChar)) return [k, true];
  return [end, false];
}

function parseWithTable(text: string, table: LineTable): DockerfileParseResult {
  // The position comes from the Dockerfile's own line table (a lone CR ends a line here).
  const binary = findBinaryContent(text);
  if (binary) return failure(table, binary.message, binary.offset);

  const directiveScan = scanDirectives(text, table, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (directiveScan.error) return failure(table, directiveScan.error.message, directiveScan.error.offset);
  const escapeChar = directiveScan.escapeChar;

  const comments: Comment[] = [];
  const instructions: Instruction[] = [];
  const addComment = (start: number, end: number): void => {
    comments.push(makeNode<Comment>({ type: "Comment", value: text.slice(start + 1, end), range: [start, end] }));
  };

  // ESLint removes a BOM before parsing; other callers may not, and BuildKit ignores it too.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let index = 0;
  while (index < table.count) {
    const lineStart = index === 0 ? bom : table.starts[index]!;
    const lineEnd = table.ends[index]!;
    const contentStart = skipGoSpace(text, lineStart, lineEnd);
    if (directiveScan.lines.has(index)) {
      index++;
      continue;
    }
    if (contentStart < lineEnd && text[contentStart] === "#") {
      addComment(contentStart, lineEnd);
      index++;
      continue;
    }
    if (contentStart === lineEnd) {
      index++;
      continue;
    }

    // One logical line: the first line, then continuation lines.
    const builder = new ShellTextBuilder();
    let [contentEnd, continues] = trimContinuation(text, contentStart, lineEnd, escapeChar);
    builder.append(text.slice(contentStart, contentEnd), contentStart);
    let lastLine = index;
    index++;
    while (continues && index < table.count) {
      const start = table.starts[index]!;
      const end = table.ends[index]!;
      const first = skipGoSpace(text, start, end);
      if (first < end && text[first] === "#") {
        addComment(first, end);
        index++;
        continue;
      }
      if (first === end) {
        index++;
        continue;
      }
      [contentEnd, continues] = trimContinuation(text, start, end, escapeChar);
      builder.append(text.slice(start, contentEnd), start);
      lastLine = index;
      index++;
    }

    const line = new LogicalLine(text, builder.build(), escapeChar);
    const sourceEnd = trimGoSpaceEnd(text, table.starts[lastLine]!, table.ends[lastLine]!);
    const built = buildInstruction(line, 0, line.text.length, sourceEnd);
    if (!built) continue;
    if (built.heredocs) index = attachHeredocs(text, table, line, built, index);
    instructions.push(built.node);
  }

  if (instructions.length === 0) return failure(table, "file with no instructions", 0);

  const preamble: Instruction[] = [];
  const stages: Stage[] = [];
  let current: Stage | null = null;
  for (const instruction of instructions) {
    if (instruction.type === "From") {
      current = makeNode<Stage>({
        type: "Stage",
        index: stages.length,
        name: instruction.stageName?.value ?? null,
        from: instruction,
        instructions: [],
        range: [instruction.range[0], instruction.range[1]],
      });
      stages.push(current);
    } else if (current) {
      current.instructions.push(instruction);
      current.range[1] = instruction.range[1];
    } else {
      preamble.push(instruction);
    }
  }

  const program = makeNode<DockerfileProgram>({
    type: "Program",
    escapeChar,
    directives: directiveScan.directives,
    preamble,
    stages,
    comments,
    range: [0, text.length],
  });
  finalize(program, table);
  return { ok: true, ast: program };
}

/** Read the heredoc bodies of `built` from line `index` on; returns the index of the line after the last terminator. */
function attachHeredocs(text: string, table: LineTable, line: LogicalLine, built: BuiltInstruction, index: number): number {
  const pending = built.heredocs!;
  const heredocs: Heredoc[] = [];
  const bodies: HeredocBody[] = [];
  let next = index;
  for (const marker of pending.markers) {
    const markerRange = line.range(marker.span[0], marker.span[1]);
    const body = readHeredocBody(text, table, next, marker);
    if (!body) throw new DockerfileSyntaxError("unterminated heredoc", markerRange[0]);
    const firstStart = table.starts[body.firstLine]!;
    const terminatorStart = table.starts[body.terminatorLine]!;
    const terminatorEnd = table.ends[body.terminatorLine]!;
    heredocs.push(
      makeNode<Heredoc>({
        type: "Heredoc",
        delimiter: marker.delimiter,
        quoted: marker.quoted,
        stripTabs: marker.stripTabs,
        fd: marker.fd,
        markerRange,
        bodyRange: [firstStart, terminatorStart],
        terminatorRange: [terminatorStart, terminatorEnd],
        content: body.content,
        range: [firstStart, terminatorEnd],
      }),
    );
    bodies.push(body);
    next = body.terminatorLine + 1;
  }
  const host = pending.host;
  host.heredocs = heredocs;
  const end = heredocs[heredocs.length - 1]!.range[1];
  for (const instruction of built.chain) instruction.range[1] = Math.max(instruction.range[1], end);
  if (host.type === "Run" && host.form?.type === "ShellForm") host.script = runScript(table, host.form.shell, heredocs, bodies);
  return next;
}

/** What BuildKit's `dispatchRun` hands the shell for a RUN with heredocs (see `RunScript`). */
function runScript(table: LineTable, command: ShellText, heredocs: Heredoc[], bodies: HeredocBody[]): RunScript {
  let lone: boolean;
  try {
    lone = parseHeredocWord(command.text) !== null;
  } catch {
    lone = false; // BuildKit's MustParseHeredoc ignores the error
  }
  const first = heredocs[0]!;
  if (lone) {
    const raw = bodies[0]!.rawContent.text;
    let shebang: string | null = null;
    if (raw.startsWith("#!")) {
      const lineBreak = raw.search(/[\r\n]/u);
      shebang = (lineBreak === -1 ? raw.slice(2) : raw.slice(2, lineBreak)).trim();
    }
    return { kind: "heredoc", text: first.content, heredoc: first, shebang };
  }
  const builder = new ShellTextBuilder();
  builder.appendShellText(command);
  heredocs.forEach((heredoc, i) => {
    const body = bodies[i]!;
    builder.append("\n", table.ends[body.firstLine - 1]!);
    builder.appendShellText(body.rawContent);
    builder.append(heredoc.delimiter, body.delimiterStart);
  });
  return { kind: "command", text: builder.build() };
}
