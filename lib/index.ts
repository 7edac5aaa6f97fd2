import { rules } from "../rules/index.js";
import type { Language } from "@eslint/core";
import { createConfigs, type DockerConfigs } from "./configs/create-configs.js";
import { FILES } from "./configs/files.js";
import type { FileKind } from "./utils/rule-docs.js";
import type { AnyDockerRule } from "./utils/create-rule.js";
import { composeLanguage } from "./languages/compose/compose-language.js";
import { dockerfileLanguage } from "./languages/dockerfile/dockerfile-language.js";
import { dockerignoreLanguage } from "./languages/dockerignore/dockerignore-language.js";
import { name, namespace, version } from "./utils/meta.js";

/**
 * The plugin object. A type alias (see `DockerConfigs`) so that it is assignable wherever ESLint's
 * `Linter.Config["plugins"]` or `defineConfig` accept a plugin.
 */
export type DockerPolicyPlugin = {
  meta: { name: string; version: string; namespace: string };
  languages: Record<FileKind, Language>;
  rules: Record<string, AnyDockerRule>;
  configs: DockerConfigs;
  /**
   * The file globs each of our languages claims in the configs, for a user's own config blocks:
   * `{ files: [...docker.files.dockerfile], rules: { … } }` reaches `Dockerfile.prod` too.
   */
  files: Readonly<Record<FileKind, readonly string[]>>;
};

const configs = createConfigs(() => plugin);

const plugin: DockerPolicyPlugin = {
  meta: { name, version, namespace },
  languages: {
    // Each language is typed with its own AST; ESLint's registry holds them as plain Languages.
    dockerfile: dockerfileLanguage as unknown as Language,
    compose: composeLanguage as unknown as Language,
    dockerignore: dockerignoreLanguage as unknown as Language,
  },
  rules,
  configs,
  files: FILES,
};

export default plugin;
export { configs, rules, FILES as files };
export type { DockerConfigs };
export type { DockerConfig, DockerRuleOptions, DockerRulesConfig } from "./rule-options.js";
export { parseForESLint } from "./dockerfile/parse-for-eslint.js";
export { fromDclintConfig, fromHadolintConfig, type FromPeerConfigOptions } from "./configs/from-peer-config.js";
