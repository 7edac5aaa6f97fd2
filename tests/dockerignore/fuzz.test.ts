/** Random `.dockerignore` texts and paths: nothing may throw, and node ranges must point at their text. */
import { describe, expect, it } from "vitest";
import { createIgnoreMatcher, parseDockerignore, validateDockerignore } from "../../lib/dockerignore/index.js";

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const ALPHABET = ["a", "b", "/", "*", "**", "?", "[", "]", "^", "!", "-", "\\", ".", "..", " ", "\t", "\r", "\n", "#", "é", "😀", "$", "{", "}", "(", ")", "|", "+"];

describe("fuzz", () => {
  it("parse, validate and match never throw", () => {
    const next = random(42);
    const pick = () => ALPHABET[Math.floor(next() * ALPHABET.length)]!;
    for (let round = 0; round < 500; round++) {
      let text = "";
      const length = Math.floor(next() * 40);
      for (let index = 0; index < length; index++) text += pick();
      const result = parseDockerignore(text);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      for (const pattern of result.ast.patterns) {
        expect(text.slice(pattern.range[0], pattern.range[1])).toBe(pattern.raw);
        expect(pattern.patternRange[0]).toBeGreaterThanOrEqual(pattern.range[0]);
        expect(pattern.patternRange[1]).toBeLessThanOrEqual(pattern.range[1]);
      }
      expect(() => validateDockerignore(result.ast)).not.toThrow();
      const matcher = createIgnoreMatcher(result.ast.patterns);
      for (let probe = 0; probe < 5; probe++) {
        let path = "";
        const pathLength = 1 + Math.floor(next() * 12);
        for (let index = 0; index < pathLength; index++) path += pick().replace(/[\n\r]/g, "");
        expect(() => matcher(path)).not.toThrow();
        expect(() => matcher(path, true)).not.toThrow();
        expect(() => matcher.explain(path)).not.toThrow();
      }
    }
  });
});
