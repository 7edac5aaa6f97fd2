import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/valid-build-target.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-build-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(path.join(dir, "api"));
writeFileSync(path.join(dir, "api/Dockerfile"), dedent`
  FROM node:20 AS deps
  FROM deps AS Build
  FROM node:20-slim AS runtime
`);
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
    { filename, code: dedent`
      services:
        api:
          build: ./api
    ` },
    // Stage names match case-insensitively, as BuildKit does.
    { filename, code: dedent`
      services:
        api:
          build:
            context: api
            target: build
    ` },
    { filename, code: dedent`
      services:
        api:
          build:
            context: api
            dockerfile: Dockerfile.dev
    ` },
    { filename, code: dedent`
      services:
        p:
          build: podman
    ` },
    { filename, code: dedent`
      services:
        p:
          build: lowerpodman
    ` },
    { filename, code: dedent`
      services:
        app:
          build: ./lower
    ` },
    // The lower-case file is read, target and all; an explicit `Dockerfile` falls back too (buildx).
    { filename, code: dedent`
      services:
        app:
          build:
            context: lower
            target: runtime
    ` },
    { filename, code: dedent`
      services:
        app:
          build:
            context: lower
            dockerfile: sub/Dockerfile
    ` },
    { filename, code: dedent`
      services:
        api:
          build:
            context: https://github.com/acme/api.git#main
            target: nope
    ` },
    { filename, code: dedent`
      services:
        api:
          build:
            context: \${CTX}
    ` },
    { filename, code: dedent`
      services:
        api:
          build:
            context: api
            dockerfile_inline: FROM alpine
    ` },
    // Not on disk: silent.
    dedent`
      services:
        api:
          build: ./missing
    `,
  ],
  invalid: [
    {
      filename,
      code: dedent`
        services:
          api:
            build:
              context: api
              target: runtme
      `,
      errors: [{ messageId: "noStage", line: 5, column: 15, endColumn: 21, data: { service: "api", target: "runtme", dockerfile: path.join("api", "Dockerfile"), stages: "deps, Build, runtime", suggestion: "; did you mean 'runtime'?" } }],
    },
    {
      filename,
      code: dedent`
        services:
          web:
            build: ./web
      `,
      errors: [{ messageId: "noContext", line: 3, column: 12, data: { service: "web", context: "./web" } }],
    },
    {
      filename,
      code: dedent`
        services:
          api:
            build:
              context: api
              dockerfile: Dockerfile.prod
      `,
      errors: [{ messageId: "noDockerfile", line: 5, column: 19, data: { service: "api", dockerfile: path.join("api", "Dockerfile.prod") } }],
    },
    {
      filename,
      code: dedent`
        services:
          app:
            build: .
      `,
      errors: [{ messageId: "noDockerfile", line: 3, column: 12, data: { service: "app", dockerfile: "Dockerfile" } }],
    },
    {
      // The target is looked up in the lower-case file the build reads.
      filename,
      code: dedent`
        services:
          app:
            build:
              context: lower
              target: prod
      `,
      errors: [{ messageId: "noStage", line: 5, column: 15, data: { service: "app", target: "prod", dockerfile: path.join("lower", "dockerfile"), stages: "runtime", suggestion: "" } }],
    },
    {
      // Only a file named exactly `Dockerfile` has the fallback.
      filename,
      code: dedent`
        services:
          app:
            build:
              context: lower
              dockerfile: Dockerfile.dev
      `,
      errors: [{ messageId: "noDockerfile", line: 5, column: 19, data: { service: "app", dockerfile: path.join("lower", "Dockerfile.dev") } }],
    },
    {
      // A given `dockerfile:` is not looked for as a Containerfile (podman-compose uses it as given).
      filename,
      code: dedent`
        services:
          p:
            build:
              context: podman
              dockerfile: Dockerfile
      `,
      errors: [{ messageId: "noDockerfile", line: 5, column: 19, data: { service: "p", dockerfile: path.join("podman", "Dockerfile") } }],
    },
  ],
});

// Build paths from the project's `.env`, as Compose interpolates them.
const envDir = mkdtempSync(path.join(tmpdir(), "docker-policy-build-env-"));
afterAll(() => rmSync(envDir, { recursive: true, force: true }));
mkdirSync(path.join(envDir, "src/api"), { recursive: true });
writeFileSync(path.join(envDir, "src/api/Dockerfile"), "FROM node:20 AS build\nFROM node:20-slim AS runtime\n");
writeFileSync(path.join(envDir, ".env"), dedent`
  API_DOCKERFILE=./src/api/Dockerfile
  TARGET=runtime
  TYPO=runtme
  CTX=./src/api
`);
const envFile = path.join(envDir, "compose.yaml");

ruleTester("compose").run("valid-build-target (.env)", rule, {
  valid: [
    { filename: envFile, code: dedent`
      services:
        api:
          build:
            context: ./
            dockerfile: \${API_DOCKERFILE}
            target: \${TARGET}
    ` },
    { filename: envFile, code: dedent`
      services:
        api:
          build: \${CTX}
    ` },
    // Unknown stays unknown.
    { filename: envFile, code: dedent`
      services:
        api:
          build:
            context: ./
            dockerfile: \${API_DOCKERFILE}
            target: \${UNSET}
    ` },
  ],
  invalid: [
    {
      filename: envFile,
      code: dedent`
        services:
          api:
            build:
              context: ./
              dockerfile: \${API_DOCKERFILE}
              target: \${TYPO}
      `,
      errors: [{ messageId: "noStage", line: 6 }],
    },
  ],
});
