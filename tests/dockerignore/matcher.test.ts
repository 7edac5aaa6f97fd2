import { describe, expect, it } from "vitest";
import { createIgnoreMatcher, createIgnoreMatcherFromText, parseDockerignore, type Pattern } from "../../lib/dockerignore/index.js";
import { dedent } from "../support/dedent.js";

/**
 * [patterns, path, excluded]. Expected values follow what BuildKit does when it sends a build
 * context (tonistiigi/fsutil's walker calling moby/patternmatcher's MatchesUsingParentResults),
 * on Linux. Comments say why where Docker differs from shells or gitignore.
 */
const table: [string[], string, boolean][] = [
  // `*` does not cross `/`, and patterns are anchored at the context root
  [["*.md"], "README.md", true],
  [["*.md"], "docs/README.md", false],
  [["*.md"], "README.mdx", false],
  [["*.md"], ".md", true],
  // `**` spans any number of directories, zero included
  [["**/*.md"], "README.md", true],
  [["**/*.md"], "docs/a/b/README.md", true],
  [["**/*.md"], "docs/README.mdx", false],
  [["**.md"], "docs/a.md", true],
  [["docs/**/*.md"], "docs/a.md", true],
  [["docs/**/*.md"], "docs/x/y/a.md", true],
  [["docs/**/*.md"], "other/docs/a.md", false],
  // a pattern naming a directory excludes everything under it — at the root only
  [["node_modules"], "node_modules", true],
  [["node_modules"], "node_modules/lodash/index.js", true],
  [["node_modules"], "packages/app/node_modules", false],
  [["node_modules"], "packages/app/node_modules/lodash/index.js", false],
  [["**/node_modules"], "packages/app/node_modules/lodash/index.js", true],
  [["**/node_modules"], "node_modules/x", true],
  [["**/node_modules"], "my_node_modules/x", false],
  // a trailing slash or leading slash changes nothing (Docker cleans the pattern)
  [["node_modules/"], "node_modules/x", true],
  [["/node_modules"], "node_modules/x", true],
  [["./a/../node_modules"], "node_modules/x", true],
  [[".git"], ".git/config", true],
  [[".git"], "sub/.git/config", false],
  [["**/.git"], "sub/.git/config", true],
  // dotfiles are not special
  [["*"], ".env", true],
  [["*"], "src/index.js", true],
  [["**"], "a/b/c", true],
  [[".env", ".env.*"], ".env.local", true],
  [[".env", ".env.*"], "config/.env", false],
  [["**/.env"], "config/.env", true],
  // exceptions: the last matching pattern wins
  [["*.md", "!README.md"], "README.md", false],
  [["*.md", "!README.md"], "CHANGELOG.md", true],
  [["!README.md", "*.md"], "README.md", true],
  [["*.md", "!README.md", "README.md"], "README.md", true],
  [["!README.md"], "README.md", false],
  // an exception re-includes a file below an excluded directory
  [["build", "!build/keep.txt"], "build/keep.txt", false],
  [["build", "!build/keep.txt"], "build/other.txt", true],
  [["build", "!build/keep.txt"], "build", true],
  [["*", "!src"], "src/index.js", false],
  [["*", "!src"], "docs/index.md", true],
  [["a", "!a/b", "a/b/c"], "a/b/c", true],
  [["a", "!a/b", "a/b/c"], "a/b/d", false],
  [["a", "!a/b", "a/b/c"], "a/x", true],
  // ...but an exception naming a parent does not re-include below a more specific exclusion:
  // the walker skips the exception at the parent level (nothing was excluded yet there)
  [["a/b", "!a"], "a/b", true],
  [["a/b", "!a"], "a/b/c", true],
  [["a/b", "!a"], "a", false],
  // `dir/**` matches what is below the directory, not the directory itself
  [["docs/**"], "docs/a.md", true],
  [["docs/**"], "docs", false],
  [["**/foo/**"], "x/foo/y/z", true],
  [["**/foo/**"], "foo/y", true],
  [["**/foo/**"], "foo", false],
  // `?`, classes and escapes
  [["a?c"], "abc", true],
  [["a?c"], "a/c", false],
  [["temp?"], "temp1", true],
  [["*/temp*"], "a/temporary", true],
  [["*/temp*"], "temp", false],
  [["*/temp*"], "a/b/temp", false],
  [["foo*bar"], "foo/bar", false],
  [["foo*bar"], "fooxbar", true],
  [["[abc].txt"], "a.txt", true],
  [["[abc].txt"], "d.txt", false],
  [["[a-c]*"], "banana", true],
  [["[a-c]*"], "dog", false],
  [["[^abc].txt"], "d.txt", true],
  [["[^abc].txt"], "a.txt", false],
  // Docker passes classes to Go's regexp: `[!abc]` is a class of !, a, b, c (not a negation)
  [["[!abc].txt"], "!.txt", true],
  [["[!abc].txt"], "a.txt", true],
  [["[!abc].txt"], "d.txt", false],
  // ...and a negated class matches `/` (unlike filepath.Match)
  [["a[^x]b"], "a/b", true],
  [["\\*.txt"], "*.txt", true],
  [["\\*.txt"], "a.txt", false],
  [["\\[x\\]"], "[x]", true],
  // regexp-special characters are literal
  [["a.b"], "axb", false],
  [["a.b"], "a.b", true],
  [["a+(b)|{c}$"], "a+(b)|{c}$", true],
  [["file[1].txt"], "file1.txt", true],
  // Docker quirks that come from building a Go regular expression
  [["\\d.log"], "5.log", true],
  [["\\d.log"], "d.log", false],
  [["[*]"], "*", false],
  [["[*]"], "]", true],
  [["a^b"], "a^b", true],
  [["a^b*"], "a^bc", false],
  // unicode
  [["café/*"], "café/menu", true],
  [["?.txt"], "é.txt", true],
  [["?.txt"], "😀.txt", true],
  // paths are normalized; the context root is never excluded
  [["README.md"], "./README.md", true],
  [["README.md"], "/README.md", true],
  [["docs/a.md"], "docs//a.md", true],
  [["*"], ".", false],
  [["*"], "", false],
  [["*"], "../outside", false],
  [["."], "a", false],
  // invalid patterns are skipped (Docker would refuse the whole file)
  [["[", "*.md"], "a.md", true],
  [["*.md", "["], "a.md", true],
  [["!"], "a", false],
];

describe("createIgnoreMatcher", () => {
  it.each(table)("%j: %j → %j", (patterns, path, expected) => {
    const matcher = createIgnoreMatcher(patterns);
    expect(matcher(path)).toBe(expected);
  });

  it("accepts AST patterns", () => {
    const result = parseDockerignore(dedent`
      # deps
      node_modules
      *.md
      !README.md
    `);
    if (!result.ok) throw new Error("parse failed");
    const matcher = createIgnoreMatcher(result.ast.patterns);
    expect(matcher("node_modules/x")).toBe(true);
    expect(matcher("README.md")).toBe(false);
    expect(matcher("CHANGELOG.md")).toBe(true);
    const decision = matcher.explain("README.md");
    expect(decision.excluded).toBe(false);
    expect((decision.pattern?.node as Pattern).raw).toBe("!README.md");
    expect(matcher.explain("node_modules/a/b").pattern?.node?.loc.start.line).toBe(2);
    expect(matcher.explain("src/index.js")).toEqual({ excluded: false, pattern: null });
  });

  it("reports invalid patterns", () => {
    const matcher = createIgnoreMatcher(["[", "ok", "!", "!/", "\\q"]);
    expect(matcher.invalid.map((pattern) => pattern.index)).toEqual([0, 2, 3, 4]);
    expect(matcher.invalid[1]!.error).toMatch(/exclusion/);
    expect(matcher.patterns).toHaveLength(5);
  });

  it("builds from a file's text", () => {
    const matcher = createIgnoreMatcherFromText("# c\r\n.git\r\n**/*.pem\r\n")!;
    expect(matcher(".git/HEAD")).toBe(true);
    expect(matcher("certs/server.pem")).toBe(true);
    expect(matcher("src/a.ts")).toBe(false);
    expect(createIgnoreMatcherFromText("\u0000")).toBeNull();
  });

  it("skips empty lines given as strings", () => {
    const matcher = createIgnoreMatcher(["", "   ", "a"]);
    expect(matcher.patterns.map((pattern) => pattern.index)).toEqual([2]);
  });

  describe("directories (isDir)", () => {
    const cases: [string[], string, boolean][] = [
      // a directory brings nothing into the context only when nothing below it can come back
      [["node_modules"], "node_modules", true],
      [["**/node_modules"], "packages/a/node_modules", true],
      [["build", "!build/keep.txt"], "build", false],
      [["build", "!**/keep.txt"], "build", false],
      [["build", "!*/keep.txt"], "build", false],
      [["build", "![a-c]*/keep.txt"], "build", false],
      [["build", "![x-z]*/keep.txt"], "build", true],
      [["build", "!other/keep.txt"], "build", true],
      [["build", "!build"], "build", false],
      [["build", "!bui*"], "build", false],
      [["build", "!build/**"], "build", false],
      [["build", "!b*/x/y"], "build", false],
      [["build/x", "!b*/y"], "build/x", true],
      // an exception listed before the exclusion cannot re-include
      [["!build/keep.txt", "build"], "build", true],
      [["docs/**"], "docs", false],
      [["src"], "src/nested", true],
      [["*.md"], "docs", false],
    ];
    it.each(cases)("%j: %j", (patterns, path, expected) => {
      expect(createIgnoreMatcher(patterns)(path, true)).toBe(expected);
    });

    it("couldReincludeUnder", () => {
      const matcher = createIgnoreMatcher(["dist", "!dist/index.html"]);
      expect(matcher.couldReincludeUnder("dist")).toBe(true);
      expect(matcher.couldReincludeUnder("src")).toBe(false);
    });
  });
});
