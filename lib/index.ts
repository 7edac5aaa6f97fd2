import { rules } from "../rules/index.js";
import type { Language } from "@eslint/core";
import { createConfigs, type DockerConfigs } from "./configs/create-configs.js";
import type { AnyDockerRule } from "./utils/create-rule.js";
import { composeLanguage } from "./languages/compose/compose-language.js";
import { dockerfileLanguage } from "./languages/dockerfile/dockerfile-language.js";
import { dockerignoreLanguage } from "./languages/dockerignore/dockerignore-language.js";
import { name, namespace, version } from "./meta.js";

export interface DockerPolicyPlugin {
  meta: { name: string; version: string; namespace: string };
  languages: Record<"dockerfile" | "compose" | "dockerignore", Language>;
  rules: Record<string, AnyDockerRule>;
  configs: DockerConfigs;
}

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
};

export default plugin;
export { configs, rules };
export { parseForESLint } from "./dockerfile/parse-for-eslint.js";
