import rule from "../../rules/no-unused-arg.js";
import { ruleTester } from "../support/rule-tester.js";

/** 69 ARGs a RUN reads (and `N0x`, not a read of `N0`): with `ARG N0` above, more names than one search pattern takes. */
const MANY_ARGS = `${Array.from({ length: 69 }, (_, i) => `ARG N${i + 1}=${i + 1}\n`).join("")}RUN echo ${Array.from({ length: 69 }, (_, i) => `$N${i + 1}`).join(" ")} N0x\n`;

ruleTester("dockerfile").run("no-unused-arg", rule, {
  valid: [
    "ARG TAG=3.20\nFROM alpine:${TAG}\n",
    // A stage that declares a global ARG again reads it.
    "ARG VERSION=1\nFROM alpine:3.20\nARG VERSION\nRUN echo $VERSION\n",
    "FROM alpine:3.20\nARG VERSION=1\nLABEL version=$VERSION\n",
    "FROM alpine:3.20\nARG VERSION=1\nRUN echo \"${VERSION:-0}\" > /version\n",
    // A later stage built on this one inherits it.
    "FROM alpine:3.20 AS base\nARG VERSION=1\nFROM base\nRUN echo $VERSION\n",
    // Tools read these by name: proxies, platform ARGs (xx), DEBIAN_FRONTEND, NPM_TOKEN in .npmrc, PIP_*, Go, BuildKit.
    "FROM debian:12\nARG DEBIAN_FRONTEND=noninteractive\nRUN echo hi\n",
    "FROM node:22\nARG NPM_TOKEN\nARG NODE_ENV=production\nRUN echo hi\n",
    "FROM python:3.12\nARG PIP_INDEX_URL\nARG PYTHONDONTWRITEBYTECODE=1\nRUN echo hi\n",
    "FROM golang:1.23\nARG CGO_ENABLED=0\nARG GOOS\nARG GOARCH\nARG GOFLAGS\nRUN echo hi\n",
    "FROM alpine:3.20\nARG TARGETPLATFORM\nARG http_proxy\nARG BUILDKIT_INLINE_CACHE=1\nRUN echo hi\n",
    // A later RUN runs a program that may read it by name (a script, a package install, a build tool).
    "FROM alpine:3.20\nARG VERSION=1\nRUN ./build.sh\n",
    "FROM amazonlinux:2023\nARG WAZUH_MANAGER=x\nRUN dnf install -y /tmp/wazuh-agent.rpm\n",
    "FROM golang:1.23\nARG BUILDX_EXPERIMENTAL\nRUN docsgen --formats md\n",
    "FROM alpine:3.20\nARG VERSION=1\nRUN [\"/bin/build\"]\n",
    // Read by a later declaration of the same ARG line.
    "ARG V=1 IMAGE=alpine:${V}\nFROM ${IMAGE}\n",
    "FROM alpine:3.20\nARG V=1 DIR=/opt/v${V}\nWORKDIR $DIR\n",
    // Indirect expansion.
    "FROM alpine:3.20\nARG url_amd64=x\nRUN v=url_amd64 && echo \"${!v}\"\n",
    // A FROM only known at build time may be built on this stage.
    "FROM alpine:3.20 AS base-amd64\nARG VERSION=1\nFROM base-${TARGETARCH}\nRUN echo $VERSION\n",
  ],
  invalid: [
    {
      code: "ARG VARIANT=3.1\nFROM mcr.microsoft.com/devcontainers/dotnet:8.0\n",
      errors: [{ messageId: "unused", line: 1, column: 5, endColumn: 12, suggestions: [{ messageId: "remove", output: "FROM mcr.microsoft.com/devcontainers/dotnet:8.0\n" }] }],
    },
    {
      code: "FROM alpine:3.20\nARG VERSION=1\nRUN echo hi\n",
      errors: [{ messageId: "unused", line: 2, column: 5, data: { name: "VERSION", where: "no later instruction of this stage, and no stage built on it, names it" }, suggestions: [{ messageId: "remove", output: "FROM alpine:3.20\nRUN echo hi\n" }] }],
    },
    {
      // Meant for the next FROM, which sees only global ARGs.
      code: "ARG REGISTRY=docker.io\nFROM ${REGISTRY}/debian:12 AS a\nRUN echo a\nARG REGISTRY=docker.io\nFROM ${REGISTRY}/debian:12\n",
      errors: [{ messageId: "unused", line: 4, column: 5, data: { name: "REGISTRY", where: "the FROM after it sees only global ARGs (declared before the first FROM), not this stage's" }, suggestions: [{ messageId: "remove", output: "ARG REGISTRY=docker.io\nFROM ${REGISTRY}/debian:12 AS a\nRUN echo a\nFROM ${REGISTRY}/debian:12\n" }] }],
    },
    {
      // Another stage, not built on this one, does not see it; several names on one ARG: no suggestion.
      code: "FROM alpine:3.20 AS a\nARG A=1 B=2\nRUN echo $B\nFROM alpine:3.20\nRUN echo $A\n",
      errors: [{ messageId: "unused", line: 2, column: 5, suggestions: [] }],
    },
    {
      // A name inside a longer word is not a read.
      code: "FROM alpine:3.20\nARG VER=1\nRUN mkdir /VERSION && echo $VERSION\n",
      errors: [{ messageId: "unused", line: 2, column: 5, suggestions: [{ messageId: "remove", output: "FROM alpine:3.20\nRUN mkdir /VERSION && echo $VERSION\n" }] }],
    },
    {
      // A name that is a prefix of another, and a mention inside a longer word, beside reads as `${A}` and `$AB`.
      code: "FROM alpine:3.20\nARG A=1\nARG AB=2\nARG ABC=3\nRUN echo ${A}_x $AB && touch ABCD\n",
      errors: [{ messageId: "unused", line: 4, column: 5, data: { name: "ABC", where: "no later instruction of this stage, and no stage built on it, names it" }, suggestions: [{ messageId: "remove", output: "FROM alpine:3.20\nARG A=1\nARG AB=2\nRUN echo ${A}_x $AB && touch ABCD\n" }] }],
    },
    {
      // More names than one search pattern takes: every word of the file is read instead, with the same verdicts.
      code: `FROM alpine:3.20\nARG N0=0\n${MANY_ARGS}`,
      errors: [{ messageId: "unused", line: 2, column: 5, data: { name: "N0", where: "no later instruction of this stage, and no stage built on it, names it" }, suggestions: [{ messageId: "remove", output: `FROM alpine:3.20\n${MANY_ARGS}` }] }],
    },
  ],
});
