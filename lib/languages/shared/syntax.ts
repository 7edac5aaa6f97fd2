import type { SourceLocation, SourceRange } from "@eslint/core";

/** What every node and comment of our three languages carries, whatever its language. */
export interface SyntaxElement {
  type: string;
  range: SourceRange;
  loc: SourceLocation;
}

/** A `#` comment; `value` is the text after the `#`. */
export interface CommentLike extends SyntaxElement {
  value: string;
}

/** Node type → the keys of its children, in source order (mutable arrays only because ESLint's types say so). */
export type VisitorKeys = Record<string, string[]>;
