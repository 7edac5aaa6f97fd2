/**
 * The layers of lib/ run one way (docs/design.md, "Layers"): `no-restricted-imports` in
 * eslint.config.js makes a wrong-way import a lint error (proven here on fixture texts), and the import
 * graph has no cycle, neither between the layer folders nor between any two modules.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

/** Every `.ts` file below `dir` (repo-relative, `/`-separated). */
function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) files.push(...sourceFiles(relative));
    else if (entry.name.endsWith(".ts")) files.push(relative);
  }
  return files;
}

/** The repo-relative modules each file imports (relative specifiers only, `import type` and re-exports included). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of [...sourceFiles("lib"), ...sourceFiles("rules")]) {
    const text = readFileSync(path.join(root, file), "utf8");
    const targets: string[] = [];
    for (const match of text.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+"(\.{1,2}\/[^"]+)"/gmu)) {
      targets.push(path.posix.join(path.posix.dirname(file), match[1]!).replace(/\.js$/u, ".ts"));
    }
    graph.set(file, targets);
  }
  return graph;
}

/** The layer unit of a module: a folder of lib/ (each language of lib/languages on its own), the rules, or lib/'s own entry files. */
function unitOf(file: string): string {
  const parts = file.split("/");
  if (parts[0] === "rules") return "rules";
  if (parts.length === 2) return "lib";
  if (parts[1] === "languages" && parts.length > 3) return `lib/languages/${parts[2]}`;
  return `lib/${parts[1]}`;
}

/** The strongly connected components with more than one member (Tarjan): each is a cycle. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe("layers", () => {
  const graph = importGraph();

  it("no module imports itself back through others", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("no cycle between the layer folders", () => {
    const folders = new Map<string, Set<string>>();
    for (const [file, targets] of graph) {
      const from = unitOf(file);
      const edges = folders.get(from) ?? new Set<string>();
      for (const target of targets) if (graph.has(target) && unitOf(target) !== from) edges.add(unitOf(target));
      folders.set(from, edges);
    }
    expect(cycles(new Map([...folders].map(([folder, edges]) => [folder, [...edges]])))).toEqual([]);
  });

  it("a wrong-way import is a lint error", async () => {
    const eslint = new ESLint({ cwd: root });
    const wrongWay: [string, string][] = [
      ["lib/utils/fixture.ts", `import type { Stage } from "../dockerfile/ast.js";\nexport type S = Stage;\n`],
      ["lib/dockerfile/fixture.ts", `import { getStageGraph } from "../semantics/stages/stages.js";\nexport const g = getStageGraph;\n`],
      ["lib/compose/fixture.ts", `export { getComposeProject } from "../project/compose-project.js";\n`],
      ["lib/project/fixture.ts", `import type { ComposeRuleTypes } from "../languages/compose/rule-types.js";\nexport type T = ComposeRuleTypes<[], "x">;\n`],
      ["lib/semantics/stages/fixture.ts", `import { rules } from "../../../rules/index.js";\nexport const r = rules;\n`],
      ["rules/fixture.ts", `import { createConfigs } from "../lib/configs/create-configs.js";\nexport const c = createConfigs;\n`],
    ];
    for (const [filePath, text] of wrongWay) {
      const [result] = await eslint.lintText(text, { filePath: path.join(root, filePath) });
      expect(result!.messages.map((message) => message.ruleId), filePath).toContain("no-restricted-imports");
    }
    const rightWay: [string, string][] = [
      ["lib/semantics/stages/fixture.ts", `import type { Stage } from "../../dockerfile/ast.js";\nimport { getComposeProject } from "../../project/compose-project.js";\nexport type S = Stage;\nexport const p = getComposeProject;\n`],
      ["lib/project/fixture.ts", `import type { ComposeFile } from "../compose/types.js";\nexport type C = ComposeFile;\n`],
    ];
    for (const [filePath, text] of rightWay) {
      const [result] = await eslint.lintText(text, { filePath: path.join(root, filePath) });
      expect(result!.messages.map((message) => message.ruleId), filePath).not.toContain("no-restricted-imports");
    }
  }, 60_000);
});
