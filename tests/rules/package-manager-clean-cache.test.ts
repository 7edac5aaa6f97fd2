import rule from "../../rules/package-manager-clean-cache.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("package-manager-clean-cache", rule, {
  valid: [
    "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n",
    // Across continuation lines and a comment line, as Docker joins them.
    "FROM debian:12\nRUN apt-get update \\\n  # tools\n  && apt-get install -y curl \\\n  && rm -rf /var/lib/apt/lists/*\n",
    // A cache mount keeps the lists out of the layer.
    "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl\n",
    // Only an index refresh: no-update-without-install's finding.
    "FROM debian:12\nRUN apt-get update\n",
    // An install without an update in this RUN creates no lists here.
    "FROM debian:12\nRUN apt-get install -y curl\n",
    "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
    "FROM alpine:3.20\nRUN apk add --update curl && rm -rf /var/cache/apk/*\n",
    // No index fetched in this RUN: nothing is stored (docker-library's `--no-network` run-deps pattern).
    "FROM alpine:3.20\nRUN apk add --no-network --virtual .rundeps $runDeps\n",
    // A cache mount on the index folder itself (or an ancestor) keeps it out of the layer.
    "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add -U curl\n",
    "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache apk add curl\n",
    // The environment in effect: exported earlier in the script, on the path that reaches the command.
    "FROM python:3.12-slim\nRUN export PIP_NO_CACHE_DIR=1 && pip install numpy\n",
    "FROM python:3.12-slim\nRUN set -eux; export PIP_NO_CACHE_DIR=1; pip install numpy\n",
    "FROM python:3.12-slim\nRUN export PIP_NO_CACHE_DIR=1 && sh -c 'pip install numpy'\n",
    "FROM python:3.12-slim\nRUN if true; then export PIP_NO_CACHE_DIR=1; fi; pip install numpy\n",
    // Possibly set (the export may not run): not reported.
    "FROM python:3.12-slim\nRUN false || export PIP_NO_CACHE_DIR=1; pip install numpy\n",
    "FROM python:3.12-slim\nRUN env PIP_NO_CACHE_DIR=1 pip install numpy\n",
    // pip reads any value of PIP_NO_CACHE_DIR, `0` and `false` included, as "no cache".
    "FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=0 pip install numpy\n",
    "FROM python:3.12-slim\nARG PIP_NO_CACHE_DIR=1\nRUN pip install numpy\n",
    // A cache moved elsewhere (--cache-dir, PIP_CACHE_DIR, YARN_CACHE_FOLDER): removed there, or mounted there.
    "FROM python:3.12-slim\nENV PIP_CACHE_DIR=/tmp/pip\nRUN pip install numpy && rm -rf /tmp/pip\n",
    "FROM python:3.12-slim\nRUN pip install --cache-dir=/tmp/pip numpy; rm -rf /tmp/pip/*\n",
    "FROM node:20.11\nRUN --mount=type=cache,target=/cache YARN_CACHE_FOLDER=/cache/yarn yarn install --frozen-lockfile\n",
    "FROM node:20.11\nRUN yarn install --cache-folder /tmp/yc && rm -rf /tmp/yc\n",
    // Moved somewhere the file does not say: nothing can be known.
    "FROM node:20.11\nRUN yarn install --cache-folder \"$CACHE\"\n",
    "FROM python:3.12-slim AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install numpy\n",
    // A builder stage: only COPY --from reads it, its layers never ship.
    "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12-slim\nCOPY --from=build /out /out\n",
    "FROM fedora:40\nRUN dnf install -y gcc && dnf clean all\n",
    "FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n",
    "FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt\n",
    "FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n",
    "FROM node:20.11\nRUN yarn install --frozen-lockfile && yarn cache clean\n",
    // PowerShell stages get no shell analysis.
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN pip install requests\n',
    // Exec form: the cleanup inside the `sh -c` script counts like in a shell-form body.
    'FROM debian:12\nRUN ["/bin/sh", "-c", "apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*"]\n',
    'FROM python:3.12-slim\nRUN ["pip", "install", "--no-cache-dir", "requests"]\n',
  ],
  invalid: [
    // Exec form (issue 5 item 6): the command and the `sh -c` script are seen, reported at the JSON
    // string; no fix, since appended shell text would have to be written inside the JSON.
    {
      code: 'FROM python:3.12-slim\nRUN ["pip", "install", "requests"]\n',
      output: null,
      errors: [{ messageId: "pipCache", line: 2, column: 6, endLine: 2, endColumn: 22 }],
    },
    {
      code: 'FROM debian:12\nRUN ["/bin/sh", "-c", "apt-get update && apt-get install -y --no-install-recommends curl"]\n',
      output: null,
      errors: [{ messageId: "aptLists", line: 2, column: 24, endLine: 2, endColumn: 38, data: { command: "apt-get update", clean: "" } }],
    },
    {
      code: 'FROM debian:12\nRUN ["/bin/bash", "-ec", "apt-get update\\napt-get install -y curl"]\n',
      output: null,
      errors: [{ messageId: "aptLists", line: 2, column: 27, endLine: 2, endColumn: 41 }],
    },
    {
      code: 'FROM alpine:3.20\nRUN ["sh", "-c", "apk add --update \\"curl\\""]\n',
      output: null,
      errors: [{ messageId: "apkCache", line: 2, column: 19, endLine: 2, endColumn: 26 }],
    },
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n",
      output: "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n",
      errors: [{ messageId: "aptLists", line: 2, column: 5, endLine: 2, endColumn: 19, data: { command: "apt-get update", clean: "" } }],
    },
    {
      // Continuations: the cleanup is appended after the last command, on its line.
      code: "FROM debian:12\nRUN apt-get update \\\n && apt-get install -y curl\nUSER nobody\n",
      output: "FROM debian:12\nRUN apt-get update \\\n && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nUSER nobody\n",
      errors: [{ messageId: "aptLists", line: 2, column: 5 }],
    },
    {
      // Cleaning before the update does not count; `apt-get clean` keeps the lists.
      code: "FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y curl && apt-get clean\n",
      output: "FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y curl && apt-get clean && rm -rf /var/lib/apt/lists/*\n",
      errors: [{ messageId: "aptLists", line: 2, column: 36 }],
    },
    {
      // A later RUN installs without updating: removing the lists would break it, so no fix.
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apt-get install -y git\n",
      output: null,
      errors: [{ messageId: "aptLists", line: 2 }],
    },
    {
      // Same when a stage built on this one relies on the lists.
      code: "FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nRUN apt-get install -y git\n",
      output: null,
      errors: [{ messageId: "aptLists", line: 2 }],
    },
    {
      // A trailing comment in the body: there is no safe place to append.
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl # tools\n",
      output: null,
      errors: [{ messageId: "aptLists", line: 2 }],
    },
    {
      // The index `apk update` stores stays even though `apk add` then downloads nothing more.
      code: "FROM alpine:3.20\nRUN apk update && apk add curl git\n",
      output: "FROM alpine:3.20\nRUN apk update && apk add curl git && rm -rf /var/cache/apk/*\n",
      errors: [{ messageId: "apkIndex", line: 2, column: 5, endColumn: 15, data: { command: "apk update", clean: "" } }],
    },
    {
      code: "FROM alpine:3.20\nRUN apk add --update curl\n",
      output: "FROM alpine:3.20\nRUN apk add --no-cache --update curl\n",
      errors: [{ messageId: "apkCache", line: 2, column: 5, endColumn: 12, data: { command: "apk add", clean: "" } }],
    },
    {
      // apk-tools 2.x fetches a missing index itself: removing the first RUN's index is safe.
      code: "FROM alpine:3.20\nRUN apk update\nRUN apk add curl\n",
      output: "FROM alpine:3.20\nRUN apk update && rm -rf /var/cache/apk/*\nRUN apk add --no-cache curl\n",
      errors: [
        { messageId: "apkIndex", line: 2, column: 5 },
        { messageId: "apkCache", line: 3, column: 5 },
      ],
    },
    {
      // `apk add` stores the index it fetches in /var/cache/apk (hadolint DL3019).
      code: "FROM alpine:3.20\nRUN apk add curl\n",
      output: "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
      errors: [{ messageId: "apkCache", line: 2, column: 5, endColumn: 12 }],
    },
    {
      code: "FROM alpine:3.20\nRUN set -eux; \\\r\n    apk add --virtual .build-deps gcc; \\\r\n    echo done\n",
      output: "FROM alpine:3.20\nRUN set -eux; \\\r\n    apk add --no-cache --virtual .build-deps gcc; \\\r\n    echo done\n",
      errors: [{ messageId: "apkCache", line: 3, column: 5 }],
    },
    {
      // A cache mount on a sub-folder: the index is written beside it, into the layer.
      code: "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk/x86_64 apk add -U curl\n",
      output: "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk/x86_64 apk add --no-cache -U curl\n",
      errors: [{ messageId: "apkCache", line: 2, column: 53 }],
    },
    {
      code: "FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip/http pip install numpy\n",
      output: "FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip/http pip install --no-cache-dir numpy\n",
      errors: [{ messageId: "pipCache", line: 2, column: 53 }],
    },
    {
      // The cache was moved away from the mount.
      code: "FROM python:3.12-slim\nENV PIP_CACHE_DIR=/tmp/pip\nRUN --mount=type=cache,target=/root/.cache/pip pip install numpy\n",
      output: "FROM python:3.12-slim\nENV PIP_CACHE_DIR=/tmp/pip\nRUN --mount=type=cache,target=/root/.cache/pip pip install --no-cache-dir numpy\n",
      errors: [{ messageId: "pipCache", line: 3, column: 48 }],
    },
    {
      code: "FROM node:20.11\nRUN yarn install --cache-folder /tmp/yc && rm -rf /usr/local/share/.cache/yarn\n",
      output: null,
      errors: [
        {
          messageId: "yarnCache",
          line: 2,
          column: 5,
          suggestions: [{ messageId: "addYarnCacheClean", output: "FROM node:20.11\nRUN yarn install --cache-folder /tmp/yc && rm -rf /usr/local/share/.cache/yarn && yarn cache clean\n" }],
        },
      ],
    },
    {
      // An export inside a subshell does not reach the next command.
      code: "FROM python:3.12-slim\nRUN (export PIP_NO_CACHE_DIR=1); pip install numpy\n",
      output: "FROM python:3.12-slim\nRUN (export PIP_NO_CACHE_DIR=1); pip install --no-cache-dir numpy\n",
      errors: [{ messageId: "pipCache", line: 2, column: 34 }],
    },
    {
      // An export after the command does not count.
      code: "FROM python:3.12-slim\nRUN pip install numpy && export PIP_NO_CACHE_DIR=1\n",
      output: "FROM python:3.12-slim\nRUN pip install --no-cache-dir numpy && export PIP_NO_CACHE_DIR=1\n",
      errors: [{ messageId: "pipCache", line: 2, column: 5 }],
    },
    {
      code: "FROM photon:5.0\nRUN tdnf install -y curl\n",
      output: "FROM photon:5.0\nRUN tdnf install -y curl && tdnf clean all\n",
      errors: [{ messageId: "systemCache", line: 2, data: { command: "tdnf install", clean: "tdnf clean all" } }],
    },
    {
      code: "FROM rockylinux:9\nRUN dnf install -y gcc make\n",
      output: "FROM rockylinux:9\nRUN dnf install -y gcc make && dnf clean all\n",
      errors: [{ messageId: "systemCache", line: 2, data: { command: "dnf install", clean: "dnf clean all" } }],
    },
    {
      code: "FROM opensuse/leap:15.6\nRUN zypper -n install curl\n",
      output: "FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean --all\n",
      errors: [{ messageId: "systemCache", line: 2 }],
    },
    {
      code: "FROM python:3.12-slim\nRUN pip install -r requirements.txt\nRUN python3 -m pip install --upgrade pip\n",
      output: "FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\nRUN python3 -m pip install --no-cache-dir --upgrade pip\n",
      errors: [
        { messageId: "pipCache", line: 2, column: 5, endColumn: 16 },
        { messageId: "pipCache", line: 3, column: 5, data: { command: "python3 -m pip install", clean: "" } },
      ],
    },
    {
      // Yarn: a suggestion, not a fix.
      code: "FROM node:20.11\nRUN yarn install --frozen-lockfile\n",
      output: null,
      errors: [
        {
          messageId: "yarnCache",
          line: 2,
          suggestions: [{ messageId: "addYarnCacheClean", output: "FROM node:20.11\nRUN yarn install --frozen-lockfile && yarn cache clean\n" }],
        },
      ],
    },
    {
      // A heredoc script is a script like any other.
      code: "FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n",
      output: "FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl && rm -rf /var/lib/apt/lists/*\nEOF\n",
      errors: [{ messageId: "aptLists", line: 3, column: 1 }],
    },
    {
      // CRLF line ends: the cleanup goes before the `\r` (after it, the shell would run a command named `curl\r`).
      code: "FROM fedora:40\r\nRUN <<EOF\r\nmicrodnf install -y curl\r\nEOF\r\n",
      output: "FROM fedora:40\r\nRUN <<EOF\r\nmicrodnf install -y curl && microdnf clean all\r\nEOF\r\n",
      errors: [{ messageId: "systemCache", line: 3, column: 1, endLine: 3 }],
    },
    {
      // (`apt-get update\r` on a line of its own would be no update: the shell passes `update\r`.)
      code: "FROM debian:12\r\nRUN <<EOF\r\napt-get update && apt-get install -y curl\r\r\nEOF\r\n",
      output: "FROM debian:12\r\nRUN <<EOF\r\napt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\r\r\nEOF\r\n",
      errors: [{ messageId: "aptLists", line: 3, column: 1 }],
    },
    {
      // A shell-form RUN whose last line ends in CRLF, and one at the end of a file without a final line break.
      code: "FROM debian:12\r\nRUN apt-get update && \\\r\n  apt-get install -y curl\r",
      output: "FROM debian:12\r\nRUN apt-get update && \\\r\n  apt-get install -y curl && rm -rf /var/lib/apt/lists/*\r",
      errors: [{ messageId: "aptLists", line: 2, column: 5 }],
    },
  ],
});
