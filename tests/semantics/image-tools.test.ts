/**
 * Which wget/curl a stage has (issue 17): the base system's own tools, what RUNs install with the
 * distribution's package manager, inheritance through FROM <stage>, and unknown for what the table
 * cannot place.
 */
import { describe, expect, it } from "vitest";
import { parseDockerfile } from "../../lib/dockerfile/parse.js";
import { parseImageReference } from "../../lib/dockerfile/image-reference.js";
import { baseSystemOf, toolAvailability, type ImageTool } from "../../lib/semantics/images/image-tools.js";

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
    expect(availability("FROM alpine:3.22\n", "curl")).toEqual({ state: "absent", packaged: "curl" });
    expect(availability("FROM debian:12\n", "wget")).toEqual({ state: "absent", packaged: "gnu" });
    expect(availability("FROM busybox\n", "curl")).toEqual({ state: "absent", packaged: null });
    expect(availability("FROM scratch\n", "wget")).toEqual({ state: "absent", packaged: null });
    expect(availability("FROM example.com/base:1\n", "wget")).toEqual({ state: "unknown" });
    expect(availability("ARG BASE\nFROM ${BASE}\n", "wget")).toEqual({ state: "unknown" });
  });

  it("follows what the distribution's package manager installs, up to the instruction asked about", () => {
    const file = "FROM alpine:3.22\nRUN wget -O /a https://example.com/a\nRUN apk add --no-cache wget curl\n";
    expect(availability(file, "wget", -1, 0)).toMatchObject({ implementation: "busybox" });
    expect(availability(file, "wget", -1, 1)).toEqual({ state: "present", implementation: "gnu", via: "install" });
    expect(availability(file, "curl")).toEqual({ state: "present", implementation: "curl", via: "install" });
    // A language package manager's "curl" is not the tool.
    expect(availability("FROM debian:12\nRUN pip install curl\n", "curl")).toEqual({ state: "absent", packaged: "curl" });
    // An install makes the tool known even on a base the table cannot place.
    expect(availability("FROM example.com/base:1\nRUN dnf install -y curl-minimal\n", "curl")).toMatchObject({ state: "present", implementation: "curl" });
  });

  it("inherits through FROM <stage>, and `start` is what the stage's base brings", () => {
    const file = "FROM debian:12 AS tools\nRUN apt-get update && apt-get install -y curl\nFROM tools AS app\nRUN apt-get install -y wget\n";
    expect(availability(file, "curl", -1, "start")).toMatchObject({ state: "present", via: "install" });
    expect(availability(file, "wget", -1, "start")).toEqual({ state: "absent", packaged: "gnu" });
    expect(availability(file, "wget", -1, "end")).toMatchObject({ state: "present", implementation: "gnu" });
  });
});
