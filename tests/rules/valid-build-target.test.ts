import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/valid-build-target.js";
import { ruleTester } from "../support/rule-tester.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-build-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(path.join(dir, "api"));
writeFileSync(path.join(dir, "api/Dockerfile"), "FROM node:20 AS deps\nFROM deps AS Build\nFROM node:20-slim AS runtime\n");
writeFileSync(path.join(dir, "api/Dockerfile.dev"), "FROM node:20\n");
mkdirSync(path.join(dir, "podman"));
writeFileSync(path.join(dir, "podman/Containerfile"), "FROM alpine:3.20\n");
// Only a lower-case `dockerfile`: buildx and BuildKit read it for `Dockerfile` (moby/moby#10858).
mkdirSync(path.join(dir, "lower/sub"), { recursive: true });
writeFileSync(path.join(dir, "lower/dockerfile"), "FROM node:20 AS runtime\n");
writeFileSync(path.join(dir, "lower/sub/dockerfile"), "FROM node:20\n");
mkdirSync(path.join(dir, "lowerpodman"));
writeFileSync(path.join(dir, "lowerpodman/containerfile"), "FROM alpine:3.20\n");
const filename = path.join(dir, "compose.yaml");

ruleTester("compose").run("valid-build-target", rule, {
  valid: [
    { filename, code: "services:\n  api:\n    build: ./api\n" },
    // Stage names match case-insensitively, as BuildKit does.
    { filename, code: "services:\n  api:\n    build:\n      context: api\n      target: build\n" },
    { filename, code: "services:\n  api:\n    build:\n      context: api\n      dockerfile: Dockerfile.dev\n" },
    { filename, code: "services:\n  p:\n    build: podman\n" },
    { filename, code: "services:\n  p:\n    build: lowerpodman\n" },
    { filename, code: "services:\n  app:\n    build: ./lower\n" },
    // The lower-case file is read, target and all; an explicit `Dockerfile` falls back too (buildx).
    { filename, code: "services:\n  app:\n    build:\n      context: lower\n      target: runtime\n" },
    { filename, code: "services:\n  app:\n    build:\n      context: lower\n      dockerfile: sub/Dockerfile\n" },
    { filename, code: "services:\n  api:\n    build:\n      context: https://github.com/acme/api.git#main\n      target: nope\n" },
    { filename, code: "services:\n  api:\n    build:\n      context: ${CTX}\n" },
    { filename, code: "services:\n  api:\n    build:\n      context: api\n      dockerfile_inline: FROM alpine\n" },
    // Not on disk: silent.
    "services:\n  api:\n    build: ./missing\n",
  ],
  invalid: [
    {
      filename,
      code: "services:\n  api:\n    build:\n      context: api\n      target: runtme\n",
      errors: [{ messageId: "noStage", line: 5, column: 15, endColumn: 21, data: { service: "api", target: "runtme", dockerfile: path.join("api", "Dockerfile"), stages: "deps, Build, runtime", suggestion: "; did you mean 'runtime'?" } }],
    },
    {
      filename,
      code: "services:\n  web:\n    build: ./web\n",
      errors: [{ messageId: "noContext", line: 3, column: 12, data: { service: "web", context: "./web" } }],
    },
    {
      filename,
      code: "services:\n  api:\n    build:\n      context: api\n      dockerfile: Dockerfile.prod\n",
      errors: [{ messageId: "noDockerfile", line: 5, column: 19, data: { service: "api", dockerfile: path.join("api", "Dockerfile.prod") } }],
    },
    {
      filename,
      code: "services:\n  app:\n    build: .\n",
      errors: [{ messageId: "noDockerfile", line: 3, column: 12, data: { service: "app", dockerfile: "Dockerfile" } }],
    },
    {
      // The target is looked up in the lower-case file the build reads.
      filename,
      code: "services:\n  app:\n    build:\n      context: lower\n      target: prod\n",
      errors: [{ messageId: "noStage", line: 5, column: 15, data: { service: "app", target: "prod", dockerfile: path.join("lower", "dockerfile"), stages: "runtime", suggestion: "" } }],
    },
    {
      // Only a file named exactly `Dockerfile` has the fallback.
      filename,
      code: "services:\n  app:\n    build:\n      context: lower\n      dockerfile: Dockerfile.dev\n",
      errors: [{ messageId: "noDockerfile", line: 5, column: 19, data: { service: "app", dockerfile: path.join("lower", "Dockerfile.dev") } }],
    },
    {
      // A given `dockerfile:` is not looked for as a Containerfile (podman-compose uses it as given).
      filename,
      code: "services:\n  p:\n    build:\n      context: podman\n      dockerfile: Dockerfile\n",
      errors: [{ messageId: "noDockerfile", line: 5, column: 19, data: { service: "p", dockerfile: path.join("podman", "Dockerfile") } }],
    },
  ],
});

// Build paths from the project's `.env`, as Compose interpolates them.
const envDir = mkdtempSync(path.join(tmpdir(), "docker-policy-build-env-"));
afterAll(() => rmSync(envDir, { recursive: true, force: true }));
mkdirSync(path.join(envDir, "src/api"), { recursive: true });
writeFileSync(path.join(envDir, "src/api/Dockerfile"), "FROM node:20 AS build\nFROM node:20-slim AS runtime\n");
writeFileSync(path.join(envDir, ".env"), "API_DOCKERFILE=./src/api/Dockerfile\nTARGET=runtime\nTYPO=runtme\nCTX=./src/api\n");
const envFile = path.join(envDir, "compose.yaml");

ruleTester("compose").run("valid-build-target (.env)", rule, {
  valid: [
    { filename: envFile, code: "services:\n  api:\n    build:\n      context: ./\n      dockerfile: ${API_DOCKERFILE}\n      target: ${TARGET}\n" },
    { filename: envFile, code: "services:\n  api:\n    build: ${CTX}\n" },
    // Unknown stays unknown.
    { filename: envFile, code: "services:\n  api:\n    build:\n      context: ./\n      dockerfile: ${API_DOCKERFILE}\n      target: ${UNSET}\n" },
  ],
  invalid: [
    {
      filename: envFile,
      code: "services:\n  api:\n    build:\n      context: ./\n      dockerfile: ${API_DOCKERFILE}\n      target: ${TYPO}\n",
      errors: [{ messageId: "noStage", line: 6 }],
    },
  ],
});
