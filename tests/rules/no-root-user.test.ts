import { describe, expect, it } from "vitest";
import rule from "../../rules/no-root-user.js";
import { isRootUser } from "../../lib/semantics/users/user.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("no-root-user", rule, {
  valid: [
    // Toolboxes (a base, toolchain or development image): whoever runs it, or builds FROM it, chooses the user.
    "FROM debian:12\nRUN apt-get update\n",
    "FROM python:3.13-slim\nCMD [\"python3\"]\n",
    "FROM node:22.12 AS dev\nCMD [\"npm\", \"run\", \"dev\"]\n",
    "FROM debian:12-slim\nENTRYPOINT [\"docker-entrypoint.sh\"]\nCMD [\"bash\"]\n",
    "FROM node:20.11\nUSER node\nCMD [\"node\", \"server.js\"]\n",
    // Root for the install steps, then an unprivileged user (hadolint DL3002 allows it too).
    "FROM debian:12\nUSER root\nRUN apt-get update\nUSER app:app\n",
    // Group root is not user root (the OpenShift convention).
    "FROM debian:12\nUSER 1001:0\n",
    // Inherited from the stage the final one is built on.
    "FROM python:3.12-slim AS base\nUSER 10001\nFROM base\nCMD [\"python\"]\n",
    // Only the final stage ships: a builder running as root is fine.
    "FROM golang:1.22 AS build\nUSER root\nRUN go build\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n",
    // Base images that set a non-root user themselves.
    "FROM gcr.io/distroless/base-debian12:debug-nonroot\n",
    "FROM docker:27-dind-rootless\n",
    "FROM nginxinc/nginx-unprivileged:1.27\nCOPY site /usr/share/nginx/html\n",
    "FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled\n",
    // A vendor image may set its own user; a base only known at build time, a Windows image: not judged.
    "FROM ghcr.io/acme/base:1.4\n",
    "ARG BASE\nFROM ${BASE}\n",
    "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n",
    // A user only known at build time.
    "FROM debian:12\nARG RUN_AS\nUSER $RUN_AS\n",
    // Starts as root, then drops privileges in its entrypoint (the official-image pattern).
    "FROM debian:12\nRUN apt-get update && apt-get install -y gosu\nENTRYPOINT [\"docker-entrypoint.sh\"]\n",
    // A FROM scratch stage with no CMD/ENTRYPOINT exports files (`docker build --output`): nothing runs in it.
    "FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build\nRUN dotnet publish -o /app\nFROM scratch\nCOPY --from=build /app .\n",
    "FROM golang:1.22 AS build\nRUN go build -o /out/tool\nFROM scratch AS export\nCOPY --from=build /out /\nFROM export\nLABEL org.opencontainers.image.title=tool\n",
    "FROM scratch\nUSER root\nCOPY dist /\n",
  ],
  invalid: [
    {
      // hadolint DL3002: the last USER is root.
      code: "FROM node:20.11\nUSER node\nRUN npm ci\nUSER root\nCMD [\"node\"]\n",
      errors: [{ messageId: "rootUser", line: 4, column: 6, endColumn: 10, data: { user: "root" } }],
    },
    {
      // A scratch image that runs something (its own, or inherited from the stage it is built on) still runs as root.
      code: "FROM scratch AS base\nCOPY app /app\nCMD [\"/app\"]\nFROM base\nCOPY conf /etc/app/\n",
      errors: [{ messageId: "noUser", line: 4, column: 1, data: { base: "an image FROM scratch" } }],
    },
    {
      code: "FROM debian:12\nUSER 0:0\n",
      errors: [{ messageId: "rootUser", line: 2, column: 6, endColumn: 9, data: { user: "0:0" } }],
    },
    {
      code: "FROM debian:12\nUSER root:root\n",
      errors: [{ messageId: "rootUser", line: 2, column: 6, endColumn: 15 }],
    },
    {
      // Resolved through an ARG default; reported where the USER is, in the parent stage.
      code: "FROM debian:12 AS base\nARG APP_USER=0\nUSER ${APP_USER}\nFROM base\nCMD [\"run\"]\n",
      errors: [{ messageId: "rootUser", line: 3, column: 6, data: { user: "0" } }],
    },
    {
      // No USER at all on an official image, or FROM scratch.
      code: "FROM golang:1.22 AS build\nUSER nobody\nFROM node:20.11-slim\nCMD [\"node\", \"server.js\"]\n",
      errors: [{ messageId: "noUser", line: 3, column: 1, endColumn: 5, data: { base: "the base image 'node:20.11-slim'" } }],
    },
    {
      code: "FROM scratch\nCOPY app /app\nENTRYPOINT [\"/app\"]\n",
      errors: [{ messageId: "noUser", line: 1, column: 1, data: { base: "an image FROM scratch" } }],
    },
    {
      // An earlier stage the final one is not built on does not count, whatever its USER.
      code: "FROM debian:12\nUSER root\nRUN true\nFROM debian:12-slim\nCOPY app /app\nCMD [\"/app\"]\n",
      errors: [{ messageId: "noUser", line: 4, column: 1 }],
    },
  ],
});

ruleTester("compose").run("no-root-user", rule, {
  valid: [
    "services:\n  app:\n    image: node:20.11\n    user: node\n",
    "services:\n  app:\n    image: node:20.11\n    user: \"1000:0\"\n",
    "services:\n  app:\n    image: node:20.11\n",
    "services:\n  app:\n    image: node:20.11\n    user: ${APP_UID}\n",
  ],
  invalid: [
    {
      code: "services:\n  a:\n    image: node:20.11\n    user: root\n  b:\n    image: node:20.11\n    user: \"0\"\n  c:\n    image: node:20.11\n    user: 0\n  d:\n    image: node:20.11\n    user: ${U:-0:0}\n",
      errors: [
        { messageId: "composeRoot", line: 4, column: 11, endColumn: 15, data: { service: "a", user: "root" } },
        { messageId: "composeRoot", line: 7, column: 11, data: { service: "b", user: "0" } },
        { messageId: "composeRoot", line: 10, column: 11, data: { service: "c", user: "0" } },
        { messageId: "composeRoot", line: 13, column: 11, data: { service: "d", user: "0:0" } },
      ],
    },
  ],
});

describe("isRootUser", () => {
  it.each([
    ["root", true],
    ["0", true],
    ["0:1000", true],
    ["root:root", true],
    ["000", true],
    ["ContainerAdministrator", true],
    ["app:root", false],
    ["1000", false],
    ["rooty", false],
  ] as const)("%s", (value, expected) => {
    expect(isRootUser(value)).toBe(expected);
  });
});
