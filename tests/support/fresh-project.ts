/**
 * Fresh projects outside the repository, set up as a user's would be from the README's commands, but
 * offline: the plugin comes from its packed tarball (`npm pack`, what npm would publish), every other
 * package from this repository's node_modules (each must be a dev dependency of ours). Nothing under the
 * temporary folder can reach the repository's node_modules by walking up, so an import the tarball
 * needs but does not declare fails here as it would for a user.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "./eslint-cli.js";

const NPM = { command: "npm", shell: process.platform === "win32" };

/** Runs npm (synchronously) in `cwd`; throws with npm's output when it fails. */
function npm(cwd: string, args: readonly string[]): string {
  const result = spawnSync(NPM.command, args, { cwd, encoding: "utf8", shell: NPM.shell, timeout: 120_000 });
  if (result.status !== 0) throw new Error(`npm ${args.join(" ")} failed (${result.status}): ${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** A temporary folder outside the repository; the caller removes it (`removeTemporary`). */
export function temporaryFolder(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}

export function removeTemporary(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Packs the plugin as `npm pack` would publish it (without running `prepack`: the build already ran) and
 * extracts the tarball into `into/package`. Returns the extracted package's folder and the tarball's path.
 */
export function packPlugin(into: string): { packageDir: string; tarball: string } {
  const [packed] = JSON.parse(npm(repoRoot, ["pack", "--ignore-scripts", "--json", "--pack-destination", into])) as { filename: string }[];
  const tarball = path.join(into, packed!.filename);
  const extracted = spawnSync("tar", ["-xzf", packed!.filename], { cwd: into, encoding: "utf8" });
  if (extracted.status !== 0) throw new Error(`tar failed: ${extracted.stderr}`);
  return { packageDir: path.join(into, "package"), tarball };
}

/** `npm init -y`'s package.json, made once per run (npm is slow to start) and written into each project. */
let initPackageJson: string | undefined;

/** Runs `npm init -y` in `dir` (a real run the first time, the same file afterwards). */
export function npmInit(dir: string): void {
  if (initPackageJson === undefined) {
    npm(dir, ["init", "-y"]);
    initPackageJson = readFileSync(path.join(dir, "package.json"), "utf8");
    return;
  }
  const manifest = JSON.parse(initPackageJson) as Record<string, unknown>;
  writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ ...manifest, name: path.basename(dir).toLowerCase() }, null, 2)}\n`);
}

function link(projectDir: string, name: string): void {
  const target = path.join(repoRoot, "node_modules", name);
  if (!existsSync(target)) throw new Error(`${name} is not installed in this repository: the README installs it, so it must be a dev dependency`);
  const where = path.join(projectDir, "node_modules", name);
  if (existsSync(where)) return;
  mkdirSync(path.dirname(where), { recursive: true });
  symlinkSync(target, where, "junction");
}

/**
 * `npm install --save-dev <packages>` offline: our package is copied from the extracted tarball and its
 * declared dependencies linked beside it; every other package is linked from the repository.
 */
export function installOffline(projectDir: string, packages: readonly string[], packageDir: string): void {
  const ours = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { name: string; dependencies?: Record<string, string> };
  for (const name of packages) {
    if (name === ours.name) {
      cpSync(packageDir, path.join(projectDir, "node_modules", name), { recursive: true });
      for (const dependency of Object.keys(ours.dependencies ?? {})) link(projectDir, dependency);
    } else {
      link(projectDir, name);
    }
  }
}

/** The packages an `npm install --save-dev a b c` (or `npm i -D …`) line installs. */
export function installedPackages(command: string): string[] {
  const words = command.trim().split(/\s+/u);
  if (words[0] !== "npm" || !["install", "i", "add"].includes(words[1] ?? "")) throw new Error(`not an npm install line: ${command}`);
  return words.slice(2).filter((word) => !word.startsWith("-"));
}

/**
 * Runs the ESLint CLI in `cwd`, as `runEslint` does, but with a time limit: a synchronous child blocks
 * vitest's own timeout, and a type-checked lint on a loaded machine takes many seconds.
 */
export function runEslintWithin(cwd: string, args: readonly string[], timeoutMs = 240_000): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(repoRoot, "node_modules/eslint/bin/eslint.js"), ...args], {
    cwd,
    encoding: "utf8",
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fenced code block of a Markdown file, with the heading it is under. */
export interface CodeBlock {
  heading: string;
  lang: string;
  text: string;
}

/** Every fenced code block of `markdown`, in order, with the nearest heading above it. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let heading = "";
  let open: CodeBlock | null = null;
  for (const line of markdown.split("\n")) {
    if (open) {
      if (line.startsWith("```")) {
        blocks.push(open);
        open = null;
      } else {
        open.text += `${line}\n`;
      }
    } else if (line.startsWith("```")) {
      open = { heading, lang: line.slice(3).trim(), text: "" };
    } else if (/^#{1,6} /u.test(line)) {
      heading = line.replace(/^#+ /u, "").trim();
    }
  }
  return blocks;
}

/** The one block of `lang` under `heading` for which `test` holds; throws when there is not exactly one. */
export function codeBlock(blocks: readonly CodeBlock[], heading: string, lang: string, test: (text: string) => boolean = () => true): string {
  const found = blocks.filter((block) => block.heading === heading && block.lang === lang && test(block.text));
  if (found.length !== 1) throw new Error(`expected one \`${lang}\` block under "${heading}", found ${found.length}`);
  return found[0]!.text;
}

/** A config block's file name, from its first line (`// eslint.config.mjs`). */
export function configFileName(block: string): string {
  const name = /^\/\/ (eslint\.config\.[cm]?[jt]s)\n/u.exec(block)?.[1];
  if (!name) throw new Error(`a config block must start with its file name (\`// eslint.config.mjs\`): ${block.slice(0, 60)}`);
  return name;
}
