/**
 * The `./parser` export, as the README shows it: the whole module as a classic `languageOptions.parser`
 * under ESLint's JavaScript language, also with `--cache` (which needs the config to serialize: the
 * module's `meta` names it).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const scratch = path.join(repoRoot, ".tmp-tests");
mkdirSync(scratch, { recursive: true });
const dir = mkdtempSync(path.join(scratch, "parser-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("lints a Dockerfile through eslint-plugin-docker-policy/parser, with and without --cache", () => {
  writeFileSync(
    path.join(dir, "eslint.config.js"),
    'import * as dockerfileParser from "eslint-plugin-docker-policy/parser";\nexport default [{ files: ["**/Dockerfile"], languageOptions: { parser: dockerfileParser }, rules: { "no-tabs": "error" } }];\n',
  );
  writeFileSync(path.join(dir, "Dockerfile"), "FROM alpine:3.20\n\tRUN echo hi\n");
  for (const args of [[], ["--cache"]]) {
    const result = spawnSync(process.execPath, [path.join(repoRoot, "node_modules/eslint/bin/eslint.js"), ...args, "--format", "json", "Dockerfile"], { cwd: dir, encoding: "utf8" });
    expect(result.stderr).toBe("");
    const [file] = JSON.parse(result.stdout) as { messages: { line: number; ruleId: string | null }[] }[];
    expect(file?.messages.map((message) => `${message.line}:${message.ruleId}`)).toEqual(["2:no-tabs"]);
  }
});
