/**
 * A rule is three files: rules/<id>.ts (registered in rules/index.ts by `npm run update`), its doc
 * docs/rules/<id>.md and its tests tests/rules/<id>.test.ts. Every rule has all three, and every doc and
 * test file under those folders belongs to a rule (a renamed or removed rule leaves none behind).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../rules/index.js";

const repoRoot = path.resolve(import.meta.dirname, "..");

/** Test files under tests/rules/ that test several rules at once, not one rule. */
const CROSS_RULE_TESTS = ["fix-safety", "hygiene-fix-safety"];

function idsIn(folder: string, suffix: string): string[] {
  return readdirSync(path.join(repoRoot, folder))
    .filter((file) => file.endsWith(suffix))
    .map((file) => file.slice(0, -suffix.length))
    .sort();
}

const ruleIds = Object.keys(rules).sort();

describe("every rule has its files, and every file its rule", () => {
  it("rules/<id>.ts: each rule file is registered", () => {
    expect(idsIn("rules", ".ts").filter((id) => id !== "index")).toEqual(ruleIds);
  });

  it("docs/rules/<id>.md", () => {
    expect(idsIn("docs/rules", ".md")).toEqual(ruleIds);
  });

  it("tests/rules/<id>.test.ts", () => {
    expect(idsIn("tests/rules", ".test.ts").filter((id) => !CROSS_RULE_TESTS.includes(id))).toEqual(ruleIds);
  });

  it("a rule's id is its file name and its doc's title", () => {
    for (const id of ruleIds) {
      expect(rules[id]!.meta.docs.url, id).toMatch(new RegExp(`/docs/rules/${id}\\.md$`, "u"));
      expect(readFileSync(path.join(repoRoot, "docs/rules", `${id}.md`), "utf8").split("\n")[0]).toBe(`# docker/${id}`);
    }
  });
});
