/**
 * Every `@ts-expect-error` line must be an error (`npm run test:types` fails if one compiles): wrong
 * rule options are caught by the types generated from the rule schemas.
 */
import type { DockerConfig, DockerRulesConfig } from "eslint-plugin-docker-policy";

export const misspelled: DockerConfig = {
  // @ts-expect-error -- `precison` is not an option of require-image-tag
  rules: { "docker/require-image-tag": ["error", { precison: "minor" }] },
};
export const wrongValue = {
  // @ts-expect-error -- precision is "any" or "minor"
  "docker/require-image-tag": ["error", { precision: "patch" }],
} satisfies DockerRulesConfig;
export const noOptions = {
  // @ts-expect-error -- no-maintainer takes no options
  "docker/no-maintainer": ["error", { fix: true }],
} satisfies DockerRulesConfig;
export const wrongType = {
  // @ts-expect-error -- entries is a list of patterns
  "docker/dockerignore-required-entries": ["error", { entries: ".git" }],
} satisfies DockerRulesConfig;
export const badSeverity = {
  // @ts-expect-error -- not a severity
  "docker/instruction-casing": "fatal",
} satisfies DockerRulesConfig;
