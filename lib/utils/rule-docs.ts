/** The three kinds of file the plugin lints; each is one ESLint language. */
export type FileKind = "dockerfile" | "compose" | "dockerignore";

/**
 * Which shared config turns a rule on. `strict` is `recommended` plus the `strict` rules; `stylistic`
 * holds the rules that judge only how a file is written (order, quotes), never what it does, and is
 * used beside either; `null` rules are opt-in (they need options, or are too opinionated for any config).
 */
export type RuleConfigName = "recommended" | "strict" | "stylistic" | null;

/** The catalogue sections of RULES.md; the README groups rules by them. */
export type RuleCategory =
  | "images"
  | "stages"
  | "run"
  | "build-context"
  | "healthchecks"
  | "security"
  | "environment"
  | "networking"
  | "compose"
  | "hygiene";

/** Our part of `meta.docs`; `url` is added by `createRule`. */
export interface DockerRuleDocs {
  description: string;
  category: RuleCategory;
  config: RuleConfigName;
  /** The languages the rule has listeners for: the generated configs enable it for these files only. */
  fileKinds: readonly FileKind[];
  /** Equivalent checks of other tools (hadolint codes, BuildKit check names, dclint rules, KICS). */
  peers: readonly string[];
  /**
   * Set by `createRule`: whether the rule has suggestions of its own. Its `meta.hasSuggestions` is
   * always true, because every finding carries the "Disable docker/<id>" suggestion.
   */
  ownSuggestions?: boolean;
}

/** Section titles of the rules list (README), in catalogue order. */
export const CATEGORY_TITLES: Readonly<Record<RuleCategory, string>> = {
  images: "Images and base selection",
  stages: "Stages and multi-stage builds",
  run: "Layer caching and RUN hygiene",
  "build-context": ".dockerignore and build context",
  healthchecks: "Health checks",
  security: "Security hardening",
  environment: "Environment and configuration",
  networking: "Networking and service discovery",
  compose: "Compose for development",
  hygiene: "Instruction hygiene",
};
