import { describe, expect, it } from "vitest";
import rule from "../../rules/valid-label.js";
import { labelKeyProblem, matchesLabelFormat } from "../../lib/semantics/instructions/label-formats.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";
import path from "node:path";
import { fixtureTrees } from "../support/fixture-trees.js";

const schema = {
  "org.opencontainers.image.source": "url",
  "org.opencontainers.image.version": "semver",
  "org.opencontainers.image.created": "rfc3339",
  "org.opencontainers.image.licenses": "spdx",
  "org.opencontainers.image.authors": "email",
  "org.opencontainers.image.revision": "hash",
  "org.opencontainers.image.title": "text",
};

const complete = [
  "FROM alpine:3.20",
  'LABEL org.opencontainers.image.source="https://github.com/acme/app" \\',
  "      org.opencontainers.image.version=1.4.0-rc.1+build.5 \\",
  "      org.opencontainers.image.created=2024-02-29T12:00:00Z \\",
  '      org.opencontainers.image.licenses="Apache-2.0 OR (MIT AND BSD-3-Clause)" \\',
  '      org.opencontainers.image.authors="Ops <ops@example.com>" \\',
  "      org.opencontainers.image.revision=3f786850e387550fdab836ed7e6dc881de23001b \\",
  "      org.opencontainers.image.title=app",
  "",
].join("\n");

ruleTester("dockerfile").run("valid-label", rule, {
  valid: [
    'FROM nginx:1.27\nLABEL maintainer="NGINX Docker Maintainers <docker-maint@nginx.com>"\n',
    "FROM alpine:3.20\nLABEL org.opencontainers.image.source=https://x.example com.example.vendor-name=acme\n",
    // Quoted keys and keys from variables are read as Docker reads them; unknown ones are skipped.
    dedent`
      FROM alpine:3.20
      LABEL "com.example.release"="1"
      ARG NS=com.example
      LABEL \${NS}.tier=web
      LABEL \${UNSET}=x
    `,
    { code: complete, options: [{ schema }] },
    // Required labels inherited from the stage the final one is built on.
    { code: dedent`
      FROM alpine:3.20 AS base
      LABEL org.opencontainers.image.title=app
      FROM base
      RUN true
    `, options: [{ schema: { "org.opencontainers.image.title": "text" } }] },
    // Values from ARGs are resolved; unknown ones are not judged.
    { code: dedent`
      FROM alpine:3.20
      ARG VERSION=2.0.1
      LABEL org.opencontainers.image.version=$VERSION
      ARG REV
      LABEL org.opencontainers.image.revision=$REV
    `, options: [{ schema: { "org.opencontainers.image.version": "semver", "org.opencontainers.image.revision": "hash" } }] },
    // A label only in a builder stage does not need the schema's keys there: the final stage has them.
    { code: dedent`
      FROM alpine:3.20 AS build
      RUN make
      FROM alpine:3.20
      LABEL org.opencontainers.image.title=app
    `, options: [{ schema: { "org.opencontainers.image.title": "text" } }] },
  ],
  invalid: [
    {
      // DL3048: invalid keys.
      code: 'FROM alpine:3.20\nLABEL MAINTAINER="a@b.c" com.docker.thing=1 Com.Example=1 example-=1 a..b=1 my_key=1\n',
      errors: [
        { messageId: "invalidKey", line: 2, column: 7, endColumn: 17, data: { key: "MAINTAINER", problem: "a key is written in lower case" } },
        { messageId: "invalidKey", line: 2, column: 26, data: { key: "com.docker.thing", problem: "the com.docker.* namespace is reserved for Docker" } },
        { messageId: "invalidKey", line: 2, column: 45 },
        { messageId: "invalidKey", line: 2, column: 59 },
        { messageId: "invalidKey", line: 2, column: 70 },
        { messageId: "invalidKey", line: 2, column: 77, data: { key: "my_key", problem: "a key holds only lower-case letters, digits, '.' and '-'" } },
      ],
    },
    {
      // DL3049: missing required labels, reported on the final stage's FROM.
      code: dedent`
        FROM alpine:3.20 AS build
        LABEL org.opencontainers.image.title=app
        FROM alpine:3.20
        RUN true
      `,
      options: [{ schema: { "org.opencontainers.image.title": "text" } }],
      errors: [{ messageId: "missing", line: 3, column: 1, endColumn: 5, data: { key: "org.opencontainers.image.title" } }],
    },
    {
      // DL3050 (strictLabels), DL3051 (empty).
      code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title="" extra=1\n',
      options: [{ schema: { "org.opencontainers.image.title": "text" }, strictLabels: true }],
      errors: [
        { messageId: "empty", line: 2, column: 7, data: { key: "org.opencontainers.image.title", format: "a non-empty text" } },
        { messageId: "superfluous", line: 2, column: 41, data: { key: "extra" } },
      ],
    },
    {
      // DL3052-DL3056, DL3058: formats.
      code: [
        "FROM alpine:3.20",
        "LABEL org.opencontainers.image.source=github.com/acme/app",
        "LABEL org.opencontainers.image.version=v1.2",
        "LABEL org.opencontainers.image.created=2024-02-30T12:00:00Z",
        'LABEL org.opencontainers.image.licenses="Apache 2.0"',
        "LABEL org.opencontainers.image.authors=ops-at-example",
        "LABEL org.opencontainers.image.revision=HEAD",
        "LABEL org.opencontainers.image.title=app",
        "",
      ].join("\n"),
      options: [{ schema }],
      errors: [
        { messageId: "badFormat", line: 2, column: 39, data: { key: "org.opencontainers.image.source", value: "github.com/acme/app", format: "a URL" } },
        { messageId: "badFormat", line: 3, column: 40 },
        { messageId: "badFormat", line: 4, column: 40 },
        { messageId: "badFormat", line: 5, column: 41, data: { key: "org.opencontainers.image.licenses", value: "Apache 2.0", format: "an SPDX license expression" } },
        { messageId: "badFormat", line: 6, column: 40 },
        { messageId: "badFormat", line: 7, column: 41 },
      ],
    },
  ],
});

describe("label formats", () => {
  it("keys", () => {
    expect(labelKeyProblem("org.opencontainers.image.source")).toBe(null);
    expect(labelKeyProblem("maintainer")).toBe(null);
    expect(labelKeyProblem("io.docker.x")).toMatch(/reserved/u);
    expect(labelKeyProblem("a-.b")).toMatch(/consecutive/u);
    expect(labelKeyProblem("1abc")).toMatch(/begins/u);
  });

  it("values", () => {
    expect(matchesLabelFormat("1.0.0-alpha.1", "semver")).toBe(true);
    expect(matchesLabelFormat("01.0.0", "semver")).toBe(false);
    expect(matchesLabelFormat("2024-12-31T23:59:60+01:00", "rfc3339")).toBe(true);
    expect(matchesLabelFormat("2024-13-01T00:00:00Z", "rfc3339")).toBe(false);
    expect(matchesLabelFormat("2024-01-01", "rfc3339")).toBe(false);
    expect(matchesLabelFormat("GPL-2.0-only WITH Classpath-exception-2.0", "spdx")).toBe(true);
    expect(matchesLabelFormat("MIT AND", "spdx")).toBe(false);
    expect(matchesLabelFormat("(MIT", "spdx")).toBe(false);
    expect(matchesLabelFormat("ops@example.com", "email")).toBe(true);
    expect(matchesLabelFormat("Jane Doe <jane@example.com>", "email")).toBe(true);
    expect(matchesLabelFormat("jane@", "email")).toBe(false);
    expect(matchesLabelFormat("abc1234", "hash")).toBe(true);
    expect(matchesLabelFormat("ABC1234", "hash")).toBe(false);
    expect(matchesLabelFormat("https://example.com/x", "url")).toBe(true);
    expect(matchesLabelFormat("   ", "text")).toBe(false);
  });
});

// Required labels on every image the builds ship, and compose `build.labels` (cross-file).
const { tree: labelTree } = fixtureTrees("valid-label", { repository: true });
const source = { schema: { "org.opencontainers.image.source": "url" } };
const TWO_TARGETS = dedent`
  FROM alpine:3.20 AS base
  LABEL org.opencontainers.image.source=https://example.com/app
  FROM base AS api
  RUN true
  FROM alpine:3.20 AS worker
  RUN true
  FROM alpine:3.20 AS test
  RUN true
`;
const twoServices = labelTree({
  Dockerfile: TWO_TARGETS,
  "compose.yaml": "services:\n  api:\n    build: { context: ., target: api }\n  worker:\n    build: { context: ., target: worker }\n",
});
const labelled = labelTree({
  Dockerfile: TWO_TARGETS,
  "compose.yaml": dedent`
    services:
      api:
        build: { context: ., target: api }
      worker:
        build:
          context: .
          target: worker
          labels:
            org.opencontainers.image.source: https://example.com/app
  `,
});
const labelledList = labelTree({
  Dockerfile: "FROM alpine:3.20\nRUN true\n",
  "compose.yaml": "services:\n  app:\n    build:\n      context: .\n      labels:\n        - org.opencontainers.image.source=https://example.com/app\n",
});
const overrideAdds = labelTree({
  Dockerfile: "FROM alpine:3.20\nRUN true\n",
  "compose.yaml": "services:\n  app:\n    build: .\n",
  "compose.override.yaml": "services:\n  app:\n    build:\n      labels:\n        org.opencontainers.image.source: https://example.com/app\n",
});
const oneOfTwo = labelTree({
  Dockerfile: "FROM alpine:3.20\nRUN true\n",
  "compose.yaml": dedent`
    services:
      app:
        build:
          context: .
          labels: { org.opencontainers.image.source: https://example.com/app }
      debug:
        build: .
  `,
});
const unknownKey = labelTree({
  Dockerfile: "FROM alpine:3.20\nRUN true\n",
  "compose.yaml": "services:\n  app:\n    build:\n      context: .\n      labels:\n        ${LABEL_KEY}: x\n",
});

ruleTester("dockerfile").run("valid-label (every shipped image)", rule, {
  valid: [
    // The worker image gets the label from its compose build.labels; the api image from its base stage.
    { code: TWO_TARGETS, filename: path.join(labelled, "Dockerfile"), options: [source] },
    { code: "FROM alpine:3.20\nRUN true\n", filename: path.join(labelledList, "Dockerfile"), options: [source] },
    // An override file's build.labels merge into the service's build.
    { code: "FROM alpine:3.20\nRUN true\n", filename: path.join(overrideAdds, "Dockerfile"), options: [source] },
    // A label key compose cannot know may be the required one.
    { code: "FROM alpine:3.20\nRUN true\n", filename: path.join(unknownKey, "Dockerfile"), options: [source] },
  ],
  invalid: [
    {
      // Two services ship two images: the worker target lacks the label; the unused test stage is no image.
      code: TWO_TARGETS,
      filename: path.join(twoServices, "Dockerfile"),
      options: [source],
      errors: [{ messageId: "missingInServices", line: 5, column: 1, data: { key: "org.opencontainers.image.source", services: "compose service 'worker'", s: "s" } }],
    },
    {
      // The same stage built by two services: the one without build.labels ships it unlabelled.
      code: "FROM alpine:3.20\nRUN true\n",
      filename: path.join(oneOfTwo, "Dockerfile"),
      options: [source],
      errors: [{ messageId: "missingInServices", line: 1, column: 1, data: { key: "org.opencontainers.image.source", services: "compose service 'debug'", s: "s" } }],
    },
  ],
});
