/**
 * Checks the quality bar for autofixes: the fixed file parses, a second `--fix` changes nothing,
 * and (per rule) the fix keeps the file's meaning. Reusable by every fixable rule's test.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Linter } from "eslint";
import { expect } from "vitest";
import plugin from "../../lib/index.js";

export interface FixSafetyCase {
  /** Rule name without the `docker/` prefix. */
  rule: string;
  /** The rule's options (the array after the severity), if any. */
  options?: unknown[];
  /** The file's text before the fix. */
  code: string;
  /** Absolute path the file is linted as (its name picks the language: `Dockerfile`, `compose.yaml`, `.dockerignore`). */
  filename: string;
  /**
   * The rule-specific meaning check, called with the text before and after `--fix`. It asserts
   * (with `expect`) that the fix kept what the file means, or changed only what the rule is about.
   */
  meaning?: (before: string, after: string) => void;
  /** Whether the fix must change the text (default true: a case that fixes nothing proves nothing). */
  expectChange?: boolean;
}

/**
 * Applies `--fix` for one rule (ESLint's `Linter#verifyAndFix`, which repeats fix passes as the CLI
 * does) and checks that:
 * 1. the output parses (no fatal message when linted again),
 * 2. the rule reports nothing fixable any more, and a second `verifyAndFix` changes nothing
 *    (idempotence),
 * 3. `meaning(before, after)` holds, when given.
 * Returns the fixed text. Throws (an assertion error) on any failure.
 */
export function assertFixPreservesMeaning(testCase: FixSafetyCase): string {
  const linter = new Linter({ configType: "flat", cwd: path.dirname(testCase.filename) });
  const severity: Linter.RuleEntry = testCase.options ? ["error", ...testCase.options] : "error";
  const config = [...plugin.configs.base, { files: ["**/*", "**/.*"], rules: { [`docker/${testCase.rule}`]: severity } }];
  const first = linter.verifyAndFix(testCase.code, config, { filename: testCase.filename });
  if (testCase.expectChange !== false) expect(first.fixed, "the fix changes the file").toBe(true);
  expect(first.messages.filter((message) => message.fatal), "the fixed file parses").toEqual([]);
  expect(linter.verify(first.output, config, { filename: testCase.filename }).filter((message) => message.fatal)).toEqual([]);
  const second = linter.verifyAndFix(first.output, config, { filename: testCase.filename });
  expect(second.fixed, "a second --fix changes nothing").toBe(false);
  expect(second.output).toBe(first.output);
  testCase.meaning?.(testCase.code, first.output);
  return first.output;
}

/**
 * A temporary folder tree for cross-file tests: `files` maps relative paths to contents (a `.git`
 * folder is created at the root so that upward searches stop there). Returns the root and a
 * cleanup function.
 */
export function makeTree(files: Readonly<Record<string, string>>): { root: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), "docker-policy-tree-"));
  mkdirSync(path.join(root, ".git"));
  for (const [relative, content] of Object.entries(files)) {
    const full = path.join(root, relative);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
