import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import rule from "../../rules/require-image-tag.js";
import { tagProblem } from "../../lib/semantics/images/image-tags.js";
import { makeTree } from "../support/fix-safety.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

// `FROM <name>` where a compose build declares `<name>` in `additional_contexts`: a context, not an untagged image.
const tree = makeTree({
  "list/compose.yaml": dedent`
    services:
      app:
        build:
          context: .
          additional_contexts:
            - base=service:builder
            - node=docker-image://node:22.11-slim
      builder:
        build: ./builder
  `,
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
    dedent`
      FROM golang:1.22 AS Build
      RUN go build
      FROM build
    `,
    // ARG defaults are resolved...
    "ARG NODE_VERSION=20.11\nFROM node:${NODE_VERSION}-alpine\n",
    "ARG BASE=python:3.12\nFROM $BASE\n",
    // ...and a value only known at build time is not guessed.
    "ARG NODE_VERSION\nFROM node:${NODE_VERSION}\n",
    "FROM node:$UNDECLARED\n",
    "FROM --platform=$BUILDPLATFORM golang:1.22\n",
    // A template placeholder is an invalid reference (capitals), not an untagged image.
    "FROM REPLACE-ME\n",
    { code: dedent`
      FROM node:20.11.1-bookworm-slim
      FROM ubuntu:22.04
      FROM debian:bookworm-20240110
      FROM ghcr.io/org/app:sha-1a2b3c4d
    `, options: [{ precision: "minor" }] },
    // Tags read with their family's conventions: a distribution codename is the version line of a
    // distribution image, a Node.js LTS codename is a Node.js line, a numeric first part is a version.
    dedent`
      FROM debian:bookworm-slim
      FROM ubuntu:jammy
      FROM node:iron-alpine
      FROM python:3-alpine
      FROM golang:1.22-alpine3.19
      FROM postgres:16-alpine
    `,
    // Images the table does not know: a digit, or a distribution codename, is a version.
    "FROM ubuntu:resolute\nFROM debian:forky-slim\n",
    dedent`
      FROM buildpack-deps:bookworm-scm
      FROM buildpack-deps:questing-curl
      FROM traefik:v3.1
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      FROM myorg/tools:alpine3.19
    `,
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
      code: dedent`
        FROM node:lts-alpine
        FROM nginx:mainline-bookworm
        FROM alpine:edge
      `,
      errors: [
        { messageId: "floatingTag", line: 1, column: 11 },
        { messageId: "floatingTag", line: 2, column: 12 },
        { messageId: "floatingTag", line: 3, column: 13 },
      ],
    },
    {
      // Issue 5 item 11: a tag made only of variant words floats like `latest`, decided from the
      // tag's structure, not from a list of words: no version part where the family puts one.
      code: dedent`
        FROM golang:alpine
        FROM node:slim
        FROM python:slim-bookworm
        FROM node:bookworm-slim
        FROM golang:alpine3.19
        FROM redis:alpine
        FROM postgres:alpine
        FROM nginx:alpine-slim
        FROM eclipse-temurin:jre
        FROM php:fpm-alpine
        FROM debian:stable-slim
      `,
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
      code: dedent`
        FROM docker:dind
        FROM gcr.io/distroless/static:nonroot
        FROM buildpack-deps:scm
        FROM busybox:musl
        FROM debian:sid-slim
      `,
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
    dedent`
      services:
        db:
          image: postgres:16.2
    `,
    // The image name of a service that is built is the name of the result, not a pull.
    dedent`
      services:
        app:
          build: .
          image: myorg/app
    `,
    dedent`
      services:
        db:
          image: postgres:\${PG_TAG:-16.2}
    `,
    // Unknown until compose runs.
    dedent`
      services:
        db:
          image: postgres:\${PG_TAG}
    `,
    dedent`
      services:
        db:
          image: postgres@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
    `,
    dedent`
      x-base:
        image: redis
      services: {}
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          db:
            image: postgres
          cache:
            image: 'redis:latest'
      `,
      errors: [
        { messageId: "missingTag", line: 3, column: 12, endColumn: 20, data: { image: "postgres", tag: "", origin: "" } },
        { messageId: "floatingTag", line: 5, column: 12, data: { image: "redis:latest", tag: "latest", origin: "" } },
      ],
    },
    {
      code: dedent`
        services:
          db:
            image: postgres:\${PG_TAG:-latest}
      `,
      errors: [{ messageId: "floatingTag", line: 3, column: 12 }],
    },
    {
      // Reached through a merge key: reported where the service pulls it in.
      code: dedent`
        x-db: &db
          image: mysql
        services:
          one:
            <<: *db
      `,
      errors: [{ messageId: "missingTag", line: 5, column: 9 }],
    },
    {
      code: dedent`
        services:
          cache:
            image: redis:alpine
          web:
            image: node:current-slim
      `,
      errors: [
        { messageId: "floatingTag", line: 3, column: 12, data: { image: "redis:alpine", tag: "alpine", origin: "" } },
        { messageId: "floatingTag", line: 5, column: 12, data: { image: "node:current-slim", tag: "current-slim", origin: "" } },
      ],
    },
    {
      code: dedent`
        services:
          web:
            image: nginx:1
      `,
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
  writeFileSync(path.join(dir, ".env"), dedent`
    # tags
    SNUBA_TAG=nightly
    REDIS_TAG=7.4.1
    IMAGE=ghcr.io/acme/relay
    EMPTY=
    export FULL="postgres:\${PG:-latest}"
    FROM_SHELL
  `);
  writeFileSync(path.join(dir, "app.env"), "APP_TAG=latest\n");
  const filename = path.join(dir, "compose.yaml");
  ruleTester("compose").run("require-image-tag", rule, {
    valid: [
      // `.env` sets the tag: the default is not used.
      { filename, code: dedent`
        services:
          cache:
            image: redis:\${REDIS_TAG:-latest}
      ` },
      // env_file does not feed interpolation; a variable set from the shell is unknown.
      { filename, code: dedent`
        services:
          app:
            image: app:\${APP_TAG}
            env_file: app.env
          b:
            image: b:\${FROM_SHELL}
          c:
            image: c:\${FROM_SHELL:-latest}
      ` },
      // An image Compose builds.
      { filename, code: dedent`
        services:
          app:
            image: app:\${SNUBA_TAG}
            build: .
      ` },
    ],
    invalid: [
      {
        filename,
        code: dedent`
          services:
            snuba-api:
              image: getsentry/snuba:\${SNUBA_TAG}
        `,
        errors: [{ messageId: "floatingTag", line: 3, column: 12, data: { image: "getsentry/snuba:nightly", tag: "nightly", origin: " (SNUBA_TAG=nightly from .env line 2)" } }],
      },
      {
        // A default applies when the `.env` leaves the variable empty; a value built in `.env` from a default.
        filename,
        code: dedent`
          services:
            a:
              image: \${IMAGE}:\${EMPTY:-latest}
            b:
              image: \${FULL}
        `,
        errors: [
          { messageId: "floatingTag", line: 3, data: { image: "ghcr.io/acme/relay:latest", tag: "latest", origin: " (IMAGE=ghcr.io/acme/relay from .env line 4, EMPTY= from .env line 5)" } },
          { messageId: "floatingTag", line: 5, data: { image: "postgres:latest", tag: "latest", origin: " (FULL=postgres:latest from .env line 6)" } },
        ],
      },
      {
        // Every document of the file is judged.
        filename,
        code: dedent`
          services:
            a:
              image: redis:7.4.1
          ---
          services:
            b:
              image: getsentry/snuba:\${SNUBA_TAG}
        `,
        errors: [{ messageId: "floatingTag", line: 7, data: { image: "getsentry/snuba:nightly", tag: "nightly", origin: " (SNUBA_TAG=nightly from .env line 2)" } }],
      },
    ],
  });
});
