import { describe, expect, it } from "vitest";
import rule from "../../rules/no-secret-in-arg-env.js";
import { isSecretName } from "../../lib/semantics/secrets/secrets.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-secret-in-arg-env", rule, {
  valid: [
    // Harmless relatives: where the secret is, properties of it, switches about it.
    "FROM postgres:16.2\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password\n",
    "FROM alpine:3.20\nENV TOKEN_PATH=/var/run/token VAULT_TOKEN_URL=https://vault.example.com SECRET_NAME=db TOKEN_EXPIRY=3600\n",
    "FROM mysql:8.4\nENV MYSQL_ALLOW_EMPTY_PASSWORD=yes MYSQL_RANDOM_ROOT_PASSWORD=1\n",
    // Public key fingerprints of official images are not secrets.
    dedent`
      FROM python:3.12
      ENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305
      ARG GHC_RELEASE_KEY=88B57FCF7DB53B4DB3BFA4B1588764
    `,
    // Empty values, switches, and values that only forward another variable.
    "FROM alpine:3.20\nENV REDIS_PASSWORD= API_TOKEN=\"\" SMTP_PASSWORD=no\n",
    dedent`
      FROM alpine:3.20
      ENV DB_PASSWORD=\${DB_PASSWORD_DEFAULT}
      ARG NPM_TOKEN="$CI_NPM_TOKEN"
    `,
    // A file path is where the secret is; a placeholder says one goes there.
    "FROM alpine:3.20\nENV DB_PASSWORD=/run/secrets/db_password API_KEY=<your-api-key> TOKEN=changeme\n",
    // Secrets the build reads from a secret mount.
    "FROM node:20.11\nRUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci\n",
    // An …_AUTH variable naming an authentication method; names that only end in the letters PASS.
    dedent`
      FROM registry:2.8.3
      ENV REGISTRY_AUTH=htpasswd REGISTRY_AUTH_HTPASSWD_PATH=/auth/htpasswd
      ARG SMTP_AUTH=login
    `,
    "FROM alpine:3.20\nENV PROXY_BYPASS=localhost COMPASS=north\n",
  ],
  invalid: [
    {
      // Run-together …PASS names hold passwords (slapd's root DN password).
      code: dedent`
        FROM debian:12-slim
        ENV LDAP_DOMAIN=example.org \\
            LDAP_ROOTPASS=fsociety
        ARG ADMINPASS=admin123
        ENV REGISTRY_AUTH=s3cr3t
      `,
      errors: [
        { messageId: "envSecret", line: 3, column: 19, data: { name: "LDAP_ROOTPASS" } },
        { messageId: "argSecret", line: 4, column: 15, data: { name: "ADMINPASS", id: "adminpass" } },
        { messageId: "envSecret", line: 5, column: 19, data: { name: "REGISTRY_AUTH" } },
      ],
    },
    {
      // BuildKit SecretsUsedInArgOrEnv's cases: a build argument named like a secret, with or without default.
      // The finding covers the value when there is one, the name otherwise.
      code: dedent`
        FROM alpine:3.20
        ARG AWS_SECRET_ACCESS_KEY
        ARG GITHUB_TOKEN=ghp_dummy
      `,
      errors: [
        { messageId: "argSecret", line: 2, column: 5, endColumn: 26, data: { name: "AWS_SECRET_ACCESS_KEY", id: "aws_secret_access_key" } },
        { messageId: "argSecret", line: 3, column: 18, endColumn: 27, data: { name: "GITHUB_TOKEN", id: "github_token" } },
      ],
    },
    {
      // An ENV with a literal password (also in the legacy form and camelCase), among harmless pairs.
      code: dedent`
        FROM alpine:3.20
        ENV FTP_USER=application \\
            FTP_PASSWORD=application \\
            FTP_PATH=/data
        ENV dbPassword hunter2
        ENV STRIPE_API_KEY=abc DJANGO_SECRET_KEY='x y' BASIC_AUTH=u:p
      `,
      errors: [
        { messageId: "envSecret", line: 3, column: 18, endColumn: 29, data: { name: "FTP_PASSWORD" } },
        { messageId: "envSecret", line: 5, column: 16, data: { name: "dbPassword" } },
        { messageId: "envSecret", line: 6, column: 20, data: { name: "STRIPE_API_KEY" } },
        { messageId: "envSecret", line: 6, column: 42, data: { name: "DJANGO_SECRET_KEY" } },
        { messageId: "envSecret", line: 6, column: 59, data: { name: "BASIC_AUTH" } },
      ],
    },
    {
      // A value that mixes a reference with literal text still holds something literal.
      code: "FROM alpine:3.20\nENV DB_PASSWORD=prefix-${SUFFIX}\n",
      errors: [{ messageId: "envSecret", line: 2, column: 17 }],
    },
  ],
});

describe("isSecretName", () => {
  it.each([
    ["DB_PASSWORD", true],
    ["PGPASSWORD", true],
    ["PASSWORD", true],
    ["apiKey", true],
    ["API_KEY", true],
    ["SSH_PRIVATE_KEY", true],
    ["OAUTH_CLIENT_SECRET", true],
    ["NPM_AUTH", true],
    ["GPG_KEY", false],
    ["KEY", false],
    ["PASSWORD_FILE", false],
    ["SECRET_NAME", false],
    ["TOKEN_EXPIRY", false],
    ["AUTH_URL", false],
    ["AWS_ACCESS_KEY_ID", false],
    ["POSTGRES_HOST_AUTH_METHOD", false],
    ["SECRET_KEY_BASE", true],
    ["CONNECT_CONFIG_PROVIDERS_SECRET_CLASS", false],
    ["SCHEMA_REGISTRY_BEARER_AUTH_CREDENTIALS_SOURCE", false],
    ["MASTER_ENCRYPTION_KEY", true],
    // Run-together names ending in PASS are passwords; words that only end in the letters are not.
    ["LDAP_ROOTPASS", true],
    ["ROOTPASS", true],
    ["ADMINPASS", true],
    ["PAPERLESS_DBPASS", true],
    ["USERPASS", true],
    ["REDIS_REQUIREPASS", true],
    ["MAIL_PASS", true],
    ["ROOT_PASSWD", true],
    ["ROOTPASS_FILE", false],
    ["PROXY_BYPASS", false],
    ["NO_PROXY_BYPASS", false],
    ["COMPASS", false],
    ["AUDIO_LOWPASS", false],
    ["FFMPEG_TWOPASS", false],
    ["MINIPASS", false],
  ] as const)("%s", (name, expected) => {
    expect(isSecretName(name)).toBe(expected);
  });
});
