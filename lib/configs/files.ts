import type { FileKind } from "../utils/rule-docs.js";

/**
 * The files each language claims in our configs (ESLint lints a directory's files only when a config names them).
 * The Dockerfile names are those of `isDockerfileName` (lib/project/dockerfile-names.ts), which the project
 * model uses; tests/project/dockerfile-names.test.ts keeps the two in step. A `*.dockerignore` such as
 * `Dockerfile.dockerignore` or `Dockerfile_prod.dockerignore` also matches a Dockerfile glob: the
 * dockerignore config comes later in every config array, so its language wins.
 */
export const FILES: Readonly<Record<FileKind, readonly string[]>> = {
  dockerfile: [
    "**/Dockerfile",
    // Docker's own fallback when `Dockerfile` is absent (lib/project/dockerfile-names.ts has the sources).
    "**/dockerfile",
    "**/Dockerfile.*",
    // `Dockerfile-dev`, `Dockerfile_prod`: not Docker's default name, but common ones, built with `-f`
    // (the corpus has `Dockerfile-base`; kaniko's tests have 79 `Dockerfile_test_*`).
    "**/Dockerfile-*",
    "**/Dockerfile_*",
    "**/*.Dockerfile",
    "**/*.dockerfile",
    // Podman's and buildah's default name, with the same variants as `Dockerfile`.
    "**/Containerfile",
    "**/containerfile",
    "**/Containerfile.*",
    "**/Containerfile-*",
    "**/Containerfile_*",
    "**/*.Containerfile",
    "**/*.containerfile",
  ],
  compose: [
    "**/compose.yaml",
    "**/compose.yml",
    "**/compose.*.yaml",
    "**/compose.*.yml",
    "**/docker-compose.yaml",
    "**/docker-compose.yml",
    "**/docker-compose.*.yaml",
    "**/docker-compose.*.yml",
    // `docker-compose-prod.yml`, `compose-debug.yml`: passed with `-f`, and common (the corpus has them).
    "**/compose-*.yaml",
    "**/compose-*.yml",
    "**/docker-compose-*.yaml",
    "**/docker-compose-*.yml",
  ],
  dockerignore: ["**/.dockerignore", "**/*.dockerignore"],
};

export const LANGUAGE: Readonly<Record<FileKind, string>> = {
  dockerfile: "docker/dockerfile",
  compose: "docker/compose",
  dockerignore: "docker/dockerignore",
};

export const FILE_KINDS: readonly FileKind[] = ["dockerfile", "compose", "dockerignore"];
