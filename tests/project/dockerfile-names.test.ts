import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../lib/index.js";
import { buildsOfDockerfile, contextsServedBy } from "../../lib/project/build-contexts.js";
import { isDockerfileName, locateDockerfile } from "../../lib/project/dockerfile-names.js";
import { dockerfilesIn, serviceBuildFiles } from "../../lib/project/project-model.js";
import { readComposeFile } from "../../lib/project/compose-project.js";
import { makeTree } from "../support/fix-safety.js";
import { dedent } from "../support/dedent.js";

/** File names and the language our configs give them (null: not claimed, ESLint does not lint it). */
const NAMES: readonly [string, "dockerfile" | "compose" | "dockerignore" | null][] = [
  ["Dockerfile", "dockerfile"],
  // Docker's fallback spelling (docker/cli, buildx, BuildKit: moby/moby#10858).
  ["dockerfile", "dockerfile"],
  ["Dockerfile.prod", "dockerfile"],
  ["Dockerfile-dev", "dockerfile"],
  ["Dockerfile_prod", "dockerfile"],
  ["Dockerfile_test_add", "dockerfile"],
  ["api.Dockerfile", "dockerfile"],
  ["api.dockerfile", "dockerfile"],
  ["Containerfile", "dockerfile"],
  ["containerfile", "dockerfile"],
  ["Containerfile.fedora", "dockerfile"],
  ["Containerfile-hardlinks", "dockerfile"],
  ["Containerfile_prod", "dockerfile"],
  ["build.Containerfile", "dockerfile"],
  ["build.containerfile", "dockerfile"],
  // As ESLint's globs, `*` may match nothing.
  ["Dockerfile_", "dockerfile"],
  [".dockerfile", "dockerfile"],
  // Ignore files named after a Dockerfile stay ignore files.
  [".dockerignore", "dockerignore"],
  ["Dockerfile.dockerignore", "dockerignore"],
  ["Dockerfile_prod.dockerignore", "dockerignore"],
  ["Containerfile-dev.dockerignore", "dockerignore"],
  ["api.Containerfile.dockerignore", "dockerignore"],
  ["dockerfile.dockerignore", "dockerignore"],
  ["compose.yaml", "compose"],
  // Not Dockerfiles: only the exact lower-case names are Docker's, and the name must lead or end with it.
  ["dockerfile.md", null],
  ["dockerfile.json", null],
  ["dockerfile-dev", null],
  ["containerfile.txt", null],
  ["DOCKERFILE", null],
  ["Dockerfiles", null],
  ["Containerfiles", null],
  ["MyDockerfile", null],
  ["notes_Dockerfile", null],
  ["api.dockerfile.md", null],
  ["build.containerfile.json", null],
];

describe("the Dockerfile names", () => {
  const eslint = new ESLint({ cwd: "/project", overrideConfigFile: true, overrideConfig: plugin.configs.recommended });

  it.each(NAMES)("%s: the configs and the project model agree (%s)", async (name, kind) => {
    const config = (await eslint.calculateConfigForFile(path.join("/project/sub", name))) as { language?: unknown } | undefined;
    const expected = kind ? plugin.languages[kind] : undefined;
    expect(config?.language).toBe(expected);
    expect(isDockerfileName(name)).toBe(kind === "dockerfile");
  });
});

const tree = makeTree({
  "lower/dockerfile": "FROM node\n",
  "both/Dockerfile": "FROM node\n",
  "both/dockerfile": "FROM node:19\n",
  "both/Containerfile": "FROM node:18\n",
  "podman/Containerfile": "FROM node:18\n",
  "podmanlower/containerfile": "FROM node:18\n",
  "nothing/README.md": "",
  // Compose builds `.` with no `dockerfile:`: the builder reads the lower-case file.
  "app/compose.yaml": dedent`
    services:
      app:
        build: .
      api:
        build:
          context: api
          dockerfile: Dockerfile
  `,
  "app/dockerfile": "FROM node\n",
  "app/api/dockerfile": "FROM node\n",
  "app/.dockerignore": "node_modules\n",
  // `docker build -f Dockerfile_prod .` reads `Dockerfile_prod.dockerignore` beside it.
  "named/Dockerfile_prod": "FROM node\n",
  "named/Dockerfile_prod.dockerignore": "node_modules\n",
  "named/Containerfile-dev": "FROM node\n",
  "named/README.md": "",
});
afterAll(tree.cleanup);
const at = (...parts: string[]) => path.join(tree.root, ...parts);

describe("locateDockerfile", () => {
  it("reads `dockerfile` for a missing `Dockerfile`, given or left out", () => {
    expect(locateDockerfile(at("lower/Dockerfile"))).toBe(at("lower/dockerfile"));
    expect(locateDockerfile(at("lower/Dockerfile"), { defaulted: true })).toBe(at("lower/dockerfile"));
  });
  it("keeps `Dockerfile` when it is there, and Docker's choice over a Containerfile", () => {
    expect(locateDockerfile(at("both/Dockerfile"), { defaulted: true })).toBe(at("both/Dockerfile"));
  });
  it("takes podman-compose's Containerfile only when `dockerfile:` is left out", () => {
    expect(locateDockerfile(at("podman/Dockerfile"), { defaulted: true })).toBe(at("podman/Containerfile"));
    expect(locateDockerfile(at("podmanlower/Dockerfile"), { defaulted: true })).toBe(at("podmanlower/containerfile"));
    expect(locateDockerfile(at("podman/Dockerfile"))).toBe(at("podman/Dockerfile"));
  });
  it("leaves other names, and a folder with nothing to find, alone", () => {
    expect(locateDockerfile(at("lower/Dockerfile.dev"))).toBe(at("lower/Dockerfile.dev"));
    expect(locateDockerfile(at("lower/dockerfile"))).toBe(at("lower/dockerfile"));
    expect(locateDockerfile(at("nothing/Dockerfile"), { defaulted: true })).toBe(at("nothing/Dockerfile"));
    expect(locateDockerfile(at("missing/Dockerfile"), { defaulted: true })).toBe(at("missing/Dockerfile"));
  });
});

describe("the project model with these names", () => {
  it("a compose `build: .` builds the lower-case `dockerfile`, with or without `dockerfile: Dockerfile`", () => {
    const model = readComposeFile(at("app/compose.yaml"))!;
    const files = (service: string) => serviceBuildFiles(at("app/compose.yaml"), model.services.get(service)!.build!)?.dockerfilePath;
    expect(files("app")).toBe(at("app/dockerfile"));
    expect(files("api")).toBe(at("app/api/dockerfile"));
    expect(buildsOfDockerfile(at("app/dockerfile")).map((build) => build.service)).toEqual(["app"]);
    expect(contextsServedBy(at("app/.dockerignore")).map((build) => [build.service, build.dockerfile])).toEqual([["app", at("app/dockerfile")]]);
  });
  it("finds `Dockerfile_*` and `Containerfile-*` files in a folder, and the ignore file of `Dockerfile_prod`", () => {
    expect(dockerfilesIn(at("named")).map((found) => path.basename(found.path)).sort()).toEqual(["Containerfile-dev", "Dockerfile_prod"]);
    expect(contextsServedBy(at("named/Dockerfile_prod.dockerignore")).map((build) => [path.basename(build.dockerfile ?? ""), build.via])).toEqual([["Dockerfile_prod", "dockerfile"]]);
  });
});

describe("linting a folder through the ESLint class", () => {
  it("lints every Dockerfile name, keeps the ignore file an ignore file, and finds the lower-case Dockerfile of `build: .`", async () => {
    const eslint = new ESLint({ cwd: tree.root, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    const results = await eslint.lintFiles(["app", "named"]);
    const byFile = Object.fromEntries(results.map((result) => [path.relative(tree.root, result.filePath), result.messages.map((message) => `${message.line}:${message.ruleId ?? message.message}`)]));
    expect(Object.keys(byFile).sort()).toEqual([
      "app/.dockerignore",
      "app/api/dockerfile",
      "app/compose.yaml",
      "app/dockerfile",
      "named/Containerfile-dev",
      "named/Dockerfile_prod",
      "named/Dockerfile_prod.dockerignore",
    ]);
    for (const file of ["app/dockerfile", "named/Dockerfile_prod", "named/Containerfile-dev"]) expect(byFile[file]).toContain("1:docker/require-image-tag");
    // No "failed to read dockerfile": the build reads `dockerfile`.
    expect(byFile["app/compose.yaml"]!.filter((message) => message.includes("valid-build-target"))).toEqual([]);
    // Parsed as an ignore file: no parse error, no Dockerfile rule.
    expect(byFile["named/Dockerfile_prod.dockerignore"]!.every((message) => message.includes("docker/dockerignore-"))).toBe(true);
  });
});
