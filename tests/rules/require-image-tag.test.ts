import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import rule from "../../rules/require-image-tag.js";
import { tagProblem } from "../../lib/semantics/images/image-tags.js";
import { makeTree } from "../support/fix-safety.js";
import { ruleTester } from "../support/rule-tester.js";

// `FROM <name>` where a compose build declares `<name>` in `additional_contexts`: a context, not an untagged image.
const tree = makeTree({
  "list/compose.yaml": "services:\n  app:\n    build:\n      context: .\n      additional_contexts:\n        - base=service:builder\n        - node=docker-image://node:22.11-slim\n  builder:\n    build: ./builder\n",
});
afterAll(tree.cleanup);
const dockerfileIn = (folder: string) => path.join(tree.root, folder, "Dockerfile");

ruleTester("dockerfile").run("require-image-tag", rule, {
  valid: [
    "FROM node:20.11-alpine\n",
    // Named contexts: a service's image, an image override of `node` (looked up before the image).
    { filename: dockerfileIn("list"), code: "FROM base AS build\nFROM node\n" },
    "FROM node:20\n",
    "FROM docker.io/library/python:3.12-slim AS build\n",
    "FROM localhost:5000/team/app:1.4.2\n",
    // A digest pins whatever the tag says.
    "FROM node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
    "FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
    "FROM scratch\n",
    // FROM an earlier stage, in any case.
    "FROM golang:1.22 AS Build\nRUN go build\nFROM build\n",
    // ARG defaults are resolved...
    "ARG NODE_VERSION=20.11\nFROM node:${NODE_VERSION}-alpine\n",
    "ARG BASE=python:3.12\nFROM $BASE\n",
    // ...and a value only known at build time is not guessed.
    "ARG NODE_VERSION\nFROM node:${NODE_VERSION}\n",
    "FROM node:$UNDECLARED\n",
    "FROM --platform=$BUILDPLATFORM golang:1.22\n",
    // A template placeholder is an invalid reference (capitals), not an untagged image.
    "FROM REPLACE-ME\n",
    { code: "FROM node:20.11.1-bookworm-slim\nFROM ubuntu:22.04\nFROM debian:bookworm-20240110\nFROM ghcr.io/org/app:sha-1a2b3c4d\n", options: [{ precision: "minor" }] },
    // Tags read with their family's conventions: a distribution codename is the version line of a
    // distribution image, a Node.js LTS codename is a Node.js line, a numeric first part is a version.
    "FROM debian:bookworm-slim\nFROM ubuntu:jammy\nFROM node:iron-alpine\nFROM python:3-alpine\nFROM golang:1.22-alpine3.19\nFROM postgres:16-alpine\n",
    // Images the table does not know: a digit, or a distribution codename, is a version.
    "FROM ubuntu:resolute\nFROM debian:forky-slim\n",
    "FROM buildpack-deps:bookworm-scm\nFROM buildpack-deps:questing-curl\nFROM traefik:v3.1\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nFROM myorg/tools:alpine3.19\n",
  ],
  invalid: [
    {
      // Only a declared name is a context: `python` is still pulled.
      filename: dockerfileIn("list"),
      code: "FROM base\nFROM python\n",
      errors: [{ messageId: "missingTag", line: 2, column: 6, endColumn: 12, data: { image: "python", tag: "", origin: "" } }],
    },
    {
      code: "FROM node\n",
      errors: [{ messageId: "missingTag", line: 1, column: 6, endColumn: 10, data: { image: "node", tag: "", origin: "" } }],
    },
    {
      code: "FROM node:latest AS build\n",
      errors: [{ messageId: "floatingTag", line: 1, column: 11, endColumn: 17, data: { image: "node:latest", tag: "latest", origin: "" } }],
    },
    {
      code: "FROM node:lts-alpine\nFROM nginx:mainline-bookworm\nFROM alpine:edge\n",
      errors: [
        { messageId: "floatingTag", line: 1, column: 11 },
        { messageId: "floatingTag", line: 2, column: 12 },
        { messageId: "floatingTag", line: 3, column: 13 },
      ],
    },
    {
      // Issue 5 item 11: a tag made only of variant words floats like `latest`, decided from the
      // tag's structure, not from a list of words: no version part where the family puts one.
      code: "FROM golang:alpine\nFROM node:slim\nFROM python:slim-bookworm\nFROM node:bookworm-slim\nFROM golang:alpine3.19\nFROM redis:alpine\nFROM postgres:alpine\nFROM nginx:alpine-slim\nFROM eclipse-temurin:jre\nFROM php:fpm-alpine\nFROM debian:stable-slim\n",
      errors: [
        { messageId: "floatingTag", line: 1, column: 13, data: { image: "golang:alpine", tag: "alpine", origin: "" } },
        { messageId: "floatingTag", line: 2, column: 11, data: { image: "node:slim", tag: "slim", origin: "" } },
        { messageId: "floatingTag", line: 3, column: 13, data: { image: "python:slim-bookworm", tag: "slim-bookworm", origin: "" } },
        { messageId: "floatingTag", line: 4, column: 11, data: { image: "node:bookworm-slim", tag: "bookworm-slim", origin: "" } },
        { messageId: "floatingTag", line: 5, column: 13, data: { image: "golang:alpine3.19", tag: "alpine3.19", origin: "" } },
        { messageId: "floatingTag", line: 6, column: 12 },
        { messageId: "floatingTag", line: 7, column: 15 },
        { messageId: "floatingTag", line: 8, column: 12 },
        { messageId: "floatingTag", line: 9, column: 22 },
        { messageId: "floatingTag", line: 10, column: 10 },
        { messageId: "floatingTag", line: 11, column: 13, data: { image: "debian:stable-slim", tag: "stable-slim", origin: "" } },
      ],
    },
    {
      // Images the table does not know: a tag with no digit that is not a distribution codename.
      // `sid` is Debian unstable: rolling, not a release.
      code: "FROM docker:dind\nFROM gcr.io/distroless/static:nonroot\nFROM buildpack-deps:scm\nFROM busybox:musl\nFROM debian:sid-slim\n",
      errors: [
        { messageId: "floatingTag", line: 1, column: 13, data: { image: "docker:dind", tag: "dind", origin: "" } },
        { messageId: "floatingTag", line: 2, column: 31 },
        { messageId: "floatingTag", line: 3, column: 21 },
        { messageId: "floatingTag", line: 4, column: 14 },
        { messageId: "floatingTag", line: 5, column: 13, data: { image: "debian:sid-slim", tag: "sid-slim", origin: "" } },
      ],
    },
    {
      // Through an ARG default.
      code: "ARG VARIANT=alpine\nFROM golang:${VARIANT}\n",
      errors: [{ messageId: "floatingTag", line: 2, column: 6, data: { image: "golang:alpine", tag: "alpine", origin: "" } }],
    },
    {
      // Resolved through the global ARG default; reported on the whole reference.
      code: "ARG TAG=latest\nFROM node:${TAG}\n",
      errors: [{ messageId: "floatingTag", line: 2, column: 6, endColumn: 17, data: { image: "node:latest", tag: "latest", origin: "" } }],
    },
    {
      code: "ARG IMAGE=ubuntu\nFROM ${IMAGE}\n",
      errors: [{ messageId: "missingTag", line: 2, column: 6, data: { image: "ubuntu", tag: "", origin: "" } }],
    },
    {
      code: "FROM localhost:5000/team/app\n",
      errors: [{ messageId: "missingTag", line: 1, column: 6 }],
    },
    {
      code: "FROM node:20-alpine\nFROM python:alpine\n",
      options: [{ precision: "minor" }],
      errors: [
        { messageId: "impreciseTag", line: 1, column: 11, data: { image: "node:20-alpine", tag: "20-alpine", origin: "" } },
        // A variant word alone names no version at all: floating, whatever the precision.
        { messageId: "floatingTag", line: 2, column: 13, data: { image: "python:alpine", tag: "alpine", origin: "" } },
      ],
    },
  ],
});

ruleTester("compose").run("require-image-tag", rule, {
  valid: [
    "services:\n  db:\n    image: postgres:16.2\n",
    // The image name of a service that is built is the name of the result, not a pull.
    "services:\n  app:\n    build: .\n    image: myorg/app\n",
    "services:\n  db:\n    image: postgres:${PG_TAG:-16.2}\n",
    // Unknown until compose runs.
    "services:\n  db:\n    image: postgres:${PG_TAG}\n",
    "services:\n  db:\n    image: postgres@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
    "x-base:\n  image: redis\nservices: {}\n",
  ],
  invalid: [
    {
      code: "services:\n  db:\n    image: postgres\n  cache:\n    image: 'redis:latest'\n",
      errors: [
        { messageId: "missingTag", line: 3, column: 12, endColumn: 20, data: { image: "postgres", tag: "", origin: "" } },
        { messageId: "floatingTag", line: 5, column: 12, data: { image: "redis:latest", tag: "latest", origin: "" } },
      ],
    },
    {
      code: "services:\n  db:\n    image: postgres:${PG_TAG:-latest}\n",
      errors: [{ messageId: "floatingTag", line: 3, column: 12 }],
    },
    {
      // Reached through a merge key: reported where the service pulls it in.
      code: "x-db: &db\n  image: mysql\nservices:\n  one:\n    <<: *db\n",
      errors: [{ messageId: "missingTag", line: 5, column: 9 }],
    },
    {
      code: "services:\n  cache:\n    image: redis:alpine\n  web:\n    image: node:current-slim\n",
      errors: [
        { messageId: "floatingTag", line: 3, column: 12, data: { image: "redis:alpine", tag: "alpine", origin: "" } },
        { messageId: "floatingTag", line: 5, column: 12, data: { image: "node:current-slim", tag: "current-slim", origin: "" } },
      ],
    },
    {
      code: "services:\n  web:\n    image: nginx:1\n",
      options: [{ precision: "minor" }],
      errors: [{ messageId: "impreciseTag", line: 3, column: 12 }],
    },
  ],
});

describe("tagProblem with the image's family", () => {
  it.each([
    ["node", "lts", "floating"],
    ["node", "current-alpine3.20", "floating"],
    ["node", "22", null],
    ["node", "jod-slim", null],
    ["python", "slim", "floating"],
    ["golang", "bookworm", "floating"],
    ["debian", "trixie", null],
    ["ubuntu", "noble-20240801", null],
    ["alpine", "3.20", null],
    ["ruby", "slim-bookworm", "floating"],
    // Issue 17: language and tool images whose version is their own float on a bare codename, as
    // `golang:bookworm` does; images whose version is a distribution's do not.
    ["rust", "buster", "floating"],
    ["rust", "1.83-bookworm", null],
    ["julia", "bookworm", "floating"],
    ["perl", "slim-bookworm", "floating"],
    ["ruby", "alpine", "floating"],
    ["php", "apache", "floating"],
    ["buildpack-deps", "bookworm-curl", null],
    ["buildpack-deps", "curl", "floating"],
    ["centos", "centos7", null],
    ["fedora", "rawhide", "floating"],
    ["myorg/base", "bookworm", null],
  ] as const)("%s:%s", (path, tag, expected) => {
    expect(tagProblem({ registry: null, path, tag, digest: null }, "any")?.kind ?? null).toBe(expected);
  });
});

describe("tagProblem", () => {
  it.each([
    ["20.11", "minor", null],
    ["v1.2.3", "minor", null],
    ["3", "minor", "imprecise"],
    ["bookworm", "minor", "imprecise"],
    ["bookworm", "any", null],
    ["latest-slim", "any", "floating"],
    ["stable", "any", "floating"],
    ["3.12-rc", "any", null],
    ["2024.01.15", "minor", null],
    // Without the image's name only the floating words are known.
    ["alpine", "any", null],
  ] as const)("%s with precision %s", (tag, precision, expected) => {
    expect(tagProblem({ tag, digest: null }, precision)?.kind ?? null).toBe(expected);
  });
});

describe("compose values from the project's .env", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-image-tag-env-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, ".env"), "# tags\nSNUBA_TAG=nightly\nREDIS_TAG=7.4.1\nIMAGE=ghcr.io/acme/relay\nEMPTY=\nexport FULL=\"postgres:${PG:-latest}\"\nFROM_SHELL\n");
  writeFileSync(path.join(dir, "app.env"), "APP_TAG=latest\n");
  const filename = path.join(dir, "compose.yaml");
  ruleTester("compose").run("require-image-tag", rule, {
    valid: [
      // `.env` sets the tag: the default is not used.
      { filename, code: "services:\n  cache:\n    image: redis:${REDIS_TAG:-latest}\n" },
      // env_file does not feed interpolation; a variable set from the shell is unknown.
      { filename, code: "services:\n  app:\n    image: app:${APP_TAG}\n    env_file: app.env\n  b:\n    image: b:${FROM_SHELL}\n  c:\n    image: c:${FROM_SHELL:-latest}\n" },
      // An image Compose builds.
      { filename, code: "services:\n  app:\n    image: app:${SNUBA_TAG}\n    build: .\n" },
    ],
    invalid: [
      {
        filename,
        code: "services:\n  snuba-api:\n    image: getsentry/snuba:${SNUBA_TAG}\n",
        errors: [{ messageId: "floatingTag", line: 3, column: 12, data: { image: "getsentry/snuba:nightly", tag: "nightly", origin: " (SNUBA_TAG=nightly from .env line 2)" } }],
      },
      {
        // A default applies when the `.env` leaves the variable empty; a value built in `.env` from a default.
        filename,
        code: "services:\n  a:\n    image: ${IMAGE}:${EMPTY:-latest}\n  b:\n    image: ${FULL}\n",
        errors: [
          { messageId: "floatingTag", line: 3, data: { image: "ghcr.io/acme/relay:latest", tag: "latest", origin: " (IMAGE=ghcr.io/acme/relay from .env line 4, EMPTY= from .env line 5)" } },
          { messageId: "floatingTag", line: 5, data: { image: "postgres:latest", tag: "latest", origin: " (FULL=postgres:latest from .env line 6)" } },
        ],
      },
      {
        // Every document of the file is judged.
        filename,
        code: "services:\n  a:\n    image: redis:7.4.1\n---\nservices:\n  b:\n    image: getsentry/snuba:${SNUBA_TAG}\n",
        errors: [{ messageId: "floatingTag", line: 7, data: { image: "getsentry/snuba:nightly", tag: "nightly", origin: " (SNUBA_TAG=nightly from .env line 2)" } }],
      },
    ],
  });
});
