import { Linter } from "eslint";
import { afterEach, describe, expect, it, vi } from "vitest";
import plugin from "../../lib/index.js";
import rule from "../../rules/no-end-of-life-image.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

const options = [{ date: "2026-11-30" }];
const NODE = "https://github.com/nodejs/Release#release-schedule";
const PYTHON = "https://devguide.python.org/versions/";
const DEBIAN = "https://wiki.debian.org/LTS";

ruleTester("dockerfile").run("no-end-of-life-image", rule, {
  valid: [
    { code: dedent`
      FROM node:22-slim
      FROM python:3.12-slim-bookworm
      FROM golang:1.25-alpine
      FROM debian:bookworm-slim
      FROM ubuntu:24.04
      FROM alpine:3.22
    `, options },
    // A floating major names no ended line; an image the table does not know is not judged.
    { code: dedent`
      FROM python:3
      FROM bitnami/node:16
      FROM ghcr.io/org/node:16
      FROM node
    `, options },
    // Not yet ended on the given day.
    { code: "FROM node:20-alpine\n", options: [{ date: "2026-04-29" }] },
    // Only known at build time.
    { code: "ARG NODE_VERSION\nFROM node:${NODE_VERSION}\n", options },
    // A stage no build runs (nothing reads it and it is not the last) is dead code.
    { code: dedent`
      FROM node:16 AS legacy
      RUN npm ci
      FROM node:22-slim
      CMD ["node", "app.js"]
    `, options },
    // `3.80` is not on the `3.8` line.
    { code: "FROM python:3.80\n", options },
  ],
  invalid: [
    {
      code: "FROM node:16\n",
      options,
      errors: [{ messageId: "endOfLife", line: 1, column: 11, endColumn: 13, data: { image: "node:16", subject: "Node.js 16", date: "2023-09-11", source: NODE } }],
    },
    {
      // The day itself counts as ended.
      code: "FROM node:20-alpine AS build\nFROM build\n",
      options: [{ date: "2026-04-30" }],
      errors: [{ messageId: "endOfLife", line: 1, column: 11, data: { image: "node:20-alpine", subject: "Node.js 20", date: "2026-04-30", source: NODE } }],
    },
    {
      // ARG defaults are resolved; the whole reference is reported when written with variables.
      code: "ARG PYTHON_VERSION=3.9\nFROM python:${PYTHON_VERSION}-slim\n",
      options,
      errors: [{ messageId: "endOfLife", line: 2, column: 6, endColumn: 35, data: { image: "python:3.9-slim", subject: "Python 3.9", date: "2025-10-31", source: PYTHON } }],
    },
    {
      // The distribution a language image is built on has its own end.
      code: "FROM python:3.12-slim-buster\n",
      options,
      errors: [{ messageId: "endOfLife", line: 1, column: 13, data: { image: "python:3.12-slim-buster", subject: "Debian 10 (buster)", date: "2024-06-30", source: DEBIAN } }],
    },
    // One case per image: only the last stage (and what it reads) runs in a build.
    { code: "FROM debian:buster-slim\n", options, errors: [{ messageId: "endOfLife", line: 1, column: 13 }] },
    { code: "FROM debian:10.13\n", options, errors: [{ messageId: "endOfLife", line: 1, column: 13 }] },
    { code: "FROM ubuntu:focal\n", options, errors: [{ messageId: "endOfLife", line: 1, column: 13 }] },
    { code: "FROM ubuntu:20.04\n", options, errors: [{ messageId: "endOfLife", line: 1, column: 13 }] },
    { code: "FROM alpine:3.17.7\n", options, errors: [{ messageId: "endOfLife", line: 1, column: 13 }] },
    { code: "FROM golang:1.21-alpine3.18\n", options, errors: [{ messageId: "endOfLife", line: 1, column: 13, data: { image: "golang:1.21-alpine3.18", subject: "Go 1.21", date: "2024-08-13", source: "https://go.dev/doc/devel/release#policy" } }] },
    { code: "FROM node:hydrogen-slim\n", options, errors: [{ messageId: "endOfLife", line: 1, column: 11, data: { image: "node:hydrogen-slim", subject: "Node.js 18", date: "2025-04-30", source: NODE } }] },
    { code: "FROM node:22-alpine3.19\n", options, errors: [{ messageId: "endOfLife", line: 1, column: 11, data: { image: "node:22-alpine3.19", subject: "Alpine Linux 3.19", date: "2025-11-01", source: "https://alpinelinux.org/releases/" } }] },
    { code: "FROM ruby:2.7\n", options, errors: [{ messageId: "endOfLife", line: 1, column: 11 }] },
    { code: "FROM php:8.0-apache\n", options, errors: [{ messageId: "endOfLife", line: 1, column: 10 }] },
    {
      // A builder stage read by the final stage runs in every build; COPY --from an image pulls it.
      code: dedent`
        FROM node:18 AS build
        RUN npm ci
        FROM nginx:1.30-alpine
        COPY --from=build /app/dist /usr/share/nginx/html
        COPY --from=postgres:12 /usr/lib/postgresql /usr/lib/postgresql
      `,
      options,
      errors: [
        { messageId: "endOfLife", line: 1, column: 11 },
        { messageId: "endOfLife", line: 5, column: 22, endColumn: 24, data: { image: "postgres:12", subject: "PostgreSQL 12", date: "2024-11-21", source: "https://www.postgresql.org/support/versioning/" } },
      ],
    },
  ],
});

ruleTester("compose").run("no-end-of-life-image", rule, {
  valid: [
    { code: dedent`
      services:
        db:
          image: postgres:17
        cache:
          image: redis:7.4
    `, options },
    { code: dedent`
      services:
        app:
          build: .
          image: node:16
    `, options },
  ],
  invalid: [
    {
      code: dedent`
        services:
          db:
            image: postgres:\${PG_VERSION:-12}-alpine
          legacy:
            image: mysql:5.7
      `,
      options,
      errors: [
        { messageId: "endOfLife", line: 3, column: 12, data: { image: "postgres:12-alpine", subject: "PostgreSQL 12", date: "2024-11-21", source: "https://www.postgresql.org/support/versioning/" } },
        { messageId: "endOfLife", line: 5, column: 12, data: { image: "mysql:5.7", subject: "MySQL 5.7", date: "2023-10-31", source: "https://www.oracle.com/us/support/library/lifetime-support-technology-069183.pdf" } },
      ],
    },
  ],
});

// Issue 17: the table is complete and dated as of 2026-12-06 (the lines that ended in 2026 are there),
// major-only tags resolve to the newest line of a closed major, and .NET and CentOS are known.
const today = [{ date: "2026-12-06" }];

ruleTester("dockerfile").run("no-end-of-life-image (2026 lines, majors, new families)", rule, {
  valid: [
    // Supported on the day: the newest line of a closed major (`mysql:8` is 8.4, `ruby:3` 3.4, `redis:7`
    // 7.4, `mariadb:10` 10.11), and majors still growing (`python:3`, `rust:1`, `node:26`).
    { code: dedent`
      FROM mysql:8
      FROM ruby:3-slim
      FROM redis:7-alpine
      FROM mariadb:10
      FROM python:3
      FROM rust:1-slim-trixie
      FROM node:26-alpine
    `, options: today },
    { code: dedent`
      FROM golang:1.26-alpine
      FROM postgres:15-alpine
      FROM alpine:3.22
      FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled
      FROM quay.io/centos/centos:stream9
      FROM debian:trixie-slim
    `, options: today },
    // A line the table does not list is unknown, not ended; majors without the flag are not resolved.
    { code: dedent`
      FROM elasticsearch:8.11.1
      FROM mongo:7
      FROM rust:1.98-slim
      FROM mcr.microsoft.com/dotnet/framework/runtime:4.8.1
    `, options: today },
    // Not yet ended on an earlier day.
    { code: "FROM node:25.2-alpine\n", options: [{ date: "2026-05-31" }] },
    { code: "FROM mcr.microsoft.com/dotnet/runtime:8.0\n", options: [{ date: "2026-11-09" }] },
  ],
  invalid: [
    { code: "FROM node:25.2-alpine\n", options: today, errors: [{ messageId: "endOfLife", line: 1, column: 11, data: { image: "node:25.2-alpine", subject: "Node.js 25", date: "2026-06-01", source: NODE } }] },
    { code: "FROM ruby:3.2-slim\n", options: today, errors: [{ messageId: "endOfLife", data: { image: "ruby:3.2-slim", subject: "Ruby 3.2", date: "2026-03-31", source: "https://www.ruby-lang.org/en/downloads/branches/" } }] },
    { code: "FROM golang:1.24\n", options: today, errors: [{ messageId: "endOfLife", data: { image: "golang:1.24", subject: "Go 1.24", date: "2026-02-10", source: "https://go.dev/doc/devel/release#policy" } }] },
    { code: "FROM golang:1.25.3-alpine3.22\n", options: today, errors: [{ messageId: "endOfLife", data: { image: "golang:1.25.3-alpine3.22", subject: "Go 1.25", date: "2026-08-19", source: "https://go.dev/doc/devel/release#policy" } }] },
    { code: "FROM python:3.10-slim\n", options: today, errors: [{ messageId: "endOfLife", data: { image: "python:3.10-slim", subject: "Python 3.10", date: "2026-10-31", source: PYTHON } }] },
    { code: "FROM alpine:3.21\n", options: today, errors: [{ messageId: "endOfLife", data: { image: "alpine:3.21", subject: "Alpine Linux 3.21", date: "2026-11-01", source: "https://alpinelinux.org/releases/" } }] },
    // A major-only tag of a closed major is its newest line.
    { code: "FROM php:7-fpm\n", options: today, errors: [{ messageId: "endOfLife", data: { image: "php:7-fpm", subject: "PHP 7 (its last line, 7.4)", date: "2022-11-28", source: "https://www.php.net/supported-versions.php" } }] },
    { code: "FROM ruby:2\n", options: today, errors: [{ messageId: "endOfLife", data: { image: "ruby:2", subject: "Ruby 2 (its last line, 2.7)", date: "2023-03-31", source: "https://www.ruby-lang.org/en/downloads/branches/" } }] },
    { code: "FROM python:2-alpine\n", options: today, errors: [{ messageId: "endOfLife", data: { image: "python:2-alpine", subject: "Python 2 (its last line, 2.7)", date: "2020-01-01", source: PYTHON } }] },
    // CentOS Linux and CentOS Stream, tags with the `centos` word too.
    { code: "FROM centos:7\nRUN yum install -y httpd\n", options: today, errors: [{ messageId: "endOfLife", line: 1, column: 13, data: { image: "centos:7", subject: "CentOS 7", date: "2024-06-30", source: "https://endoflife.date/centos" } }] },
    { code: "FROM centos:centos8.4.2105\n", options: today, errors: [{ messageId: "endOfLife", line: 1, column: 13, data: { image: "centos:centos8.4.2105", subject: "CentOS 8", date: "2021-12-31", source: "https://endoflife.date/centos" } }] },
    { code: "FROM quay.io/centos/centos:stream8\n", options: today, errors: [{ messageId: "endOfLife", line: 1, column: 28, data: { image: "quay.io/centos/centos:stream8", subject: "CentOS Stream 8", date: "2024-05-31", source: "https://endoflife.date/centos-stream" } }] },
    // .NET on mcr.microsoft.com, its former `dotnet/core` paths included; the distribution still counts.
    {
      code: dedent`
        FROM mcr.microsoft.com/dotnet/sdk:7.0 AS build
        RUN dotnet publish -o /app
        FROM mcr.microsoft.com/dotnet/runtime:8.0.11-alpine3.22
        COPY --from=build /app /app
      `,
      options: today,
      errors: [
        { messageId: "endOfLife", line: 1, column: 35, data: { image: "mcr.microsoft.com/dotnet/sdk:7.0", subject: ".NET 7.0", date: "2024-05-14", source: "https://dotnet.microsoft.com/platform/support/policy/dotnet-core" } },
        { messageId: "endOfLife", line: 3, column: 39, data: { image: "mcr.microsoft.com/dotnet/runtime:8.0.11-alpine3.22", subject: ".NET 8.0", date: "2026-11-10", source: "https://dotnet.microsoft.com/platform/support/policy/dotnet-core" } },
      ],
    },
    { code: "FROM mcr.microsoft.com/dotnet/core/aspnet:3.1\n", options: today, errors: [{ messageId: "endOfLife", data: { image: "mcr.microsoft.com/dotnet/core/aspnet:3.1", subject: ".NET 3.1", date: "2022-12-13", source: "https://dotnet.microsoft.com/platform/support/policy/dotnet-core" } }] },
    // A distribution named by a codename alone: `rust:buster` floats over Rust but is Debian 10;
    // buildpack-deps's version is its distribution's.
    { code: "FROM rust:buster\n", options: today, errors: [{ messageId: "endOfLife", data: { image: "rust:buster", subject: "Debian 10 (buster)", date: "2024-06-30", source: DEBIAN } }] },
    { code: "FROM buildpack-deps:bullseye-curl\n", options: today, errors: [{ messageId: "endOfLife", data: { image: "buildpack-deps:bullseye-curl", subject: "Debian 11 (bullseye)", date: "2026-08-31", source: DEBIAN } }] },
    { code: "FROM fedora:41\n", options: today, errors: [{ messageId: "endOfLife", data: { image: "fedora:41", subject: "Fedora 41", date: "2025-12-15", source: "https://docs.fedoraproject.org/en-US/releases/lifecycle/" } }] },
  ],
});

ruleTester("compose").run("no-end-of-life-image (major-only tags)", rule, {
  valid: [{ code: dedent`
    services:
      db:
        image: postgres:17-alpine
      cache:
        image: redis:8.2
  `, options: today }],
  invalid: [
    {
      code: dedent`
        services:
          db:
            image: postgres:9-alpine
          legacy:
            image: mysql:5
          search:
            image: docker.elastic.co/elasticsearch/elasticsearch:7.17.28
      `,
      options: today,
      errors: [
        { messageId: "endOfLife", line: 3, column: 12, data: { image: "postgres:9-alpine", subject: "PostgreSQL 9 (its last line, 9.6)", date: "2021-11-11", source: "https://www.postgresql.org/support/versioning/" } },
        { messageId: "endOfLife", line: 5, column: 12, data: { image: "mysql:5", subject: "MySQL 5 (its last line, 5.7)", date: "2023-10-31", source: "https://www.oracle.com/us/support/library/lifetime-support-technology-069183.pdf" } },
        { messageId: "endOfLife", line: 7, column: 12, data: { image: "docker.elastic.co/elasticsearch/elasticsearch:7.17.28", subject: "Elasticsearch 7", date: "2026-01-15", source: "https://www.elastic.co/support_policy" } },
      ],
    },
  ],
});

describe("without the date option: today's date (UTC), also when the day changes between lints", () => {
  const linter = new Linter({ configType: "flat", cwd: "/project" });
  const config = [{ files: ["**/Dockerfile"], plugins: { docker: plugin }, language: "docker/dockerfile", languageOptions: { suggestDisable: false }, rules: { "docker/no-end-of-life-image": "error" } }];
  const lint = (text: string) => linter.verify(text, config as never, { filename: "/project/Dockerfile" }).map((message) => message.message);

  afterEach(() => {
    vi.useRealTimers();
  });

  it("judges node 20 (end of life 2026-04-30) on the day before, on that day, and back again", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-04-29T23:59:59.999Z"));
    expect(lint("FROM node:20-alpine\n")).toEqual([]);
    vi.setSystemTime(new Date("2026-04-30T00:00:00.000Z"));
    expect(lint("FROM node:20-alpine\n")).toHaveLength(1);
    expect(lint("FROM node:20-alpine\n")[0]).toContain("2026-04-30");
    vi.setSystemTime(new Date("2026-04-29T12:00:00.000Z"));
    expect(lint("FROM node:20-alpine\n")).toEqual([]);
  });
});
