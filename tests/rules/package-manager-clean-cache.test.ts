import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../lib/index.js";
import { PACKAGE_MANAGER_SPECS } from "../../lib/shell/package-managers/classify.js";
import type { PackageManagerSpec } from "../../lib/shell/package-managers/types.js";
import rule from "../../rules/package-manager-clean-cache.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("package-manager-clean-cache", rule, {
  valid: [
    // A base image only known at build time may set PIP_NO_CACHE_DIR (or a stage built on it): unknown, silent.
    dedent`
      ARG BASE
      FROM \${BASE}
      RUN pip install requests==2.32.3
    `,
    dedent`
      ARG BASE
      FROM \${BASE} AS base
      FROM base
      RUN pip install requests==2.32.3
    `,
    "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n",
    // Across continuation lines and a comment line, as Docker joins them.
    dedent`
      FROM debian:12
      RUN apt-get update \\
        # tools
        && apt-get install -y curl \\
        && rm -rf /var/lib/apt/lists/*
    `,
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
    dedent`
      FROM python:3.12-slim
      ARG PIP_NO_CACHE_DIR=1
      RUN pip install numpy
    `,
    // A cache moved elsewhere (--cache-dir, PIP_CACHE_DIR, YARN_CACHE_FOLDER): removed there, or mounted there.
    dedent`
      FROM python:3.12-slim
      ENV PIP_CACHE_DIR=/tmp/pip
      RUN pip install numpy && rm -rf /tmp/pip
    `,
    "FROM python:3.12-slim\nRUN pip install --cache-dir=/tmp/pip numpy; rm -rf /tmp/pip/*\n",
    "FROM node:20.11\nRUN --mount=type=cache,target=/cache YARN_CACHE_FOLDER=/cache/yarn yarn install --frozen-lockfile\n",
    "FROM node:20.11\nRUN yarn install --cache-folder /tmp/yc && rm -rf /tmp/yc\n",
    // Moved somewhere the file does not say: nothing can be known.
    "FROM node:20.11\nRUN yarn install --cache-folder \"$CACHE\"\n",
    dedent`
      FROM python:3.12-slim AS base
      ENV PIP_NO_CACHE_DIR=1
      FROM base
      RUN pip install numpy
    `,
    // A builder stage: only COPY --from reads it, its layers never ship.
    dedent`
      FROM debian:12 AS build
      RUN apt-get update && apt-get install -y gcc
      FROM debian:12-slim
      COPY --from=build /out /out
    `,
    "FROM fedora:40\nRUN dnf install -y gcc && dnf clean all\n",
    "FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n",
    dedent`
      FROM python:3.12-slim
      ENV PIP_NO_CACHE_DIR=1
      RUN pip install -r requirements.txt
    `,
    "FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n",
    "FROM node:20.11\nRUN yarn install --frozen-lockfile && yarn cache clean\n",
    // Each RPM tool's own cleanup (or a mount on its own cachedir); `dnf` may be dnf 4 or dnf5, `yum` also yum 3.
    "FROM fedora:40\nRUN dnf -y upgrade && dnf clean all\n",
    "FROM fedora:41\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf -y upgrade\n",
    "FROM rockylinux:9\nRUN --mount=type=cache,target=/var/cache/dnf dnf -y upgrade-minimal && dnf install -y gcc\n",
    "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y httpd && rm -rf /var/cache/yum\n",
    "FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum\n",
    "FROM opensuse/leap:15.6\nRUN zypper -n update && zypper clean --all\n",
    // apt with docker-clean removed: a cache mount on /var/cache/apt (BuildKit's own example), or `apt-get clean`.
    dedent`
      FROM debian:12
      RUN rm -f /etc/apt/apt.conf.d/docker-clean
      RUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y --no-install-recommends gcc
    `,
    dedent`
      FROM debian:12
      RUN rm -f /etc/apt/apt.conf.d/docker-clean
      RUN apt-get update && apt-get install -y gcc && apt-get clean && rm -rf /var/lib/apt/lists/*
    `,
    dedent`
      FROM debian:12
      RUN rm -f /etc/apt/apt.conf.d/docker-clean
      RUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/* /var/cache/apt/*
    `,
    // docker-clean still in place (removed only in another, unrelated stage).
    dedent`
      FROM debian:12 AS other
      RUN rm -f /etc/apt/apt.conf.d/docker-clean
      FROM debian:12
      RUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*
    `,
    // A cleanup in every branch of an if/else.
    dedent`
      FROM debian:12-slim
      RUN apt-get update \\
       && apt-get install -y --no-install-recommends ca-certificates curl \\
       && if grep -q bookworm /etc/os-release; then rm -rf /var/lib/apt/lists/*; else apt-get dist-clean; fi
    `,
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl; if [ -n \"$KEEP\" ]; then echo keep; rm -rf /var/lib/apt/lists/*; elif true; then { rm -rf /var/lib/apt/lists/*; }; else rm -rf /var/lib/apt/lists/*; fi\n",
    "FROM fedora:40\nRUN dnf install -y gcc && if [ -x /usr/bin/dnf5 ]; then dnf5 clean all; else dnf clean all; fi\n",
    // A cleanup later in the install's own branch runs whenever the install does.
    "FROM maven:3-eclipse-temurin-21\nRUN if [ \"$dist\" = debian ]; then apt-get update -qqy && apt-get dist-upgrade -yq && rm -rf /var/lib/apt/lists/*; elif [ \"$dist\" = fedora ]; then microdnf update -y --nodocs && microdnf clean all; fi\n",
    "FROM rockylinux:9\nRUN for p in gcc make; do dnf install -y \"$p\"; { dnf clean all; }; done\n",
    // PowerShell stages get no shell analysis.
    dedent`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      SHELL ["powershell", "-Command"]
      RUN pip install requests
    `,
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
      errors: [{ messageId: "noCacheFlag", line: 2, column: 6, endLine: 2, endColumn: 22 }],
    },
    {
      code: 'FROM debian:12\nRUN ["/bin/sh", "-c", "apt-get update && apt-get install -y --no-install-recommends curl"]\n',
      output: null,
      errors: [{ messageId: "aptLists", line: 2, column: 24, endLine: 2, endColumn: 38, data: { command: "apt-get update", clean: "rm -rf /var/lib/apt/lists/*" } }],
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
      errors: [{ messageId: "aptLists", line: 2, column: 5, endLine: 2, endColumn: 19, data: { command: "apt-get update", clean: "rm -rf /var/lib/apt/lists/*" } }],
    },
    {
      // Continuations: the cleanup is appended after the last command, on its line.
      code: dedent`
        FROM debian:12
        RUN apt-get update \\
         && apt-get install -y curl
        USER nobody
      `,
      output: dedent`
        FROM debian:12
        RUN apt-get update \\
         && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
        USER nobody
      `,
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
      code: dedent`
        FROM debian:12
        RUN apt-get update && apt-get install -y curl
        RUN apt-get install -y git
      `,
      output: null,
      errors: [{ messageId: "aptLists", line: 2 }],
    },
    {
      // Same when a stage built on this one relies on the lists.
      code: dedent`
        FROM debian:12 AS base
        RUN apt-get update && apt-get install -y curl
        FROM base
        RUN apt-get install -y git
      `,
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
      errors: [{ messageId: "apkIndex", line: 2, column: 5, endColumn: 15, data: { command: "apk update", clean: "rm -rf /var/cache/apk/*", flag: "--no-cache" } }],
    },
    {
      code: "FROM alpine:3.20\nRUN apk add --update curl\n",
      output: "FROM alpine:3.20\nRUN apk add --no-cache --update curl\n",
      errors: [{ messageId: "apkCache", line: 2, column: 5, endColumn: 12, data: { command: "apk add", flag: "--no-cache" } }],
    },
    {
      // apk-tools 2.x fetches a missing index itself: removing the first RUN's index is safe.
      code: dedent`
        FROM alpine:3.20
        RUN apk update
        RUN apk add curl
      `,
      output: dedent`
        FROM alpine:3.20
        RUN apk update && rm -rf /var/cache/apk/*
        RUN apk add --no-cache curl
      `,
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
      errors: [{ messageId: "noCacheFlag", line: 2, column: 53 }],
    },
    {
      // The cache was moved away from the mount.
      code: dedent`
        FROM python:3.12-slim
        ENV PIP_CACHE_DIR=/tmp/pip
        RUN --mount=type=cache,target=/root/.cache/pip pip install numpy
      `,
      output: dedent`
        FROM python:3.12-slim
        ENV PIP_CACHE_DIR=/tmp/pip
        RUN --mount=type=cache,target=/root/.cache/pip pip install --no-cache-dir numpy
      `,
      errors: [{ messageId: "noCacheFlag", line: 3, column: 48 }],
    },
    {
      code: "FROM node:20.11\nRUN yarn install --cache-folder /tmp/yc && rm -rf /usr/local/share/.cache/yarn\n",
      output: null,
      errors: [
        {
          messageId: "cacheLeft",
          line: 2,
          column: 5,
          suggestions: [{ messageId: "appendClean", output: "FROM node:20.11\nRUN yarn install --cache-folder /tmp/yc && rm -rf /usr/local/share/.cache/yarn && yarn cache clean\n" }],
        },
      ],
    },
    {
      // An export inside a subshell does not reach the next command.
      code: "FROM python:3.12-slim\nRUN (export PIP_NO_CACHE_DIR=1); pip install numpy\n",
      output: "FROM python:3.12-slim\nRUN (export PIP_NO_CACHE_DIR=1); pip install --no-cache-dir numpy\n",
      errors: [{ messageId: "noCacheFlag", line: 2, column: 34 }],
    },
    {
      // An export after the command does not count.
      code: "FROM python:3.12-slim\nRUN pip install numpy && export PIP_NO_CACHE_DIR=1\n",
      output: "FROM python:3.12-slim\nRUN pip install --no-cache-dir numpy && export PIP_NO_CACHE_DIR=1\n",
      errors: [{ messageId: "noCacheFlag", line: 2, column: 5 }],
    },
    {
      // Every dnf transaction fills the cachedir, an upgrade as much as an install.
      code: dedent`
        FROM fedora:40
        RUN dnf -y upgrade
        USER 10001
      `,
      output: dedent`
        FROM fedora:40
        RUN dnf -y upgrade && dnf clean all
        USER 10001
      `,
      errors: [{ messageId: "cacheLeft", line: 2, column: 5, data: { command: "dnf -y upgrade", clean: "dnf clean all", what: "its metadata and downloaded packages" } }],
    },
    {
      code: "FROM centos:7\nRUN yum update -y\n",
      output: "FROM centos:7\nRUN yum update -y && yum clean all\n",
      errors: [{ messageId: "cacheLeft", data: { command: "yum update", clean: "yum clean all", what: "its metadata and downloaded packages" } }],
    },
    {
      code: "FROM opensuse/leap:15.6\nRUN zypper -n dup\n",
      output: "FROM opensuse/leap:15.6\nRUN zypper -n dup && zypper clean --all\n",
      errors: [{ messageId: "cacheLeft", data: { command: "zypper -n dup", clean: "zypper clean --all", what: "its metadata and downloaded packages" } }],
    },
    {
      // The lists of `apt-get update` stay after an upgrade too.
      code: "FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n",
      output: "FROM debian:12\nRUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*\n",
      errors: [{ messageId: "aptLists", column: 5 }],
    },
    {
      // Another tool's cleanup: on EL 9 dnf's cachedir is /var/cache/dnf; /var/cache/yum is yum 3's and microdnf's.
      code: "FROM rockylinux:9\nRUN dnf install -y httpd-2.4.62 && rm -rf /var/cache/yum\n",
      output: "FROM rockylinux:9\nRUN dnf install -y httpd-2.4.62 && rm -rf /var/cache/yum && dnf clean all\n",
      errors: [{ messageId: "cacheLeft", line: 2, data: { command: "dnf install", clean: "dnf clean all", what: "its metadata and downloaded packages" } }],
    },
    {
      code: "FROM rockylinux:9\nRUN dnf install -y httpd && microdnf clean all\n",
      output: "FROM rockylinux:9\nRUN dnf install -y httpd && microdnf clean all && dnf clean all\n",
      errors: [{ messageId: "cacheLeft" }],
    },
    {
      code: "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y httpd && rm -rf /var/cache/dnf\n",
      output: "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y httpd && rm -rf /var/cache/dnf && microdnf clean all\n",
      errors: [{ messageId: "cacheLeft", data: { command: "microdnf install", clean: "microdnf clean all", what: "its metadata and downloaded packages" } }],
    },
    {
      code: "FROM fedora:41\nRUN dnf5 install -y gcc && rm -rf /var/cache/dnf\n",
      output: "FROM fedora:41\nRUN dnf5 install -y gcc && rm -rf /var/cache/dnf && dnf5 clean all\n",
      errors: [{ messageId: "cacheLeft" }],
    },
    {
      // docker-clean removed and only /var/lib/apt mounted: the .deb files and pkgcache.bin stay in /var/cache/apt.
      code: dedent`
        FROM debian:12
        RUN rm -f /etc/apt/apt.conf.d/docker-clean
        RUN --mount=type=cache,target=/var/lib/apt \\
            apt-get update && apt-get install -y --no-install-recommends python3
      `,
      output: dedent`
        FROM debian:12
        RUN rm -f /etc/apt/apt.conf.d/docker-clean
        RUN --mount=type=cache,target=/var/lib/apt \\
            apt-get update && apt-get install -y --no-install-recommends python3 && apt-get clean
      `,
      errors: [{ messageId: "aptArchives", line: 4, column: 23, data: { command: "apt-get install", clean: "apt-get clean" } }],
    },
    {
      // Removed earlier in the same RUN, or in the stage this one is built on; `apt` and upgrades too.
      code: dedent`
        FROM ubuntu:24.04 AS base
        RUN rm -rf /etc/apt/apt.conf.d/docker-clean && apt update && apt install -y gcc && rm -rf /var/lib/apt/lists/*
        FROM base
        RUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*
      `,
      output: dedent`
        FROM ubuntu:24.04 AS base
        RUN rm -rf /etc/apt/apt.conf.d/docker-clean && apt update && apt install -y gcc && rm -rf /var/lib/apt/lists/* && apt-get clean
        FROM base
        RUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/* && apt-get clean
      `,
      errors: [
        { messageId: "aptArchives", line: 2, data: { command: "apt install", clean: "apt-get clean" } },
        { messageId: "aptArchives", line: 4, data: { command: "apt-get upgrade", clean: "apt-get clean" } },
      ],
    },
    {
      // In a branch without a cleanup after it, or a cleanup only on failure (`||`).
      code: "FROM rockylinux:9\nRUN if [ -n \"$X\" ]; then dnf install -y gcc; fi; if [ -n \"$Y\" ]; then dnf clean all; fi\n",
      output: null,
      errors: [{ messageId: "cacheLeft" }],
    },
    {
      code: "FROM rockylinux:9\nRUN dnf install -y gcc || dnf clean all\n",
      output: "FROM rockylinux:9\nRUN dnf install -y gcc || dnf clean all && dnf clean all\n",
      errors: [{ messageId: "cacheLeft" }],
    },
    {
      // A cleanup in only some branches (an `if` without `else`, one branch of two) may not run.
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl && if [ -z \"$KEEP\" ]; then rm -rf /var/lib/apt/lists/*; fi\n",
      output: null,
      errors: [{ messageId: "aptLists" }],
    },
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl; if [ -z \"$KEEP\" ]; then rm -rf /var/lib/apt/lists/*; else echo kept; fi\n",
      output: null,
      errors: [{ messageId: "aptLists" }],
    },
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl; false || if true; then rm -rf /var/lib/apt/lists/*; else rm -rf /var/lib/apt/lists/*; fi\n",
      output: null,
      errors: [{ messageId: "aptLists" }],
    },
    {
      code: "FROM photon:5.0\nRUN tdnf install -y curl\n",
      output: "FROM photon:5.0\nRUN tdnf install -y curl && tdnf clean all\n",
      errors: [{ messageId: "cacheLeft", line: 2, data: { command: "tdnf install", clean: "tdnf clean all", what: "its metadata and downloaded packages" } }],
    },
    {
      code: "FROM rockylinux:9\nRUN dnf install -y gcc make\n",
      output: "FROM rockylinux:9\nRUN dnf install -y gcc make && dnf clean all\n",
      errors: [{ messageId: "cacheLeft", line: 2, data: { command: "dnf install", clean: "dnf clean all", what: "its metadata and downloaded packages" } }],
    },
    {
      code: "FROM opensuse/leap:15.6\nRUN zypper -n install curl\n",
      output: "FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean --all\n",
      errors: [{ messageId: "cacheLeft", line: 2 }],
    },
    {
      code: dedent`
        FROM python:3.12-slim
        RUN pip install -r requirements.txt
        RUN python3 -m pip install --upgrade pip
      `,
      output: dedent`
        FROM python:3.12-slim
        RUN pip install --no-cache-dir -r requirements.txt
        RUN python3 -m pip install --no-cache-dir --upgrade pip
      `,
      errors: [
        { messageId: "noCacheFlag", line: 2, column: 5, endColumn: 16 },
        { messageId: "noCacheFlag", line: 3, column: 5, data: { command: "python3 -m pip install", flag: "--no-cache-dir", what: "pip's download cache (~/.cache/pip)" } },
      ],
    },
    {
      // Yarn: a suggestion, not a fix.
      code: "FROM node:20.11\nRUN yarn install --frozen-lockfile\n",
      output: null,
      errors: [
        {
          messageId: "cacheLeft",
          line: 2,
          suggestions: [{ messageId: "appendClean", output: "FROM node:20.11\nRUN yarn install --frozen-lockfile && yarn cache clean\n" }],
        },
      ],
    },
    {
      // A heredoc script is a script like any other.
      code: dedent`
        FROM debian:12
        RUN <<EOF
        apt-get update
        apt-get install -y curl
        EOF
      `,
      output: dedent`
        FROM debian:12
        RUN <<EOF
        apt-get update
        apt-get install -y curl && rm -rf /var/lib/apt/lists/*
        EOF
      `,
      errors: [{ messageId: "aptLists", line: 3, column: 1 }],
    },
    {
      // CRLF line ends: the cleanup goes before the `\r` (after it, the shell would run a command named `curl\r`).
      code: "FROM fedora:40\r\nRUN <<EOF\r\nmicrodnf install -y curl\r\nEOF\r\n",
      output: "FROM fedora:40\r\nRUN <<EOF\r\nmicrodnf install -y curl && microdnf clean all\r\nEOF\r\n",
      errors: [{ messageId: "cacheLeft", line: 3, column: 1, endLine: 3 }],
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

describe("what the rule knows of each manager is its package-manager table entry", () => {
  it("every manager it reports has a remedy for every cache area it fills: a no-cache flag, or a command that empties it", () => {
    for (const spec of Object.values(PACKAGE_MANAGER_SPECS)) {
      const areas = [...spec.cacheAreas, ...Object.values(spec.commandCacheAreas ?? {}).flat()];
      for (const area of Object.keys(spec.clean)) expect(areas, `${spec.id} cleans ${area}`).toContain(area);
      if (!spec.cacheReport) continue;
      for (const area of areas) expect(spec.noCache?.fixFlag ?? spec.clean[area], `${spec.id}: ${area}`).toBeTruthy();
    }
  });

  it("a manager is reported once its entry says what it leaves: no code of the rule names it", () => {
    const npm = PACKAGE_MANAGER_SPECS.npm as { -readonly [K in keyof PackageManagerSpec]: PackageManagerSpec[K] };
    const lint = (code: string) => {
      const linter = new Linter({ configType: "flat" });
      const config = [...plugin.configs.base, { files: ["**/Dockerfile"], rules: { "docker/package-manager-clean-cache": "error" as const } }];
      return { messages: linter.verify(code, config, { filename: "Dockerfile" }), fixed: linter.verifyAndFix(code, config, { filename: "Dockerfile" }).output };
    };
    const code = "FROM node:22\nRUN npm install -g pnpm@9.15.0\n";
    expect(lint(code).messages).toEqual([]);
    npm.cacheReport = { actions: ["install"], what: "npm's cache (~/.npm)" };
    try {
      const { messages, fixed } = lint(code);
      expect(messages.map((message) => message.message)).toEqual([
        "`npm install` leaves npm's cache (~/.npm) in this layer. End the RUN with `npm cache clean --force`, or use a cache mount.",
      ]);
      expect(fixed).toBe("FROM node:22\nRUN npm install -g pnpm@9.15.0 && npm cache clean --force\n");
    } finally {
      delete npm.cacheReport;
    }
  });
});
