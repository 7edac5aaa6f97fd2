import type { SourceLocation } from "@eslint/core";

/** What `rangeLoc` needs of a SourceCode: ESLint's offset → line/column conversion. */
interface LocatingSource {
  getLocFromIndex(index: number): { line: number; column: number };
}

/**
 * The ESLint location of a source range (UTF-16 offsets, end exclusive), for reporting on a part of a
 * node that has no node of its own (a flag value, a stage name, a tag).
 */
export function rangeLoc(sourceCode: LocatingSource, range: readonly [number, number]): SourceLocation {
  return { start: sourceCode.getLocFromIndex(range[0]), end: sourceCode.getLocFromIndex(range[1]) };
}
