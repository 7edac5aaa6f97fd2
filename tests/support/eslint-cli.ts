/**
 * Scratch projects for the tests that run the ESLint CLI as a user would: inside the repository (so that
 * `import "eslint-plugin-docker-policy"` resolves to this package, built in dist/), removed afterwards.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../..");

/** A fresh folder under `.tmp-tests/`, deleted after the test file's tests. */
export function scratchProject(prefix: string): string {
  const scratch = path.join(repoRoot, ".tmp-tests");
  mkdirSync(scratch, { recursive: true });
  const dir = mkdtempSync(path.join(scratch, `${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs the ESLint CLI in `cwd` (synchronously); exit status and both streams as text. */
export function runEslint(cwd: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(repoRoot, "node_modules/eslint/bin/eslint.js"), ...args], { cwd, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
