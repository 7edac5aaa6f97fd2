import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/no-undefined-stage.js";
import { makeTree } from "../support/fix-safety.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

// Named build contexts (compose `build.additional_contexts`) are looked up before images (BuildKit `namedContext`).
const tree = makeTree({
  "map/compose.yaml": dedent`
    services:
      web:
        build:
          context: .
          additional_contexts:
            assets: ./assets
            tools: service:toolbox
      toolbox:
        build: ./tools
  `,
  "list/compose.yaml": dedent`
    services:
      web:
        build:
          context: .
          additional_contexts:
            - assets=./assets
            - base=docker-image://alpine:3.20
            - later=./later
  `,
  // Two builds of one Dockerfile: only one declares `assets`.
  "some/compose.yaml": dedent`
    services:
      a:
        build:
          context: .
          additional_contexts:
            assets: ./assets
      b:
        build: .
  `,
});
afterAll(tree.cleanup);
const dockerfileIn = (folder: string) => path.join(tree.root, folder, "Dockerfile");

ruleTester("dockerfile").run("no-undefined-stage", rule, {
  valid: [
    dedent`
      FROM golang:1.22 AS build
      RUN go build -o /app
      FROM alpine:3.20
      COPY --from=build /app /app
    `,
    // Stage names match case-insensitively, like BuildKit.
    dedent`
      FROM golang:1.22 AS Build
      FROM alpine:3.20
      COPY --from=BUILD /app /app
    `,
    // Indexes count from 0.
    dedent`
      FROM golang:1.22
      FROM alpine:3.20
      COPY --from=0 /app /app
    `,
    // Image references (with `:`, `/` or `@`) are images, not stages.
    dedent`
      FROM alpine:3.20
      COPY --from=nginx:1.25 /etc/nginx/nginx.conf /etc/nginx/
      COPY --from=docker/buildx-bin /buildx /usr/libexec/docker/cli-plugins/docker-buildx
    `,
    "FROM alpine:3.20\nCOPY --from=busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef /bin/busybox /bin/\n",
    // A global ARG holding an image, with and without `${VAR:-default}`.
    dedent`
      ARG TOOLS=ghcr.io/org/tools:1.2
      FROM alpine:3.20
      ARG TOOLS
      COPY --from=$TOOLS /bin/tool /bin/
    `,
    dedent`
      FROM alpine:3.20
      ARG SRC=build
      COPY --from=\${SRC:-build} /app /app
      FROM golang:1.22 AS build
    `,
    "FROM alpine:3.20\nCOPY --from=${TOOLS_IMAGE:-ghcr.io/org/tools:1.2} /bin/tool /bin/\n",
    // Quoted flag values are unquoted as BuildKit does.
    dedent`
      FROM golang:1.22 AS build
      FROM alpine:3.20
      COPY --from="build" /app /app
    `,
    // Only known at build time: not guessed.
    dedent`
      ARG SRC
      FROM alpine:3.20
      COPY --from=$SRC /app /app
    `,
    // A --mount from= an earlier stage; and from a later one (BuildKit resolves --from over the whole file).
    dedent`
      FROM node:20 AS deps
      RUN npm ci
      FROM node:20-slim
      RUN --mount=type=bind,from=deps,source=/node_modules,target=/n cp -r /n .
    `,
    dedent`
      FROM alpine:3.20
      COPY --from=later /x /x
      FROM alpine:3.20 AS later
    `,
    // FROM an unknown name is an image pull (`FROM ubuntu`), not this rule's business.
    "FROM ubuntu\n",
    // A Windows file with the backtick escape and a line continuation.
    dedent`
      # escape=\`
      FROM mcr.microsoft.com/dotnet/sdk:8.0 AS Build
      RUN dotnet publish -c Release -o C:\\out
      FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022
      COPY --from=build \`
        C:\\out C:\\app
    `,
    // `COPY --from`, `RUN --mount from=` and `FROM` naming a context a compose build declares (map and list syntax).
    { filename: dockerfileIn("map"), code: dedent`
      FROM nginx:1.27.0
      COPY --from=assets /logo.png /usr/share/nginx/html/
      RUN --mount=from=tools,target=/t /t/check
    ` },
    { filename: dockerfileIn("list"), code: "FROM alpine:3.20\nCOPY --from=assets /logo.png /srv/\n" },
    { filename: dockerfileIn("list"), code: "FROM base\nCOPY --from=assets / /srv/\n" },
    // A FROM naming a stage defined only later falls through to the named context of that name, not to an image.
    { filename: dockerfileIn("list"), code: "FROM later\nFROM alpine:3.20 AS later\n" },
    // Declared by one build of two: nothing is wrong in that build, so nothing is reported.
    { filename: dockerfileIn("some"), code: "FROM alpine:3.20\nCOPY --from=assets /logo.png /srv/\n" },
    // Reserved names are images, not stages.
    "FROM scratch\nCOPY --from=scratch / /\n",
    // A FROM never sees its own AS name (BuildKit registers it after resolving the base): these pull the image.
    dedent`
      FROM gcc AS gcc
      RUN gcc -o /true true.c
      FROM scratch
      COPY --from=gcc /true /true
    `,
    "FROM node AS Node\nRUN npm ci\n",
    dedent`
      FROM golang:1.22 AS build
      FROM alpine AS alpine
      COPY --from=build /app /app
    `,
    dedent`
      ARG IMG=python
      FROM \${IMG} AS python
      RUN pip wheel .
    `,
  ],
  invalid: [
    {
      // A name no build declares is still a missing stage; an index is never a context name.
      filename: dockerfileIn("map"),
      code: dedent`
        FROM alpine:3.20
        COPY --from=asset /logo.png /srv/
        COPY --from=3 /x /x
      `,
      errors: [
        { messageId: "undefinedStage", line: 2, column: 13, endColumn: 18, data: { name: "asset" } },
        { messageId: "indexOutOfRange", line: 3, column: 13, endColumn: 14, data: { name: "3", count: "1" } },
      ],
    },
    {
      // Without a compose build that declares it, `assets` is a missing stage.
      code: "FROM nginx:1.27.0\nCOPY --from=assets /logo.png /usr/share/nginx/html/\n",
      errors: [{ messageId: "undefinedStage", line: 2, column: 13, endColumn: 19, data: { name: "assets" } }],
    },
    {
      code: dedent`
        FROM golang:1.22 AS build
        FROM alpine:3.20
        COPY --from=builder /app /app
      `,
      errors: [{ messageId: "undefinedStage", line: 3, column: 13, endColumn: 20, data: { name: "builder" } }],
    },
    {
      code: dedent`
        FROM golang:1.22
        FROM alpine:3.20
        COPY --from=2 /app /app
      `,
      errors: [{ messageId: "indexOutOfRange", line: 3, column: 13, endColumn: 14, data: { name: "2", count: "2" } }],
    },
    {
      code: "FROM alpine:3.20\nRUN --mount=type=cache,from=cache-stage,target=/root/.cache true\n",
      errors: [{ messageId: "undefinedStage", line: 2, column: 29, endColumn: 40 }],
    },
    {
      // ADD --from is the same.
      code: "FROM alpine:3.20\nADD --from=assets /a /a\n",
      errors: [{ messageId: "undefinedStage", line: 2, column: 12 }],
    },
    {
      // Resolved through an ARG default.
      code: dedent`
        ARG SRC=biuld
        FROM golang:1.22 AS build
        FROM alpine:3.20
        COPY --from=\${SRC} /app /app
      `,
      errors: [{ messageId: "undefinedStage", line: 4, column: 13, data: { name: "biuld" } }],
    },
    {
      code: dedent`
        # escape=\`
        FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
        FROM mcr.microsoft.com/dotnet/aspnet:8.0
        COPY --from=publish C:\\out C:\\app
      `,
      errors: [{ messageId: "undefinedStage", line: 4, column: 13, endColumn: 20, data: { name: "publish" } }],
    },
    {
      code: dedent`
        FROM base
        RUN true
        FROM alpine:3.20 AS base
      `,
      errors: [{ messageId: "laterStage", line: 1, column: 6, endColumn: 10, data: { name: "base", line: "3" } }],
    },
    {
      // Named after itself and after a later stage: the later one is what the author meant.
      code: dedent`
        FROM base AS base
        RUN true
        FROM alpine:3.20 AS base
      `,
      errors: [{ messageId: "laterStage", line: 1, column: 6, endColumn: 10, data: { name: "base", line: "3" } }],
    },
    {
      code: "FROM tools AS app\nFROM alpine:3.20 AS Tools\n",
      errors: [{ messageId: "laterStage", line: 1, column: 6, data: { name: "tools", line: "2" } }],
    },
  ],
});
