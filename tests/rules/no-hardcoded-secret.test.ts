import { describe, expect, it } from "vitest";
import rule from "../../rules/no-hardcoded-secret.js";
import { findSecretValues } from "../../lib/semantics/secrets/secrets.js";
import { ruleTester } from "../support/rule-tester.js";

// Test tokens are assembled at run time so that secret scanners do not flag this file.
const GITHUB = `ghp_${"a1B2".repeat(9)}`;
const AWS = `AKIA${"QWERTYUI".repeat(2)}`;
const GOOGLE = `AIza${"Sy".padEnd(35, "x")}`;
const STRIPE = `sk_live_${"4eC39HqLyjWDarjtT1zdp7dc"}`;
const SLACK = `xoxb-${"123456789012"}-abcdefghijkl`;
const GITLAB = `glpat-${"x".repeat(20)}`;

ruleTester("dockerfile").run("no-hardcoded-secret", rule, {
  valid: [
    "FROM alpine:3.20\nENV API_URL=https://api.example.com\n",
    // References and placeholders in URLs.
    'FROM alpine:3.20\nRUN git clone "https://oauth2:${CI_JOB_TOKEN}@gitlab.example.com/group/repo.git"\n',
    "FROM alpine:3.20\nENV DATABASE_URL=postgres://app:$DB_PASSWORD@db:5432/app\n",
    "FROM alpine:3.20\nENV DATABASE_URL=postgres://user:password@localhost/db\n",
    // AWS's documented example key.
    "FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n",
    // A comment does not reach the image.
    `FROM alpine:3.20\n# old token: ${GITHUB}\nRUN true\n`,
    // Nor does a parser directive (with leading blanks too), whatever it holds.
    // (The check directive's unknown check name is a problem of its own, not this rule's: turned off here.)
    { code: `# syntax=docker/dockerfile:1\n# check=skip=${AWS}\nFROM alpine:3.20\n`, languageOptions: { peerSuppressions: false, suggestDisable: false } },
    `  # syntax = ghcr.io/x/y:${GITHUB}\nFROM alpine:3.20\n`,
    // A public key block is not a private one.
    "FROM alpine:3.20\nCOPY <<EOF /etc/key.pub\n-----BEGIN PUBLIC KEY-----\nEOF\n",
  ],
  invalid: [
    {
      code: `FROM alpine:3.20\nENV GH=${GITHUB}\n`,
      errors: [{ messageId: "knownFormat", line: 2, column: 8, endColumn: 8 + GITHUB.length, data: { what: "a GitHub token" } }],
    },
    {
      // Anywhere: an ARG default, a RUN body, a heredoc, a LABEL, the preamble.
      code: `ARG KEY=${AWS}\nFROM alpine:3.20\nRUN curl -H "x-goog-api-key: ${GOOGLE}" https://example.com \\\n    && echo ${STRIPE}\nLABEL slack=${SLACK}\nCOPY <<EOF /root/.ssh/id_rsa\n-----BEGIN OPENSSH PRIVATE KEY-----\nabc\nEOF\nRUN git clone https://ci:${GITLAB}@gitlab.com/a/b.git\n`,
      errors: [
        { messageId: "knownFormat", line: 1, column: 9, data: { what: "an AWS access key ID" } },
        { messageId: "knownFormat", line: 3, column: 30, data: { what: "a Google API key" } },
        { messageId: "knownFormat", line: 4, column: 13, data: { what: "a Stripe live key" } },
        { messageId: "knownFormat", line: 5, column: 13, data: { what: "a Slack token" } },
        { messageId: "knownFormat", line: 7, column: 1, data: { what: "a private key" } },
        // One finding per secret: the token that is also a URL password is named by its format.
        { messageId: "knownFormat", line: 10, column: 26, data: { what: "a GitLab token" } },
      ],
    },
    {
      // The password of a URL, and only it, is the range reported.
      code: "FROM alpine:3.20\nENV DATABASE_URL=postgres://app:Xk9#mP2q@db:5432/app\n",
      errors: [{ messageId: "knownFormat", line: 2, column: 33, endColumn: 41, data: { what: "a password in a URL" } }],
    },
  ],
});

ruleTester("compose").run("no-hardcoded-secret", rule, {
  valid: [
    "services:\n  db:\n    image: postgres:16.2\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      POSTGRES_PASSWORD_FILE: /run/secrets/db\n      POSTGRES_HOST_AUTH_METHOD: scram-sha-256\n",
    "services:\n  db:\n    image: mysql:8.4\n    environment:\n      - MYSQL_ALLOW_EMPTY_PASSWORD=yes\n      - MYSQL_PASSWORD\n      - MYSQL_ROOT_PASSWORD=\n",
    "services:\n  app:\n    image: app:1.0\n    environment:\n      TOKEN_EXPIRY: 3600\n      SECRET_NAME: db\n      CONNECT_CONFIG_PROVIDERS_SECRET_CLASS: io.example.SecretProvider\n",
    // A secret file's path, and placeholders.
    "services:\n  app:\n    image: app:1.0\n    environment:\n      - DATABASE_PASSWORD=/run/secrets/db-password\n      - TELEMETRY_API_KEY=dummy\n      - API_SECRET=<set me>\n",
    // An …_AUTH variable that names an authentication method (Docker's registry docs), not a credential.
    "services:\n  registry:\n    image: registry:2.8.3\n    environment:\n      - REGISTRY_AUTH=htpasswd\n      - REGISTRY_AUTH_HTPASSWD_REALM=Registry Realm\n      - REGISTRY_AUTH_HTPASSWD_PATH=/auth/htpasswd\n  mail:\n    image: mail:1.0\n    environment:\n      SMTP_AUTH: PLAIN\n",
  ],
  invalid: [
    {
      code: "services:\n  db:\n    image: postgres:16.2\n    environment:\n      POSTGRES_PASSWORD: example\n  app:\n    image: app:1.0\n    environment:\n      - API_TOKEN=abc123\n      - DATABASE_URL=postgres://app:s3cret@db/app\n    build:\n      context: .\n      args:\n        NPM_TOKEN: deadbeef\n",
      errors: [
        { messageId: "secretVariable", line: 5, column: 26, endColumn: 33, data: { name: "POSTGRES_PASSWORD" } },
        { messageId: "secretVariable", line: 9, column: 19, endColumn: 25, data: { name: "API_TOKEN" } },
        { messageId: "knownFormat", line: 10, column: 37, endColumn: 43, data: { what: "a password in a URL" } },
        { messageId: "secretVariable", line: 14, column: 20, data: { name: "NPM_TOKEN" } },
      ],
    },
    {
      // Run-together …PASS names (slapd's root password), and a credential in an …_AUTH variable.
      code: "services:\n  ldap:\n    image: ldap:1.0\n    environment:\n      LDAP_ROOTPASS: fsociety\n      REDIS_AUTH: hunter2\n      PROXY_BYPASS: localhost\n",
      errors: [
        { messageId: "secretVariable", line: 5, column: 22, data: { name: "LDAP_ROOTPASS" } },
        { messageId: "secretVariable", line: 6, column: 19, data: { name: "REDIS_AUTH" } },
      ],
    },
    {
      code: `services:\n  app:\n    image: app:1.0\n    command: ["--token", "${GITHUB}"]\n`,
      errors: [{ messageId: "knownFormat", line: 4, column: 27, data: { what: "a GitHub token" } }],
    },
  ],
});

describe("findSecretValues", () => {
  it("never matches inside longer identifiers, and finds each format", () => {
    expect(findSecretValues(`xAKIA${"Q".repeat(16)}`)).toEqual([]);
    expect(findSecretValues(`${GITHUB} ${AWS}`).map((match) => match.description)).toEqual(["a GitHub token", "an AWS access key ID"]);
  });
});
