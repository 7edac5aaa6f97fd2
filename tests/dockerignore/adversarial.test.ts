/**
 * The inputs of the fuzzing run that broke the old RegExp-based matcher (issue 12): each lints with the
 * findings its equivalent short pattern gets, no exception and no fatal message. Their cost per KB is
 * measured in bench/bounded-time.js, not asserted here.
 */
import path from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { createIgnoreMatcher } from "../../lib/dockerignore/index.js";
import plugin from "../../lib/index.js";

// Its Dockerfile copies the whole context, so dockerignore-required-entries judges the file.
const dir = path.resolve(import.meta.dirname, "../fixtures/projects/dockerignore/served");

function lint(code: string): string[] {
  const linter = new Linter({ configType: "flat", cwd: dir });
  return linter
    .verify(code, plugin.configs.strict, { filename: path.join(dir, ".dockerignore") })
    .map((message) => `${message.fatal ? "FATAL " : ""}${message.ruleId}: ${message.message}`);
}

/**
 * [what the fuzzer found, a short pattern that excludes the same required entries, whether both
 * exclude exactly the same paths (not when the pattern's length is the point: `?` × 12,291 matches
 * only names of that length)].
 */
const INPUTS: [string, string, string, boolean][] = [
  ["65,536 backslashes (Regular expression too large)", "\\".repeat(65_536), "\\".repeat(2), false],
  ["12,291 question marks (Maximum call stack size exceeded)", "?".repeat(12_291), "?", false],
  ["16,384 stars (3-7 s)", "*".repeat(16_384), "*", true],
  ["`**` 4,096 times then /a (11 s)", `${"**".repeat(4096)}/a`, "**/a", true],
  ["`**/` 2,000 times then a (2.5-9 s)", `${"**/".repeat(2000)}a`, "**/a", true],
  ["131,072 stars (Too many captures: the pattern was dropped)", "*".repeat(131_072), "*", true],
  ["`?*` 8,000 times", "?*".repeat(8000), `${"?".repeat(8000)}*`, false],
  ["`*a` 8,000 times", "*a".repeat(8000), "*a", false],
  ["`**/a` 3,000 times", "**/a".repeat(3000), "**/a**/a**/a", false],
  ["a class 60,000 characters long", `[${"ab".repeat(30_000)}]`, "[ab]", true],
];

describe("adversarial .dockerignore patterns", () => {
  it.each(INPUTS)("%s", (_name, pattern, short) => {
    const all = lint(`${pattern}\n`);
    expect(all.filter((finding) => finding.startsWith("FATAL"))).toEqual([]);
    // valid-dockerignore judges the text (a `**` inside a name), and its message shows short patterns only.
    const byValid = (list: string[]) => list.filter((finding) => finding.startsWith("docker/valid-dockerignore:")).length;
    expect(byValid(all)).toBe(byValid(lint(`${short}\n`)));
    const findings = all.filter((finding) => !finding.startsWith("docker/valid-dockerignore:"));
    // The long pattern draws the findings its short equivalent draws (what it excludes is the same).
    expect(findings).toEqual(lint(`${short}\n`).filter((finding) => !finding.startsWith("docker/valid-dockerignore:")));
    // `*` excludes everything at every depth (a folder's contents go with it); the others miss entries,
    // listed in one finding.
    expect(findings.length).toBe(short === "*" ? 0 : 1);
  });

  it("the long patterns decide paths as their short equivalents do, and none is dropped", () => {
    const paths = ["a", "x/a", "b", ".env", "x/y/.env", "ab", "a/b/a", "\\", "\\\\", "?", "a".repeat(300)];
    for (const [, pattern, short, samePaths] of INPUTS) {
      const long = createIgnoreMatcher([pattern]);
      const equivalent = createIgnoreMatcher([short]);
      expect(long.invalid).toEqual([]);
      expect(long.patterns).toHaveLength(1);
      for (const candidate of paths) {
        if (!samePaths) continue;
        expect(long(candidate), `${short} on ${candidate}`).toBe(equivalent(candidate));
      }
    }
    expect(createIgnoreMatcher(["?".repeat(12_291)])("a".repeat(12_291))).toBe(true);
    expect(createIgnoreMatcher(["?".repeat(12_291)])("a".repeat(12_290))).toBe(false);
    expect(createIgnoreMatcher(["\\".repeat(65_536)])("\\".repeat(32_768))).toBe(true);
    expect(createIgnoreMatcher(["\\".repeat(65_536)])("\\".repeat(32_767))).toBe(false);
  });

  it("an invalid long pattern is reported as invalid, not thrown or dropped", () => {
    const matcher = createIgnoreMatcher([`${"[".repeat(50_000)}`, `${"\\".repeat(65_535)}`, "*.md"]);
    expect(matcher.invalid.map((pattern) => pattern.index)).toEqual([0, 1]);
    expect(matcher("a.md")).toBe(true);
  });
});
