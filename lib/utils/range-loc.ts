import type { SourceLocation } from "@eslint/core";

/** Anything that maps a UTF-16 offset of the file to a 1-based line and 0-based column (every SourceCode). */
export interface OffsetLocator {
  getLocFromIndex(index: number): { line: number; column: number };
}

/**
 * The `loc` to report for `[start, end)` (UTF-16 offsets into the file, end exclusive), for a part of the
 * file that has no node of its own: a shell word or command, a flag value, a stage name, a tag.
 */
export function locOfRange(sourceCode: OffsetLocator, range: readonly [number, number]): SourceLocation {
  return { start: sourceCode.getLocFromIndex(range[0]), end: sourceCode.getLocFromIndex(range[1]) };
}
