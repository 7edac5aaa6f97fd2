import { describe, expect, it } from "vitest";
import { parseDockerignore, visitorKeys, type DockerignoreProgram } from "../../lib/dockerignore/index.js";
import { dedent } from "../support/dedent.js";

function parse(text: string): DockerignoreProgram {
  const result = parseDockerignore(text);
  if (!result.ok) throw new Error(result.errors[0].message);
  return result.ast;
}

const slice = (text: string, range: [number, number]) => text.slice(range[0], range[1]);

describe("parseDockerignore", () => {
  it("reads patterns, comments and skips blank lines", () => {
    const text = "# deps\nnode_modules\n\n   \n!README.md\n*.log\n";
    const ast = parse(text);
    expect(ast.type).toBe("Program");
    expect(ast.parent).toBeNull();
    expect(ast.range).toEqual([0, text.length]);
    expect(ast.loc).toEqual({ start: { line: 1, column: 0 }, end: { line: 7, column: 0 } });
    expect(ast.patterns.map((p) => [p.raw, p.negated, p.pattern])).toEqual([
      ["node_modules", false, "node_modules"],
      ["!README.md", true, "README.md"],
      ["*.log", false, "*.log"],
    ]);
    expect(ast.comments.map((c) => [c.value, slice(text, c.range), c.loc.start.line])).toEqual([[" deps", "# deps", 1]]);
    expect(ast.patterns.every((p) => p.parent === ast)).toBe(true);
    expect(ast.comments.every((c) => c.parent === ast)).toBe(true);
  });

  it("gives ranges and locations of the text as written, without surrounding whitespace", () => {
    const text = "a\n  \t/build/  \n!  ./dist//x/  \n";
    const ast = parse(text);
    const [a, build, dist] = ast.patterns;
    expect(slice(text, a!.range)).toBe("a");
    expect(build!.raw).toBe("/build/");
    expect(slice(text, build!.range)).toBe("/build/");
    expect(build!.loc).toEqual({ start: { line: 2, column: 3 }, end: { line: 2, column: 10 } });
    expect(build!.pattern).toBe("build");
    expect(slice(text, build!.patternRange)).toBe("/build/");
    expect(dist!.raw).toBe("!  ./dist//x/");
    expect(dist!.pattern).toBe("dist/x");
    expect(dist!.negated).toBe(true);
    expect(slice(text, dist!.patternRange)).toBe("./dist//x/");
    expect(dist!.patternLoc).toEqual({ start: { line: 3, column: 3 }, end: { line: 3, column: 13 } });
  });

  it("only treats a # in the first column as a comment", () => {
    const ast = parse(dedent`
      # comment
        # not a comment
      \\#escaped
      #
    `);
    expect(ast.comments.map((c) => c.value)).toEqual([" comment", ""]);
    expect(ast.patterns.map((p) => p.pattern)).toEqual(["# not a comment", "\\#escaped"]);
  });

  it("cleans patterns like Go's filepath.Clean and drops one leading slash", () => {
    const cases: [string, string][] = [
      ["/foo", "foo"],
      ["foo/", "foo"],
      ["./foo", "foo"],
      ["a//b///c", "a/b/c"],
      ["a/./b", "a/b"],
      ["a/../b", "b"],
      ["a/b/../../c", "c"],
      ["../a", "../a"],
      ["a/../../b", "../b"],
      ["/../a", "a"],
      ["//a", "a"],
      ["/", "/"],
      [".", "."],
      ["./", "."],
      ["**/", "**"],
      ["*.md ", "*.md"],
    ];
    for (const [line, pattern] of cases) {
      expect(parse(line + "\n").patterns[0]?.pattern, line).toBe(pattern);
    }
  });

  it("handles ! forms", () => {
    const text = "!\n! \n!/\n!!double\n";
    const ast = parse(text);
    expect(ast.patterns.map((p) => [p.raw, p.negated, p.pattern])).toEqual([
      ["!", true, ""],
      ["!", true, ""],
      ["!/", true, "/"],
      ["!!double", true, "!double"],
    ]);
    expect(ast.patterns[0]!.patternRange).toEqual([1, 1]);
  });

  it("reads CRLF files", () => {
    const text = "# c\r\nnode_modules\r\n!keep \r\n\r\nlast";
    const ast = parse(text);
    expect(ast.comments[0]!.value).toBe(" c");
    expect(slice(text, ast.comments[0]!.range)).toBe("# c");
    expect(ast.patterns.map((p) => [p.raw, slice(text, p.range), p.loc.start.line])).toEqual([
      ["node_modules", "node_modules", 2],
      ["!keep", "!keep", 3],
      ["last", "last", 5],
    ]);
  });

  it("skips a BOM at the start", () => {
    const text = "\uFEFF# c\nx\n";
    const ast = parse(text);
    expect(ast.comments.map((c) => c.value)).toEqual([" c"]);
    expect(ast.comments[0]!.range).toEqual([1, 4]);
    const pattern = parse("\uFEFFnode_modules\n").patterns[0]!;
    expect(pattern.pattern).toBe("node_modules");
    expect(pattern.loc.start).toEqual({ line: 1, column: 1 });
  });

  it("trims Go white space, not JavaScript white space", () => {
    // U+00A0 and U+3000 are spaces for Go; U+FEFF (inside a line) is not.
    const ast = parse("\u00A0foo\u3000\n\uFEFFbar\n");
    expect(ast.patterns.map((p) => p.raw)).toEqual(["foo", "\uFEFFbar"]);
  });

  it("counts columns in UTF-16 code units", () => {
    const text = "😀/a\n  é*\n";
    const ast = parse(text);
    expect(ast.patterns[0]!.range).toEqual([0, 4]);
    expect(ast.patterns[1]!.loc).toEqual({ start: { line: 2, column: 2 }, end: { line: 2, column: 4 } });
  });

  it("accepts empty and whitespace-only files", () => {
    for (const text of ["", "\n", "\r\n", "   \n\t\n"]) {
      const ast = parse(text);
      expect(ast.patterns).toEqual([]);
      expect(ast.comments).toEqual([]);
      expect(ast.range).toEqual([0, text.length]);
    }
  });

  it("rejects binary input with a clear message", () => {
    const result = parseDockerignore("node_modules\nab\u0000cd\n");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatchObject({ line: 2, column: 3 });
      expect(result.errors[0].message).toMatch(/binary/i);
    }
  });

  it("exports visitor keys for every node type", () => {
    expect(visitorKeys).toEqual({ Program: ["patterns"], Pattern: [], Comment: [] });
  });

  it("never throws on odd input", () => {
    for (const text of ["!".repeat(1000), "[".repeat(1000), "\r".repeat(50), "\\", "#", "\n".repeat(5000), "a\rb\rc"]) {
      expect(() => parseDockerignore(text)).not.toThrow();
    }
  });
});
