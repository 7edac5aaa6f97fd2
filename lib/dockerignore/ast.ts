/**
 * The `.dockerignore` AST. Offsets are UTF-16 indices into the text (end exclusive); lines are
 * 1-based and columns 0-based, as ESLint expects.
 */

import type { Range, SourceLocation } from "../utils/range.js";
export type { Position, Range, SourceLocation } from "../utils/range.js";

interface BaseNode {
  range: Range;
  loc: SourceLocation;
}

/** A line Docker reads as a pattern. */
export interface Pattern extends BaseNode {
  type: "Pattern";
  /** `!pattern`: an exception that re-includes what earlier patterns exclude. */
  negated: boolean;
  /** The line as written, without surrounding whitespace (what `range` covers). */
  raw: string;
  /**
   * The pattern Docker matches with (moby `ignorefile.ReadAll`): `!` and the whitespace after it
   * removed, cleaned like Go's `filepath.Clean` (`./a//b/` → `a/b`), one leading `/` removed.
   * Empty for a lone `!`.
   */
  pattern: string;
  /** Range of the pattern as written (after `!` and the whitespace after it). */
  patternRange: Range;
  patternLoc: SourceLocation;
  parent: DockerignoreProgram;
}

/** A line starting with `#` (Docker only treats lines whose first character is `#` as comments). */
export interface Comment extends BaseNode {
  type: "Comment";
  /** The text after `#`. */
  value: string;
  parent: DockerignoreProgram;
}

export interface DockerignoreProgram extends BaseNode {
  type: "Program";
  patterns: Pattern[];
  comments: Comment[];
  parent: null;
}

export type DockerignoreNode = DockerignoreProgram | Pattern | Comment;

export type DockerignoreNodeType = DockerignoreNode["type"];

export type ParseDockerignoreResult =
  | { ok: true; ast: DockerignoreProgram }
  | { ok: false; errors: [{ message: string; line: number; column: number }] };
