/**
 * Checks of `.dockerignore` patterns, for `valid-dockerignore` and friends.
 *
 * Errors are what makes Docker refuse the file (the build fails before it starts):
 * - `syntax`: Go's `filepath.Match` rejects the pattern (`ErrBadPattern`): an unclosed `[`, an
 *   empty class `[]`, a class range without a start (`[-a]`) or end (`[a-]`), a trailing `\`;
 * - `illegal-exclusion`: a lone `!` (or `!/`);
 * - `compile`: the regular expression Docker derives from the pattern does not compile (for example
 *   `\q`, an escape RE2 does not know, or a reversed class range `[z-a]`).
 * Warnings are lines that cannot do what they say, with the reason:
 * - `never-matches`: the pattern can never match a path of a build context (`.`, `..`, `../x`, `/`);
 * - `double-star`: `**` written inside a name (`a**b`, `src/**.js`): Docker turns every `**` into "any
 *   number of whole folders" (the expression `(.*` + `/)?`), so the pattern does not match what a `*` would;
 * - `reincludes-nothing`: a `!` exception that no line before it excludes anything of (an exception
 *   only takes back what earlier lines exclude; the last matching line wins);
 * - `shadowed`: a line whose every match another line decides the same way, with no exception
 *   between them (a repeated line, `node_modules` beside `**` or `*`), or an exception that a later
 *   line excludes again entirely.
 * The file-level checks only conclude when sure; a pattern they cannot analyse (a character class,
 * which Docker lets match `/`, or an escape) is left alone.
 */
import type { Pattern, Range, SourceLocation } from "./ast.js";
import { goClean } from "./go-path.js";
import { checkGlobSyntax, compilePattern, matchCompiled, type CompiledPattern } from "./pattern.js";

export type DockerignoreProblemKind = "syntax" | "illegal-exclusion" | "compile" | "never-matches" | "double-star" | "reincludes-nothing" | "shadowed";

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
    severity: kind === "syntax" || kind === "illegal-exclusion" || kind === "compile" ? "error" : "warning",
    message,
    node,
    range,
    loc: locWithin(node, range),
  };
}

/** The problems of one pattern line (at most one error, or warnings), with the compiled pattern when the line has no error. */
function checkPattern(node: Pattern): { problems: DockerignoreProblem[]; compiled: CompiledPattern | null } {
  const written = node.raw.slice(node.patternRange[0] - node.range[0]);
  if (node.negated && goClean("!" + node.pattern) === "!") {
    return { problems: [problem(node, "illegal-exclusion", 'Illegal exclusion pattern: "!" must be followed by a pattern.', node.range)], compiled: null };
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
    return { problems: [problem(node, "syntax", `Invalid pattern: ${syntax.message}`, range)], compiled: null };
  }
  const compiled = compilePattern(node.pattern);
  if (compiled.error) {
    return { problems: [problem(node, "compile", compiled.error.message)], compiled: null };
  }
  const pattern = node.pattern;
  if (pattern === "." ) {
    return { problems: [problem(node, "never-matches", "This pattern names the context root, which Docker never matches: it excludes nothing.")], compiled };
  }
  if (pattern === ".." || pattern.startsWith("../")) {
    return { problems: [problem(node, "never-matches", "Paths in a build context never start with \"..\": this pattern never matches.")], compiled };
  }
  if (pattern === "/") {
    return { problems: [problem(node, "never-matches", "The pattern \"/\" never matches (Docker matches context-relative paths).")], compiled };
  }
  const misused = misusedDoubleStar(pattern, compiled);
  return { problems: misused ? [problem(node, "double-star", misused)] : [], compiled };
}

/**
 * Why a `**` of the pattern does not mean what it looks like, or null. Docker's compiler
 * (patternmatcher `Pattern.compile`) turns `**` (and the `/` right after it) into `(.*` `/)?` wherever
 * it stands: a leading one (`**foo`, "ends with foo") and a trailing one (`foo**`, "starts with foo")
 * read as expected, but one inside a name stands for whole folders only, so `a**b` matches `ab` and
 * `ax/b` but not `axb`.
 */
function misusedDoubleStar(pattern: string, compiled: CompiledPattern): string | null {
  for (let index = pattern.indexOf("**"); index !== -1; index = pattern.indexOf("**", index + 2)) {
    let end = index + 2;
    while (pattern[end] === "*") end++;
    // A run of three or more stars ends with a plain `*` (`a/***` is "anything below a").
    if (end - index > 2) {
      index = end - 2;
      continue;
    }
    const before = index === 0 ? null : pattern[index - 1]!;
    const after = end >= pattern.length ? null : pattern[end]!;
    if (before === null || after === null) continue;
    if (before === "/" && after === "/") continue;
    if (before === "*" || after === "*") continue;
    const written = pattern.slice(index, end + (after === "/" ? 1 : 0));
    const examples = doubleStarExamples(pattern, index, index + written.length, compiled);
    const shown = examples ? `: \`${pattern}\` matches \`${examples.yes}\` but not \`${examples.no}\`` : "";
    return `\`**\` inside a name stands for any number of whole folders (Docker compiles it to \`(.*/)?\`), not for any characters${shown}. Write \`*\` within a name, or \`/**/\` between folders.`;
  }
  return null;
}

/** Two paths that show what a misplaced `**` does (one it matches, one a `*` would), checked with Docker's matcher. */
function doubleStarExamples(pattern: string, start: number, end: number, compiled: CompiledPattern): { yes: string; no: string } | null {
  // Examples of a long pattern would be long too (and cost pattern × path to check).
  if (/[[\\]/u.test(pattern) || pattern.length > 100) return null;
  const concrete = (text: string) => text.replace(/\*+|\?/gu, "x");
  const yes = concrete(pattern.slice(0, start)) + concrete(pattern.slice(end));
  const no = concrete(pattern.slice(0, start)) + "x" + concrete(pattern.slice(end));
  return matchCompiled(compiled, yes) && !matchCompiled(compiled, no) ? { yes, no } : null;
}

/** A pattern line as the file-level checks see it. */
interface Analysed {
  node: Pattern;
  negated: boolean;
  pattern: string;
  compiled: CompiledPattern;
  segments: string[];
  /** A class (which Docker lets match `/`) or an escape: the segment analysis does not apply. */
  opaque: boolean;
}

const UNIVERSAL = new Set(["*", "**", "**/*"]);
/** Stands for the compiled pattern in files too large for the pairwise checks, which alone read it. */
const NOT_COMPILED: CompiledPattern = { pattern: "", matchType: "exact", goRegExp: null, program: null, error: null };
/** Beyond this many lines the pairwise checks are skipped (they are quadratic within a run of exclusions). */
const MAX_PAIRWISE = 400;

const isLiteralSegment = (segment: string) => !/[*?[\\]/u.test(segment);

/** Could a path matched by `a` be matched by `b`, or be the parent or a child of one `b` matches? Yes when unsure. */
function mayOverlap(a: Analysed, b: Analysed): boolean {
  if (a.opaque || b.opaque) return true;
  const length = Math.min(a.segments.length, b.segments.length);
  for (let index = 0; index < length; index++) {
    const left = a.segments[index]!;
    const right = b.segments[index]!;
    if (left.includes("**") || right.includes("**")) return true;
    const leftLiteral = isLiteralSegment(left);
    const rightLiteral = isLiteralSegment(right);
    if (leftLiteral && rightLiteral) {
      if (left !== right) return false;
    } else if (leftLiteral || rightLiteral) {
      const [literal, glob] = leftLiteral ? [left, right] : [right, left];
      if (!matchCompiled(compilePattern(glob), literal)) return false;
    }
  }
  return true;
}

/**
 * Is everything `a` matches (with what lies below it) also matched by `b` or below a folder `b`
 * matches? Only answers yes when sure.
 */
function covers(b: Analysed, a: Analysed): boolean {
  if (a.pattern === b.pattern || UNIVERSAL.has(b.pattern)) return true;
  if (a.opaque) return false;
  // Every path of `a` starts with its literal leading folders: `b` matching one of those prefixes
  // matches a parent (or the path itself) of each.
  for (let count = 1; count <= a.segments.length && isLiteralSegment(a.segments[count - 1]!); count++) {
    if (matchCompiled(b.compiled, a.segments.slice(0, count).join("/"))) return true;
  }
  // `**/S` matches every path whose last name matches S: `a` ending in the same single-name S.
  if (!b.opaque && b.segments.length === 2 && b.segments[0] === "**" && !b.segments[1]!.includes("**")) {
    const last = a.segments.at(-1)!;
    if (last === b.segments[1] && !last.includes("**")) return true;
  }
  return false;
}

/**
 * Does `b` itself match every path `a` itself matches (not only a folder above it)? What an
 * exception re-includes is excluded again only by a later line that matches the path directly:
 * moby's walker (`MatchesUsingParentResults`) skips a later exclusion at a folder that is already
 * excluded, so that exclusion does not reach below the folder (`dist`, `!dist/keep`, `*` keeps
 * `dist/keep`).
 */
function coversDirectly(b: Analysed, a: Analysed): boolean {
  if (a.pattern === b.pattern || b.pattern === "**" || b.pattern === "**/*") return true;
  if (a.opaque) return false;
  if (a.segments.every(isLiteralSegment)) return matchCompiled(b.compiled, a.pattern);
  if (!b.opaque && b.segments.length === 2 && b.segments[0] === "**" && !b.segments[1]!.includes("**")) {
    const last = a.segments.at(-1)!;
    return last === b.segments[1] && !last.includes("**");
  }
  return false;
}

const lineOf = (entry: Analysed) => entry.node.loc.start.line;

/** The file-level problems: exceptions that take back nothing, lines another one makes useless. */
function validateInteractions(entries: readonly Analysed[], pairwise: boolean): DockerignoreProblem[] {
  const problems: DockerignoreProblem[] = [];
  // The pairwise checks are quadratic: only for files of a sensible size (`pairwise`); the others
  // still get the linear check of exceptions before any exclusion.
  const firstException = entries.findIndex((other) => other.negated);
  let exclusionsSoFar = 0;
  for (const [index, entry] of entries.entries()) {
    if (!entry.negated) exclusionsSoFar++;
    if (entry.negated) {
      if (exclusionsSoFar === 0) {
        problems.push(problem(entry.node, "reincludes-nothing", "This exception takes nothing back: no line before it excludes anything (an exception only re-includes what earlier lines exclude), so it has no effect. Move it below the line that excludes what it should keep.", entry.node.range));
        continue;
      }
      if (!pairwise) continue;
      if (!entries.slice(0, index).some((other) => !other.negated && mayOverlap(other, entry))) {
        problems.push(problem(entry.node, "reincludes-nothing", "This exception takes nothing back: no line before it excludes anything it matches (nor a folder above or below it), so it has no effect.", entry.node.range));
        continue;
      }
      // Only for the first exception of the file: an exception decides which later exclusions moby's
      // walker evaluates at a folder (and so carries below it), so with another exception before the
      // later line, removing this one can change what that other one keeps.
      const later = index === firstException ? exclusionRunAround(entries, index).after.find((other) => coversDirectly(other, entry)) : undefined;
      if (later) {
        problems.push(problem(entry.node, "shadowed", `Line ${lineOf(later)} (\`${later.node.raw}\`) excludes again everything this exception re-includes (the last matching line wins), so it has no effect.`, entry.node.range));
      }
      continue;
    }
    if (!pairwise) continue;
    const run = exclusionRunAround(entries, index);
    // Exclusions between two exceptions form a run: within it order does not matter, so a line
    // that another of the run covers is useless. Of two lines that cover each other, the later one is
    // reported. Covering a path through a folder above it holds only in the first run: after an
    // exception, moby's walker skips an exclusion at a folder already excluded, so it does not carry
    // below that folder (`*`, `!**/node_modules`, `*`, `**/node_modules`: the last line is needed).
    const firstRun = firstException === -1 || index < firstException;
    const coversEntry = (other: Analysed) => (firstRun ? covers(other, entry) : coversDirectly(other, entry));
    const coveringBefore = run.before.find(coversEntry);
    if (coveringBefore) {
      const same = coveringBefore.pattern === entry.pattern;
      problems.push(
        problem(
          entry.node,
          "shadowed",
          same
            ? `This line repeats line ${lineOf(coveringBefore)} (\`${coveringBefore.node.raw}\`): it has no effect.`
            : `Line ${lineOf(coveringBefore)} (\`${coveringBefore.node.raw}\`) already excludes everything this line matches, so it has no effect.`,
        ),
      );
      continue;
    }
    const coveringAfter = run.after.find((other) => coversEntry(other) && !(firstRun ? covers(entry, other) : coversDirectly(entry, other)));
    if (coveringAfter) {
      problems.push(problem(entry.node, "shadowed", `Line ${lineOf(coveringAfter)} (\`${coveringAfter.node.raw}\`) also excludes everything this line matches, so it has no effect.`));
    }
  }
  return problems;
}

/** The exclusions of the run of exclusions around `index` (or right after it, for an exception): before it and after it. */
function exclusionRunAround(entries: readonly Analysed[], index: number): { before: Analysed[]; after: Analysed[] } {
  const before: Analysed[] = [];
  const after: Analysed[] = [];
  if (!entries[index]!.negated) {
    for (let other = index - 1; other >= 0 && !entries[other]!.negated; other--) before.unshift(entries[other]!);
  }
  for (let other = index + 1; other < entries.length && !entries[other]!.negated; other++) after.push(entries[other]!);
  return { before, after };
}

/**
 * The problems of every pattern of a file, in source order: each line's own (syntax, compile errors,
 * patterns that cannot match), then how the lines interact. With an error in the file Docker refuses
 * it whole, so the interactions are not judged then.
 */
export function validateDockerignore(program: { patterns: readonly Pattern[] }): DockerignoreProblem[] {
  const pairwise = program.patterns.length <= MAX_PAIRWISE;
  // The compiled patterns are kept only for the pairwise checks (a huge file would hold them all).
  const checked = program.patterns.map((node) => {
    const result = checkPattern(node);
    return pairwise ? result : { problems: result.problems, compiled: null };
  });
  const own = checked.map((result) => result.problems);
  const problems = own.flat();
  if (problems.some((found) => found.severity === "error")) return problems;
  const entries: Analysed[] = [];
  program.patterns.forEach((node, index) => {
    // A line that cannot match takes part in nothing.
    if (own[index]!.some((found) => found.kind === "never-matches")) return;
    const compiled = checked[index]!.compiled;
    entries.push({
      node,
      negated: node.negated,
      pattern: node.pattern,
      compiled: compiled ?? NOT_COMPILED,
      segments: pairwise ? node.pattern.split("/") : [],
      opaque: /[[\\]/u.test(node.pattern),
    });
  });
  problems.push(...validateInteractions(entries, pairwise));
  return problems.sort((a, b) => a.range[0] - b.range[0]);
}
