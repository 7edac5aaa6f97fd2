/**
 * Which wget/curl a stage has (issue 17): the base system's own tools, what RUNs install with the
 * distribution's package manager, inheritance through FROM <stage>, and unknown for what the table
 * cannot place.
 */
import { describe, expect, it } from "vitest";
import { parseDockerfile } from "../../lib/dockerfile/parse.js";
import { parseImageReference } from "../../lib/dockerfile/image-reference.js";
import { baseSystemOf, imageToolAvailability, stageHasShell, toolAvailability, type ImageTool } from "../../lib/semantics/images/image-tools.js";
import { dedent } from "../support/dedent.js";

describe("baseSystemOf", () => {
  it.each([
    ["alpine:3.22", "alpine"],
    ["node:22-alpine3.21", "alpine"],
    ["redis:alpine", "alpine"],
    ["mcr.microsoft.com/dotnet/aspnet:8.0-alpine3.22", "alpine"],
    ["myorg/tool:1.2-alpine", "alpine"],
    ["busybox:1.37-musl", "busybox"],
    ["debian:12-slim", "debian"],
    ["ubuntu:noble", "ubuntu"],
    ["python:3.13-slim-bookworm", "debian"],
    ["node:22", "buildpack-deps"],
    ["golang:1.26-trixie", "buildpack-deps"],
    ["pypy:3.11-bookworm", "buildpack-deps"],
    ["buildpack-deps:bookworm-curl", "buildpack-deps"],
    ["buildpack-deps:bookworm", "buildpack-deps"],
    ["php:8.3-apache", null],
    ["gcr.io/distroless/static-debian12:nonroot", "distroless"],
    ["gcr.io/distroless/base-debian12:debug", null],
    ["postgres:16.4", "debian"],
    ["postgres:16-alpine3.20", "alpine"],
    ["redis:7.4-bookworm", "debian"],
    ["redis:8.2", null],
    ["mongo:7.0", "ubuntu"],
    ["mongo:7.0-windowsservercore-ltsc2022", null],
    ["mariadb:11.4-noble", "ubuntu"],
    ["mysql:8.4", null],
    ["python:3.13-windowsservercore", null],
    ["example.com/base:1", null],
  ])("%s is %s", (image, expected) => {
    expect(baseSystemOf(parseImageReference(image))?.id ?? null).toBe(expected);
  });
});

function availability(dockerfile: string, tool: ImageTool, stageIndex = -1, upTo: "start" | "end" | number = "end") {
  const parsed = parseDockerfile(dockerfile);
  if (!parsed.ok) throw new Error("parse");
  const program = parsed.ast;
  const stage = program.stages.at(stageIndex)!;
  return toolAvailability(program, stage, tool, typeof upTo === "number" ? stage.instructions[upTo]! : upTo);
}

describe("toolAvailability", () => {
  it("starts from the base system", () => {
    expect(availability("FROM alpine:3.22\n", "wget")).toEqual({ state: "present", implementation: "busybox", via: "base" });
    expect(availability("FROM alpine:3.22\n", "curl")).toEqual({ state: "absent", packaged: "curl", unseen: false });
    expect(availability("FROM debian:12\n", "wget")).toEqual({ state: "absent", packaged: "gnu", unseen: false });
    expect(availability("FROM busybox\n", "curl")).toEqual({ state: "absent", packaged: null, unseen: false });
    expect(availability("FROM scratch\n", "wget")).toEqual({ state: "absent", packaged: null, unseen: false });
    expect(availability("FROM example.com/base:1\n", "wget")).toEqual({ state: "unknown" });
    expect(availability("ARG BASE\nFROM ${BASE}\n", "wget")).toEqual({ state: "unknown" });
  });

  it("follows what the distribution's package manager installs, up to the instruction asked about", () => {
    const file = dedent`
      FROM alpine:3.22
      RUN wget -O /a https://example.com/a
      RUN apk add --no-cache wget curl
    `;
    expect(availability(file, "wget", -1, 0)).toMatchObject({ implementation: "busybox" });
    expect(availability(file, "wget", -1, 1)).toEqual({ state: "present", implementation: "gnu", via: "install" });
    expect(availability(file, "curl")).toEqual({ state: "present", implementation: "curl", via: "install" });
    // A language package manager's "curl" is not the tool.
    expect(availability("FROM debian:12\nRUN pip install curl\n", "curl")).toEqual({ state: "absent", packaged: "curl", unseen: false });
    // An install makes the tool known even on a base the table cannot place.
    expect(availability("FROM example.com/base:1\nRUN dnf install -y curl-minimal\n", "curl")).toMatchObject({ state: "present", implementation: "curl" });
  });

  it("inherits through FROM <stage>, and `start` is what the stage's base brings", () => {
    const file = dedent`
      FROM debian:12 AS tools
      RUN apt-get update && apt-get install -y curl
      FROM tools AS app
      RUN apt-get install -y wget
    `;
    expect(availability(file, "curl", -1, "start")).toMatchObject({ state: "present", via: "install" });
    expect(availability(file, "wget", -1, "start")).toEqual({ state: "absent", packaged: "gnu", unseen: false });
    expect(availability(file, "wget", -1, "end")).toMatchObject({ state: "present", implementation: "gnu" });
  });
});

describe("imageToolAvailability (an image reference alone, as compose pulls it)", () => {
  const of = (image: string, tool: ImageTool) => imageToolAvailability(parseImageReference(image), tool).state;
  it.each([
    ["alpine:3.22", "nc", "present"],
    ["busybox:1.37", "nc", "present"],
    ["debian:12-slim", "nc", "absent"],
    ["node:22.12-alpine", "curl", "absent"],
    ["postgres:16.4", "pg_isready", "present"],
    ["postgres:16.4", "curl", "absent"],
    ["postgres:16.4-alpine", "wget", "present"],
    ["redis:7.4", "redis-cli", "present"],
    ["redis:7.4", "curl", "absent"],
    // Redis 8 is built from another repository: its clients are known, not what it lacks.
    ["redis:8.2", "redis-cli", "present"],
    ["redis:8.2-alpine", "curl", "unknown"],
    ["mongo:7.0", "mongosh", "present"],
    ["mongo:7.0", "mongo", "absent"],
    ["mongo:4.4", "mongo", "present"],
    ["mariadb:10.11", "mysqladmin", "present"],
    ["mariadb:11.4", "mysqladmin", "absent"],
    ["mariadb:latest", "mariadb-admin", "present"],
    ["mysql:8.4", "mysqladmin", "present"],
    ["mysql:8.4", "curl", "unknown"],
    ["gcr.io/distroless/static-debian12", "wget", "absent"],
    // Another image's Alpine variant may add tools of its own (nginx's installs curl).
    ["nginx:1.27-alpine", "curl", "unknown"],
    ["nginx:1.27-alpine", "wget", "present"],
    ["example.com/app:1", "curl", "unknown"],
  ] as const)("%s: %s is %s", (image, tool, state) => {
    expect(of(image, tool)).toBe(state);
  });
});

describe("what a Dockerfile adds, and what it may add unseen", () => {
  it("counts programs copied in and system packages of other tools", () => {
    expect(availability("FROM gcr.io/distroless/static-debian12\nCOPY --from=curlimages/curl:8.11.1 /usr/bin/curl /usr/bin/curl\n", "curl")).toMatchObject({ state: "present", via: "copy" });
    expect(availability("FROM debian:12-slim\nRUN apt-get update && apt-get install -y netcat-openbsd postgresql-client-16\n", "nc")).toMatchObject({ state: "present" });
    expect(availability("FROM alpine:3.22\nRUN apk add --no-cache postgresql16-client\n", "pg_isready")).toMatchObject({ state: "present" });
  });

  it("marks an absence unseen when the file cannot show everything installed", () => {
    for (const run of ["RUN apt-get install -y $PACKAGES", "RUN /opt/setup/install --all", "RUN ./configure.sh", "RUN sh setup.sh", "RUN curl -fsSL https://example.com/i | sh", "RUN dpkg -i /tmp/x.deb", "RUN python3 setup.py"]) {
      expect(availability(`FROM debian:12-slim\nARG PACKAGES\n${run}\n`, "curl"), run).toMatchObject({ state: "absent", unseen: true });
    }
    expect(availability("FROM debian:12-slim\nCOPY --from=tools /usr/local/bin/ /usr/local/bin/\n", "curl")).toMatchObject({ state: "absent", unseen: true });
    expect(availability("FROM debian:12-slim\nRUN sh -c 'echo hi' && useradd app\n", "curl")).toMatchObject({ state: "absent", unseen: false });
  });

  it("knows when there is no shell", () => {
    const shell = (file: string) => {
      const parsed = parseDockerfile(file);
      if (!parsed.ok) throw new Error("parse");
      return stageHasShell(parsed.ast, parsed.ast.stages.at(-1)!);
    };
    expect(shell("FROM scratch\nCOPY app /app\n")).toBe(false);
    expect(shell("FROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n")).toBe(false);
    expect(shell("FROM scratch\nCOPY --from=busybox:1.37 /bin/busybox /bin/busybox\n")).toBeNull();
    expect(shell("FROM alpine:3.22\n")).toBe(true);
    expect(shell("FROM example.com/app:1\n")).toBeNull();
  });
});
