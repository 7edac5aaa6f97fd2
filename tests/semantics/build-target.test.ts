/**
 * The stage a build produces follows the compose `build.target` of the project (issue 8: "final stage"
 * means the last stage or a compose build.target), through the build-context model.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../lib/index.js";
import { parseDockerfile } from "../../lib/dockerfile/parse.js";
import { composeBuildTarget, imagesOfBuilds, producedStage, shippedImageStages } from "../../lib/semantics/stages/build-target.js";
import { composeMountsSourcesOverWorkdir, shippedApplicationStage } from "../../lib/semantics/stages/shipped-image.js";
import { dedent } from "../support/dedent.js";

const root = mkdtempSync(path.join(tmpdir(), "docker-policy-target-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// `prod` runs as an unprivileged user on a supported image; the last stage, `legacy`, runs as root on an ended line.
const DOCKERFILE = [
  "FROM node:24.11-slim AS prod",
  "USER node",
  'CMD ["node", "server.js"]',
  "FROM node:16.20 AS legacy",
  'CMD ["node", "--inspect", "server.js"]',
  "",
].join("\n");

function project(name: string, compose: string | null): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, "app"), { recursive: true });
  writeFileSync(path.join(dir, "app", "Dockerfile"), DOCKERFILE);
  if (compose !== null) writeFileSync(path.join(dir, "compose.yaml"), compose);
  return path.join(dir, "app", "Dockerfile");
}

function lint(file: string): string[] {
  const linter = new Linter({ configType: "flat", cwd: path.dirname(file) });
  const rules: Linter.RulesRecord = { "docker/no-root-user": "error", "docker/no-end-of-life-image": ["error", { date: "2026-11-30" }] };
  return linter
    .verify(DOCKERFILE, [...plugin.configs.base, { files: ["**/*"], rules }], { filename: file })
    .map((message) => `${message.ruleId}:${message.line}`);
}

function program() {
  const parsed = parseDockerfile(DOCKERFILE);
  if (!parsed.ok) throw new Error("fixture does not parse");
  return parsed.ast;
}

describe("the produced stage", () => {
  it("is the last stage when no compose file builds the Dockerfile", () => {
    const file = project("alone", null);
    expect(composeBuildTarget(program(), file)).toBeUndefined();
    expect(producedStage(program(), file)?.name).toBe("legacy");
    expect(lint(file)).toEqual(["docker/no-root-user:4", "docker/no-end-of-life-image:4"]);
  });

  it("is the compose build.target when every build of the Dockerfile names it", () => {
    const file = project("target", dedent`
      services:
        api:
          build:
            context: ./app
            target: prod
    `);
    expect(composeBuildTarget(program(), file)).toBe("prod");
    expect(producedStage(program(), file)?.name).toBe("prod");
    // The legacy stage is not what the build ships: its root user and ended image are not the image's.
    expect(lint(file)).toEqual([]);
  });

  it("stays the last stage when builds disagree, or the target names no stage", () => {
    const both = project("both", dedent`
      services:
        api:
          build: {context: ./app, target: prod}
        debug:
          build: {context: ./app, target: legacy}
    `);
    expect(composeBuildTarget(program(), both)).toBeUndefined();
    const missing = project("missing", dedent`
      services:
        api:
          build: {context: ./app, target: release}
    `);
    expect(composeBuildTarget(program(), missing)).toBeUndefined();
    expect(lint(missing)).toEqual(["docker/no-root-user:4", "docker/no-end-of-life-image:4"]);
  });

  it("ships the layers of the produced stage and the stages it is built FROM, nothing read by --from", () => {
    const text = dedent`
      FROM debian:12 AS base
      FROM golang:1.22 AS build
      FROM base AS prod
      COPY --from=build /app /app
      FROM prod AS debug
    `;
    const parsed = parseDockerfile(text);
    if (!parsed.ok) throw new Error("parse");
    expect(shippedImageStages(parsed.ast, "Dockerfile").map((stage) => stage.name)).toEqual(["debug", "prod", "base"]);
    const file = project("layers", dedent`
      services:
        api:
          build: {context: ./app, target: prod}
    `);
    expect(shippedImageStages(program(), file).map((stage) => stage.name)).toEqual(["prod"]);
  });

  it("has no builds for text linted without a path", () => {
    expect(composeBuildTarget(program(), "Dockerfile")).toBeUndefined();
  });
});

describe("a compose development target", () => {
  const text = dedent`
    FROM node:22.11-slim AS builder
    WORKDIR /project
    COPY . .
    RUN npm ci
    CMD ["node", "server.js"]
  `;
  const parsed = parseDockerfile(text);
  if (!parsed.ok) throw new Error("parse");
  const ast = parsed.ast;
  const stage = ast.stages[0]!;

  function place(name: string, compose: string): string {
    const dir = path.join(root, name);
    mkdirSync(path.join(dir, "web"), { recursive: true });
    writeFileSync(path.join(dir, "web", "Dockerfile"), text);
    writeFileSync(path.join(dir, "compose.yaml"), compose);
    return path.join(dir, "web", "Dockerfile");
  }

  it("is a development environment when every service that builds it mounts the context over the WORKDIR", () => {
    const file = place("dev-mount", dedent`
      services:
        web:
          build: {context: web, target: builder}
          volumes:
            - ./web:/project
            - /project/node_modules
    `);
    expect(composeMountsSourcesOverWorkdir(ast, stage, file)).toBe(true);
    expect(shippedApplicationStage(ast, { filename: file })).toBeNull();
    const long = place("dev-mount-long", dedent`
      services:
        web:
          build: ./web
          volumes:
            - type: bind
              source: ./web/
              target: /project/
    `);
    expect(composeMountsSourcesOverWorkdir(ast, stage, long)).toBe(true);
  });

  it("ships the image when a mount is elsewhere, or a service runs the image's own files", () => {
    const elsewhere = place("data-mount", dedent`
      services:
        web:
          build: web
          volumes:
            - ./web:/data
            - ./conf:/project
    `);
    expect(composeMountsSourcesOverWorkdir(ast, stage, elsewhere)).toBe(false);
    const mixed = place("mixed", dedent`
      services:
        dev:
          build: web
          volumes: [./web:/project]
        prod:
          build: web
    `);
    expect(composeMountsSourcesOverWorkdir(ast, stage, mixed)).toBe(false);
    expect(shippedApplicationStage(ast, { filename: mixed })?.name).toBe("builder");
    expect(composeMountsSourcesOverWorkdir(ast, stage, "Dockerfile")).toBe(false);
  });
});

describe("imagesOfBuilds", () => {
  const stageNames = (file: string) => imagesOfBuilds(program(), file).map(({ stage, build }) => `${stage.name}:${build?.service ?? "-"}`);

  it("gives one image per compose build, each at its target or the last stage", () => {
    const file = project("images-two", "services:\n  web:\n    build: { context: app, target: prod }\n  old:\n    build: app\n");
    expect(stageNames(file).sort()).toEqual(["legacy:old", "prod:web"]);
  });

  it("leaves out a target that names no stage (the build fails: valid-build-target's finding)", () => {
    const file = project("images-missing", "services:\n  web:\n    build: { context: app, target: nope }\n");
    expect(stageNames(file)).toEqual([]);
  });

  it("gives the default build's last stage without compose, and for text linted without a file", () => {
    expect(stageNames(project("images-alone", null))).toEqual(["legacy:-"]);
    expect(stageNames("Dockerfile")).toEqual(["legacy:-"]);
  });
});
