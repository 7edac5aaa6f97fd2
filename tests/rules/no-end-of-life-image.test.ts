import rule from "../../rules/no-end-of-life-image.js";
import { ruleTester } from "../support/rule-tester.js";

const options = [{ date: "2026-11-30" }];
const NODE = "https://github.com/nodejs/Release#release-schedule";
const PYTHON = "https://devguide.python.org/versions/";
const DEBIAN = "https://wiki.debian.org/LTS";

ruleTester("dockerfile").run("no-end-of-life-image", rule, {
  valid: [
    { code: "FROM node:22-slim\nFROM python:3.12-slim-bookworm\nFROM golang:1.25-alpine\nFROM debian:bookworm-slim\nFROM ubuntu:24.04\nFROM alpine:3.22\n", options },
    // A floating major names no ended line; an image the table does not know is not judged.
    { code: "FROM python:3\nFROM bitnami/node:16\nFROM ghcr.io/org/node:16\nFROM node\n", options },
    // Not yet ended on the given day.
    { code: "FROM node:20-alpine\n", options: [{ date: "2026-04-29" }] },
    // Only known at build time.
    { code: "ARG NODE_VERSION\nFROM node:${NODE_VERSION}\n", options },
    // A stage no build runs (nothing reads it and it is not the last) is dead code.
    { code: "FROM node:16 AS legacy\nRUN npm ci\nFROM node:22-slim\nCMD [\"node\", \"app.js\"]\n", options },
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
      code: "FROM node:18 AS build\nRUN npm ci\nFROM nginx:1.30-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\nCOPY --from=postgres:12 /usr/lib/postgresql /usr/lib/postgresql\n",
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
    { code: "services:\n  db:\n    image: postgres:17\n  cache:\n    image: redis:7.4\n", options },
    { code: "services:\n  app:\n    build: .\n    image: node:16\n", options },
  ],
  invalid: [
    {
      code: "services:\n  db:\n    image: postgres:${PG_VERSION:-12}-alpine\n  legacy:\n    image: mysql:5.7\n",
      options,
      errors: [
        { messageId: "endOfLife", line: 3, column: 12, data: { image: "postgres:12-alpine", subject: "PostgreSQL 12", date: "2024-11-21", source: "https://www.postgresql.org/support/versioning/" } },
        { messageId: "endOfLife", line: 5, column: 12, data: { image: "mysql:5.7", subject: "MySQL 5.7", date: "2023-10-31", source: "https://www.oracle.com/us/support/library/lifetime-support-technology-069183.pdf" } },
      ],
    },
  ],
});
