import { describe, expect, it } from "vitest";
import rule from "../../rules/allowed-registries.js";
import { registryAllows, registryNamedBy } from "../../lib/semantics/images/registry-match.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

const options = [{ registries: ["registry.corp.example", "ghcr.io/my-org", "docker.io/library"] }];
const allowed = "registry.corp.example, ghcr.io/my-org, docker.io/library";

ruleTester("dockerfile").run("allowed-registries", rule, {
  valid: [
    // No list: nothing to enforce.
    "FROM quay.io/prometheus/node-exporter:v1.8.0\n",
    { code: dedent`
      FROM node:20
      FROM docker.io/library/python:3.12
      FROM index.docker.io/library/alpine:3.20
    `, options },
    { code: "FROM registry.corp.example/base/jdk:21\nFROM ghcr.io/my-org/app:1\n", options },
    { code: dedent`
      FROM scratch
      FROM alpine:3.20 AS base
      FROM base
    `, options },
    // Unknown until build time.
    { code: "ARG REGISTRY\nFROM ${REGISTRY}/app:1\n", options },
    { code: "FROM app.corp.example:5000/tools:1\n", options: [{ registries: ["*.corp.example"] }] },
  ],
  invalid: [
    {
      code: dedent`
        FROM bitnami/redis:7.2
        FROM ghcr.io/other-org/app:1
        FROM quay.io/org/x:1
      `,
      options,
      errors: [
        { messageId: "notAllowed", line: 1, column: 6, endColumn: 23, data: { image: "bitnami/redis:7.2", registry: "docker.io", allowed } },
        { messageId: "notAllowed", line: 2, column: 6, data: { image: "ghcr.io/other-org/app:1", registry: "ghcr.io", allowed } },
        { messageId: "notAllowed", line: 3, column: 6, data: { image: "quay.io/org/x:1", registry: "quay.io", allowed } },
      ],
    },
    {
      code: dedent`
        ARG REGISTRY=quay.io
        FROM \${REGISTRY}/org/app:1
        COPY --from=gcr.io/distroless/static:nonroot /etc/passwd /etc/passwd
      `,
      options,
      errors: [
        { messageId: "notAllowed", line: 2, column: 6, data: { image: "quay.io/org/app:1", registry: "quay.io", allowed } },
        { messageId: "notAllowed", line: 3, column: 13, data: { image: "gcr.io/distroless/static:nonroot", registry: "gcr.io", allowed } },
      ],
    },
  ],
});

ruleTester("compose").run("allowed-registries", rule, {
  valid: [{ code: dedent`
    services:
      db:
        image: postgres:16
      app:
        build: .
        image: quay.io/x/app
  `, options }],
  invalid: [
    {
      code: dedent`
        services:
          cache:
            image: bitnami/redis:7.2
      `,
      options,
      errors: [{ messageId: "notAllowed", line: 3, column: 12, data: { image: "bitnami/redis:7.2", registry: "docker.io", allowed } }],
    },
  ],
});

describe("registryAllows", () => {
  it.each([
    ["docker.io", "docker.io/library/node", true],
    ["docker.io/library", "docker.io/bitnami/redis", false],
    ["ghcr.io/my-org", "ghcr.io/my-org-evil/app", false],
    ["*.example.com", "a.b.example.com/app", true],
    ["*.example.com", "example.com/app", false],
    ["GHCR.io/", "ghcr.io/org/app", true],
    ["", "docker.io/library/node", false],
  ] as const)("%s allows %s: %s", (entry, name, expected) => {
    expect(registryAllows(entry, name)).toBe(expected);
  });
});

describe("registryNamedBy (the deny-list reading)", () => {
  it.each([
    ["evil.io", "evil.io:443/app", true],
    ["evil.io", "evil.io.example.com/app", false],
    ["evil.io", "registry.example.com/evil.io/app", false],
    ["evil.io:5000", "evil.io:443/app", false],
    ["*.evil.io", "registry.example.com.evil.io/app", true],
    ["ghcr.io/bad-org", "ghcr.io/bad-org/app", true],
    ["ghcr.io/bad-org", "ghcr.io/bad-org-two/app", false],
  ] as const)("%s names the registry of %s: %s", (entry, name, expected) => {
    expect(registryNamedBy(entry, name)).toBe(expected);
  });
});
