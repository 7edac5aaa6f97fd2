/**
 * The README runs as written, in fresh folders outside the repository: the packed tarball installed as
 * npm would install it (offline, tests/support/fresh-project.ts), the README's install lines and config
 * blocks taken from README.md at test time (never copied here), `examples/` linted through the ESLint
 * CLI. What the README promises is what `npm run example` shows in the repository: the same findings.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Linter } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/eslint-cli.js";
import {
  codeBlock,
  codeBlocks,
  configFileName,
  installedPackages,
  installOffline,
  npmInit,
  packPlugin,
  removeTemporary,
  runEslintWithin,
  temporaryFolder,
} from "../support/fresh-project.js";

const README = readFileSync(path.join(repoRoot, "README.md"), "utf8");
const blocks = codeBlocks(README);
const examples = path.join(repoRoot, "examples");

interface FileResult {
  filePath: string;
  messages: Linter.LintMessage[];
}

/** `path:line:column rule` of every finding, paths relative to `root`, sorted. */
function findings(root: string, stdout: string): string[] {
  const results = JSON.parse(stdout) as FileResult[];
  return results
    .flatMap((file) =>
      file.messages.map((message) => `${path.relative(root, file.filePath).replaceAll("\\", "/")}:${message.line}:${message.column} ${message.ruleId ?? `FATAL ${message.message}`}`),
    )
    .sort();
}

/** The README's install line under `heading` (the block's first `npm install` line). */
function installLine(heading: string): string[] {
  const block = codeBlock(blocks, heading, "sh", (text) => text.includes("npm install"));
  return installedPackages(block.split("\n").find((line) => line.startsWith("npm install"))!);
}

/** The examples project's files, without its own ESLint config (the README's replaces it). */
function copyExamples(into: string): void {
  cpSync(examples, into, { recursive: true, filter: (source) => !/^eslint\.config\./u.test(path.basename(source)) });
}

/** Every file under `dir` (node_modules aside) with its text, to see what `--fix` changed. */
function snapshot(dir: string, base = dir): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(files, snapshot(full, base));
    else files[path.relative(base, full)] = readFileSync(full, "utf8");
  }
  return files;
}

let root = "";
let packageDir = "";
/** What `npm run example` reports in the repository (examples/ with its own config): what the README promises. */
let promised: string[] = [];

/** A fresh project folder: `npm init -y`, the packages installed offline. */
function freshProject(name: string, packages: readonly string[]): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  npmInit(dir);
  installOffline(dir, packages, packageDir);
  return dir;
}

beforeAll(() => {
  root = temporaryFolder("docker-policy-readme");
  ({ packageDir } = packPlugin(root));
  const inRepository = runEslintWithin(examples, ["--format", "json", "."]);
  expect(inRepository.status).toBe(1);
  promised = findings(examples, inRepository.stdout);
});

afterAll(() => removeTemporary(root));

describe("README: install and configure, in a fresh folder", () => {
  it("npm init -y writes a CommonJS package, which is why the README's config is an .mjs file", () => {
    const dir = freshProject("init", []);
    const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { type?: string };
    // npm ≥ 10.9 writes "commonjs"; older npm writes no type, which Node also reads as CommonJS.
    expect(manifest.type ?? "commonjs").toBe("commonjs");
  });

  it("the install line and the config, verbatim, on a copy of examples/: the findings of `npm run example`", () => {
    const packages = installLine("Install");
    expect(packages).toContain("eslint-plugin-docker-policy");
    const dir = freshProject("configure", packages);
    const config = codeBlock(blocks, "Configure", "js", (text) => text.startsWith("// eslint.config."));
    writeFileSync(path.join(dir, configFileName(config)), config);
    copyExamples(dir);
    const result = runEslintWithin(dir, ["--format", "json", "."]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    const found = findings(dir, result.stdout);
    expect(found).toEqual(promised);
    // All three file kinds, and a Dockerfile in a subfolder, report: the config reaches every file of ours.
    for (const file of ["Dockerfile", "compose.yaml", "api/Dockerfile", "worker/Dockerfile"]) {
      expect(found.some((entry) => entry.startsWith(`${file}:`))).toBe(true);
    }
  });
});

describe("README: Try it, outside the repository", () => {
  /**
   * Runs the README's block line by line, as a shell would, with the one substitution that keeps the test
   * offline (`npm install` from the tarball and the repository's packages). An unknown command fails the test.
   */
  it("every command of the block, as written: the findings, then --fix fixes the fixable ones", () => {
    const block = codeBlock(blocks, "Try it", "sh", (text) => text.includes("cp -R examples"));
    let cwd = path.join(root, "clone");
    const eslintRuns: { args: string[]; status: number | null; stdout: string; stderr: string }[] = [];
    for (const line of block.split("\n")) {
      for (const command of line.replace(/\s+#.*$/u, "").split("&&").map((part) => part.trim()).filter(Boolean)) {
        const words = command.split(/\s+/u);
        if (words[0] === "cp" && words[1] === "-R" && words[2] === "examples") {
          cpSync(examples, path.resolve(cwd, words[3]!), { recursive: true });
        } else if (words[0] === "cd") {
          cwd = path.resolve(cwd, words[1]!);
        } else if (command === "npm init -y") {
          npmInit(cwd);
        } else if (words[0] === "npm" && words[1] === "install") {
          installOffline(cwd, installedPackages(command), packageDir);
        } else if (words[0] === "npx" && words[1] === "eslint") {
          const args = words.slice(2);
          eslintRuns.push({ args, ...runEslintWithin(cwd, ["--format", "json", ...args]) });
        } else {
          throw new Error(`the test does not know this README command: ${command}`);
        }
      }
    }
    expect(path.dirname(cwd)).toBe(root); // outside the repository
    expect(eslintRuns.map((run) => run.args.join(" "))).toEqual([".", "--fix ."]);
    const [lint, fix] = eslintRuns;
    expect(lint!.stderr).toBe("");
    expect(lint!.status).toBe(1);
    expect(findings(cwd, lint!.stdout)).toEqual(promised);
    expect(fix!.stderr).toBe("");
    const remaining = findings(cwd, fix!.stdout);
    expect(remaining.length).toBeGreaterThan(0);
    expect(remaining.length).toBeLessThan(promised.length);
    // What is left is what was reported before: --fix only removed findings.
    expect(remaining.every((entry) => promised.some((before) => before.endsWith(entry.slice(entry.indexOf(" ")))))).toBe(true);
    // A second --fix finds nothing more to change.
    const before = snapshot(cwd);
    runEslintWithin(cwd, ["--fix", "."]);
    expect(snapshot(cwd)).toEqual(before);
  });
});

/** A small TypeScript project beside the copied examples, for the configs that lint code too. */
function writeCodeProject(dir: string): void {
  mkdirSync(path.join(dir, "src"));
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    `${JSON.stringify({ compilerOptions: { strict: true, module: "nodenext", target: "es2022", noEmit: true }, include: ["src"] }, null, 2)}\n`,
  );
  // A floating promise: only a type-checked rule sees it.
  writeFileSync(path.join(dir, "src/index.ts"), 'async function load(): Promise<string> {\n  return "x";\n}\n\nvoid 0;\nload();\n');
}

/**
 * Findings by rule family: ours, and the others' on our files (there must be none, but for
 * eslint-plugin-yml's on compose files, which are YAML files too: the README says their findings add up).
 */
function split(entries: readonly string[]) {
  const ourFile = (entry: string) => /^(?:[^:]*\/)?(?:Dockerfile|compose\.yaml|\.dockerignore):/u.test(entry);
  const expectedThere = (entry: string) => entry.includes(" docker/") || (entry.startsWith("compose.yaml:") && entry.includes(" yml/"));
  return {
    ours: entries.filter((entry) => entry.includes(" docker/")),
    foreignOnOurFiles: entries.filter((entry) => ourFile(entry) && !expectedThere(entry)),
    fatal: entries.filter((entry) => entry.includes(" FATAL ")),
  };
}

describe("README: with typescript-eslint, @stylistic, eslint-plugin-yml and Prettier", () => {
  const heading = "With typescript-eslint, @stylistic, eslint-plugin-yml and Prettier";

  // Three type-checked CLI runs: TypeScript's project service starts in each.
  it("the config, verbatim: every plugin reports on its files, ours as alone, and --fix converges", { timeout: 600_000 }, () => {
    const dir = freshProject("together", installLine(heading));
    const config = codeBlock(blocks, heading, "js", (text) => text.startsWith("// eslint.config."));
    writeFileSync(path.join(dir, configFileName(config)), config);
    copyExamples(dir);
    writeCodeProject(dir);
    // @stylistic's comment rule on code; the same comment style in a compose file must stay as it is.
    writeFileSync(path.join(dir, "src/util.js"), "//no space after the slashes\nexport const answer = 42;\n");
    const compose = readFileSync(path.join(dir, "compose.yaml"), "utf8")
      .replace('version: "3.9"\n', 'version: "3.9" #kept for the demo\n')
      .replace("    image: postgres:16.2\n", "    image: postgres:16.2  # pinned\n");
    writeFileSync(path.join(dir, "compose.yaml"), compose);
    // A YAML file that is not a compose file: eslint-plugin-yml's alone.
    writeFileSync(path.join(dir, "settings.yaml"), "name: demo\nowner:\n");

    const result = runEslintWithin(dir, ["--format", "json", "."]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    const found = findings(dir, result.stdout);
    const { ours, foreignOnOurFiles, fatal } = split(found);
    expect(fatal).toEqual([]);
    expect(foreignOnOurFiles).toEqual([]);
    // The inline comments do not move a line: our findings are those of the plugin alone.
    expect(ours).toEqual(promised);
    expect(found).toContain("src/index.ts:6:1 @typescript-eslint/no-floating-promises");
    expect(found).toContain("src/util.js:1:1 @stylistic/spaced-comment");
    expect(found.some((entry) => entry.startsWith("settings.yaml:") && entry.includes(" yml/"))).toBe(true);
    expect(found).toContain("compose.yaml:1:16 yml/spaced-comment");

    runEslintWithin(dir, ["--fix", "."]);
    const fixed = snapshot(dir);
    expect(fixed["src/util.js"]).toMatch(/^\/\/ no space/u);
    // Both plugins' fixes ran on the compose file (the obsolete `version` line went, with its comment);
    // its other comment is as it was.
    expect(fixed["compose.yaml"]).toContain("    image: postgres:16.2  # pinned\n");
    expect(fixed["compose.yaml"]).not.toContain("version:");
    // A second --fix changes nothing: the configs agree.
    runEslintWithin(dir, ["--fix", "."]);
    expect(snapshot(dir)).toEqual(fixed);
  });

  it("typescript-eslint's type-checked config after ours, with the README's disableTypeChecked block", { timeout: 300_000 }, () => {
    const dir = freshProject("type-checked", installLine(heading));
    const config = codeBlock(blocks, "typescript-eslint's type-checked configs", "js");
    writeFileSync(path.join(dir, configFileName(config)), config);
    copyExamples(dir);
    writeCodeProject(dir);
    const result = runEslintWithin(dir, ["--format", "json", "."]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    const found = findings(dir, result.stdout);
    const { ours, foreignOnOurFiles, fatal } = split(found);
    expect(fatal).toEqual([]);
    expect(foreignOnOurFiles).toEqual([]);
    expect(ours).toEqual(promised);
    expect(found).toContain("src/index.ts:6:1 @typescript-eslint/no-floating-promises");
  });
});

describe("README: TypeScript configs", () => {
  it("eslint.config.ts, verbatim, loads (through jiti, installed as the README says)", () => {
    const packages = installLine("TypeScript configs");
    expect(packages).toContain("jiti");
    const dir = freshProject("typescript-config", packages);
    const config = codeBlock(blocks, "TypeScript configs", "ts");
    expect(configFileName(config)).toBe("eslint.config.ts");
    writeFileSync(path.join(dir, "eslint.config.ts"), config);
    copyExamples(dir);
    const result = runEslintWithin(dir, ["--format", "json", "."]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    const found = findings(dir, result.stdout);
    expect(split(found).fatal).toEqual([]);
    // The config's own block (require-image-tag with an option) and the spread configs both apply.
    expect(found).toEqual(expect.arrayContaining(promised.filter((entry) => !entry.includes("require-image-tag"))));
    expect(found.some((entry) => entry.includes(" docker/require-image-tag"))).toBe(true);
  });
});
