/**
 * `eslint --cache` with cross-file rules: a compose file's findings depend on the Dockerfile its service
 * builds. ESLint keys a cached result on the file itself and its config only, so our configs make the
 * cache miss for our files in every new run (lib/configs/cache-key.ts). Changing only the Dockerfile
 * must change the compose file's findings on the next cached run, in both orders with eslint-plugin-yml.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runEslint, scratchProject } from "../support/eslint-cli.js";
import { dedent } from "../support/dedent.js";

const workDir = scratchProject("cache");

const COMPOSE = dedent`
  services:
    web:
      build: ./web
    app:
      image: myorg/app:1.0
      depends_on:
        web:
          condition: service_healthy
`;
const HEALTHY = "FROM nginx:1.27\nHEALTHCHECK --interval=10s CMD curl -fsS http://localhost/ || exit 1\n";
const UNHEALTHY = "FROM nginx:1.27\n";

const CONFIGS: Record<string, string> = {
  "ours alone": "[...docker.configs.recommended]",
  "eslint-plugin-yml's language last": '[...docker.configs.recommended, ...yml.configs["flat/recommended"]]',
};

function project(name: string, configs: string): string {
  const dir = path.join(workDir, name.replaceAll(/\W+/gu, "-"));
  mkdirSync(path.join(dir, "web"), { recursive: true });
  writeFileSync(path.join(dir, "eslint.config.js"), `import docker from "eslint-plugin-docker-policy";\nimport yml from "eslint-plugin-yml";\nexport default ${configs};\n`);
  writeFileSync(path.join(dir, "compose.yaml"), COMPOSE);
  writeFileSync(path.join(dir, "web", "Dockerfile"), HEALTHY);
  writeFileSync(path.join(dir, "index.js"), "export const answer = 42;\n");
  return dir;
}

function composeFindings(dir: string): string[] {
  const result = runEslint(dir, ["--cache", "--format", "json", "."]);
  expect(result.stderr).toBe("");
  const results = JSON.parse(result.stdout) as { filePath: string; messages: { line: number; ruleId: string | null }[] }[];
  return results.filter((file) => file.filePath.endsWith("compose.yaml")).flatMap((file) => file.messages.map((message) => `${message.line}:${message.ruleId}`));
}

describe("--cache and a cross-file rule", () => {
  for (const [name, configs] of Object.entries(CONFIGS)) {
    it(`sees a change in the Dockerfile a compose service builds (${name})`, () => {
      const dir = project(name, configs);
      expect(composeFindings(dir)).toEqual([]);
      // The cache now holds compose.yaml's clean result; only the Dockerfile changes.
      expect(Object.keys(JSON.parse(readFileSync(path.join(dir, ".eslintcache"), "utf8")) as object).length).toBeGreaterThan(0);
      writeFileSync(path.join(dir, "web", "Dockerfile"), UNHEALTHY);
      expect(composeFindings(dir)).toEqual(["8:docker/no-healthcheck-less-dependency"]);
      writeFileSync(path.join(dir, "web", "Dockerfile"), HEALTHY);
      expect(composeFindings(dir)).toEqual([]);
    });
  }
});
