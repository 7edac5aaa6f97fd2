import { describe, expect, it } from "vitest";
import { checkGlobSyntax, parseDockerignore, validateDockerignore } from "../../lib/dockerignore/index.js";
import { dedent } from "../support/dedent.js";

function problems(text: string) {
  const result = parseDockerignore(text);
  if (!result.ok) throw new Error(result.errors[0].message);
  return validateDockerignore(result.ast).map((problem) => ({
    kind: problem.kind,
    severity: problem.severity,
    culprit: text.slice(problem.range[0], problem.range[1]),
    column: problem.loc.start.column,
    line: problem.loc.start.line,
  }));
}

describe("checkGlobSyntax (Go filepath.Match ErrBadPattern)", () => {
  const valid = ["*.md", "**/x", "[abc]", "[a-z]*", "[^a]", "[!a]", "\\[x\\]", "[\\]]", "[\\-a]", "a]b", "[*]", "\\*", "é[é-ü]"];
  const invalid: [string, number][] = [
    ["[", 0],
    ["a[", 1],
    ["[a", 0],
    ["[]", 1],
    ["[]a]", 1],
    ["[^]", 2],
    ["[-a]", 1],
    ["[a-]", 3],
    ["[a-]]", 3],
    ["[a-b-c]", 4],
    ["foo\\", 3],
    ["[\\", 1],
    ["*[", 1],
    ["ok/*/[x", 5],
  ];
  it.each(valid)("%j is valid", (pattern) => {
    expect(checkGlobSyntax(pattern)).toBeNull();
  });
  it.each(invalid)("%j is invalid at %i", (pattern, offset) => {
    expect(checkGlobSyntax(pattern)?.offset).toBe(offset);
  });
});

describe("validateDockerignore", () => {
  it("accepts a typical file", () => {
    expect(problems(dedent`
      # deps
      node_modules
      **/*.log
      !keep.log
      .env*
      [Tt]emp/
    `)).toEqual([]);
  });

  it("reports syntax errors at the offending character", () => {
    expect(problems("ok\nsrc/[abc\n")).toEqual([{ kind: "syntax", severity: "error", culprit: "[", column: 4, line: 2 }]);
    expect(problems("  foo\\\n")).toEqual([{ kind: "syntax", severity: "error", culprit: "\\", column: 5, line: 1 }]);
    expect(problems("! [-a]\n")).toEqual([{ kind: "syntax", severity: "error", culprit: "-", column: 3, line: 1 }]);
    // the cleaned pattern is what Docker checks; the culprit is still found in the text as written
    expect(problems("a/../[\n")).toEqual([{ kind: "syntax", severity: "error", culprit: "[", column: 5, line: 1 }]);
  });

  it("reports lone exclusions", () => {
    expect(problems("!\n! \n!/\n")).toEqual([
      { kind: "illegal-exclusion", severity: "error", culprit: "!", column: 0, line: 1 },
      { kind: "illegal-exclusion", severity: "error", culprit: "!", column: 0, line: 2 },
      { kind: "illegal-exclusion", severity: "error", culprit: "!/", column: 0, line: 3 },
    ]);
  });

  it("reports patterns Docker cannot compile", () => {
    expect(problems("\\q\n[z-a]\n\\1\n")).toEqual([
      { kind: "compile", severity: "error", culprit: "\\q", column: 0, line: 1 },
      { kind: "compile", severity: "error", culprit: "[z-a]", column: 0, line: 2 },
      { kind: "compile", severity: "error", culprit: "\\1", column: 0, line: 3 },
    ]);
  });

  it("warns about patterns that never match", () => {
    expect(problems(dedent`
      ../secrets
      .
      ./
      /
      ..
    `)).toEqual([
      { kind: "never-matches", severity: "warning", culprit: "../secrets", column: 0, line: 1 },
      { kind: "never-matches", severity: "warning", culprit: ".", column: 0, line: 2 },
      { kind: "never-matches", severity: "warning", culprit: "./", column: 0, line: 3 },
      { kind: "never-matches", severity: "warning", culprit: "/", column: 0, line: 4 },
      { kind: "never-matches", severity: "warning", culprit: "..", column: 0, line: 5 },
    ]);
  });
});
