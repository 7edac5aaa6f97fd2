import type { FileKind } from "../utils/rule-docs.js";

/** The files each language claims in our configs (ESLint lints a directory's files only when a config names them). */
export const FILES: Readonly<Record<FileKind, readonly string[]>> = {
  dockerfile: [
    "**/Dockerfile",
    "**/Dockerfile.*",
    // `Dockerfile-dev`, `Dockerfile-base`: not Docker's default name, but a common one (the corpus has them).
    "**/Dockerfile-*",
    "**/*.Dockerfile",
    "**/*.dockerfile",
    "**/Containerfile",
    "**/Containerfile.*",
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
