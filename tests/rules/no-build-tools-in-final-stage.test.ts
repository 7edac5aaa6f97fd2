import path from "node:path";
import rule from "../../rules/no-build-tools-in-final-stage.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

const WITH_DEV = path.resolve(import.meta.dirname, "../fixtures/projects/dev-dependencies/with-dev/Dockerfile");
const WITHOUT_DEV = path.resolve(import.meta.dirname, "../fixtures/projects/dev-dependencies/without-dev/Dockerfile");

ruleTester("dockerfile").run("no-build-tools-in-final-stage", rule, {
  valid: [
    // In a builder stage: the point of multi-stage builds.
    dedent`
      FROM python:3.12 AS build
      RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev
      FROM python:3.12-slim
      COPY --from=build /wheels /wheels
      CMD ["python", "app.py"]
    `,
    // Removed again in the same stage: by name, by apk virtual package, by the apt-mark auto idiom.
    dedent`
      FROM debian:12
      RUN apt-get update && apt-get install -y gcc make && make && apt-get purge -y gcc make
      CMD ["/app"]
    `,
    dedent`
      FROM alpine:3.20
      RUN apk add --no-cache --virtual .build-deps gcc musl-dev && make && apk del --no-network .build-deps
      CMD ["/app"]
    `,
    dedent`
      FROM debian:12
      RUN savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends gcc libssl-dev; make; apt-mark auto '.*' > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false
      CMD ["/app"]
    `,
    // Names through variables cannot be judged.
    dedent`
      FROM debian:12
      ARG DEPS="gcc make"
      RUN apt-get install -y $DEPS
      CMD ["/app"]
    `,
    // Runtime libraries are not headers; `udev` is not a `-dev` package.
    dedent`
      FROM debian:12
      RUN apt-get install -y libpq5 udev ca-certificates
      CMD ["/app"]
    `,
    // A toolbox image (no CMD/ENTRYPOINT, or named as a dev image) is not an application image.
    "FROM debian:12\nRUN apt-get install -y build-essential\n",
    dedent`
      FROM debian:12 AS dev
      RUN apt-get install -y build-essential
      CMD ["bash"]
    `,
    // A toolchain image (the official language images) whose command is the bare REPL.
    dedent`
      FROM buildpack-deps:bookworm
      RUN apt-get install -y libbluetooth-dev tk-dev
      CMD ["python3"]
    `,
    dedent`
      FROM eclipse-temurin:21
      RUN apt-get install -y python3-dev zlib1g-dev
      ENTRYPOINT ["javac"]
    `,
    { code: dedent`
      FROM debian:12
      RUN apt-get install -y build-essential
      CMD ["sleep", "infinity"]
    `, filename: "C:\\repo\\.devcontainer\\Dockerfile" },
    // devDependencies: left out by a flag, by NODE_ENV, pruned after the build, installed in a builder stage.
    { code: dedent`
      FROM node:22-slim
      COPY package*.json ./
      RUN npm ci --omit=dev
      CMD ["node", "server.js"]
    `, filename: WITH_DEV },
    { code: dedent`
      FROM node:22-slim
      ENV NODE_ENV=production
      RUN npm ci && yarn install
      CMD ["node", "server.js"]
    `, filename: WITH_DEV },
    { code: dedent`
      FROM node:22-slim
      RUN NODE_ENV=production npm install && pnpm install --prod && yarn install --production
      CMD ["node", "server.js"]
    `, filename: WITH_DEV },
    { code: dedent`
      FROM node:22
      RUN npm ci && npm run build && npm prune --omit=dev
      CMD ["node", "dist/server.js"]
    `, filename: WITH_DEV },
    { code: dedent`
      FROM node:22 AS build
      RUN npm ci && npm run build
      FROM node:22-slim
      COPY --from=build /app/dist ./dist
      RUN npm ci --omit=dev
      CMD ["node", "dist/server.js"]
    `, filename: WITH_DEV },
    // The package.json declares no devDependencies, or there is none to read: nothing is known to ship.
    { code: dedent`
      FROM node:22-slim
      RUN npm ci
      CMD ["node", "server.js"]
    `, filename: WITHOUT_DEV },
    dedent`
      FROM node:22-slim
      RUN npm ci
      CMD ["node", "server.js"]
    `,
    // Installing named packages is not a project install.
    { code: dedent`
      FROM node:22-slim
      RUN npm install -g pm2 && npm install express
      CMD ["pm2-runtime", "server.js"]
    `, filename: WITH_DEV },
    // A stage the build does not run.
    dedent`
      FROM debian:12 AS unused
      RUN apt-get install -y gcc
      FROM debian:12
      CMD ["/app"]
    `,
  ],
  invalid: [
    {
      code: dedent`
        FROM node:22
        WORKDIR /app
        COPY . .
        RUN npm ci && npm run build
        CMD ["node", "dist/server.js"]
      `,
      filename: WITH_DEV,
      errors: [{ messageId: "devDependencies", line: 4, column: 5, endColumn: 11, data: { where: "The final stage", command: "npm ci", production: "npm ci --omit=dev" } }],
    },
    {
      // NODE_ENV set to something else; an earlier production install does not cover a later full one.
      code: dedent`
        FROM node:22-slim AS base
        ENV NODE_ENV=development
        RUN pnpm install
        FROM base AS app
        RUN yarn install --production && yarn install
        CMD ["node", "server.js"]
      `,
      filename: WITH_DEV,
      errors: [
        { messageId: "devDependencies", line: 3, column: 5, data: { where: 'Stage "base", which the final stage is built FROM,', command: "pnpm install", production: "pnpm install --prod" } },
        { messageId: "devDependencies", line: 5, column: 34, data: { where: 'The final stage "app"', command: "yarn install", production: "yarn install --production" } },
      ],
    },
    {
      code: dedent`
        FROM python:3.12-slim
        RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\
          && pip install psycopg2
        CMD ["python", "app.py"]
      `,
      errors: [
        {
          messageId: "buildTools",
          line: 2,
          column: 66,
          endLine: 2,
          endColumn: 79,
          data: { where: "The final stage", packages: "gcc, libpq-dev", manager: "apt-get" },
        },
      ],
    },
    {
      // Inherited from the stage the final stage is built FROM; only what is not removed is named.
      code: dedent`
        FROM alpine:3.20 AS base
        RUN apk add --no-cache build-base linux-headers git
        FROM base AS app
        RUN apk del linux-headers
        CMD ["/app"]
      `,
      errors: [{ messageId: "buildTools", line: 2, column: 24, endColumn: 34, data: { where: 'Stage "base", which the final stage is built FROM,', packages: "build-base", manager: "apk" } }],
    },
    {
      // A virtual package that is never deleted; rpm `-devel` packages and the toolchain group.
      code: dedent`
        FROM alpine:3.20
        RUN apk add --virtual .deps gcc
        CMD ["/app"]
      `,
      errors: [{ messageId: "buildTools", line: 2, column: 29, data: { where: "The final stage", packages: "gcc", manager: "apk" } }],
    },
    {
      // A shell-form CMD that runs a script is an application.
      code: dedent`
        FROM fedora:40 AS final
        RUN dnf install -y gcc-c++ openssl-devel && dnf clean all
        CMD python3 server.py
      `,
      errors: [{ messageId: "buildTools", line: 2, column: 20, data: { where: 'The final stage "final"', packages: "gcc-c++, openssl-devel", manager: "dnf" } }],
    },
  ],
});
