/**
 * The linear-time matcher against the implementation it replaced (tests/support/legacy-dockerignore-pattern.ts,
 * which translated Docker's Go expression to a backtracking JavaScript RegExp): same verdicts on small
 * generated patterns and paths, then Go's own rules where the old translation strayed from them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileGlobProgram, runGlobProgram } from "../../lib/dockerignore/glob-program.js";
import { compilePattern, matchCompiled } from "../../lib/dockerignore/pattern.js";
import * as legacy from "../support/legacy-dockerignore-pattern.js";

// No `d`, `p`, `Q` or `:` after a backslash or in a class: there the old translation differed from Go (tested below).
const PATTERN_PIECES = ["a", "b", "x", "/", "*", "**", "**/", "?", "[", "]", "-", "^", "\\", ".", "!", "0", "1", "é", "😀", "$", "(", "|", "+", "{"];
const PATH_PIECES = ["a", "b", "x", "/", "-", ".", "!", "[", "]", "^", "*", "?", "\\", "0", "1", "é", "😀", "\n", "$", "("];

const pattern = fc.array(fc.constantFrom(...PATTERN_PIECES), { maxLength: 10 }).map((pieces) => pieces.join(""));
const path = fc.array(fc.constantFrom(...PATH_PIECES), { minLength: 1, maxLength: 10 }).map((pieces) => pieces.join(""));

describe("glob program vs. the old RegExp translation", () => {
  it("agrees on validity and on every verdict", () => {
    fc.assert(
      fc.property(pattern, fc.array(path, { minLength: 1, maxLength: 6 }), (text, paths) => {
        const now = compilePattern(text);
        const before = legacy.compilePattern(text);
        expect(now.error === null, `error for ${JSON.stringify(text)}: ${now.error?.message} vs ${before.error?.message}`).toBe(before.error === null);
        expect(now.matchType).toBe(before.matchType);
        for (const candidate of paths) {
          expect(matchCompiled(now, candidate), `${JSON.stringify(text)} on ${JSON.stringify(candidate)}`).toBe(legacy.matchCompiled(before, candidate));
        }
      }),
      { numRuns: 3000, seed: 20_261_130 },
    );
  });

  it("agrees on classes, escapes and anchors written out", () => {
    const cases: [string, string[]][] = [
      ["[a-c]x", ["ax", "dx", "-x"]],
      ["[^a-c]x", ["ax", "dx", "/x", "\nx"]],
      ["[[:alpha:]]", ["a", "1", "[", ":"]],
      ["[\\]]", ["]", "\\"]],
      ["[a\\-z]", ["-", "b", "z"]],
      ["\\x41", ["A", "x41"]],
      ["\\x{1F600}", ["😀"]],
      ["\\101", ["A"]],
      ["\\w\\s", ["a ", "_\t", "- "]],
      ["\\bab\\b", ["ab"]],
      ["\\Qa*b\\E?", ["a*bc", "a*b/", "axb"]],
      ["\\Qa*", ["a*", "a*b", "ab"]],
      ["\\pL", ["é", "1"]],
      ["\\p{Greek}x", ["λx", "ax"]],
      ["[\\p{Lu}]", ["A", "a"]],
      ["\\PL", ["é", "1"]],
      ["[*]", ["*", "]", "a]", "^]"]],
      ["[?]", ["?]", "[]"]],
      ["a^b", ["a^b"]],
      ["[a**]", ["*", "(", "a"]],
    ];
    for (const [text, paths] of cases) {
      const now = compilePattern(text);
      const before = legacy.compilePattern(text);
      expect(now.error?.message ?? null, text).toBe(before.error === null ? null : now.error!.message);
      for (const candidate of paths) expect(matchCompiled(now, candidate), `${text} on ${candidate}`).toBe(legacy.matchCompiled(before, candidate));
    }
  });
});

describe("Go's regexp rules where the old translation strayed", () => {
  const matches = (expression: string, text: string) => {
    const program = compileGlobProgram(expression);
    if ("message" in program) throw new Error(program.message);
    return runGlobProgram(program, text);
  };
  it("a Perl class may start a range-looking sequence: [\\d-a] is a digit, '-' or 'a' (JavaScript's u mode refused it)", () => {
    expect(matches("^[\\d-a]$", "-")).toBe(true);
    expect(matches("^[\\d-a]$", "7")).toBe(true);
    expect(matches("^[\\d-a]$", "b")).toBe(false);
    expect(compilePattern("[\\d-a]").error).toBeNull();
  });
  it("negated POSIX classes exist", () => {
    expect(matches("^[[:^alpha:]]$", "1")).toBe(true);
    expect(matches("^[[:^alpha:]]$", "a")).toBe(false);
  });
  it("\\Q inside a class is an invalid escape", () => {
    expect(compilePattern("[\\Qa]").error).not.toBeNull();
  });
  it("only Go's Unicode class names are known (general categories, scripts, Any)", () => {
    expect("message" in compileGlobProgram("\\p{ASCII}")).toBe(true);
    expect("message" in compileGlobProgram("\\p{Letter}")).toBe(true);
    expect(matches("^\\p{Any}$", "\n")).toBe(true);
    expect(matches("^\\p{^Greek}$", "a")).toBe(true);
    // patternmatcher escapes `{`, so in a .dockerignore only the one-letter form works.
    expect(compilePattern("\\p{L}").error).not.toBeNull();
    expect(matchCompiled(compilePattern("\\pL"), "é")).toBe(true);
  });
  it("rejects what Go's parser rejects", () => {
    for (const expression of ["a**", "*", "[z-a]", "[a", "\\8", "\\1", "\\xZ1", "\\x{}", "\\x{110000}", "\\C", "[[:foo:]]", "(a", "a)", "\\pX", "\\"]) {
      expect("message" in compileGlobProgram(expression), expression).toBe(true);
    }
    for (const expression of ["a*?", "^*", "(a*)*", "[]a]", "[^]a]", "[a-]", "\\_", "\\0", "\\12"]) {
      expect("message" in compileGlobProgram(expression), expression).toBe(false);
    }
  });
  it("is a search, as Go's MatchString is", () => {
    expect(matches("b", "abc")).toBe(true);
    expect(matches("^b", "abc")).toBe(false);
    expect(matches("c$", "abc")).toBe(true);
    expect(matches("a.c", "a\nc")).toBe(false);
    expect(matches("a[^x]c", "a\nc")).toBe(true);
  });
});
