import { describe, expect, it } from "vitest";
import rule from "../../rules/require-image-tag.js";
import { tagProblem } from "../../lib/semantics/image-tags.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("require-image-tag", rule, {
  valid: [
    "FROM node:20.11-alpine\n",
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
  ],
  invalid: [
    {
      code: "FROM node\n",
      errors: [{ messageId: "missingTag", line: 1, column: 6, endColumn: 10, data: { image: "node", tag: "" } }],
    },
    {
      code: "FROM node:latest AS build\n",
      errors: [{ messageId: "floatingTag", line: 1, column: 11, endColumn: 17, data: { image: "node:latest", tag: "latest" } }],
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
      // Resolved through the global ARG default; reported on the whole reference.
      code: "ARG TAG=latest\nFROM node:${TAG}\n",
      errors: [{ messageId: "floatingTag", line: 2, column: 6, endColumn: 17, data: { image: "node:latest", tag: "latest" } }],
    },
    {
      code: "ARG IMAGE=ubuntu\nFROM ${IMAGE}\n",
      errors: [{ messageId: "missingTag", line: 2, column: 6, data: { image: "ubuntu", tag: "" } }],
    },
    {
      code: "FROM localhost:5000/team/app\n",
      errors: [{ messageId: "missingTag", line: 1, column: 6 }],
    },
    {
      code: "FROM node:20-alpine\nFROM python:alpine\n",
      options: [{ precision: "minor" }],
      errors: [
        { messageId: "impreciseTag", line: 1, column: 11, data: { image: "node:20-alpine", tag: "20-alpine" } },
        { messageId: "impreciseTag", line: 2, column: 13 },
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
        { messageId: "missingTag", line: 3, column: 12, endColumn: 20, data: { image: "postgres", tag: "" } },
        { messageId: "floatingTag", line: 5, column: 12, data: { image: "redis:latest", tag: "latest" } },
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
      code: "services:\n  web:\n    image: nginx:1\n",
      options: [{ precision: "minor" }],
      errors: [{ messageId: "impreciseTag", line: 3, column: 12 }],
    },
  ],
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
  ] as const)("%s with precision %s", (tag, precision, expected) => {
    expect(tagProblem({ tag, digest: null }, precision)?.kind ?? null).toBe(expected);
  });
});
