import { describe, expect, it } from "vitest";
import { createIgnoreMatcher } from "../../lib/dockerignore/matcher.js";
import { parseDockerignore } from "../../lib/dockerignore/parse.js";
import { validateDockerignore } from "../../lib/dockerignore/validate.js";
import rule from "../../rules/valid-dockerignore.js";
import { ruleTester } from "../support/rule-tester.js";

const DOUBLE_STAR = (pattern: string, yes: string, no: string) =>
  `\`**\` inside a name stands for any number of whole folders (Docker compiles it to \`(.*/)?\`), not for any characters: \`${pattern}\` matches \`${yes}\` but not \`${no}\`. Write \`*\` within a name, or \`/**/\` between folders.`;
const FIRST_EXCEPTION =
  "This exception takes nothing back: no line before it excludes anything (an exception only re-includes what earlier lines exclude), so it has no effect. Move it below the line that excludes what it should keep.";
const UNRELATED_EXCEPTION = "This exception takes nothing back: no line before it excludes anything it matches (nor a folder above or below it), so it has no effect.";

ruleTester("dockerignore").run("valid-dockerignore", rule, {
  valid: [
    "# deps\nnode_modules\n**/*.log\n!keep.log\n.env*\n[Tt]emp/\n",
    // An allow-list.
    "*\n!src\n!package.json\n",
    // Exceptions below an excluded folder, at any depth, and under a glob.
    "build\n!build/keep.txt\n",
    "**/*.md\n!docs/README.md\n",
    "*.md\n!README.md\n",
    // `**` as a whole segment, leading (`**.log`: ends with .log) or trailing (`foo**`: starts with foo).
    "**/node_modules\na/**/b\n**.log\nfoo**\n",
    "a/***\n",
    // An exclusion repeated after an exception is not useless: it takes back what the exception re-included.
    "dist\n!dist/keep\ndist\n!dist/keep/x\n",
    // Moby's walker does not carry a later `*` below a folder already excluded: `dist/keep` stays sent.
    "dist\n!dist/keep\n*\n",
    // Classes (which Docker lets match `/`) are not analysed.
    "[a-z]\n![b]\n",
    // Overlap the analysis cannot rule out.
    "src/*\n!src/main.go\n",
    "*/tmp\n!app/tmp/keep\n",
  ],
  invalid: [
    // Docker refuses these: every build fails.
    {
      code: "ok\nsrc/[abc\n",
      errors: [{ messageId: "invalid", line: 2, column: 5, endColumn: 6, data: { reason: "Invalid pattern: Character class opened with [ is never closed with ]." } }],
    },
    { code: "foo\\\n", errors: [{ messageId: "invalid", line: 1, column: 4 }] },
    { code: "!\n", errors: [{ messageId: "invalid", line: 1 }] },
    { code: "[z-a]\n", errors: [{ messageId: "invalid", line: 1 }] },
    // After Docker's cleaning these name no path of a context.
    { code: "../secrets\n.\nfoo/../..\n", errors: [{ messageId: "neverMatches", line: 1 }, { messageId: "neverMatches", line: 2 }, { messageId: "neverMatches", line: 3 }] },
    // `**` inside a name.
    {
      code: "a**b\nsrc/**.js\nlogs/**debug/x\n",
      errors: [
        { messageId: "doubleStar", line: 1, data: { reason: DOUBLE_STAR("a**b", "ab", "axb") } },
        { messageId: "doubleStar", line: 2, data: { reason: DOUBLE_STAR("src/**.js", "src/.js", "src/x.js") } },
        { messageId: "doubleStar", line: 3, data: { reason: DOUBLE_STAR("logs/**debug/x", "logs/debug/x", "logs/xdebug/x") } },
      ],
    },
    // An exception before any exclusion, and one unrelated to every exclusion before it.
    {
      code: "!README.md\n*.md\n",
      errors: [{ messageId: "reincludesNothing", line: 1, column: 1, endColumn: 11, data: { reason: FIRST_EXCEPTION } }],
    },
    { code: "build\n!docs/x\n", errors: [{ messageId: "reincludesNothing", line: 2, data: { reason: UNRELATED_EXCEPTION } }] },
    { code: "logs/*.log\n!src/app.log\n", errors: [{ messageId: "reincludesNothing", line: 2 }] },
    // Repeated lines (however written), and lines another covers with no exception between them.
    {
      code: "node_modules\n.git\n/node_modules/\n.git/\n",
      errors: [
        { messageId: "shadowed", line: 3, data: { reason: "This line repeats line 1 (`node_modules`): it has no effect." } },
        { messageId: "shadowed", line: 4, data: { reason: "This line repeats line 2 (`.git`): it has no effect." } },
      ],
    },
    {
      code: "node_modules\n**/node_modules\n",
      errors: [{ messageId: "shadowed", line: 1, data: { reason: "Line 2 (`**/node_modules`) also excludes everything this line matches, so it has no effect." } }],
    },
    { code: "*.log\n**/*.log\n", errors: [{ messageId: "shadowed", line: 1 }] },
    { code: "src/*.ts\nsrc\n", errors: [{ messageId: "shadowed", line: 1 }] },
    {
      code: "*\nnode_modules\n!src\n",
      errors: [{ messageId: "shadowed", line: 2, data: { reason: "Line 1 (`*`) already excludes everything this line matches, so it has no effect." } }],
    },
    // An exception a later line excludes again entirely.
    {
      code: "dist\n!dist/keep\n**\n",
      errors: [{ messageId: "shadowed", line: 2, data: { reason: "Line 3 (`**`) excludes again everything this exception re-includes (the last matching line wins), so it has no effect." } }],
    },
    { code: "tmp\n!tmp/a.log\n**/*.log\n", errors: [{ messageId: "shadowed", line: 2 }] },
  ],
});

/**
 * What the warnings claim, checked against Docker's matcher (lib/dockerignore/matcher.ts, moby's
 * `MatchesUsingParentResults` walk): deleting a line reported as having no effect changes the
 * decision for no path. (Only paths: the matcher's "is this whole folder kept out" answer is
 * conservative about exceptions, and a useless exception still makes it say "maybe not".)
 */
describe("valid-dockerignore: a line reported as useless changes nothing", () => {
  const names = ["a", "b", "src", "dist", "keep", "x.log", "y.md", "node_modules", ".git"];
  const lines = ["a", "b", "src", "dist", "*", "**", "**/*", "*.log", "**/*.log", "src/*", "src/**", "dist/keep", "**/node_modules", "node_modules", ".git", "*.md", "a/b", "a/*", "**/x.log", "src/a"];
  const paths: string[] = [];
  for (const first of names) {
    paths.push(first);
    for (const second of names) {
      paths.push(`${first}/${second}`);
      for (const third of ["x.log", "y.md", "keep"]) paths.push(`${first}/${second}/${third}`);
    }
  }
  // A deterministic pseudo-random sample of files of 2 to 6 lines, a third of them exceptions.
  let seed = 7;
  const next = (bound: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % bound;
  };
  const files: string[] = [];
  for (let count = 0; count < 400; count++) {
    const length = 2 + next(5);
    files.push(Array.from({ length }, () => (next(3) === 0 ? "!" : "") + lines[next(lines.length)]).join("\n"));
  }

  it("holds for every sampled file", () => {
    let reported = 0;
    const mismatches: string[] = [];
    for (const text of files) {
      const result = parseDockerignore(text);
      if (!result.ok) continue;
      const patterns = result.ast.patterns;
      const full = createIgnoreMatcher(patterns);
      let decisions: boolean[] | undefined;
      for (const problem of validateDockerignore(result.ast)) {
        if (problem.kind !== "shadowed" && problem.kind !== "reincludes-nothing") continue;
        reported++;
        const without = createIgnoreMatcher(patterns.filter((pattern) => pattern !== problem.node));
        // One assertion per file rather than per path: ~300,000 `expect` calls made the test take seconds.
        decisions ??= paths.map((candidate) => full(candidate));
        const changed = paths.filter((candidate, index) => without(candidate) !== decisions![index]);
        if (changed.length > 0) mismatches.push(`${JSON.stringify(text)}: deleting line ${problem.loc.start.line} changes ${changed.join(", ")}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(reported).toBeGreaterThan(80);
    // ~400,000 matcher calls: about a second on a quiet machine, several on a loaded one.
  }, 60_000);
});
