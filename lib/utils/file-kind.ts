import type { FileKind } from "./rule-docs.js";

/**
 * Set on the Program of a compose file with no YAML content, to which the `docker/compose` language gives
 * no document (see compose-language.ts): its shape alone would not tell it from an empty JavaScript file.
 */
export const EMPTY_COMPOSE_FILE: unique symbol = Symbol("docker-policy: compose file without content");

/**
 * Which of our languages an AST root belongs to, by its shape (the language object is not visible to
 * a rule, and compose files may come from eslint-plugin-yml's parser): null for anything else.
 */
export function fileKindOf(ast: unknown): FileKind | null {
  if (typeof ast !== "object" || ast === null || (ast as { type?: unknown }).type !== "Program") return null;
  const root = ast as { stages?: unknown; patterns?: unknown; body?: unknown };
  if (Array.isArray(root.stages)) return "dockerfile";
  if (Array.isArray(root.patterns)) return "dockerignore";
  if ((ast as { [EMPTY_COMPOSE_FILE]?: boolean })[EMPTY_COMPOSE_FILE] === true) return "compose";
  if (Array.isArray(root.body) && root.body.length > 0 && root.body.every((node: { type?: unknown }) => node?.type === "YAMLDocument")) return "compose";
  return null;
}
