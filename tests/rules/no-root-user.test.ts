import { describe, expect, it } from "vitest";
import rule from "../../rules/no-root-user.js";
import { isRootUser } from "../../lib/semantics/users/user.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-root-user", rule, {
  valid: [
    // Toolboxes (a base, toolchain or development image): whoever runs it, or builds FROM it, chooses the user.
    "FROM debian:12\nRUN apt-get update\n",
    "FROM python:3.13-slim\nCMD [\"python3\"]\n",
    "FROM node:22.12 AS dev\nCMD [\"npm\", \"run\", \"dev\"]\n",
    dedent`
      FROM debian:12-slim
      ENTRYPOINT ["docker-entrypoint.sh"]
      CMD ["bash"]
    `,
    dedent`
      FROM node:20.11
      USER node
      CMD ["node", "server.js"]
    `,
    // Root for the install steps, then an unprivileged user (hadolint DL3002 allows it too).
    dedent`
      FROM debian:12
      USER root
      RUN apt-get update
      USER app:app
    `,
    // Group root is not user root (the OpenShift convention).
    "FROM debian:12\nUSER 1001:0\n",
    // Inherited from the stage the final one is built on.
    dedent`
      FROM python:3.12-slim AS base
      USER 10001
      FROM base
      CMD ["python"]
    `,
    // Only the final stage ships: a builder running as root is fine.
    dedent`
      FROM golang:1.22 AS build
      USER root
      RUN go build
      FROM gcr.io/distroless/static-debian12:nonroot
      COPY --from=build /app /app
    `,
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
    dedent`
      FROM debian:12
      ARG RUN_AS
      USER $RUN_AS
    `,
    // Starts as root, then drops privileges in its entrypoint (the official-image pattern).
    dedent`
      FROM debian:12
      RUN apt-get update && apt-get install -y gosu
      ENTRYPOINT ["docker-entrypoint.sh"]
    `,
    // A FROM scratch stage with no CMD/ENTRYPOINT exports files (`docker build --output`): nothing runs in it.
    dedent`
      FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build
      RUN dotnet publish -o /app
      FROM scratch
      COPY --from=build /app .
    `,
    dedent`
      FROM golang:1.22 AS build
      RUN go build -o /out/tool
      FROM scratch AS export
      COPY --from=build /out /
      FROM export
      LABEL org.opencontainers.image.title=tool
    `,
    dedent`
      FROM scratch
      USER root
      COPY dist /
    `,
  ],
  invalid: [
    {
      // hadolint DL3002: the last USER is root.
      code: dedent`
        FROM node:20.11
        USER node
        RUN npm ci
        USER root
        CMD ["node"]
      `,
      errors: [{ messageId: "rootUser", line: 4, column: 6, endColumn: 10, data: { user: "root" } }],
    },
    {
      // A scratch image that runs something (its own, or inherited from the stage it is built on) still runs as root.
      code: dedent`
        FROM scratch AS base
        COPY app /app
        CMD ["/app"]
        FROM base
        COPY conf /etc/app/
      `,
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
      code: dedent`
        FROM debian:12 AS base
        ARG APP_USER=0
        USER \${APP_USER}
        FROM base
        CMD ["run"]
      `,
      errors: [{ messageId: "rootUser", line: 3, column: 6, data: { user: "0" } }],
    },
    {
      // No USER at all on an official image, or FROM scratch.
      code: dedent`
        FROM golang:1.22 AS build
        USER nobody
        FROM node:20.11-slim
        CMD ["node", "server.js"]
      `,
      errors: [{ messageId: "noUser", line: 3, column: 1, endColumn: 5, data: { base: "the base image 'node:20.11-slim'" } }],
    },
    {
      code: dedent`
        FROM scratch
        COPY app /app
        ENTRYPOINT ["/app"]
      `,
      errors: [{ messageId: "noUser", line: 1, column: 1, data: { base: "an image FROM scratch" } }],
    },
    {
      // An earlier stage the final one is not built on does not count, whatever its USER.
      code: dedent`
        FROM debian:12
        USER root
        RUN true
        FROM debian:12-slim
        COPY app /app
        CMD ["/app"]
      `,
      errors: [{ messageId: "noUser", line: 4, column: 1 }],
    },
  ],
});

ruleTester("compose").run("no-root-user", rule, {
  valid: [
    dedent`
      services:
        app:
          image: node:20.11
          user: node
    `,
    dedent`
      services:
        app:
          image: node:20.11
          user: "1000:0"
    `,
    dedent`
      services:
        app:
          image: node:20.11
    `,
    dedent`
      services:
        app:
          image: node:20.11
          user: \${APP_UID}
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          a:
            image: node:20.11
            user: root
          b:
            image: node:20.11
            user: "0"
          c:
            image: node:20.11
            user: 0
          d:
            image: node:20.11
            user: \${U:-0:0}
      `,
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
