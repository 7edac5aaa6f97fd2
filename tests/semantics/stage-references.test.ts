import { describe, expect, it } from "vitest";
import type { DockerfileProgram } from "../../lib/dockerfile/ast.js";
import { parseDockerfile } from "../../lib/dockerfile/index.js";
import { argInEffect, isDeadStage, referencesTo, settingInEffect, stageReach, stageReferences } from "../../lib/semantics/stages/stage-references.js";
import { isToolboxStage, shippedApplicationStage } from "../../lib/semantics/stages/shipped-image.js";
import { dedent } from "../support/dedent.js";

function parse(text: string): DockerfileProgram {
  const result = parseDockerfile(text);
  if (!result.ok) throw new Error(result.errors[0]?.message);
  return result.ast;
}

const MULTI = [
  "FROM golang:1.22 AS deps", // 0: read by build
  "FROM deps AS build", // 1: read by final
  "RUN --mount=from=cache,target=/c true",
  "FROM alpine:3.20 AS cache", // 2: read by build through a mount
  "FROM alpine:3.20 AS test", // 3: nothing reads it
  "COPY --from=build /app /app",
  "FROM alpine:3.20 AS orphan-source", // 4: read only by test
  "FROM alpine:3.20 AS final", // 5
  "COPY --from=build /app /app",
  "",
].join("\n");

describe("stage references", () => {
  it("resolves FROM bases, --from and mount from= the way BuildKit does", () => {
    const program = parse(MULTI);
    const summary = stageReferences(program).map((reference) => [reference.site, reference.written, reference.target.kind === "stage" ? reference.target.stage.name : reference.target.kind]);
    expect(summary).toEqual([
      ["from", "golang:1.22", "image"],
      ["from", "deps", "deps"],
      ["mount-from", "cache", "cache"],
      ["from", "alpine:3.20", "image"],
      ["from", "alpine:3.20", "image"],
      ["copy-from", "build", "build"],
      ["from", "alpine:3.20", "image"],
      ["from", "alpine:3.20", "image"],
      ["copy-from", "build", "build"],
    ]);
    const build = program.stages[1];
    expect(build && referencesTo(program, build).map((reference) => reference.stage.name)).toEqual(["test", "final"]);
  });

  it("reaches what the default build and a --target build run", () => {
    const program = parse(MULTI);
    const names = (target?: string) => [...stageReach(program, target).reachable].map((stage) => stage.name).sort();
    expect(names()).toEqual(["build", "cache", "deps", "final"]);
    expect(names("TEST")).toEqual(["build", "cache", "deps", "test"]);
    // An unknown target falls back to the last stage.
    expect(stageReach(program, "nope").produced?.name).toBe("final");
    const [, , , test, orphan] = program.stages;
    expect(test && isDeadStage(program, test)).toBe(true);
    expect(test && isDeadStage(program, test, "test")).toBe(false);
    expect(orphan && isDeadStage(program, orphan)).toBe(true);
  });

  it("carries USER, WORKDIR, SHELL, HEALTHCHECK and ARG through FROM <stage>", () => {
    const program = parse(
      dedent`
        ARG TAG=1
        FROM alpine:3.20 AS base
        USER app
        WORKDIR /srv
        ARG MODE=fast
        ARG TAG
        HEALTHCHECK CMD true
        FROM base AS final
        RUN echo
        USER root
        RUN echo
      `,
    );
    const final = program.stages[1];
    if (!final) throw new Error("no final stage");
    const [firstRun, , secondRun] = final.instructions;
    expect(settingInEffect(program, final, "User", firstRun)?.user?.value).toBe("app");
    expect(settingInEffect(program, final, "User", secondRun)?.user?.value).toBe("root");
    expect(settingInEffect(program, final, "Workdir")?.path?.value).toBe("/srv");
    expect(settingInEffect(program, final, "Healthcheck")?.kind).toBe("cmd");
    expect(settingInEffect(program, final, "Shell")).toBeNull();
    expect(firstRun && argInEffect(program, final, firstRun, "MODE")).toBe("fast");
    expect(firstRun && argInEffect(program, final, firstRun, "TAG")).toBe("1");
    expect(firstRun && argInEffect(program, final, firstRun, "OTHER")).toBeUndefined();
  });

  it("tells application images from toolboxes", () => {
    expect(shippedApplicationStage(parse('FROM node:20\nCMD ["node", "server.js"]\n'))?.index).toBe(0);
    const toolbox = (text: string, filename?: string) => {
      const program = parse(text);
      const stage = program.stages.at(-1);
      return stage ? isToolboxStage(program, stage, filename) : null;
    };
    expect(toolbox("FROM node:20\nRUN npm ci\n")).toBe(true);
    expect(toolbox('FROM python:3.12\nCMD ["python3"]\n')).toBe(true);
    expect(toolbox("FROM python:3.12\nCMD python3 app.py\n")).toBe(false);
    expect(toolbox('FROM golang:1.22\nENTRYPOINT ["go.bash"]\n')).toBe(true);
    expect(toolbox('FROM golang:1.22\nENTRYPOINT ["/server.sh"]\n')).toBe(false);
    expect(toolbox(dedent`
      FROM node:20 AS base
      CMD ["node", "a.js"]
      FROM base AS dev
    `)).toBe(true);
    expect(toolbox('FROM node:20\nCMD ["node", "a.js"]\n', "/x/.devcontainer/Dockerfile")).toBe(true);
    // Inherited command.
    expect(toolbox(dedent`
      FROM node:20 AS base
      CMD ["node", "a.js"]
      FROM base AS app
    `)).toBe(false);
    // A development server, whatever the stage is called.
    expect(toolbox('FROM node:22 AS builder\nCMD ["ng", "serve", "--host", "0.0.0.0"]\n')).toBe(true);
    expect(toolbox("FROM node:22 AS app\nCMD npm run dev -- --host\n")).toBe(true);
    expect(toolbox('FROM node:22\nCMD ["npx", "vite", "--host"]\n')).toBe(true);
    expect(toolbox(dedent`
      FROM node:22
      ENTRYPOINT ["yarn"]
      CMD ["dev"]
    `)).toBe(true);
    expect(toolbox('FROM node:22\nCMD ["./node_modules/.bin/next", "dev"]\n')).toBe(true);
    expect(toolbox('FROM node:22\nCMD ["nodemon", "src/index.js"]\n')).toBe(true);
    expect(toolbox('FROM python:3.12\nCMD ["python", "/app/manage.py", "runserver", "0.0.0.0:8000"]\n')).toBe(true);
    expect(toolbox('FROM python:3.12\nCMD ["flask", "run", "--host=0.0.0.0"]\n')).toBe(true);
    // Production commands of the same tools.
    expect(toolbox('FROM node:22\nCMD ["next", "start"]\n')).toBe(false);
    expect(toolbox('FROM node:22\nCMD ["vite", "preview"]\n')).toBe(false);
    expect(toolbox('FROM node:22\nCMD ["npm", "start"]\n')).toBe(false);
    expect(toolbox('FROM node:22\nCMD ["npm", "run", "start:prod"]\n')).toBe(false);
    expect(toolbox('FROM python:3.12\nCMD ["gunicorn", "app.wsgi"]\n')).toBe(false);
  });
});
