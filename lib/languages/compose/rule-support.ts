/**
 * What compose rules share beyond the model and the visitors (`visitors.ts`): where to report a value,
 * which services can run together, reporting a shared node once. Rules read only the YAML AST (through
 * the model), so they run under our language and under eslint-plugin-yml's alike.
 */
import type { AST } from "yaml-eslint-parser";
import type { ComposeService } from "../../compose/types.js";

/** The node to report a value on: the alias through which the service reached it, else the value itself (always a node of the linted file). */
export function reportNode(value: { node: AST.YAMLNode; via: AST.YAMLAlias | null }): AST.YAMLNode {
  return value.via ?? value.node;
}

/** Whether the service runs in no profile, or the two services share a profile (they can run together). */
export function canRunTogether(a: ComposeService, b: ComposeService): boolean {
  const profilesA = a.profiles.map((p) => p.resolved);
  const profilesB = b.profiles.map((p) => p.resolved);
  if (profilesA.length === 0 || profilesB.length === 0) return true;
  if (profilesA.includes(null) || profilesB.includes(null) || profilesA.includes("*") || profilesB.includes("*")) return true;
  return profilesA.some((p) => profilesB.includes(p));
}

/** Reports each node at most once per file (a value shared through an anchor is seen by every service that merges it). */
export function firstSighting<T extends object>(): (node: T) => boolean {
  const seen = new WeakSet<T>();
  return (node) => {
    if (seen.has(node)) return false;
    seen.add(node);
    return true;
  };
}

/** The text of the linted file (our SourceCode and eslint-plugin-yml's both have `text`). */
export function sourceText(sourceCode: object): string {
  return (sourceCode as { text?: string }).text ?? "";
}
