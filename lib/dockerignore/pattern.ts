/**
 * One `.dockerignore` pattern, checked and compiled exactly as Docker does it (Linux semantics):
 *
 * 1. `moby/patternmatcher.New` validates the pattern with Go's `filepath.Match(pattern, ".")`,
 *    which reports `ErrBadPattern` for an unclosed `[`, an empty or reversed class, a trailing `\`…
 *    A bad pattern fails the whole build ("syntax error in pattern").
 * 2. `Pattern.compile` turns it into a Go (RE2) regular expression — not into `filepath.Match`
 *    semantics: a star becomes "anything but a slash", `?` one such character, a double star
 *    "any number of directories", the characters `.+()|{}$` are escaped, and `[`, `]` and backslash escapes are passed
 *    through to RE2. Patterns without wildcards are compared as strings; a trailing double star is a
 *    prefix test and a leading one a suffix test. So Docker differs from both shells and gitignore:
 *    `[!a]` is a class holding `!` and `a` (only `[^a]` negates), and a class may match `/`.
 * 3. That RE2 expression is run by our own linear-time automaton (glob-program.ts), never by
 *    JavaScript's backtracking RegExp: a pattern's matching time is bounded by pattern × path.
 */
import { compileGlobProgram, runGlobProgram, type GlobProgram } from "./glob-program.js";

export interface GlobSyntaxError {
  /** Offset in the pattern (UTF-16) where the problem is. */
  offset: number;
  message: string;
}

/**
 * Go's `filepath.Match` syntax check (Unix), as `patternmatcher.New` runs it on every pattern.
 * Returns null when the pattern is well-formed.
 */
export function checkGlobSyntax(pattern: string): GlobSyntaxError | null {
  let index = 0;
  while (index < pattern.length) {
    // scanChunk: leading stars, then up to the next star outside a [...] (naively tracked).
    while (pattern[index] === "*") index++;
    const chunkStart = index;
    let inRange = false;
    let end = index;
    for (; end < pattern.length; end++) {
      const char = pattern[end];
      if (char === "\\") {
        if (end + 1 < pattern.length) end++;
      } else if (char === "[") {
        inRange = true;
      } else if (char === "]") {
        inRange = false;
      } else if (char === "*" && !inRange) {
        break;
      }
    }
    const error = checkChunk(pattern, chunkStart, end);
    if (error) return error;
    index = end;
  }
  return null;
}

/** matchChunk's validation of `pattern[start, end)`. */
function checkChunk(pattern: string, start: number, end: number): GlobSyntaxError | null {
  let index = start;
  while (index < end) {
    const char = pattern[index];
    if (char === "[") {
      const open = index;
      index++;
      if (index < end && pattern[index] === "^") index++;
      let ranges = 0;
      for (;;) {
        if (index < end && pattern[index] === "]" && ranges > 0) {
          index++;
          break;
        }
        const low = getEscape(pattern, index, end, open);
        if ("message" in low) return low;
        index = low.next;
        if (pattern[index] === "-") {
          const high = getEscape(pattern, index + 1, end, open);
          if ("message" in high) return high;
          index = high.next;
        }
        ranges++;
      }
    } else if (char === "\\") {
      index++;
      if (index >= end) return { offset: index - 1, message: "A trailing backslash escapes nothing." };
      index += codePointLength(pattern, index);
    } else {
      index += codePointLength(pattern, index);
    }
  }
  return null;
}

/** Go's getEsc: one (possibly escaped) character of a class. */
function getEscape(
  pattern: string,
  index: number,
  end: number,
  open: number,
): { next: number } | GlobSyntaxError {
  if (index >= end) return { offset: open, message: "Character class opened with [ is never closed with ]." };
  const char = pattern[index];
  if (char === "-" || char === "]") {
    return {
      offset: index,
      message:
        char === "]"
          ? "Empty character class: a class needs at least one character before ] (write \\] for a literal ])."
          : "A range in a character class is missing its start (write \\- for a literal -).",
    };
  }
  let position = index;
  if (char === "\\") {
    position++;
    if (position >= end) return { offset: index, message: "A trailing backslash escapes nothing." };
  }
  position += codePointLength(pattern, position);
  if (position >= end) return { offset: open, message: "Character class opened with [ is never closed with ]." };
  return { next: position };
}

function codePointLength(text: string, index: number): number {
  const code = text.codePointAt(index);
  return code !== undefined && code > 0xffff ? 2 : 1;
}

export type MatchType = "exact" | "prefix" | "suffix" | "regexp";

export interface CompiledPattern {
  /** The cleaned pattern (without `!`). */
  pattern: string;
  matchType: MatchType;
  /** The RE2 expression Docker builds (regexp patterns only). */
  goRegExp: string | null;
  /** That expression compiled to our linear-time automaton (regexp patterns only; null when Go would reject it). */
  program: GlobProgram | null;
  /** Why Docker could not use the pattern (syntax error or RE2 compile error), or null. */
  error: GlobSyntaxError | null;
}

const REGEXP_ESCAPED = new Set([".", "+", "(", ")", "|", "{", "}", "$"]);

/** Builds the RE2 expression of `patternmatcher.Pattern.compile` (Unix: separator `/`). */
export function compileToGoRegExp(pattern: string): { matchType: MatchType; goRegExp: string } {
  const chars = [...pattern];
  let regStr = "^";
  let matchType: MatchType = "exact";
  let position = 0;
  for (let iteration = 0; position < chars.length; iteration++) {
    const char = chars[position++]!;
    if (char === "*") {
      if (chars[position] === "*") {
        position++;
        if (chars[position] === "/") position++;
        if (position >= chars.length) {
          if (matchType === "exact") {
            matchType = "prefix";
          } else {
            regStr += ".*";
            matchType = "regexp";
          }
        } else {
          regStr += "(.*/)?";
          matchType = "regexp";
        }
        if (iteration === 0) matchType = "suffix";
      } else {
        regStr += "[^/]*";
        matchType = "regexp";
      }
    } else if (char === "?") {
      regStr += "[^/]";
      matchType = "regexp";
    } else if (REGEXP_ESCAPED.has(char)) {
      regStr += "\\" + char;
    } else if (char === "\\") {
      if (position < chars.length) {
        regStr += "\\" + chars[position++]!;
        matchType = "regexp";
      } else {
        regStr += "\\";
      }
    } else if (char === "[" || char === "]") {
      regStr += char;
      matchType = "regexp";
    } else {
      regStr += char;
    }
  }
  return { matchType, goRegExp: regStr + "$" };
}

/**
 * Checks and compiles one cleaned pattern (without its `!`). Never throws; a pattern Docker rejects
 * gets `error` (it is never dropped silently). Time linear in the pattern's length.
 */
export function compilePattern(pattern: string): CompiledPattern {
  const syntax = checkGlobSyntax(pattern);
  const { matchType, goRegExp } = compileToGoRegExp(pattern);
  const compiled: CompiledPattern = { pattern, matchType, goRegExp: null, program: null, error: syntax };
  if (matchType !== "regexp") return compiled;
  compiled.goRegExp = goRegExp;
  const program = compileGlobProgram(goRegExp);
  if ("message" in program) {
    compiled.error ??= { offset: 0, message: `Docker cannot compile this pattern: ${program.message}.` };
  } else {
    compiled.program = program;
  }
  return compiled;
}

/**
 * Does a compiled pattern match a cleaned, slash-separated, context-relative path? Time
 * O(pattern × path), whatever the pattern.
 */
export function matchCompiled(compiled: CompiledPattern, path: string): boolean {
  if (compiled.error) return false;
  switch (compiled.matchType) {
    case "exact":
      return path === compiled.pattern;
    case "prefix":
      return path.startsWith(compiled.pattern.slice(0, -2));
    case "suffix": {
      const suffix = compiled.pattern.slice(2);
      if (path.endsWith(suffix)) return true;
      return suffix[0] === "/" && path === suffix.slice(1);
    }
    case "regexp":
      return compiled.program ? runGlobProgram(compiled.program, path) : false;
  }
}
