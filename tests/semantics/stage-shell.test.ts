import { describe, expect, it } from "vitest";
import type { Run } from "../../lib/dockerfile/ast.js";
import { parseDockerfile } from "../../lib/dockerfile/parse.js";
import { parseImageReference } from "../../lib/dockerfile/image-reference.js";
import { runShellScript } from "../../lib/semantics/run/run-shell.js";
import { DASH_BUILDS, DISTRIBUTION_SHELLS, imageShellOf } from "../../lib/semantics/shell-environment/image-shell.js";
import { runDashBuild, runShellProgram, shellProgramAt } from "../../lib/semantics/shell-environment/stage-shell.js";
import { dedent } from "../support/dedent.js";

function lastRun(dockerfile: string) {
  const parsed = parseDockerfile(dockerfile);
  if (!parsed.ok) throw new Error("parse");
  const program = parsed.ast;
  const runs = program.stages.flatMap((stage) =>
    stage.instructions.map((instruction) => (instruction.type === "Onbuild" ? instruction.trigger : instruction)).filter((instruction): instruction is Run => instruction?.type === "Run"),
  );
  return { program, run: runs.at(-1)! };
}

/** The program that runs the last RUN of `dockerfile`. */
function programOf(dockerfile: string): string {
  const { program, run } = lastRun(dockerfile);
  return runShellProgram(program, run).program;
}

const binSh = (image: string): string => imageShellOf(parseImageReference(image)).binSh;

const release = (image: string): string | undefined => imageShellOf(parseImageReference(image)).release;

describe("imageShellOf: the Debian or Ubuntu release a tag names", () => {
  it("reads a codename word or the distribution image's own version", () => {
    expect(release("debian:12")).toBe("debian 12");
    expect(release("debian:12.5-slim")).toBe("debian 12");
    expect(release("debian:bookworm-20240110-slim")).toBe("debian 12");
    expect(release("arm64v8/debian:bullseye")).toBe("debian 11");
    expect(release("node:20-bookworm")).toBe("debian 12");
    expect(release("python:3.12-slim-bookworm")).toBe("debian 12");
    expect(release("buildpack-deps:trixie-scm")).toBe("debian 13");
    expect(release("ubuntu:22.04")).toBe("ubuntu 22.04");
    expect(release("ubuntu:jammy")).toBe("ubuntu 22.04");
    expect(release("ubuntu:noble-20240423")).toBe("ubuntu 24.04");
    expect(release("eclipse-temurin:21-jdk-jammy")).toBe("ubuntu 22.04");
    expect(release("mcr.microsoft.com/dotnet/aspnet:8.0-noble")).toBe("ubuntu 24.04");
  });

  it("names none for a floating tag, another distribution or an image the tables do not know", () => {
    for (const image of ["debian", "debian:latest", "debian:stable-slim", "debian:testing", "debian:sid", "ubuntu:latest", "ubuntu:rolling", "node:20", "node:lts-slim", "python:3.12-slim", "golang:1.22", "mcr.microsoft.com/dotnet/sdk:8.0", "alpine:3.20", "fedora:40", "myorg/app:1-bookworm", "buildpack-deps:22.04"]) {
      expect(release(image), image).toBeUndefined();
    }
  });

  it("keys every dash build by a release that tags can name", () => {
    for (const key of Object.keys(DASH_BUILDS)) expect(release(key.replace(" ", ":"))).toBe(key);
  });
});

describe("runDashBuild: the dash that runs a RUN's dash scripts", () => {
  const build = (dockerfile: string) => {
    const { program, run } = lastRun(dockerfile);
    return runDashBuild(program, run);
  };
  it("is the release's, through FROM <stage>, until /bin/sh may be replaced", () => {
    expect(build("FROM debian:12\nRUN true\n")?.features.pipefail).toBe(false);
    expect(build("FROM debian:13 AS base\nFROM base\nRUN true\n")?.features.pipefail).toBe(true);
    expect(build("FROM ubuntu:24.04\nRUN true\n")?.version).toBe("0.5.12-6ubuntu5");
    expect(build("FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\nRUN true\n")).toBeNull();
    expect(build("FROM debian:12\nCOPY sh /bin/sh\nRUN true\n")).toBeNull();
    expect(build("FROM debian:latest\nRUN true\n")).toBeNull();
    expect(build("FROM alpine:3.20\nRUN true\n")).toBeNull();
    expect(build("FROM debian:12\nONBUILD RUN true\n")).toBeNull();
  });
});

describe("imageShellOf: /bin/sh of an image", () => {
  it("reads the distribution from the repository and the tag", () => {
    expect(binSh("debian:bookworm-slim")).toBe("dash");
    expect(binSh("ubuntu:24.04")).toBe("dash");
    expect(binSh("node:20")).toBe("dash");
    expect(binSh("python:3.12-slim")).toBe("dash");
    expect(binSh("eclipse-temurin:21-jre")).toBe("dash");
    expect(binSh("alpine:3.20")).toBe("busybox-ash");
    expect(binSh("node:20-alpine3.19")).toBe("busybox-ash");
    expect(binSh("busybox:1.36")).toBe("busybox-ash");
    expect(binSh("fedora:40")).toBe("bash");
    expect(binSh("registry.access.redhat.com/ubi9/ubi-minimal")).toBe("bash");
    expect(binSh("amazonlinux:2023")).toBe("bash");
    expect(binSh("eclipse-temurin:17-ubi9-minimal")).toBe("bash");
    expect(binSh("maven:3-amazoncorretto-17")).toBe("bash");
    expect(binSh("mysql:8.0-oracle")).toBe("bash");
    expect(binSh("gcr.io/distroless/static-debian12")).toBe("none");
    expect(binSh("scratch")).toBe("none");
    expect(binSh("docker:29-cli")).toBe("busybox-ash");
    expect(binSh("arm64v8/alpine:3.20")).toBe("busybox-ash");
    expect(binSh("arm32v7/buildpack-deps:bookworm")).toBe("dash");
    expect(binSh("mcr.microsoft.com/dotnet/sdk:10.0-noble")).toBe("dash");
    expect(binSh("mcr.microsoft.com/dotnet/aspnet:8.0")).toBe("dash");
    expect(binSh("mcr.microsoft.com/dotnet/runtime:8.0-alpine")).toBe("busybox-ash");
  });

  it("leaves unknown what the tables do not know", () => {
    expect(binSh("mysql:8.0")).toBe("unknown");
    expect(binSh("openjdk:17")).toBe("unknown");
    expect(binSh("myorg/app:1.0")).toBe("unknown");
    // A codename on an image we do not know says what it was built on, not that /bin/sh was kept.
    expect(binSh("ghcr.io/org/tool:1-bookworm")).toBe("unknown");
    expect(binSh("${BASE}")).toBe("unknown");
    // Variants on a base the table does not describe.
    expect(binSh("mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled")).toBe("unknown");
    expect(binSh("mcr.microsoft.com/dotnet/sdk:8.0-azurelinux3.0")).toBe("unknown");
  });

  it("gives every distribution a source", () => {
    for (const shell of Object.values(DISTRIBUTION_SHELLS)) expect(shell.source).toMatch(/^https:\/\//u);
  });
});

describe("runShellProgram: the program that runs a RUN", () => {
  it("is the base image's /bin/sh, inherited through FROM <stage>", () => {
    expect(programOf("FROM debian:12\nRUN true\n")).toBe("dash");
    expect(programOf("FROM alpine:3.20 AS base\nFROM base\nRUN true\n")).toBe("busybox-ash");
    expect(programOf("FROM rockylinux:9\nRUN true\n")).toBe("bash");
    expect(programOf("ARG BASE\nFROM ${BASE}\nRUN true\n")).toBe("unknown");
  });

  it("follows SHELL, in the stage or inherited", () => {
    expect(programOf('FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN true\n')).toBe("bash");
    expect(programOf('FROM debian:12 AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nRUN true\n')).toBe("bash");
    expect(programOf('FROM debian:12\nSHELL ["/bin/sh", "-c"]\nRUN true\n')).toBe("dash");
    expect(programOf('FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN true\n')).toBe("busybox-ash");
    expect(programOf('FROM debian:12\nSHELL ["/bin/zsh", "-c"]\nRUN true\n')).toBe("other");
  });

  it("reads a heredoc's #! line", () => {
    expect(programOf("FROM debian:12\nRUN <<EOF\n#!/bin/bash\n[[ -f x ]]\nEOF\n")).toBe("bash");
    expect(programOf("FROM debian:12\nRUN <<EOF\n#!/usr/bin/env bash\ntrue\nEOF\n")).toBe("bash");
    expect(programOf("FROM debian:12\nRUN <<EOF\ntrue\nEOF\n")).toBe("dash");
  });

  it("makes /bin/sh unknown after a RUN or COPY that may replace it", () => {
    expect(programOf("FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\nRUN true\n")).toBe("unknown");
    expect(programOf("FROM debian:12\nRUN rm /bin/sh && ln -s /bin/bash /bin/sh\nFROM 0\nRUN true\n")).toBe("unknown");
    expect(programOf("FROM debian:12\nRUN echo 'dash dash/sh boolean false' | debconf-set-selections && dpkg-reconfigure -f noninteractive dash\nRUN true\n")).toBe("unknown");
    expect(programOf("FROM alpine:3.20\nRUN apk add --no-cache dash-binsh\nRUN true\n")).toBe("unknown");
    expect(programOf("FROM debian:12\nCOPY sh /bin/sh\nRUN true\n")).toBe("unknown");
    expect(programOf('FROM debian:12\nRUN ln -sf bash "$ROOT/bin/sh"\nRUN true\n')).toBe("unknown");
    // Installing bash or dash, or removing and linking other files, does not change /bin/sh.
    expect(programOf('FROM debian:12\nRUN rm -rf "$GNUPGHOME" && ln -sT "$(readlink -f /usr/lib/x.so)" /usr/local/lib/x.so\nRUN true\n')).toBe("dash");
    expect(programOf("FROM alpine:3.20\nRUN apk add --no-cache dash\nRUN true\n")).toBe("busybox-ash");
    expect(programOf("FROM alpine:3.20\nRUN apk add --no-cache bash\nRUN true\n")).toBe("busybox-ash");
    // The RUN that relinks runs under the old /bin/sh.
    expect(programOf("FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n")).toBe("dash");
  });

  it("is unknown for an ONBUILD trigger", () => {
    expect(programOf("FROM debian:12\nONBUILD RUN true\n")).toBe("unknown");
  });
});

describe("shellProgramAt: the shell of an sh -c string", () => {
  function inner(dockerfile: string, name: string): string {
    const { program, run } = lastRun(dockerfile);
    const script = runShellScript(program, run)!;
    const command = script.commands.find((each) => each.name?.value === name)!;
    return shellProgramAt(program, run, script, command, command.context);
  }
  it("is the shell the string is handed to; `sh` is /bin/sh whatever SHELL says", () => {
    expect(inner(dedent`
      FROM debian:12
      RUN bash -c 'marker x'
    `, "marker")).toBe("bash");
    expect(inner(dedent`
      FROM debian:12
      SHELL ["/bin/bash", "-c"]
      RUN sh -c 'marker x'
    `, "marker")).toBe("dash");
    expect(inner("FROM alpine:3.20\nRUN busybox sh -c 'marker x'\n", "marker")).toBe("busybox-ash");
    expect(inner("FROM debian:12\nRUN su -c 'marker x' app\n", "marker")).toBe("unknown");
    expect(inner("FROM debian:12\nRUN bash -c \"sh -c 'marker x'\"\n", "marker")).toBe("dash");
  });
});
