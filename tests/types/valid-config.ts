/**
 * Must compile (`npm run test:types`): the plugin in every place ESLint's types accept a plugin, its
 * configs and file globs, and typed rule options, through the built package as a user imports it.
 */
import type { Linter } from "eslint";
import { defineConfig } from "eslint/config";
import docker, { type DockerConfig, type DockerRulesConfig } from "eslint-plugin-docker-policy";

export const viaDefineConfig = defineConfig([{ plugins: { docker } }, ...docker.configs.recommended]);
export const withExtends = defineConfig({ files: [...docker.files.compose], plugins: { docker }, extends: ["docker/recommended"] });
export const asConfig: Linter.Config = { plugins: { docker } };
export const asArray: Linter.Config[] = [
  ...docker.configs.strict,
  { files: [...docker.files.dockerfile], rules: { "docker/require-image-tag": ["error", { precision: "minor" }] } },
];
export const typed: DockerConfig = {
  files: [...docker.files.dockerfile, ...docker.files.compose],
  rules: {
    "docker/require-image-tag": ["warn", { precision: "any" }],
    "docker/instruction-casing": ["error", { casing: "upper" }],
    "docker/no-maintainer": "error",
    // Other plugins' and core rules stay allowed, untyped.
    "no-console": ["error", { allow: ["warn"] }],
  },
};
export const satisfied = defineConfig({
  files: [...docker.files.dockerignore],
  rules: { "docker/dockerignore-required-entries": ["error", { entries: [".git"], contextEntries: false }] } satisfies DockerRulesConfig,
});
