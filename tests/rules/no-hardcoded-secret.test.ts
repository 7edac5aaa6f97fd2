import { describe, expect, it } from "vitest";
import rule from "../../rules/no-hardcoded-secret.js";
import { findSecretValues } from "../../lib/semantics/secrets/secrets.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

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
    dedent`
      FROM alpine:3.20
      COPY <<EOF /etc/key.pub
      -----BEGIN PUBLIC KEY-----
      EOF
    `,
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
    dedent`
      services:
        db:
          image: postgres:16.2
          environment:
            POSTGRES_PASSWORD: \${POSTGRES_PASSWORD}
            POSTGRES_PASSWORD_FILE: /run/secrets/db
            POSTGRES_HOST_AUTH_METHOD: scram-sha-256
    `,
    dedent`
      services:
        db:
          image: mysql:8.4
          environment:
            - MYSQL_ALLOW_EMPTY_PASSWORD=yes
            - MYSQL_PASSWORD
            - MYSQL_ROOT_PASSWORD=
    `,
    dedent`
      services:
        app:
          image: app:1.0
          environment:
            TOKEN_EXPIRY: 3600
            SECRET_NAME: db
            CONNECT_CONFIG_PROVIDERS_SECRET_CLASS: io.example.SecretProvider
    `,
    // A secret file's path, and placeholders.
    dedent`
      services:
        app:
          image: app:1.0
          environment:
            - DATABASE_PASSWORD=/run/secrets/db-password
            - TELEMETRY_API_KEY=dummy
            - API_SECRET=<set me>
    `,
    // An …_AUTH variable that names an authentication method (Docker's registry docs), not a credential.
    dedent`
      services:
        registry:
          image: registry:2.8.3
          environment:
            - REGISTRY_AUTH=htpasswd
            - REGISTRY_AUTH_HTPASSWD_REALM=Registry Realm
            - REGISTRY_AUTH_HTPASSWD_PATH=/auth/htpasswd
        mail:
          image: mail:1.0
          environment:
            SMTP_AUTH: PLAIN
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          db:
            image: postgres:16.2
            environment:
              POSTGRES_PASSWORD: example
          app:
            image: app:1.0
            environment:
              - API_TOKEN=abc123
              - DATABASE_URL=postgres://app:s3cret@db/app
            build:
              context: .
              args:
                NPM_TOKEN: deadbeef
      `,
      errors: [
        { messageId: "secretVariable", line: 5, column: 26, endColumn: 33, data: { name: "POSTGRES_PASSWORD" } },
        { messageId: "secretVariable", line: 9, column: 19, endColumn: 25, data: { name: "API_TOKEN" } },
        { messageId: "knownFormat", line: 10, column: 37, endColumn: 43, data: { what: "a password in a URL" } },
        { messageId: "secretVariable", line: 14, column: 20, data: { name: "NPM_TOKEN" } },
      ],
    },
    {
      // Run-together …PASS names (slapd's root password), and a credential in an …_AUTH variable.
      code: dedent`
        services:
          ldap:
            image: ldap:1.0
            environment:
              LDAP_ROOTPASS: fsociety
              REDIS_AUTH: hunter2
              PROXY_BYPASS: localhost
      `,
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

// Passwords set or passed as literals inside RUN (Checkov CKV2_DOCKER_17 and the credential forms around it).
ruleTester("dockerfile").run("no-hardcoded-secret (RUN credentials)", rule, {
  valid: [
    // From a build secret, a variable, or a prompt; locked accounts.
    'FROM debian:12\nRUN --mount=type=secret,id=pw echo "app:$(cat /run/secrets/pw)" | chpasswd\n',
    'FROM debian:12\nARG PASSWORD\nRUN echo "app:${PASSWORD}" | chpasswd && useradd -p "$HASH" bob\n',
    "FROM debian:12\nRUN useradd -m -p '!' app && usermod -p '*' root\n",
    "FROM debian:12\nRUN chpasswd < /run/secrets/users && openssl passwd -6 -stdin < /run/secrets/pw\n",
    "FROM mysql:8.4\nRUN mysql -uroot -p -e 'select 1' && mysqladmin --port=3306 -P 3306 ping\n",
    "FROM httpd:2.4\nRUN htpasswd -c /etc/httpd.htpasswd admin\n",
    "FROM debian:12\nRUN curl -u \"$USER:$TOKEN\" https://example.com/ && curl -u anonymous: https://example.com/\n",
    // A placeholder is not a password.
    "FROM debian:12\nRUN echo 'root:changeme' | chpasswd\n",
  ],
  invalid: [
    {
      // The issue's own real-file example.
      code: "FROM ubuntu:24.04\nRUN useradd -m test && echo test:test | chpasswd && adduser test sudo\n",
      errors: [{ messageId: "literalCredential", line: 2, column: 29, endColumn: 38, data: { what: "a password given to chpasswd" } }],
    },
    {
      code: "FROM debian:12\nRUN echo 'root:$6$abc$def' | chpasswd -e\nRUN useradd -p docker -m dev\nRUN usermod --password=$(openssl passwd -1 hunter2) app\n",
      errors: [
        { messageId: "literalCredential", line: 2, data: { what: "a password hash given to chpasswd" } },
        { messageId: "literalCredential", line: 3, column: 16, endColumn: 22, data: { what: "a password hash given to useradd -p" } },
        { messageId: "literalCredential", line: 4, data: { what: "a password given to openssl passwd" } },
      ],
    },
    {
      // docker-mailserver's test user: the password piped into openssl passwd inside useradd -p.
      code: 'FROM debian:12\nRUN useradd -u 5000 -d /home/docker -s /bin/bash -p "$(echo docker | openssl passwd -1 -stdin)" docker\n',
      errors: [{ messageId: "literalCredential", line: 2, column: 61, endColumn: 67, data: { what: "a password given to openssl passwd" } }],
    },
    {
      // Here-string and heredoc into chpasswd; passwd --stdin.
      code: "FROM fedora:41\nRUN chpasswd <<< 'admin:s3cret'\nRUN chpasswd <<EOF\nalice:wonderland\nEOF\nRUN echo hunter2 | passwd --stdin root\n",
      errors: [
        { messageId: "literalCredential", line: 2, data: { what: "a password given to chpasswd" } },
        { messageId: "literalCredential", line: 4, data: { what: "a password given to chpasswd" } },
        { messageId: "literalCredential", line: 6, data: { what: "a password given to passwd --stdin" } },
      ],
    },
    {
      // Clients given a password on the command line, and a secret-named variable for one command.
      code: "FROM debian:12\nRUN mysql -uroot -proot -e 'create database app' && mysqladmin --password=s3cret ping && redis-cli -a foobared ping && htpasswd -bc /etc/nginx/.htpasswd admin admin123 && curl -u admin:admin123 https://repo.example.com/x && PGPASSWORD=postgres psql -h db -U postgres -c 'select 1'\n",
      errors: [
        { messageId: "literalCredential", data: { what: "a password given to mysql" } },
        { messageId: "literalCredential", data: { what: "a password given to mysqladmin" } },
        { messageId: "literalCredential", data: { what: "a password given to redis-cli" } },
        { messageId: "literalCredential", data: { what: "a password given to htpasswd -b" } },
        { messageId: "literalCredential", data: { what: "a password given to curl -u" } },
        { messageId: "literalCredential", data: { what: "a password given to psql in PGPASSWORD" } },
      ],
    },
  ],
});
