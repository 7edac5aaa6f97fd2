import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/no-undefined-stage.js";
import { makeTree } from "../support/fix-safety.js";
import { ruleTester } from "../support/rule-tester.js";

// Named build contexts (compose `build.additional_contexts`) are looked up before images (BuildKit `namedContext`).
const tree = makeTree({
  "map/compose.yaml": "services:\n  web:\n    build:\n      context: .\n      additional_contexts:\n        assets: ./assets\n        tools: service:toolbox\n  toolbox:\n    build: ./tools\n",
  "list/compose.yaml": "services:\n  web:\n    build:\n      context: .\n      additional_contexts:\n        - assets=./assets\n        - base=docker-image://alpine:3.20\n        - later=./later\n",
  // Two builds of one Dockerfile: only one declares `assets`.
  "some/compose.yaml": "services:\n  a:\n    build:\n      context: .\n      additional_contexts:\n        assets: ./assets\n  b:\n    build: .\n",
});
afterAll(tree.cleanup);
const dockerfileIn = (folder: string) => path.join(tree.root, folder, "Dockerfile");

ruleTester("dockerfile").run("no-undefined-stage", rule, {
  valid: [
    "FROM golang:1.22 AS build\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=build /app /app\n",
    // Stage names match case-insensitively, like BuildKit.
    "FROM golang:1.22 AS Build\nFROM alpine:3.20\nCOPY --from=BUILD /app /app\n",
    // Indexes count from 0.
    "FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /app /app\n",
    // Image references (with `:`, `/` or `@`) are images, not stages.
    "FROM alpine:3.20\nCOPY --from=nginx:1.25 /etc/nginx/nginx.conf /etc/nginx/\nCOPY --from=docker/buildx-bin /buildx /usr/libexec/docker/cli-plugins/docker-buildx\n",
    "FROM alpine:3.20\nCOPY --from=busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef /bin/busybox /bin/\n",
    // A global ARG holding an image, with and without `${VAR:-default}`.
    "ARG TOOLS=ghcr.io/org/tools:1.2\nFROM alpine:3.20\nARG TOOLS\nCOPY --from=$TOOLS /bin/tool /bin/\n",
    "FROM alpine:3.20\nARG SRC=build\nCOPY --from=${SRC:-build} /app /app\nFROM golang:1.22 AS build\n",
    "FROM alpine:3.20\nCOPY --from=${TOOLS_IMAGE:-ghcr.io/org/tools:1.2} /bin/tool /bin/\n",
    // Quoted flag values are unquoted as BuildKit does.
    'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from="build" /app /app\n',
    // Only known at build time: not guessed.
    "ARG SRC\nFROM alpine:3.20\nCOPY --from=$SRC /app /app\n",
    // A --mount from= an earlier stage; and from a later one (BuildKit resolves --from over the whole file).
    "FROM node:20 AS deps\nRUN npm ci\nFROM node:20-slim\nRUN --mount=type=bind,from=deps,source=/node_modules,target=/n cp -r /n .\n",
    "FROM alpine:3.20\nCOPY --from=later /x /x\nFROM alpine:3.20 AS later\n",
    // FROM an unknown name is an image pull (`FROM ubuntu`), not this rule's business.
    "FROM ubuntu\n",
    // A Windows file with the backtick escape and a line continuation.
    "# escape=`\nFROM mcr.microsoft.com/dotnet/sdk:8.0 AS Build\nRUN dotnet publish -c Release -o C:\\out\nFROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\nCOPY --from=build `\n  C:\\out C:\\app\n",
    // `COPY --from`, `RUN --mount from=` and `FROM` naming a context a compose build declares (map and list syntax).
    { filename: dockerfileIn("map"), code: "FROM nginx:1.27.0\nCOPY --from=assets /logo.png /usr/share/nginx/html/\nRUN --mount=from=tools,target=/t /t/check\n" },
    { filename: dockerfileIn("list"), code: "FROM alpine:3.20\nCOPY --from=assets /logo.png /srv/\n" },
    { filename: dockerfileIn("list"), code: "FROM base\nCOPY --from=assets / /srv/\n" },
    // A FROM naming a stage defined only later falls through to the named context of that name, not to an image.
    { filename: dockerfileIn("list"), code: "FROM later\nFROM alpine:3.20 AS later\n" },
    // Declared by one build of two: nothing is wrong in that build, so nothing is reported.
    { filename: dockerfileIn("some"), code: "FROM alpine:3.20\nCOPY --from=assets /logo.png /srv/\n" },
    // Reserved names are images, not stages.
    "FROM scratch\nCOPY --from=scratch / /\n",
    // A FROM never sees its own AS name (BuildKit registers it after resolving the base): these pull the image.
    "FROM gcc AS gcc\nRUN gcc -o /true true.c\nFROM scratch\nCOPY --from=gcc /true /true\n",
    "FROM node AS Node\nRUN npm ci\n",
    "FROM golang:1.22 AS build\nFROM alpine AS alpine\nCOPY --from=build /app /app\n",
    "ARG IMG=python\nFROM ${IMG} AS python\nRUN pip wheel .\n",
  ],
  invalid: [
    {
      // A name no build declares is still a missing stage; an index is never a context name.
      filename: dockerfileIn("map"),
      code: "FROM alpine:3.20\nCOPY --from=asset /logo.png /srv/\nCOPY --from=3 /x /x\n",
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
      code: "FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=builder /app /app\n",
      errors: [{ messageId: "undefinedStage", line: 3, column: 13, endColumn: 20, data: { name: "builder" } }],
    },
    {
      code: "FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=2 /app /app\n",
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
      code: "ARG SRC=biuld\nFROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=${SRC} /app /app\n",
      errors: [{ messageId: "undefinedStage", line: 4, column: 13, data: { name: "biuld" } }],
    },
    {
      code: "# escape=`\nFROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=publish C:\\out C:\\app\n",
      errors: [{ messageId: "undefinedStage", line: 4, column: 13, endColumn: 20, data: { name: "publish" } }],
    },
    {
      code: "FROM base\nRUN true\nFROM alpine:3.20 AS base\n",
      errors: [{ messageId: "laterStage", line: 1, column: 6, endColumn: 10, data: { name: "base", line: "3" } }],
    },
    {
      // Named after itself and after a later stage: the later one is what the author meant.
      code: "FROM base AS base\nRUN true\nFROM alpine:3.20 AS base\n",
      errors: [{ messageId: "laterStage", line: 1, column: 6, endColumn: 10, data: { name: "base", line: "3" } }],
    },
    {
      code: "FROM tools AS app\nFROM alpine:3.20 AS Tools\n",
      errors: [{ messageId: "laterStage", line: 1, column: 6, data: { name: "tools", line: "2" } }],
    },
  ],
});
