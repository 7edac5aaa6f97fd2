import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { contextInLintScope, isWithin, repositoryRootOf } from "../../lib/project/lint-scope.js";
import { makeTree } from "../support/fix-safety.js";

// makeTree puts a `.git` at the root; `outer/repo` is a repository of its own inside it.
const tree = makeTree({ "app/Dockerfile": "", "outer/repo/.git/HEAD": "", "outer/repo/Dockerfile": "", "outer/data/x": "" });
afterAll(tree.cleanup);
const at = (...parts: string[]) => path.join(tree.root, ...parts);

describe("lint scope", () => {
  it("compares folders, not string prefixes", () => {
    expect(isWithin("/a/b", "/a/b")).toBe(true);
    expect(isWithin("/a/b", "/a/b/c")).toBe(true);
    expect(isWithin("/a/b", "/a/bc")).toBe(false);
    expect(isWithin("/a/b", "/a")).toBe(false);
  });

  it("answers as path.relative does, for normal absolute paths (compared as strings) and any others", () => {
    const byRelative = (root: string, dir: string) => {
      const relative = path.relative(root, dir);
      return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
    };
    const paths = ["/", "/a", "/a/b", "/a/bc", "/a/b/c", "/a/..b", "/a/b/..c/d", "/ab", "/a/b/", "/a/./b", "/a/b/../c", "a/b", "", "."];
    for (const root of paths) for (const dir of paths) expect(isWithin(root, dir), `${root} ⊇ ${dir}`).toBe(byRelative(root, dir));
  });

  it("finds the nearest repository root", () => {
    expect(repositoryRootOf(at("app"))).toBe(tree.root);
    expect(repositoryRootOf(at("outer", "repo"))).toBe(at("outer", "repo"));
  });

  it("takes a context under the working folder or in the file's repository", () => {
    expect(contextInLintScope(at("app"), { cwd: "/nonexistent", file: at("app", "Dockerfile") })).toBe(true);
    expect(contextInLintScope(at("outer"), { cwd: "/nonexistent", file: at("outer", "repo", "Dockerfile") })).toBe(false);
    expect(contextInLintScope(at("outer"), { cwd: at("outer"), file: at("outer", "repo", "Dockerfile") })).toBe(true);
    expect(contextInLintScope(path.dirname(tree.root), { cwd: tree.root, file: at("app", "Dockerfile") })).toBe(false);
  });
});
