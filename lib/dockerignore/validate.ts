/**
 * Checks of `.dockerignore` patterns, for `valid-dockerignore` and friends.
 *
 * Errors are what makes Docker refuse the file (the build fails before it starts):
 * - `syntax`: Go's `filepath.Match` rejects the pattern (`ErrBadPattern`): an unclosed `[`, an
 *   empty class `[]`, a class range without a start (`[-a]`) or end (`[a-]`), a trailing `\`;
 * - `illegal-exclusion`: a lone `!` (or `!/`);
 * - `compile`: the regular expression Docker derives from the pattern does not compile (for example
 *   `\q`, an escape RE2 does not know, or a reversed class range `[z-a]`).
 * Warnings are patterns that can never match any path of a build context.
 */
import type { Pattern, Range, SourceLocation } from "./ast.js";
import { goClean } from "./go-path.js";
import { checkGlobSyntax, compilePattern } from "./pattern.js";

export type DockerignoreProblemKind = "syntax" | "illegal-exclusion" | "compile" | "never-matches";

export interface DockerignoreProblem {
  kind: DockerignoreProblemKind;
  severity: "error" | "warning";
  message: string;
  node: Pattern;
  /** The offending part of the source (a character of the pattern, or the whole pattern). */
  range: Range;
  loc: SourceLocation;
}

function locWithin(node: Pattern, range: Range): SourceLocation {
  // Patterns never span lines: columns shift by the offset from the pattern's start.
  const line = node.loc.start.line;
  const base = node.loc.start.column - node.range[0];
  return { start: { line, column: base + range[0] }, end: { line, column: base + range[1] } };
}

function problem(
  node: Pattern,
  kind: DockerignoreProblemKind,
  message: string,
  range: Range = node.patternRange[0] < node.patternRange[1] ? node.patternRange : node.range,
): DockerignoreProblem {
  return {
    kind,
    severity: kind === "never-matches" ? "warning" : "error",
    message,
    node,
    range,
    loc: locWithin(node, range),
  };
}

/** The problems of one pattern line (at most one error, or warnings). */
function validatePattern(node: Pattern): DockerignoreProblem[] {
  const written = node.raw.slice(node.patternRange[0] - node.range[0]);
  if (node.negated && goClean("!" + node.pattern) === "!") {
    return [problem(node, "illegal-exclusion", 'Illegal exclusion pattern: "!" must be followed by a pattern.', node.range)];
  }
  const syntax = checkGlobSyntax(node.pattern);
  if (syntax) {
    // Docker checks the cleaned pattern; locate the culprit in the pattern as written when possible.
    const local = checkGlobSyntax(written);
    let range: Range = node.patternRange;
    if (local) {
      const start = node.patternRange[0] + local.offset;
      const code = written.codePointAt(local.offset);
      range = [start, Math.min(node.patternRange[1], start + (code !== undefined && code > 0xffff ? 2 : 1))];
    }
    return [problem(node, "syntax", `Invalid pattern: ${syntax.message}`, range)];
  }
  const compiled = compilePattern(node.pattern);
  if (compiled.error) {
    return [problem(node, "compile", compiled.error.message)];
  }
  const pattern = node.pattern;
  if (pattern === "." ) {
    return [problem(node, "never-matches", "This pattern names the context root, which Docker never matches: it excludes nothing.")];
  }
  if (pattern === ".." || pattern.startsWith("../")) {
    return [problem(node, "never-matches", "Paths in a build context never start with \"..\": this pattern never matches.")];
  }
  if (pattern === "/") {
    return [problem(node, "never-matches", "The pattern \"/\" never matches (Docker matches context-relative paths).")];
  }
  return [];
}

/** The problems of every pattern of a file, in source order. */
export function validateDockerignore(program: { patterns: readonly Pattern[] }): DockerignoreProblem[] {
  return program.patterns.flatMap((node) => validatePattern(node));
}
