import type { FileKind } from "./rule-docs.js";

/**
 * Which of our languages an AST root belongs to, by its shape (the language object is not visible to
 * a rule, and compose files may come from eslint-plugin-yml's parser): null for anything else.
 */
export function fileKindOf(ast: unknown): FileKind | null {
  if (typeof ast !== "object" || ast === null || (ast as { type?: unknown }).type !== "Program") return null;
  const root = ast as { stages?: unknown; patterns?: unknown; body?: unknown };
  if (Array.isArray(root.stages)) return "dockerfile";
  if (Array.isArray(root.patterns)) return "dockerignore";
  if (Array.isArray(root.body) && root.body.length > 0 && root.body.every((node: { type?: unknown }) => node?.type === "YAMLDocument")) return "compose";
  return null;
}
