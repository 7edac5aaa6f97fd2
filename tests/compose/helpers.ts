import { parseForESLint, type AST } from "yaml-eslint-parser";
import { getComposeModel } from "../../lib/compose/index.js";
import type { ComposeFile, ComposeService } from "../../lib/compose/index.js";

export function parse(code: string, options?: { defaultYAMLVersion?: "1.1" | "1.2" }): AST.YAMLProgram {
  return parseForESLint(code, options).ast;
}

export function model(code: string, options?: { defaultYAMLVersion?: "1.1" | "1.2" }): ComposeFile {
  const result = getComposeModel(parse(code, options));
  if (!result) throw new Error("expected a compose model");
  return result;
}

export function service(code: string, name: string, options?: { defaultYAMLVersion?: "1.1" | "1.2" }): ComposeService {
  const result = model(code, options).services.get(name);
  if (!result) throw new Error(`expected service ${name}`);
  return result;
}

/** The source text a node covers. */
export function textOf(code: string, node: { range: [number, number] } | null | undefined): string | null {
  return node ? code.slice(node.range[0], node.range[1]) : null;
}

/** "line:column" of a node's start (line 1-based, column 0-based). */
export function startOf(node: { loc: { start: { line: number; column: number } } }): string {
  return `${node.loc.start.line}:${node.loc.start.column}`;
}
