/**
 * Every file of the shared corpus, linted with every rule (`strict` plus the opt-in rules): no rule may
 * throw, and no file the corpus holds may fail to parse (all of them are real, valid files). Skips,
 * saying why, when the corpus is not next to this repository.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { ESLint, type Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../lib/index.js";
import { FILES } from "../lib/configs/files.js";

const corpus = path.resolve(import.meta.dirname, "../../shared/corpus");
const present = existsSync(corpus);
if (!present) console.log(`corpus lint skipped: no corpus at ${corpus}`);

describe.skipIf(!present)("the shared corpus", () => {
  it("lints every Dockerfile, compose file and .dockerignore without an exception or a parse error", async () => {
    const allFiles = [...FILES.dockerfile, ...FILES.compose, ...FILES.dockerignore];
    const everyRule: Linter.RulesRecord = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`docker/${name}`, "error"]));
    const eslint = new ESLint({
      cwd: corpus,
      overrideConfigFile: true,
      overrideConfig: [...plugin.configs.base, { files: allFiles, rules: everyRule }],
      errorOnUnmatchedPattern: false,
    });
    // lintFiles rejects when a rule throws, naming the rule and the file.
    const results = await eslint.lintFiles(allFiles);
    const byKind = { dockerfile: 0, compose: 0, dockerignore: 0 };
    for (const result of results) {
      const name = path.basename(result.filePath);
      if (name.endsWith(".dockerignore")) byKind.dockerignore += 1;
      else if (/\.ya?ml$/u.test(name)) byKind.compose += 1;
      else byKind.dockerfile += 1;
    }
    console.log(`corpus: ${results.length} files linted`, byKind);
    expect(results.flatMap((result) => result.messages.filter((message) => message.fatal).map((message) => `${result.filePath}:${message.line} ${message.message}`))).toEqual([]);
    expect(byKind.dockerfile).toBeGreaterThanOrEqual(1365);
    expect(byKind.compose).toBeGreaterThanOrEqual(114);
  });
});
