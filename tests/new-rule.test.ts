/**
 * `npm run new <id>` (scripts/new-rule.ts), in its dry-run form: for each kind of file, the rule, doc and
 * test it would write type-check with the project's compiler options and pass the project's own lint,
 * the doc has the sections tests/docs.test.ts requires, and the rule is registered in rules/index.ts.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { FileKind } from "../lib/utils/rule-docs.js";
import { filesForNewRule } from "../scripts/new-rule.js";
import { REQUIRED_SECTIONS } from "./support/doc-sections.js";

const repoRoot = path.resolve(import.meta.dirname, "..");
const KINDS: readonly FileKind[] = ["dockerfile", "compose", "dockerignore"];

/** Type errors of `roots` in a program where `files` (repository-relative path → text) replace or add files. */
function typeErrors(files: ReadonlyMap<string, string>, roots: readonly string[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(repoRoot, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const virtual = new Map([...files].map(([file, text]) => [path.join(repoRoot, file), text]));
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => virtual.get(file) ?? readFile(file);
  host.fileExists = (file) => virtual.has(file) || fileExists(file);
  host.getSourceFile = (file, language, ...rest) => {
    const text = virtual.get(file);
    return text === undefined ? getSourceFile(file, language, ...rest) : ts.createSourceFile(file, text, language);
  };
  const program = ts.createProgram({ rootNames: roots.map((root) => path.join(repoRoot, root)), options: config.options, host });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => `${diagnostic.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`);
}

// One scaffold of each kind, type-checked in one program (a program costs seconds of CPU).
const scaffolds = new Map(await Promise.all(KINDS.map(async (kind) => [kind, new Map((await filesForNewRule(`no-scaffolded-${kind}`, kind)).map((file) => [file.path, file.content]))] as const)));
const allFiles = new Map([...scaffolds.values()].flatMap((files) => [...files]));
const typeErrorsOfAll = typeErrors(allFiles, KINDS.flatMap((kind) => [`rules/no-scaffolded-${kind}.ts`, `tests/rules/no-scaffolded-${kind}.test.ts`]));
const eslint = new ESLint({ cwd: repoRoot });

describe.each(KINDS)("npm run new <id> %s", (kind) => {
  const id = `no-scaffolded-${kind}`;
  const files = scaffolds.get(kind)!;

  it("writes the rule, its doc and its test, and registers the rule", () => {
    expect([...files.keys()].slice(0, 3)).toEqual([`rules/${id}.ts`, `docs/rules/${id}.md`, `tests/rules/${id}.test.ts`]);
    expect(files.get("rules/index.ts")).toContain(`"${id}": `);
    expect(files.get("lib/rule-options.ts")).toContain(`"docker/${id}": [];`);
    // An opt-in rule: the config lists stay as they are.
    expect(files.has("lib/configs/recommended-rules.ts") || files.has("lib/configs/strict-rules.ts")).toBe(false);
  });

  it("the rule and its test type-check and lint clean", async () => {
    expect(typeErrorsOfAll.filter((error) => error.includes(id))).toEqual([]);
    for (const file of [`rules/${id}.ts`, `tests/rules/${id}.test.ts`]) {
      const [result] = await eslint.lintText(files.get(file)!, { filePath: path.join(repoRoot, file) });
      expect(result!.messages, file).toEqual([]);
    }
  });

  it("the doc has the sections every rule doc has", () => {
    const doc = files.get(`docs/rules/${id}.md`)!.split("\n");
    expect(doc[0]).toBe(`# docker/${id}`);
    for (const section of REQUIRED_SECTIONS) expect(doc, section).toContain(section);
  });
});

it("the scaffolds type-check as a whole", () => {
  expect(typeErrorsOfAll).toEqual([]);
});

describe("the command", () => {
  it("prints what it would write with --dry-run, and refuses an existing rule or a bad id", () => {
    const run = (args: string[]) => spawnSync(process.execPath, [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), "scripts/new-rule.ts", ...args], { cwd: repoRoot, encoding: "utf8" });
    const dryRun = run(["no-scaffolded-thing", "compose", "--dry-run"]);
    expect(dryRun.status).toBe(0);
    expect(dryRun.stdout).toContain("--- rules/no-scaffolded-thing.ts\n");
    expect(dryRun.stdout).toContain('fileKinds: ["compose"]');
    expect(run(["no-maintainer", "--dry-run"])).toMatchObject({ status: 1, stderr: expect.stringContaining("Not overwriting rules/no-maintainer.ts") });
    expect(run(["No_Good"]).status).toBe(1);
    // A dry run writes nothing.
    expect(readFileSync(path.join(repoRoot, "rules/index.ts"), "utf8")).not.toContain("no-scaffolded-thing");
  });
});
