import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// The source (lib/) and the build (dist/lib/) sit at different depths below package.json, so the
// manifest is found by the package's own name (a self-reference through `exports`).
const manifest = require("eslint-plugin-docker-policy/package.json") as { name: string; version: string };

export const name: string = manifest.name;
export const version: string = manifest.version;
export const namespace = "docker";
export const repositoryUrl = "https://github.com/eslint-plugin-docker-policy/eslint-plugin-docker-policy";
