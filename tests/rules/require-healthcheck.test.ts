import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/require-healthcheck.js";
import { makeTree } from "../support/fix-safety.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

// The compose half judges the merged project service (override files, extends), as Compose runs it.
const BASE = dedent`
  services:
    db:
      image: postgres:16.4
    cache:
      image: redis:7.4
    worker:
      extends:
        file: common.yaml
        service: checked
`;
const tree = makeTree({
  "merged/compose.yaml": BASE,
  "merged/compose.override.yaml": dedent`
    services:
      db:
        healthcheck:
          test: [CMD, pg_isready]
      cache:
        environment:
          A: "1"
  `,
  "merged/common.yaml": dedent`
    services:
      checked:
        image: mysql:8.4
        healthcheck:
          test: [CMD, mysqladmin, ping]
      unchecked:
        image: mysql:8.4
  `,
});
afterAll(tree.cleanup);
const merged = (name: string) => path.join(tree.root, "merged", name);

const project = path.resolve(import.meta.dirname, "../fixtures/projects/healthcheck");
const filename = path.join(project, "compose.yaml");

ruleTester("dockerfile").run("require-healthcheck", rule, {
  valid: [
    "FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n",
    // Inherited from the stage the final one is built on.
    dedent`
      FROM python:3.12-slim AS base
      HEALTHCHECK CMD python -c 'print(1)'
      FROM base
      CMD ["python", "app.py"]
    `,
    // Turned off on purpose.
    "FROM nginx:1.27\nHEALTHCHECK NONE\n",
    // Only the final stage counts: a builder without one is fine.
    dedent`
      FROM golang:1.22 AS build
      RUN go build -o /app
      FROM nginx:1.27
      HEALTHCHECK CMD true
    `,
    // An artifact stage FROM scratch runs nothing.
    dedent`
      FROM golang:1.22 AS build
      RUN go build -o /out/app
      FROM scratch
      COPY --from=build /out/ /
    `,
    // A base image only known at build time.
    "ARG BASE\nFROM $BASE\n",
    // Toolboxes, not services: a base or builder image whose command is a shell or a REPL (also behind an
    // entrypoint script that runs its arguments, with options, or as a Windows .exe), no command of its own
    // on a distribution's or language's image, a development or test target.
    "FROM debian:12\nCMD [\"bash\"]\n",
    dedent`
      FROM eclipse-temurin:21-jdk
      COPY entrypoint.sh /__cacert_entrypoint.sh
      ENTRYPOINT ["/__cacert_entrypoint.sh"]
      CMD ["jshell"]
    `,
    dedent`
      FROM debian:12-slim
      ENTRYPOINT ["docker-php-entrypoint"]
      CMD ["php", "-a"]
    `,
    "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCMD [\"pwsh.exe\"]\n",
    "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential\n",
    "FROM node:22.12 AS dev\nCMD [\"npm\", \"run\", \"dev\"]\n",
  ],
  invalid: [
    {
      // hadolint DL3057: an official base image ships no HEALTHCHECK.
      code: "FROM node:20.11\nCMD [\"node\", \"server.js\"]\n",
      errors: [{ messageId: "missing", line: 1, column: 1, endColumn: 5 }],
    },
    {
      // A HEALTHCHECK in a builder stage does not reach the final image.
      code: dedent`
        FROM node:20.11 AS build
        HEALTHCHECK CMD true
        FROM node:20.11-slim
        CMD ["node", "server.js"]
      `,
      errors: [{ messageId: "missing", line: 3, column: 1 }],
    },
    {
      code: dedent`
        FROM scratch
        COPY app /app
        ENTRYPOINT ["/app"]
      `,
      errors: [{ messageId: "missing", line: 1, column: 1 }],
    },
    {
      // No command of its own on a server image: nginx's runs, and it is a service.
      code: "FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n",
      errors: [{ messageId: "missing", line: 1, column: 1 }],
    },
    {
      // The entrypoint script hands over to CMD, which starts a server.
      code: dedent`
        FROM debian:12-slim
        ENTRYPOINT ["docker-entrypoint.sh"]
        CMD ["postgres"]
      `,
      errors: [{ messageId: "missing", line: 1, column: 1 }],
    },
    {
      // A REPL with a script to run is an application.
      code: "FROM python:3.13-slim\nCMD [\"python3\", \"-m\", \"http.server\"]\n",
      errors: [{ messageId: "missing", line: 1, column: 1 }],
    },
    {
      code: "FROM ghcr.io/acme/base:1.4\nCMD [\"serve\"]\n",
      errors: [{ messageId: "missingUnlessBase", line: 1, column: 1, data: { image: "ghcr.io/acme/base:1.4" } }],
    },
  ],
});

ruleTester("compose").run("require-healthcheck", rule, {
  valid: [
    { filename, code: dedent`
      services:
        db:
          image: postgres:16.2
          healthcheck:
            test: [CMD, pg_isready]
    ` },
    // The Dockerfile the service builds has one (directly, or through stage inheritance).
    { filename, code: dedent`
      services:
        web:
          build: ./web
        app:
          build:
            context: ./multi
            target: app
    ` },
    // Turned off on purpose, here or in the Dockerfile.
    { filename, code: dedent`
      services:
        db:
          image: postgres:16.2
          healthcheck:
            disable: true
        q:
          build:
            context: multi
            target: quiet
    ` },
    // Images we cannot see into, and files we cannot find.
    { filename, code: dedent`
      services:
        cache:
          image: ghcr.io/acme/cache:1.0
        svc:
          build: ./missing
    ` },
    // The override file's fragment of `cache` says nothing about what runs: reported in compose.yaml only.
    { filename: merged("compose.override.yaml"), code: dedent`
      services:
        db:
          healthcheck:
            test: [CMD, pg_isready]
        cache:
          environment:
            A: "1"
    ` },
  ],
  invalid: [
    {
      // A service that extends one without a health check is reported on itself (it says what runs, through extends).
      filename: merged("other.yaml"),
      code: dedent`
        services:
          db:
            extends:
              file: common.yaml
              service: unchecked
      `,
      errors: [{ messageId: "serviceMissing", line: 2, column: 3, data: { service: "db", why: "no healthcheck in compose, and the official image 'mysql:8.4' ships none" } }],
    },
    {
      // compose.override.yaml gives `db` its health check; `worker` gets one through extends; `cache` has none.
      filename: merged("compose.yaml"),
      code: BASE,
      errors: [{ messageId: "serviceMissing", line: 4, column: 3, data: { service: "cache", why: "no healthcheck in compose, and the official image 'redis:7.4' ships none" } }],
    },
    {
      filename,
      code: dedent`
        services:
          db:
            image: postgres:16.2
          api:
            build:
              context: ./api
      `,
      errors: [
        { messageId: "serviceMissing", line: 2, column: 3, endColumn: 5, data: { service: "db", why: "no healthcheck in compose, and the official image 'postgres:16.2' ships none" } },
        { messageId: "serviceMissing", line: 4, column: 3, data: { service: "api", why: `no healthcheck in compose, and no HEALTHCHECK in ${path.join("api", "Dockerfile")} or its base image` } },
      ],
    },
    {
      // Timings alone, or `test: []`, keep the image's test: the image has none.
      filename,
      code: dedent`
        services:
          db:
            image: redis:7.2
            healthcheck:
              interval: 5s
              test: []
      `,
      errors: [{ messageId: "serviceMissing", line: 2, column: 3 }],
    },
  ],
});
