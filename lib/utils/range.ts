/**
 * Offsets and positions in a linted file, shared by every model (Dockerfile, shell, `.dockerignore`,
 * compose edits): declared once here so the layers above agree on one shape.
 */

/** `[start, end)` in UTF-16 code units of the text ESLint hands the parser (BOM removed). */
export type Range = [number, number];

export interface Position {
  /** 1-based. */
  line: number;
  /** 0-based, UTF-16 code units. */
  column: number;
}

export interface SourceLocation {
  start: Position;
  end: Position;
}
