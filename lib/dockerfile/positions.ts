/**
 * Physical lines and offset → line/column conversion.
 *
 * A line ends at `\r\n`, `\n` or a lone `\r` (old Mac files). BuildKit itself splits on `\n` and
 * trims trailing `\r`s, which gives the same lines for LF and CRLF files. A SourceCode that shows
 * these locations must split lines the same way: pass {@link LINE_ENDING_PATTERN} as
 * `lineEndingPattern` to `TextSourceCodeBase`.
 */
import type { Position } from "./ast.js";

export const LINE_ENDING_PATTERN = /\r\n|[\r\n]/u;

/** The physical lines of a text, as parallel arrays (index = 0-based line number). */
export interface LineTable {
  /** Offset of each line's first character. */
  readonly starts: readonly number[];
  /** Offset just past each line's content (before its line break). */
  readonly ends: readonly number[];
  readonly count: number;
}

export function createLineTable(text: string): LineTable {
  const starts: number[] = [0];
  const ends: number[] = [];
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      ends.push(i);
      starts.push(i + 1);
    } else if (c === 13 /* \r */) {
      ends.push(i);
      if (i + 1 < length && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  ends.push(length);
  return { starts, ends, count: starts.length };
}

/** 0-based index of the line containing `offset` (an offset on a line break belongs to that line). */
export function lineIndexAt(table: LineTable, offset: number): number {
  const starts = table.starts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** ESLint position (1-based line, 0-based column) of an offset. */
export function positionAt(table: LineTable, offset: number): Position {
  const index = lineIndexAt(table, offset);
  return { line: index + 1, column: offset - table.starts[index]! };
}
