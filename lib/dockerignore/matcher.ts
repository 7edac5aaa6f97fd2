/**
 * Which paths of a build context a `.dockerignore` excludes, as BuildKit decides it when it sends
 * the context (tonistiigi/fsutil's walker over moby/patternmatcher, Linux semantics):
 *
 * - patterns are tried in order and the last one that matches wins (`!` patterns re-include);
 * - the walker goes down the tree and remembers, per pattern, whether a parent directory matched
 *   it: a pattern that matches a directory matches everything below it (`node_modules` excludes
 *   `node_modules/a/b.js`), and an exception can re-include a file below an excluded directory
 *   (`build` then `!build/keep.txt`);
 * - matching is on the context-relative path with `/` separators; there is no "directory only"
 *   pattern (Docker cleans `dir/` to `dir`) and no "anywhere" matching without `**`
 *   (`*.md` matches `README.md` at the root only; `**` followed by `/*.md` matches at any depth).
 */
import type { Pattern } from "./ast.js";
import { goClean, goTrimSpace } from "./go-path.js";
import { normalizePattern, parseDockerignore } from "./parse.js";
import { compilePattern, matchCompiled, type CompiledPattern } from "./pattern.js";

export interface MatcherPattern {
  /** Index in the list given to `createIgnoreMatcher`. */
  index: number;
  negated: boolean;
  /** The cleaned pattern, without `!`. */
  pattern: string;
  compiled: CompiledPattern;
  /** The AST node, when the matcher was built from nodes. */
  node: Pattern | null;
  /** Why Docker rejects the pattern (the build fails), or null. Such patterns never match here. */
  error: string | null;
}

export interface IgnoreDecision {
  excluded: boolean;
  /** The pattern that decided (the last one that matched), or null when none matched. */
  pattern: MatcherPattern | null;
}

export interface IgnoreMatcher {
  /**
   * Is this context-relative path excluded from the build context?
   *
   * With `isDir: true` the question is "does the directory bring nothing into the context?": true
   * only when the directory is excluded and no `!` exception could re-include anything below it
   * (Docker then sends nothing of it, and `COPY dir/` fails). A directory that is excluded but has
   * exceptions below it gives false.
   */
  (relativePath: string, isDir?: boolean): boolean;
  /** The decision for a path and the pattern that made it. */
  explain(relativePath: string): IgnoreDecision;
  /** Could a `!` exception re-include something below this (excluded) directory? */
  couldReincludeUnder(directory: string): boolean;
  readonly patterns: readonly MatcherPattern[];
  /** Patterns Docker rejects: with any of them the build fails ("syntax error in pattern"). */
  readonly invalid: readonly MatcherPattern[];
}

/** Normalizes a path to the form Docker matches: relative, cleaned, `/`-separated. Null when outside the context or the context root itself. */
function normalizeContextPath(path: string): string | null {
  let cleaned = goClean(path.trim() === "" ? "." : path);
  while (cleaned.startsWith("/")) cleaned = cleaned.slice(1);
  if (cleaned === "" || cleaned === ".") return null;
  if (cleaned === ".." || cleaned.startsWith("../")) return null;
  return cleaned;
}

function toMatcherPattern(input: Pattern | string, index: number): MatcherPattern | null {
  let negated: boolean;
  let pattern: string;
  let node: Pattern | null = null;
  if (typeof input === "string") {
    const raw = goTrimSpace(input);
    if (raw === "") return null;
    ({ negated, pattern } = normalizePattern(raw));
  } else {
    node = input;
    negated = input.negated;
    pattern = input.pattern;
  }
  // patternmatcher.New cleans the line again, `!` included: "!/" becomes "!".
  let error: string | null = null;
  let body = pattern;
  if (negated) {
    const cleaned = goClean("!" + pattern);
    if (cleaned === "!") error = 'Illegal exclusion pattern "!": an exception needs a pattern after the !.';
    else body = cleaned.slice(1);
  } else {
    body = goClean(pattern);
  }
  const compiled = compilePattern(body);
  if (!error && compiled.error) error = compiled.error.message;
  return { index, negated, pattern: body, compiled, node, error };
}

/** Builds a matcher from AST patterns or from pattern lines (`"node_modules"`, `"!keep.txt"`). */
export function createIgnoreMatcher(patterns: readonly (Pattern | string)[]): IgnoreMatcher {
  const list: MatcherPattern[] = [];
  patterns.forEach((input, index) => {
    const pattern = toMatcherPattern(input, index);
    if (pattern) list.push(pattern);
  });
  const usable = list.map((pattern) => (pattern.error ? null : pattern));
  const cache = new Map<string, { matched: boolean; decider: number; info: boolean[] }>();

  const matchOne = (index: number, path: string): boolean => {
    const pattern = usable[index];
    return pattern ? matchCompiled(pattern.compiled, path) : false;
  };

  /** patternmatcher.MatchesUsingParentResults for one path, given its parent's per-pattern results. */
  const evaluate = (path: string, parent: boolean[] | null): { matched: boolean; decider: number; info: boolean[] } => {
    let matched = false;
    let decider = -1;
    const info: boolean[] = new Array<boolean>(list.length).fill(false);
    for (let index = 0; index < list.length; index++) {
      const pattern = list[index]!;
      let match = parent ? parent[index]! : false;
      if (!match) {
        if (pattern.negated !== matched) continue;
        match = matchOne(index, path);
        if (!match && !parent) {
          const slash = path.lastIndexOf("/");
          if (slash > 0) {
            const dirs = path.slice(0, slash).split("/");
            for (let depth = 1; depth <= dirs.length && !match; depth++) {
              match = matchOne(index, dirs.slice(0, depth).join("/"));
            }
          }
        }
      }
      info[index] = match;
      if (match) {
        matched = !pattern.negated;
        decider = index;
      }
    }
    return { matched, decider, info };
  };

  /** Walks from the top of the context down to `path`, as the BuildKit walker does. */
  const walk = (path: string): { matched: boolean; decider: number; info: boolean[] } => {
    const cached = cache.get(path);
    if (cached) return cached;
    const slash = path.lastIndexOf("/");
    const parent = slash > 0 ? walk(path.slice(0, slash)) : null;
    const result = evaluate(path, parent ? parent.info : null);
    cache.set(path, result);
    return result;
  };

  const explain = (relativePath: string): IgnoreDecision => {
    const path = normalizeContextPath(relativePath);
    if (path === null || list.length === 0) return { excluded: false, pattern: null };
    const result = walk(path);
    return { excluded: result.matched, pattern: result.decider >= 0 ? list[result.decider]! : null };
  };

  const exceptionsCouldMatchBelow = (directory: string, after: number): boolean => {
    for (let index = after + 1; index < list.length; index++) {
      const pattern = usable[index];
      if (pattern?.negated && canMatchBelow(pattern.compiled, directory)) return true;
    }
    return false;
  };

  const couldReincludeUnder = (directory: string): boolean => {
    const path = normalizeContextPath(directory);
    if (path === null) return list.some((pattern) => pattern.negated && !pattern.error);
    const result = walk(path);
    return exceptionsCouldMatchBelow(path, result.matched ? result.decider : -1);
  };

  const matcher = ((relativePath: string, isDir?: boolean): boolean => {
    const path = normalizeContextPath(relativePath);
    if (path === null || list.length === 0) return false;
    const result = walk(path);
    if (!result.matched) return false;
    if (isDir) return !exceptionsCouldMatchBelow(path, result.decider);
    return true;
  }) as IgnoreMatcher;
  Object.defineProperties(matcher, {
    explain: { value: explain },
    couldReincludeUnder: { value: couldReincludeUnder },
    patterns: { value: Object.freeze(list.slice()) },
    invalid: { value: Object.freeze(list.filter((pattern) => pattern.error !== null)) },
  });
  return matcher;
}

/**
 * Could the pattern match some path strictly below `directory`? Errs on the side of "yes" when it
 * cannot tell (callers use a "no" to conclude that a directory is wholly excluded).
 */
function canMatchBelow(compiled: CompiledPattern, directory: string): boolean {
  const pattern = compiled.pattern;
  const prefix = directory + "/";
  switch (compiled.matchType) {
    case "exact":
      return pattern.startsWith(prefix);
    case "prefix": {
      const start = pattern.slice(0, -2);
      return start.startsWith(prefix) || prefix.startsWith(start);
    }
    case "suffix":
      return true;
    case "regexp": {
      const patternSegments = pattern.split("/");
      const directorySegments = directory.split("/");
      for (const [index, segment] of directorySegments.entries()) {
        const patternSegment = patternSegments[index];
        if (patternSegment === undefined) return false;
        if (patternSegment.includes("**")) return true;
        const segmentPattern = compilePattern(patternSegment);
        if (segmentPattern.error) return true;
        if (!matchCompiled(segmentPattern, segment)) return false;
      }
      return patternSegments.length > directorySegments.length;
    }
  }
}

/**
 * The matcher of a `.dockerignore` text (for cross-file rules reading another file), or null when
 * the text is not a valid `.dockerignore` (binary content).
 */
export function createIgnoreMatcherFromText(text: string): IgnoreMatcher | null {
  const result = parseDockerignore(text);
  return result.ok ? createIgnoreMatcher(result.ast.patterns) : null;
}
