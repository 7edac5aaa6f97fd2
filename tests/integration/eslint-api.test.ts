/**
 * The paths a user's tools take: the ESLint class with fix (what editors call), the CLI with --fix,
 * --cache and --concurrency on a copy of examples/, which imports the plugin by its package name.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../lib/index.js";
import { FIXED_END_OF_LIFE_DATE } from "../support/fixed-date.js";
import { dedent } from "../support/dedent.js";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const eslintBin = path.join(repoRoot, "node_modules/eslint/bin/eslint.js");
// Inside the repository, so that `import "eslint-plugin-docker-policy"` resolves to this package.
const scratch = path.join(repoRoot, ".tmp-tests");
mkdirSync(scratch, { recursive: true });
const workDir = mkdtempSync(path.join(scratch, "integration-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function copyExamples(name: string): string {
  const target = path.join(workDir, name);
  cpSync(path.join(repoRoot, "examples"), target, { recursive: true });
  return target;
}

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current)) {
      const full = path.join(current, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (!entry.startsWith(".eslintcache")) files[path.relative(dir, full)] = readFileSync(full, "utf8");
    }
  };
  walk(dir);
  return files;
}

function eslintCli(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [eslintBin, ...args], { cwd, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function ruleIdsOf(json: string): string[] {
  const results = JSON.parse(json) as ESLint.LintResult[];
  return results
    .flatMap((result) => result.messages.map((message) => `${path.basename(path.dirname(result.filePath))}/${path.basename(result.filePath)}:${message.line}:${message.ruleId}`))
    .sort();
}

describe("the ESLint class (the editor path)", () => {
  it("lintText with fix: true returns the fixed Dockerfile", async () => {
    // `from` → `FROM` is instruction-casing's fix, a rule of `stylistic` (pure style), hence both configs.
    const eslint = new ESLint({ cwd: workDir, fix: true, overrideConfigFile: true, overrideConfig: [...plugin.configs.recommended, ...plugin.configs.stylistic, FIXED_END_OF_LIFE_DATE] });
    const [result] = await eslint.lintText(dedent`
      from node:24.11
      MAINTAINER Ops <ops@example.com>
      RUN echo hi
      USER node
    `, {
      filePath: path.join(workDir, "Dockerfile"),
    });
    expect(result?.output).toBe(dedent`
      FROM node:24.11
      LABEL org.opencontainers.image.authors="Ops <ops@example.com>"
      RUN echo hi
      USER node
    `);
    expect(result?.messages).toEqual([]);
  });

  it("reports a Dockerfile that cannot be parsed as one fatal message with a location", async () => {
    const eslint = new ESLint({ cwd: workDir, overrideConfigFile: true, overrideConfig: [...plugin.configs.recommended, FIXED_END_OF_LIFE_DATE] });
    const [result] = await eslint.lintText(dedent`
      FROM alpine:3.20
      RUN <<EOF
      echo never closed
    `, { filePath: path.join(workDir, "Dockerfile") });
    expect(result?.messages).toHaveLength(1);
    expect(result?.messages[0]).toMatchObject({ fatal: true, line: 2, ruleId: null });
  });
});

describe("the CLI on a copy of examples/", () => {
  // The example imports the built package by name: tests/support/global-setup.ts keeps dist/ current.
  it("reports findings in all three kinds of file", () => {
    const dir = copyExamples("report");
    const { status, stdout, stderr } = eslintCli(dir, ["--format", "json", "."]);
    expect(stderr).toBe("");
    expect(status).toBe(1);
    const ids = ruleIdsOf(stdout);
    expect(ids.some((id) => id.includes("/Dockerfile:"))).toBe(true);
    expect(ids.some((id) => id.includes("/compose.yaml:"))).toBe(true);
    expect(ids.some((id) => id.includes("/.dockerignore:"))).toBe(true);
  });

  it("--fix fixes what is fixable, and a second --fix changes nothing", () => {
    const dir = copyExamples("fix");
    const before = snapshot(dir);
    const first = eslintCli(dir, ["--fix", "--format", "json", "."]);
    expect(first.stderr).toBe("");
    const afterFirst = snapshot(dir);
    expect(afterFirst).not.toEqual(before);
    expect(afterFirst["Dockerfile"]).toContain('LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"');
    // The keyword keeps its case: instruction-casing is in `stylistic`, which the examples' config does not take.
    expect(afterFirst["Dockerfile"]).toContain("run apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*");
    expect(afterFirst["compose.yaml"]?.startsWith("services:")).toBe(true);
    expect(afterFirst[".dockerignore"]).toContain("**/*.pem");
    expect(afterFirst[path.join("api", "Dockerfile")]).toContain("pip install --no-cache-dir -r requirements.txt");
    // What is left is what has no safe fix.
    expect(ruleIdsOf(first.stdout).every((id) => !/no-maintainer|instruction-casing|no-obsolete-version|package-manager-clean-cache|dockerignore-required-entries/u.test(id))).toBe(true);

    const second = eslintCli(dir, ["--fix", "--format", "json", "."]);
    expect(snapshot(dir)).toEqual(afterFirst);
    expect(ruleIdsOf(second.stdout)).toEqual(ruleIdsOf(first.stdout));
  });

  it("--cache gives the same results, and notices a changed file", () => {
    const dir = copyExamples("cache");
    const plain = eslintCli(dir, ["--format", "json", "."]);
    const cold = eslintCli(dir, ["--cache", "--format", "json", "."]);
    const warm = eslintCli(dir, ["--cache", "--format", "json", "."]);
    expect(ruleIdsOf(cold.stdout)).toEqual(ruleIdsOf(plain.stdout));
    expect(ruleIdsOf(warm.stdout)).toEqual(ruleIdsOf(plain.stdout));
    expect(readdirSync(dir)).toContain(".eslintcache");
    writeFileSync(path.join(dir, "Dockerfile"), "FROM node:24.11\nUSER node\n");
    const changed = eslintCli(dir, ["--cache", "--format", "json", "."]);
    expect(ruleIdsOf(changed.stdout).filter((id) => id.startsWith("cache/Dockerfile:"))).toEqual([]);
  });

  it("--concurrency=2 gives the same results as one thread", () => {
    const dir = copyExamples("concurrency");
    const single = eslintCli(dir, ["--format", "json", "."]);
    const parallel = eslintCli(dir, ["--concurrency=2", "--format", "json", "."]);
    // ESLint warns that four files are too few to gain from threads; anything else would be a failure.
    expect(parallel.stderr.split("\n").filter((line) => line.trim() !== "" && !/PoorConcurrency|node --trace-warnings/u.test(line))).toEqual([]);
    expect(parallel.status).toBe(1);
    expect(ruleIdsOf(parallel.stdout)).toEqual(ruleIdsOf(single.stdout));
  });
});
