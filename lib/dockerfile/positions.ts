/**
 * Physical lines and offset → line/column conversion, as BuildKit reads lines (see
 * `lib/utils/line-ends.ts`, model `"buildkit"`): a line ends at `\n`, and the `\r`s just before it
 * (or at the end of the file) are part of its line end (`scanLines`, `trimNewline`). A lone `\r`
 * elsewhere is inside the line, as for BuildKit: `ARG A=1\rFROM x` is one ARG instruction. A
 * SourceCode that shows these locations must split lines the same way: pass
 * {@link LINE_ENDING_PATTERN} as `lineEndingPattern` to `TextSourceCodeBase`.
 */
import { LINE_BREAK_PATTERN } from "../utils/line-ends.js";
import type { Position } from "./ast.js";

export const LINE_ENDING_PATTERN = LINE_BREAK_PATTERN.buildkit;

/** The physical lines of a text, as parallel arrays (index = 0-based line number). */
export interface LineTable {
  /** Offset of each line's first character. */
  readonly starts: readonly number[];
  /** Offset just past each line's content (before its line break and the `\r`s before that). */
  readonly ends: readonly number[];
  readonly count: number;
}

export function createLineTable(text: string): LineTable {
  const starts: number[] = [0];
  const ends: number[] = [];
  const length = text.length;
  const contentEnd = (end: number): number => {
    let k = end;
    while (k > starts[starts.length - 1]! && text.charCodeAt(k - 1) === 13 /* \r */) k--;
    return k;
  };
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
    ends.push(contentEnd(i));
    starts.push(i + 1);
  }
  ends.push(contentEnd(length));
  return { starts, ends, count: starts.length };
}

/** 0-based index of the line containing `offset` (an offset on a line break belongs to that line). */
function lineIndexAt(table: LineTable, offset: number): number {
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

/**
 * ESLint position (1-based line, 0-based column) of an offset. An offset inside a line's terminator
 * (between `\r` and `\n`) is shown at the end of the line's content: no column lies past the line.
 */
export function positionAt(table: LineTable, offset: number): Position {
  const index = lineIndexAt(table, offset);
  return { line: index + 1, column: Math.min(offset, table.ends[index]!) - table.starts[index]! };
}
