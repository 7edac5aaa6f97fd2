import type { Linter } from "eslint";
import type { FileKind } from "../utils/rule-docs.js";
import { createBaseConfig } from "./base.js";
import { FILE_KINDS, FILES } from "./files.js";
import { recommendedRules } from "./recommended-rules.js";
import { strictRules } from "./strict-rules.js";
import { stylisticRules } from "./stylistic-rules.js";

/**
 * The plugin's configs. A type alias, not an interface: ESLint's `Plugin` type wants `configs` to be a
 * `Record<string, …>`, which only an object type alias (with its implicit index signature) satisfies.
 */
export type DockerConfigs = {
  base: Linter.Config[];
  recommended: Linter.Config[];
  strict: Linter.Config[];
  /** How files are written (order, quotes), apart from what they do: add it to `recommended` or `strict`. */
  stylistic: Linter.Config[];
};

function ruleLayer(configName: string, rules: Readonly<Record<FileKind, Linter.RulesRecord>>): Linter.Config[] {
  return FILE_KINDS.filter((kind) => Object.keys(rules[kind]).length > 0).map((kind) => ({
    name: `docker-policy/${configName}/${kind}`,
    files: [...FILES[kind]],
    rules: { ...rules[kind] },
  }));
}

/**
 * `strict` = `recommended` + the strict rules: its layer lists both, so either can be used alone.
 * `stylistic` is the style rules alone (with `base`), as typescript-eslint's `stylistic` sits beside its
 * `recommended`/`strict`: `[...docker.configs.recommended, ...docker.configs.stylistic]`.
 */
export function createConfigs(getPlugin: () => object): DockerConfigs {
  const base = createBaseConfig(getPlugin);
  const strictAndRecommended = Object.fromEntries(
    FILE_KINDS.map((kind) => [kind, { ...recommendedRules[kind], ...strictRules[kind] }]),
  ) as Record<FileKind, Linter.RulesRecord>;
  return {
    base,
    recommended: [...base, ...ruleLayer("recommended", recommendedRules)],
    strict: [...base, ...ruleLayer("strict", strictAndRecommended)],
    stylistic: [...base, ...ruleLayer("stylistic", stylisticRules)],
  };
}
