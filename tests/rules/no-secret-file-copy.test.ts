import { describe, expect, it } from "vitest";
import rule from "../../rules/no-secret-file-copy.js";
import { secretFileKind } from "../../lib/semantics/secrets/secret-files.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-secret-file-copy", rule, {
  valid: [
    dedent`
      FROM node:20.11
      COPY package.json package-lock.json ./
      COPY .env.example /app/.env.example
    `,
    // Env files with other names, public certificates and keys, Diffie-Hellman parameters.
    dedent`
      FROM alpine:3.20
      COPY library-scripts/meta.env /etc/
      COPY ca.pem /usr/local/share/ca-certificates/ca.crt
      COPY ffdhe4096.pem /etc/dh.pem
      COPY nginx_signing.key /tmp/
      COPY id_rsa.pub /root/.ssh/authorized_keys
    `,
    // From another stage, or downloaded: not a build-context file.
    dedent`
      FROM alpine:3.20 AS keys
      RUN ssh-keygen -f /id_rsa
      FROM alpine:3.20
      COPY --from=keys /id_rsa.pub /k.pub
      ADD https://example.com/Release.key /etc/apt/keyrings/
    `,
    // A builder stage that never ships: only what is copied out of it reaches the image.
    dedent`
      FROM node:20.11 AS deps
      COPY .npmrc package.json ./
      RUN npm ci && rm .npmrc
      FROM node:20.11-slim
      COPY --from=deps /node_modules /app/node_modules
    `,
    // Globs that cannot be told: the .dockerignore's business.
    dedent`
      FROM alpine:3.20
      COPY . /app
      COPY conf/* /etc/app/
    `,
  ],
  invalid: [
    {
      code: "FROM node:20.11\nCOPY .env /app/.env\n",
      errors: [{ messageId: "secretFile", line: 2, column: 6, endColumn: 10, data: { file: ".env", what: "a dotenv file (.env)" } }],
    },
    {
      code: dedent`
        FROM node:20.11
        COPY .npmrc package.json ./
        RUN npm ci && rm .npmrc
      `,
      errors: [{ messageId: "secretFile", line: 2, column: 6, data: { file: ".npmrc", what: "a package registry credentials file" } }],
    },
    {
      code: dedent`
        FROM alpine:3.20
        COPY --chown=git:git id_ed25519 /home/git/.ssh/
        ADD ["certs/server.key", "/etc/tls/"]
        COPY .env.production secrets/*.pem /srv/
      `,
      errors: [
        { messageId: "secretFile", line: 2, column: 22, data: { file: "id_ed25519", what: "an SSH private key" } },
        { messageId: "secretFile", line: 3, column: 6, data: { file: "certs/server.key", what: "a private key or key store" } },
        { messageId: "secretFile", line: 4, column: 6, data: { file: ".env.production", what: "a dotenv file (.env)" } },
        { messageId: "secretFile", line: 4, column: 22, data: { file: "secrets/*.pem", what: "a private key or key store" } },
      ],
    },
    {
      // The file name is resolved from an ARG default.
      code: dedent`
        FROM alpine:3.20
        ARG CREDS=.netrc
        COPY \${CREDS} /root/
      `,
      errors: [{ messageId: "secretFile", line: 3, column: 6, data: { file: ".netrc", what: "a credentials file" } }],
    },
  ],
});

describe("secretFileKind", () => {
  it.each([
    [".env", true],
    ["app/.env.local", true],
    [".env.sample", false],
    ["tls.key", true],
    ["server-cert.pem", false],
    ["keystore.p12", true],
    ["credentials.json", true],
    ["creds.txt", false],
    ["*.key", true],
    ["*", false],
  ] as const)("%s", (path, secret) => {
    expect(secretFileKind(path) !== null).toBe(secret);
  });
});
