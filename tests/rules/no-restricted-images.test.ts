import { describe, expect, it } from "vitest";
import rule, { normalizedRepositoryPattern } from "../../rules/no-restricted-images.js";
import { dedent } from "../support/dedent.js";
import { ruleTester } from "../support/rule-tester.js";

const evil = [{ images: [{ registry: "evil.io", message: "evil.io is not scanned." }] }];
const wildcardEvil = [{ images: [{ registry: "*.evil.io" }] }];
const latest = [{ images: [{ tag: "latest", message: "Pin a version." }] }];
const bitnami = [{ images: [{ repository: "bitnami/*" }] }];
const node = [{ images: [{ repository: "node", tag: "*alpine*", message: "Use the Debian variants." }] }];
const badDigest = [{ images: [{ digest: "sha256:0000*" }] }];

ruleTester("dockerfile").run("no-restricted-images", rule, {
  valid: [
    // No entry: nothing to enforce.
    "FROM evil.io/app:1\n",
    // Look-alike hosts: a host is compared whole, never as a prefix or a substring.
    { code: "FROM evil.io.example.com/app:1\nFROM notevil.io/app:1\nFROM registry.example.com/evil.io/app:1\n", options: evil },
    { code: "FROM evil.io.example.com/app:1\nFROM evil.iox/app:1\n", options: wildcardEvil },
    // The tag is pinned, or a digest pins the image.
    { code: "FROM node:20.11\nFROM node@sha256:aaaa\nFROM scratch\n", options: latest },
    // Stages are not images.
    { code: "FROM alpine:3.20 AS base\nFROM base\n", options: latest },
    // Unknown until build time: an ARG without default decides the reference.
    { code: "ARG BASE\nFROM ${BASE}\n", options: latest },
    { code: "ARG REGISTRY\nFROM ${REGISTRY}/app:1\n", options: evil },
    // `bitnami/*` is Docker Hub's bitnami namespace, not a quay.io repository of that name.
    { code: "FROM quay.io/bitnami/redis:7\nFROM bitnamilegacy/redis:7\n", options: bitnami },
    // Repository `node` is Docker Hub's official image only.
    { code: "FROM node:20-bookworm\nFROM ghcr.io/acme/node:20-alpine\nFROM cimg/node:20-alpine\n", options: node },
    { code: "FROM alpine@sha256:1234abcd\n", options: badDigest },
  ],
  invalid: [
    {
      code: dedent`
        FROM evil.io/app:1
        FROM evil.io:443/app:1
        FROM EVIL.io/app:1
      `,
      options: evil,
      errors: [
        { messageId: "restrictedWithMessage", line: 1, column: 6, endColumn: 19, data: { image: "evil.io/app:1", pattern: 'registry "evil.io"', message: "evil.io is not scanned." } },
        { messageId: "restrictedWithMessage", line: 2, column: 6 },
        { messageId: "restrictedWithMessage", line: 3, column: 6 },
      ],
    },
    {
      // A subdomain that names the trusted registry is still evil.io's.
      code: "FROM registry.example.com.evil.io/base:1\nFROM evil.io/registry.example.com/x:1\n",
      options: wildcardEvil,
      errors: [
        { messageId: "restricted", line: 1, column: 6, data: { image: "registry.example.com.evil.io/base:1", pattern: 'registry "*.evil.io"' } },
      ],
    },
    {
      code: "FROM evil.io/registry.example.com/x:1\n",
      options: evil,
      errors: [{ messageId: "restrictedWithMessage", line: 1, column: 6 }],
    },
    {
      // Docker's default tag is latest; ARG defaults are expanded.
      code: dedent`
        ARG TAG=latest
        FROM node
        FROM docker.io/library/python:latest
        FROM alpine:\${TAG}
        COPY --from=busybox:latest /bin/busybox /bin/
        RUN --mount=type=bind,from=debian:latest,target=/d true
      `,
      options: latest,
      errors: [
        { messageId: "restrictedWithMessage", line: 2, column: 6, endColumn: 10, data: { image: "node", pattern: 'tag "latest"', message: "Pin a version." } },
        { messageId: "restrictedWithMessage", line: 3, column: 6 },
        { messageId: "restrictedWithMessage", line: 4, column: 6, data: { image: "alpine:latest", pattern: 'tag "latest"', message: "Pin a version." } },
        { messageId: "restrictedWithMessage", line: 5, column: 13 },
        { messageId: "restrictedWithMessage", line: 6, column: 28 },
      ],
    },
    {
      code: "FROM bitnami/redis:7.2\nFROM docker.io/bitnami/postgresql:16\nFROM index.docker.io/bitnami/kafka\n",
      options: bitnami,
      errors: [
        { messageId: "restricted", line: 1, column: 6, data: { image: "bitnami/redis:7.2", pattern: 'repository "bitnami/*"' } },
        { messageId: "restricted", line: 2, column: 6 },
        { messageId: "restricted", line: 3, column: 6 },
      ],
    },
    {
      // Every part of an entry must match: official node on an Alpine tag.
      code: "FROM node:20-alpine\nFROM library/node:alpine3.20\nFROM node:20\n",
      options: node,
      errors: [
        { messageId: "restrictedWithMessage", line: 1, column: 6, data: { image: "node:20-alpine", pattern: 'repository "node", tag "*alpine*"', message: "Use the Debian variants." } },
        { messageId: "restrictedWithMessage", line: 2, column: 6 },
      ],
    },
    {
      code: "FROM alpine:3.20@sha256:0000ffff\n",
      options: badDigest,
      errors: [{ messageId: "restricted", line: 1, column: 6 }],
    },
    {
      // The first matching entry is the one reported.
      code: "FROM evil.io/app\n",
      options: [{ images: [{ registry: "evil.io", message: "first" }, { tag: "latest", message: "second" }] }],
      errors: [{ messageId: "restrictedWithMessage", data: { image: "evil.io/app", pattern: 'registry "evil.io"', message: "first" } }],
    },
  ],
});

ruleTester("compose").run("no-restricted-images", rule, {
  valid: [
    // With build:, image: names what Compose builds, not what it pulls.
    { code: "services:\n  app:\n    build: .\n    image: evil.io/app\n", options: evil },
    // The environment decides: unknown is not judged.
    { code: "services:\n  app:\n    image: ${REGISTRY}/app:1\n", options: evil },
    { code: "services:\n  db:\n    image: postgres:16\n", options: latest },
  ],
  invalid: [
    {
      code: dedent`
        services:
          cache:
            image: bitnami/redis:7.2
          db:
            image: \${DB_IMAGE:-bitnami/postgresql}
      `,
      options: bitnami,
      errors: [
        { messageId: "restricted", line: 3, column: 12, data: { image: "bitnami/redis:7.2", pattern: 'repository "bitnami/*"' } },
        { messageId: "restricted", line: 5, column: 12, data: { image: "bitnami/postgresql", pattern: 'repository "bitnami/*"' } },
      ],
    },
    {
      code: "services:\n  web:\n    image: registry.example.com.evil.io/web\n",
      options: wildcardEvil,
      errors: [{ messageId: "restricted", line: 3, column: 12 }],
    },
  ],
});

describe("normalizedRepositoryPattern", () => {
  it.each([
    ["node", "docker.io/library/node"],
    ["bitnami/*", "docker.io/bitnami/*"],
    ["library/node", "docker.io/library/node"],
    ["index.docker.io/library/node", "docker.io/library/node"],
    ["GHCR.io/Org/*", "ghcr.io/org/*"],
    ["localhost:5000/x", "localhost:5000/x"],
    ["*/telnet", "*/telnet"],
  ] as const)("%s → %s", (pattern, expected) => {
    expect(normalizedRepositoryPattern(pattern)).toBe(expected);
  });
});
