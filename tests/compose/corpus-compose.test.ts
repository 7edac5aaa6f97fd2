/**
 * Builds the compose model of every compose file of the shared real-world corpus
 * (`../shared/corpus`, outside the repository; skipped with a printed reason when absent).
 * Nothing may throw; files that do not parse as YAML are listed with the parser's reason; every
 * scalar the model hands to rules must have a range that points at its text.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseForESLint, type AST } from "yaml-eslint-parser";
import { getComposeModel, type ComposeFile } from "../../lib/compose/index.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const corpusRoot = path.resolve(repoRoot, "../shared/corpus");
const roots = [path.join(corpusRoot, "compose"), path.join(corpusRoot, "projects/docker__awesome-compose")];

/** The default globs of the docker/compose language: compose.y?(a)ml, compose.*.y?(a)ml, docker-compose(.*).y?(a)ml. */
const COMPOSE_NAME = /^(?:docker-)?compose(?:\..+)?\.ya?ml$/;

function walk(directory: string, accept: (name: string) => boolean, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) walk(full, accept, out);
    else if (entry.isFile() && accept(entry.name)) out.push(full);
  }
  return out;
}

/** Compose files of the corpus manifest whose names the default globs do not match (`compose-mysql.yml`…). */
function offGlobComposeFiles(): string[] {
  const manifest = path.join(corpusRoot, "MANIFEST.tsv");
  if (!fs.existsSync(manifest)) return [];
  return fs
    .readFileSync(manifest, "utf8")
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t"))
    .filter((columns) => columns[5] === "compose" && columns[0] && !COMPOSE_NAME.test(path.basename(columns[0])))
    .map((columns) => path.join(corpusRoot, columns[0]!));
}

interface FileReport {
  file: string;
  parseError: string | null;
  model: ComposeFile | null;
  services: number;
}

/** Every object of the model that carries a YAML scalar in `node`, with a path for messages. */
function* scalarsOf(value: unknown, where: string, seen = new Set<unknown>()): Generator<[string, AST.YAMLScalar]> {
  if (!value || typeof value !== "object" || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* scalarsOf(item, `${where}[${index}]`, seen);
    return;
  }
  if (value instanceof Map) {
    for (const [key, item] of value) yield* scalarsOf(item, `${where}.${String(key)}`, seen);
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.type === "string" && record.type.startsWith("YAML")) return; // an AST node: do not walk the tree
  for (const [key, item] of Object.entries(record)) {
    if (key === "node" && item && typeof item === "object" && (item as { type?: unknown }).type === "YAMLScalar") {
      yield [where, item as AST.YAMLScalar];
    } else if (key !== "entry" && key !== "pair" && key !== "keyNode") {
      yield* scalarsOf(item, `${where}.${key}`, seen);
    }
  }
}

function analyse(file: string): FileReport {
  let text = fs.readFileSync(file, "utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // ESLint hands languages the text without its BOM
  let program: AST.YAMLProgram;
  try {
    program = parseForESLint(text, { filePath: file }).ast;
  } catch (error) {
    const { message, lineNumber, column } = error as { message: string; lineNumber?: number; column?: number };
    return { file, parseError: `${message} (${lineNumber ?? "?"}:${column ?? "?"})`, model: null, services: 0 };
  }
  const model = getComposeModel(program);
  if (model) {
    for (const service of model.services.values()) {
      for (const [where, node] of scalarsOf(service, service.name)) {
        const source = text.slice(node.range[0], node.range[1]);
        if (node.style !== "literal" && node.style !== "folded") {
          expect(source, `${path.relative(corpusRoot, file)} ${where}`).toBe(node.raw);
        }
        expect(node.loc.start.line).toBeGreaterThanOrEqual(1);
      }
    }
  }
  return { file, parseError: null, model, services: model?.services.size ?? 0 };
}

const corpusPresent = roots.every((root) => fs.existsSync(root));
if (!corpusPresent) {
  console.log(`corpus-compose: skipped, the shared corpus is not at ${corpusRoot}`);
}

describe.skipIf(!corpusPresent)("compose model on the real-world corpus", () => {
  const files = corpusPresent ? roots.flatMap((root) => walk(root, (name) => COMPOSE_NAME.test(name))).sort() : [];
  const offGlob = corpusPresent ? offGlobComposeFiles().filter((file) => fs.existsSync(file)).sort() : [];

  function run(list: string[], label: string): FileReport[] {
    const reports = list.map((file) => {
      let report: FileReport | undefined;
      expect(() => {
        report = analyse(file);
      }, path.relative(corpusRoot, file)).not.toThrow();
      return report!;
    });
    const failed = reports.filter((report) => report.parseError);
    const models = reports.filter((report) => report.model);
    const diagnostics = new Map<string, number>();
    let unresolvedImages = 0;
    let portErrors: string[] = [];
    let volumeErrors: string[] = [];
    let merges = 0;
    for (const report of models) {
      for (const diagnostic of report.model!.diagnostics) diagnostics.set(diagnostic.kind, (diagnostics.get(diagnostic.kind) ?? 0) + 1);
      for (const service of report.model!.services.values()) {
        if (service.image && service.image.resolved === null) unresolvedImages++;
        if ([...service.fields.values()].some((field) => field.merged)) merges++;
        portErrors = portErrors.concat(service.ports.filter((p) => p.error).map((p) => `${path.relative(corpusRoot, report.file)} ${service.name}: ${p.spec?.text ?? "(long)"} → ${p.error}`));
        volumeErrors = volumeErrors.concat(service.volumes.filter((v) => v.error).map((v) => `${path.relative(corpusRoot, report.file)} ${service.name}: ${v.spec?.text ?? "(long)"} → ${v.error}`));
      }
    }
    const lines = [
      `corpus-compose (${label}): ${reports.length} files, ${models.length} models, ${reports.reduce((n, r) => n + r.services, 0)} services, ${merges} services using merge keys, ${unresolvedImages} images depending on unset variables`,
      `  not parsed as YAML: ${failed.length}${failed.map((r) => `\n    ${path.relative(corpusRoot, r.file)}: ${r.parseError}`).join("")}`,
      `  parsed but no mapping document: ${reports.filter((r) => !r.parseError && !r.model).map((r) => path.relative(corpusRoot, r.file)).join(", ") || "none"}`,
      `  model diagnostics: ${[...diagnostics].map(([kind, count]) => `${kind}×${count}`).join(", ") || "none"}`,
      `  port entries Compose would reject: ${portErrors.length}${portErrors.map((e) => `\n    ${e}`).join("")}`,
      `  volume entries Compose would reject: ${volumeErrors.length}${volumeErrors.map((e) => `\n    ${e}`).join("")}`,
    ];
    console.log(lines.join("\n"));
    return reports;
  }

  it("builds a model for every compose file named as the language's globs expect", () => {
    expect(files.length).toBeGreaterThan(100);
    const reports = run(files, "default globs");
    expect(reports.filter((report) => report.model).length).toBeGreaterThan(100);
  });

  it("also copes with the corpus compose files named outside the default globs", () => {
    run(offGlob, "other names");
  });
});
