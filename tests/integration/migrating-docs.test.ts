/**
 * docs/migrating.md and docs/ci.md run as written: each `eslint.config.mjs` they show is copied verbatim
 * (extracted from the markdown, not repeated here) into a scratch project with a hadolint and a dclint
 * config, and the ESLint CLI runs on it with the commands the docs give; the pre-commit hook's `files`
 * pattern claims exactly the names our configs' globs claim.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { getStaticYAMLValue, parseYAML } from "yaml-eslint-parser";
import plugin from "../../lib/index.js";
import { repoRoot, runEslint, scratchProject } from "../support/eslint-cli.js";

const workDir = scratchProject("migrating-docs");

/** The fenced blocks of a doc with this info string, as text. */
function blocks(doc: string, language: string): string[] {
  const markdown = readFileSync(path.join(repoRoot, "docs", doc), "utf8");
  return [...markdown.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, "gmu"))].map((match) => match[1]!);
}

/** `npx eslint …` commands of a doc's `sh` blocks, as argument lists. */
function eslintCommands(doc: string): string[][] {
  return blocks(doc, "sh")
    .flatMap((block) => block.split("\n"))
    .filter((line) => line.startsWith("npx eslint"))
    .map((line) => line.split(" ").slice(2));
}

const FILES: Record<string, string> = {
  ".hadolint.yaml": "ignored:\n  - DL3059\noverride:\n  warning: [DL3002]\nfailure-threshold: error\n",
  ".dclintrc.yaml": "rules:\n  no-version-field: 0\n",
  "dclint.config.js": "export default { rules: { 'no-version-field': 0 } };\n",
  "Dockerfile": "FROM node:22.12-slim\nRUN npm ci\nRUN npm run build\nUSER root\nCMD [\"node\", \"server.js\"]\n",
  "compose.yaml": "version: '3.8'\nservices:\n  web:\n    build: .\n    read_only: true\n",
};

function project(name: string, config: string): string {
  const dir = path.join(workDir, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(FILES)) writeFileSync(path.join(dir, file), content);
  writeFileSync(path.join(dir, "eslint.config.mjs"), config);
  return dir;
}

interface Result {
  filePath: string;
  messages: { ruleId: string | null; severity: number; message: string }[];
}

describe("docs/migrating.md", () => {
  const configs = blocks("migrating.md", "js").filter((block) => block.startsWith("// eslint.config.mjs"));

  it("shows the configs of both functions", () => {
    expect(configs.some((config) => config.includes("fromHadolintConfig()"))).toBe(true);
    expect(configs.some((config) => config.includes("fromDclintConfig()"))).toBe(true);
    expect(configs.some((config) => config.includes("fromDclintConfig({ config: dclintConfig })"))).toBe(true);
  });

  it.each(configs.map((config, index) => [index, config] as const))("config %i loads and applies the peer's settings", (index, config) => {
    const dir = project(`config-${index}`, config);
    const result = runEslint(dir, ["--format", "json", "."]);
    expect(result.stderr).toBe("");
    expect([0, 1]).toContain(result.status);
    const messages = (JSON.parse(result.stdout) as Result[]).flatMap((file) => file.messages.map((message) => ({ ...message, file: path.basename(file.filePath) })));
    expect(messages.filter((message) => message.ruleId === null)).toEqual([]);
    if (config.includes("fromHadolintConfig")) {
      expect(messages.map((message) => message.ruleId)).not.toContain("docker/no-consecutive-run");
      // DL3002 overridden to warning under failure-threshold: error → warn.
      expect(messages.filter((message) => message.ruleId === "docker/no-root-user").map((message) => message.severity)).toEqual([1]);
    }
    if (config.includes("fromDclintConfig")) {
      expect(messages.filter((message) => message.file === "compose.yaml").map((message) => message.ruleId)).not.toContain("docker/no-obsolete-version");
    }
  });

  it("its commands run as written", () => {
    const dir = project("commands", "import docker from \"eslint-plugin-docker-policy\";\nexport default [...docker.configs.recommended];\n");
    const commands = eslintCommands("migrating.md");
    expect(commands.length).toBeGreaterThan(1);
    for (const args of commands) {
      const result = runEslint(dir, args);
      expect(result.stderr, args.join(" ")).toBe("");
      expect([0, 1]).toContain(result.status);
    }
    const sarif = JSON.parse(readFileSync(path.join(dir, "eslint-results.sarif"), "utf8")) as { version: string };
    expect(sarif.version).toBe("2.1.0");
  });
});

describe("docs/ci.md", () => {
  it("its eslint command writes the SARIF file the workflow uploads", () => {
    const dir = project("ci", "import docker from \"eslint-plugin-docker-policy\";\nexport default [...docker.configs.recommended];\n");
    const [workflow] = blocks("ci.md", "yaml").map((block) => getStaticYAMLValue(parseYAML(block)) as Record<string, unknown>);
    const steps = (workflow!["jobs"] as { eslint: { steps: { run?: string; with?: { sarif_file?: string } }[] } }).eslint.steps;
    const run = steps.find((step) => step.run?.startsWith("npx eslint"))!.run!;
    const upload = steps.find((step) => step.with?.sarif_file !== undefined)!.with!.sarif_file!;
    for (const args of [...eslintCommands("ci.md"), run.split(" ").slice(2)]) {
      const result = runEslint(dir, args);
      expect(result.stderr).toBe("");
      expect([0, 1]).toContain(result.status);
    }
    expect(existsSync(path.join(dir, upload))).toBe(true);
  });

  it("the pre-commit hook's files pattern claims exactly the names our configs claim", async () => {
    const hooks = blocks("ci.md", "yaml").map((block) => getStaticYAMLValue(parseYAML(block)) as Record<string, unknown>).find((value) => "repos" in value)!;
    const pattern = new RegExp((hooks["repos"] as { hooks: { files: string }[] }[])[0]!.hooks[0]!.files, "u");
    // ESLint has a config for a file only when a config object's `files` matches it.
    const eslint = new ESLint({ cwd: workDir, overrideConfigFile: true, overrideConfig: [...plugin.configs.base] });
    const names = [
      "Dockerfile", "dockerfile", "Dockerfile.prod", "Dockerfile-dev", "Dockerfile_ci", "app.Dockerfile", "app.dockerfile",
      "Containerfile", "containerfile", "Containerfile.arm", "build.containerfile", "compose.yaml", "compose.yml", "compose.prod.yaml",
      "compose-dev.yml", "docker-compose.yml", "docker-compose.override.yaml", "docker-compose-ci.yaml", ".dockerignore",
      "Dockerfile.dockerignore", "api/Dockerfile", "deploy/compose.yaml", "api/.dockerignore",
      "dockerfile.prod", "DOCKERFILE", "composer.yaml", "my-compose.yaml", "compose.json", "README.md", "package.json", "dockerignore",
    ];
    for (const name of names) {
      const claimed = (await eslint.calculateConfigForFile(path.join(workDir, name))) !== undefined;
      expect(pattern.test(name), name).toBe(claimed);
    }
  });
});
