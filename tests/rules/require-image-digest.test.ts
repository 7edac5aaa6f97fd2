import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/require-image-digest.js";
import { makeTree } from "../support/fix-safety.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

// Named build contexts are not images the Dockerfile pulls (the compose file says what they are).
const tree = makeTree({
  "ctx/compose.yaml": dedent`
    services:
      app:
        build:
          context: .
          additional_contexts:
            base: docker-image://alpine:3.20
            tools: ../tools
  `,
});
afterAll(tree.cleanup);
const contextDockerfile = path.join(tree.root, "ctx", "Dockerfile");

const DIGEST = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

ruleTester("dockerfile").run("require-image-digest", rule, {
  valid: [
    `FROM node:20.11-slim@${DIGEST}\n`,
    { filename: contextDockerfile, code: `FROM base\nCOPY --from=tools /bin/tool /bin/\nRUN --mount=from=tools,target=/t /t/check\n` },
    `FROM node@${DIGEST} AS build\nFROM build\nFROM scratch\n`,
    // Resolved through an ARG default.
    `ARG BASE=python:3.12@${DIGEST}\nFROM $BASE\n`,
    // Only known at build time: not guessed.
    "ARG BASE\nFROM $BASE\n",
    // Copies from stages are not pulls.
    `FROM golang:1.22@${DIGEST} AS build\nFROM scratch\nCOPY --from=build /app /app\n`,
    "FROM REPLACE-ME\n",
  ],
  invalid: [
    {
      code: "FROM node:20.11-slim AS build\n",
      errors: [{ messageId: "missingDigest", line: 1, column: 6, endColumn: 21, data: { image: "node:20.11-slim" } }],
    },
    {
      // COPY --from and --mount from= an image pull it too.
      code: `FROM alpine:3.20@${DIGEST}\nCOPY --from=nginx:1.25 /etc/nginx /etc/nginx\nRUN --mount=from=ghcr.io/org/tools:1,target=/t true\n`,
      errors: [
        { messageId: "missingDigest", line: 2, column: 13, endColumn: 23, data: { image: "nginx:1.25" } },
        { messageId: "missingDigest", line: 3, column: 18, data: { image: "ghcr.io/org/tools:1" } },
      ],
    },
    {
      code: "ARG TAG=3.12\nFROM python:${TAG}\n",
      errors: [{ messageId: "missingDigest", line: 2, column: 6, data: { image: "python:3.12" } }],
    },
  ],
});

ruleTester("compose").run("require-image-digest", rule, {
  valid: [
    `services:\n  db:\n    image: postgres:16.2@${DIGEST}\n`,
    dedent`
      services:
        app:
          build: .
          image: org/app:1
    `,
    dedent`
      services:
        db:
          image: \${DB_IMAGE}
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          db:
            image: postgres:16.2
      `,
      errors: [{ messageId: "missingDigest", line: 3, column: 12, endColumn: 25, data: { image: "postgres:16.2" } }],
    },
  ],
});
