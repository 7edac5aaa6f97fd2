/**
 * The `./parser` export, as the README shows it: the whole module as a classic `languageOptions.parser`
 * under ESLint's JavaScript language, also with `--cache` (which needs the config to serialize: the
 * module's `meta` names it).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { runEslint, scratchProject } from "../support/eslint-cli.js";

const dir = scratchProject("parser");

it("lints a Dockerfile through eslint-plugin-docker-policy/parser, with and without --cache", () => {
  writeFileSync(
    path.join(dir, "eslint.config.js"),
    'import * as dockerfileParser from "eslint-plugin-docker-policy/parser";\nexport default [{ files: ["**/Dockerfile"], languageOptions: { parser: dockerfileParser }, rules: { "no-tabs": "error" } }];\n',
  );
  writeFileSync(path.join(dir, "Dockerfile"), "FROM alpine:3.20\n\tRUN echo hi\n");
  for (const args of [[], ["--cache"]]) {
    const result = runEslint(dir, [...args, "--format", "json", "Dockerfile"]);
    expect(result.stderr).toBe("");
    const [file] = JSON.parse(result.stdout) as { messages: { line: number; ruleId: string | null }[] }[];
    expect(file?.messages.map((message) => `${message.line}:${message.ruleId}`)).toEqual(["2:no-tabs"]);
  }
});
