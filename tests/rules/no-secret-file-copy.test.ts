import { describe, expect, it } from "vitest";
import rule from "../../rules/no-secret-file-copy.js";
import { secretFileKind } from "../../lib/semantics/secrets/secret-files.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("no-secret-file-copy", rule, {
  valid: [
    "FROM node:20.11\nCOPY package.json package-lock.json ./\nCOPY .env.example /app/.env.example\n",
    // Env files with other names, public certificates and keys, Diffie-Hellman parameters.
    "FROM alpine:3.20\nCOPY library-scripts/meta.env /etc/\nCOPY ca.pem /usr/local/share/ca-certificates/ca.crt\nCOPY ffdhe4096.pem /etc/dh.pem\nCOPY nginx_signing.key /tmp/\nCOPY id_rsa.pub /root/.ssh/authorized_keys\n",
    // From another stage, or downloaded: not a build-context file.
    "FROM alpine:3.20 AS keys\nRUN ssh-keygen -f /id_rsa\nFROM alpine:3.20\nCOPY --from=keys /id_rsa.pub /k.pub\nADD https://example.com/Release.key /etc/apt/keyrings/\n",
    // A builder stage that never ships: only what is copied out of it reaches the image.
    "FROM node:20.11 AS deps\nCOPY .npmrc package.json ./\nRUN npm ci && rm .npmrc\nFROM node:20.11-slim\nCOPY --from=deps /node_modules /app/node_modules\n",
    // Globs that cannot be told: the .dockerignore's business.
    "FROM alpine:3.20\nCOPY . /app\nCOPY conf/* /etc/app/\n",
  ],
  invalid: [
    {
      code: "FROM node:20.11\nCOPY .env /app/.env\n",
      errors: [{ messageId: "secretFile", line: 2, column: 6, endColumn: 10, data: { file: ".env", what: "a dotenv file (.env)" } }],
    },
    {
      code: "FROM node:20.11\nCOPY .npmrc package.json ./\nRUN npm ci && rm .npmrc\n",
      errors: [{ messageId: "secretFile", line: 2, column: 6, data: { file: ".npmrc", what: "a package registry credentials file" } }],
    },
    {
      code: 'FROM alpine:3.20\nCOPY --chown=git:git id_ed25519 /home/git/.ssh/\nADD ["certs/server.key", "/etc/tls/"]\nCOPY .env.production secrets/*.pem /srv/\n',
      errors: [
        { messageId: "secretFile", line: 2, column: 22, data: { file: "id_ed25519", what: "an SSH private key" } },
        { messageId: "secretFile", line: 3, column: 6, data: { file: "certs/server.key", what: "a private key or key store" } },
        { messageId: "secretFile", line: 4, column: 6, data: { file: ".env.production", what: "a dotenv file (.env)" } },
        { messageId: "secretFile", line: 4, column: 22, data: { file: "secrets/*.pem", what: "a private key or key store" } },
      ],
    },
    {
      // The file name is resolved from an ARG default.
      code: "FROM alpine:3.20\nARG CREDS=.netrc\nCOPY ${CREDS} /root/\n",
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
