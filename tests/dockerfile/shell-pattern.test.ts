/**
 * `${v#p}`, `${v%%p}`, `${v/p/r}`, `${v//p/r}` patterns: the linear-time wildcard matcher against
 * the RegExp code it replaced (small generated inputs), and the inputs that made that code hang.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateWord, replacePattern, trimPattern } from "../../lib/dockerfile/variables.js";
import { legacyReplacePattern, legacyTrimPattern } from "../support/legacy-shell-pattern.js";

const piece = (pieces: string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((parts) => parts.join(""));
const pattern = piece(["a", "b", "*", "?", "\\*", "\\?", "\\\\", ".", "[", "$", "é", "😀"]);
// No astral characters in values: the old code sliced them in half (`${V%?}` on "😀" left a lone
// surrogate); Go works on whole characters, and so does the new code (tested below).
const value = piece(["a", "b", "ab", "*", "?", "\\", ".", "[", "\n", "é"]);

describe("shell patterns vs. the old RegExp code", () => {
  it("trim: shortest and longest prefix and suffix", () => {
    fc.assert(
      fc.property(value, pattern, fc.boolean(), fc.boolean(), (text, glob, greedy, prefix) => {
        expect(trimPattern(text, glob, greedy, prefix)).toBe(legacyTrimPattern(text, glob, greedy, prefix));
      }),
      { numRuns: 2000, seed: 1130 },
    );
  });
  it("replace: first and every match", () => {
    fc.assert(
      fc.property(value, pattern, fc.constantFrom("", "X", "$1"), fc.boolean(), (text, glob, replacement, all) => {
        expect(replacePattern(text, glob, replacement, all)).toBe(legacyReplacePattern(text, glob, replacement, all));
      }),
      { numRuns: 2000, seed: 1131 },
    );
  });
});

describe("patterns that made the RegExp code backtrack", () => {
  const lookup = (name: string) => (name === "V" ? "a".repeat(3000) + "b" : undefined);
  it.each([
    ["${V%%" + "*".repeat(40) + "c}", "a".repeat(3000) + "b"],
    ["${V##" + "*a".repeat(40) + "c}", "a".repeat(3000) + "b"],
    ["${V/" + "*a".repeat(40) + "c/x}", "a".repeat(3000) + "b"],
    ["${V//" + "?*".repeat(40) + "c/x}", "a".repeat(3000) + "b"],
    ["${V#*b}", ""],
    ["${V%a*}", "a".repeat(2999)],
    ["${V%%a*}", ""],
    ["${V//a/}", "b"],
  ])("%s", (word, expected) => {
    expect(evaluateWord(word, "\\", lookup).value).toBe(expected);
  });
  it("works on whole characters, as Go does", () => {
    expect(trimPattern("x😀", "?", false, false)).toBe("x");
    expect(trimPattern("😀x", "?", false, true)).toBe("x");
    expect(replacePattern("a😀b", "?", "-", true)).toBe("---");
  });
});
