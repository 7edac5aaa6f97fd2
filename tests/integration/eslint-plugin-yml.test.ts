/**
 * eslint-plugin-yml and this plugin together, in either order: compose files get the union of both
 * plugins' findings. The later config's `language` wins for compose files (ours after yml's, or yml's
 * after ours); compose rules read only yaml-eslint-parser's AST, and our compose SourceCode offers what
 * yml rules read (`parserServices.isYAML`, YAML tokens and comments), so both sets of rules run under
 * either language.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { ESLint, type Linter } from "eslint";
import yml from "eslint-plugin-yml";
import { describe, expect, it } from "vitest";
import plugin from "../../lib/index.js";
import { scratchProject } from "../support/eslint-cli.js";
import { dedent } from "../support/dedent.js";

const dir = scratchProject("yml");

const COMPOSE = [
  "version: '3.8'",
  "# the demo stack",
  "services:",
  "  db:",
  "    image: postgres",
  "    environment:",
  "      EMPTY:",
  "  app:",
  "    image: myorg/app:1.0",
  "    ports: [ '80:80' ]",
  "",
].join("\n");
writeFileSync(path.join(dir, "compose.yaml"), COMPOSE);
writeFileSync(path.join(dir, "ci.yaml"), dedent`
  jobs:
    build:
      steps:
`);
writeFileSync(path.join(dir, "Dockerfile"), dedent`
  FROM alpine:3.20
  # a comment
  RUN echo hi
`);
writeFileSync(path.join(dir, ".dockerignore"), dedent`
  .git
  .env
  **/*.pem
  node_modules
`);

const ymlRecommended = yml.configs["flat/recommended"] as Linter.Config[];
// More yml rules than `recommended`, so that token- and comment-reading rules run on compose files too.
const ymlStandard = yml.configs["flat/standard"] as Linter.Config[];

async function findings(configs: Linter.Config[]): Promise<string[]> {
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: configs });
  const results = await eslint.lintFiles(["."]);
  const all = results.flatMap((result) => result.messages.map((message) => `${path.basename(result.filePath)}:${message.line}:${message.column}:${message.ruleId}`));
  // A fatal message (a crash of a yml rule on the Dockerfile, say) has no rule id.
  expect(all.filter((finding) => finding.endsWith(":null"))).toEqual([]);
  return all.filter((finding) => finding.includes(".yaml:")).sort();
}

describe("eslint-plugin-yml with this plugin", () => {
  it("yml's recommended before ours: the union on compose.yaml (the YAML files' findings)", async () => {
    const found = await findings([...ymlRecommended, ...plugin.configs.recommended]);
    // All of yml's findings, and ours (whichever other docker rules recommended holds report too).
    expect(found.filter((finding) => finding.includes(":yml/"))).toEqual(["ci.yaml:3:5:yml/no-empty-mapping-value", "compose.yaml:7:7:yml/no-empty-mapping-value"]);
    expect(found).toEqual(expect.arrayContaining(["compose.yaml:1:1:docker/no-obsolete-version", "compose.yaml:5:12:docker/require-image-tag"]));
  });

  it("ours before yml's recommended: the same union", async () => {
    expect(await findings([...plugin.configs.recommended, ...ymlRecommended])).toEqual(await findings([...ymlRecommended, ...plugin.configs.recommended]));
  });

  it("yml's standard config reports the same under either language", async () => {
    const ymlFirst = await findings([...ymlStandard, ...plugin.configs.recommended]);
    const oursFirst = await findings([...plugin.configs.recommended, ...ymlStandard]);
    expect(ymlFirst).toEqual(oursFirst);
    // Token-reading rules (bracket spacing, quotes) and comment rules ran on compose.yaml.
    expect(ymlFirst.filter((finding) => finding.startsWith("compose.yaml:") && finding.includes(":yml/"))).toEqual([
      "compose.yaml:10:13:yml/flow-sequence-bracket-spacing",
      "compose.yaml:10:14:yml/quotes",
      "compose.yaml:10:21:yml/flow-sequence-bracket-spacing",
      "compose.yaml:1:10:yml/quotes",
      "compose.yaml:7:7:yml/no-empty-mapping-value",
    ]);
  });

  it("compose.yaml gets our language when ours comes last, yml's when yml's comes last", async () => {
    const languageOf = async (configs: Linter.Config[]) => {
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: configs });
      return ((await eslint.calculateConfigForFile(path.join(dir, "compose.yaml"))) as { language: unknown }).language;
    };
    expect(await languageOf([...ymlRecommended, ...plugin.configs.recommended])).toBe(plugin.languages.compose);
    expect(await languageOf([...plugin.configs.recommended, ...ymlRecommended])).toBe(yml.languages.yaml);
  });
});
