/**
 * Heredocs (BuildKit `parser/parser.go`: `heredocsFromLine`, `heredocFromMatch`, and the body loop
 * of `Parse`).
 *
 * - The logical line is split into shell words; a word that is entirely `[fd]<<[-][blanks]name` is a
 *   heredoc (`cat <<EOF` and `cat << 'EOF'` are, `cat<<EOF` is not: BuildKit matches whole words
 *   only; its lexer keeps the blanks after an unquoted `<<` in the word, `shell/lex.go`
 *   `processPossibleHeredoc`, so `<<- EOF` is no heredoc: the blank follows `-`, not `<<`).
 * - Only RUN, COPY and ADD (also as an ONBUILD trigger) outside the JSON form take heredocs
 *   (`canContainHeredoc`); on any other instruction the lines below are instructions of their own.
 * - `name` is processed like a shell word: quotes removed; when any part was quoted BuildKit does not
 *   expand variables in the body.
 * - Bodies follow the instruction's last line, one after the other, in marker order. A body ends at
 *   the first line equal to the name (for `<<-`, after removing leading tabs); trailing blanks count.
 */
import type { ShellText } from "./ast.js";
import { isRegexpSpace } from "./chars.js";
import { ShellTextBuilder } from "./shell-text.js";
import { evaluateWord } from "./variables.js";
import { splitShellWords, type Span } from "./words.js";
import type { LineTable } from "./positions.js";

export interface HeredocMarker {
  /** The whole `3<<-"EOF"` word, in the text it was found in. */
  span: Span;
  fd: number | null;
  stripTabs: boolean;
  delimiter: string;
  quoted: boolean;
}

/**
 * BuildKit `reHeredoc`, `^(\d*)<<(-?)\s*([^<]*)$` (Go's `\s` is `[\t\n\f\r ]`), matched by hand:
 * as a regular expression its blanks and its `[^<]*` overlap and backtrack polynomially.
 */
function matchHeredocWord(word: string): { fd: string; dash: boolean; rest: string } | null {
  let i = 0;
  while (i < word.length && word.charCodeAt(i) >= 0x30 && word.charCodeAt(i) <= 0x39) i++;
  if (!word.startsWith("<<", i)) return null;
  const fd = word.slice(0, i);
  i += 2;
  const dash = word[i] === "-";
  if (dash) i++;
  while (i < word.length && isRegexpSpace(word.charCodeAt(i))) i++;
  const rest = word.slice(i);
  return rest.includes("<") ? null : { fd, dash, rest };
}

/** `heredocFromMatch`: the heredoc a single word stands for, or null. Throws BuildKit's error for a word it cannot lex. */
export function parseHeredocWord(word: string): Omit<HeredocMarker, "span"> | null {
  const match = matchHeredocWord(word);
  if (!match) return null;
  const rest = match.rest;
  if (rest === "") return null;
  const words = splitShellWords(rest, 0, rest.length);
  if (words === null) {
    // BuildKit returns the lexer error here (the line-level lexing that found the word would have
    // failed first for every input we know of).
    throw new Error(`failed to process "${rest}": invalid heredoc name`);
  }
  if (words.length !== 1) return null;
  const processed = evaluateWord(rest, "\\", () => undefined, { skipUnset: true });
  return {
    fd: match.fd === "" ? null : Number.parseInt(match.fd, 10),
    stripTabs: match.dash,
    delimiter: processed.value,
    quoted: processed.quoted,
  };
}

/** The heredoc markers of `text[start, end)` (a whole logical line), in order. */
export function findHeredocMarkers(text: string, start: number, end: number): HeredocMarker[] {
  if (!text.slice(start, end).includes("<<")) return [];
  const words = splitShellWords(text, start, end);
  if (words === null) return [];
  const markers: HeredocMarker[] = [];
  for (const span of words) {
    const info = parseHeredocWord(text.slice(span[0], span[1]));
    if (info) markers.push({ span, ...info });
  }
  return markers;
}

export interface HeredocBody {
  /** Line index of the first body line (= terminator line when the body is empty). */
  firstLine: number;
  /** Line index of the terminator line. */
  terminatorLine: number;
  /** Body lines with their line breaks, leading tabs removed when `stripTabs`. */
  content: ShellText;
  /** Body lines with their line breaks, exactly as written. */
  rawContent: ShellText;
  /** Offset of the delimiter on the terminator line (after any leading tabs). */
  delimiterStart: number;
}

/** Read one heredoc body starting at line `firstLine`; null when no terminator line follows (unterminated). */
export function readHeredocBody(text: string, lines: LineTable, firstLine: number, marker: Pick<HeredocMarker, "delimiter" | "stripTabs">): HeredocBody | null {
  const content = new ShellTextBuilder();
  const rawContent = new ShellTextBuilder();
  for (let index = firstLine; index < lines.count; index++) {
    const lineStart = lines.starts[index]!;
    const lineEnd = lines.ends[index]!;
    let contentStart = lineStart;
    if (marker.stripTabs) while (contentStart < lineEnd && text.charCodeAt(contentStart) === 0x09) contentStart++;
    if (lineEnd - contentStart === marker.delimiter.length && text.startsWith(marker.delimiter, contentStart)) {
      return { firstLine, terminatorLine: index, content: content.build(), rawContent: rawContent.build(), delimiterStart: contentStart };
    }
    const next = index + 1 < lines.count ? lines.starts[index + 1]! : text.length;
    rawContent.append(text.slice(lineStart, next), lineStart);
    content.append(text.slice(contentStart, next), contentStart);
  }
  return null;
}
