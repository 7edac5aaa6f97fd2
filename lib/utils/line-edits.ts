/**
 * Text ranges for edits that remove or insert whole lines of a file (an instruction and the line
 * break after it), so a fix leaves no blank line or stray indentation behind.
 */
import type { Range } from "./range.js";

/**
 * The range that deletes `range` together with its lines: from the start of its first line (when
 * only blanks precede it there) to just after the line break that ends its last line (when only
 * blanks follow it). Offsets are UTF-16 indexes into `text`; `\r\n`, `\n` and `\r` end a line.
 */
export function wholeLinesRange(text: string, range: Range): Range {
  let start = range[0];
  while (start > 0 && (text[start - 1] === " " || text[start - 1] === "\t")) start -= 1;
  const atLineStart = start === 0 || text[start - 1] === "\n" || text[start - 1] === "\r";
  if (!atLineStart) start = range[0];
  let end = range[1];
  while (end < text.length && (text[end] === " " || text[end] === "\t")) end += 1;
  if (text.startsWith("\r\n", end)) return [start, end + 2];
  if (text[end] === "\n" || text[end] === "\r") return [start, end + 1];
  if (end === text.length) return [start, end];
  return [start, range[1]];
}

/** The indentation (blanks) before `offset` on its line, when only blanks precede it there; else "". */
export function indentationAt(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && (text[start - 1] === " " || text[start - 1] === "\t")) start -= 1;
  return start === 0 || text[start - 1] === "\n" || text[start - 1] === "\r" ? text.slice(start, offset) : "";
}
