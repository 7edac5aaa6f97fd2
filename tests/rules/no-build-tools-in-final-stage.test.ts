import path from "node:path";
import rule from "../../rules/no-build-tools-in-final-stage.js";
import { ruleTester } from "../support/rule-tester.js";

const WITH_DEV = path.resolve(import.meta.dirname, "../fixtures/projects/dev-dependencies/with-dev/Dockerfile");
const WITHOUT_DEV = path.resolve(import.meta.dirname, "../fixtures/projects/dev-dependencies/without-dev/Dockerfile");

ruleTester("dockerfile").run("no-build-tools-in-final-stage", rule, {
  valid: [
    // In a builder stage: the point of multi-stage builds.
    'FROM python:3.12 AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev\nFROM python:3.12-slim\nCOPY --from=build /wheels /wheels\nCMD ["python", "app.py"]\n',
    // Removed again in the same stage: by name, by apk virtual package, by the apt-mark auto idiom.
    'FROM debian:12\nRUN apt-get update && apt-get install -y gcc make && make && apt-get purge -y gcc make\nCMD ["/app"]\n',
    'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && make && apk del --no-network .build-deps\nCMD ["/app"]\n',
    "FROM debian:12\nRUN savedAptMark=\"$(apt-mark showmanual)\"; apt-get update; apt-get install -y --no-install-recommends gcc libssl-dev; make; apt-mark auto '.*' > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false\nCMD [\"/app\"]\n",
    // Names through variables cannot be judged.
    'FROM debian:12\nARG DEPS="gcc make"\nRUN apt-get install -y $DEPS\nCMD ["/app"]\n',
    // Runtime libraries are not headers; `udev` is not a `-dev` package.
    'FROM debian:12\nRUN apt-get install -y libpq5 udev ca-certificates\nCMD ["/app"]\n',
    // A toolbox image (no CMD/ENTRYPOINT, or named as a dev image) is not an application image.
    "FROM debian:12\nRUN apt-get install -y build-essential\n",
    'FROM debian:12 AS dev\nRUN apt-get install -y build-essential\nCMD ["bash"]\n',
    // A toolchain image (the official language images) whose command is the bare REPL.
    'FROM buildpack-deps:bookworm\nRUN apt-get install -y libbluetooth-dev tk-dev\nCMD ["python3"]\n',
    'FROM eclipse-temurin:21\nRUN apt-get install -y python3-dev zlib1g-dev\nENTRYPOINT ["javac"]\n',
    { code: 'FROM debian:12\nRUN apt-get install -y build-essential\nCMD ["sleep", "infinity"]\n', filename: "C:\\repo\\.devcontainer\\Dockerfile" },
    // devDependencies: left out by a flag, by NODE_ENV, pruned after the build, installed in a builder stage.
    { code: 'FROM node:22-slim\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n', filename: WITH_DEV },
    { code: 'FROM node:22-slim\nENV NODE_ENV=production\nRUN npm ci && yarn install\nCMD ["node", "server.js"]\n', filename: WITH_DEV },
    { code: 'FROM node:22-slim\nRUN NODE_ENV=production npm install && pnpm install --prod && yarn install --production\nCMD ["node", "server.js"]\n', filename: WITH_DEV },
    { code: 'FROM node:22\nRUN npm ci && npm run build && npm prune --omit=dev\nCMD ["node", "dist/server.js"]\n', filename: WITH_DEV },
    { code: 'FROM node:22 AS build\nRUN npm ci && npm run build\nFROM node:22-slim\nCOPY --from=build /app/dist ./dist\nRUN npm ci --omit=dev\nCMD ["node", "dist/server.js"]\n', filename: WITH_DEV },
    // The package.json declares no devDependencies, or there is none to read: nothing is known to ship.
    { code: 'FROM node:22-slim\nRUN npm ci\nCMD ["node", "server.js"]\n', filename: WITHOUT_DEV },
    'FROM node:22-slim\nRUN npm ci\nCMD ["node", "server.js"]\n',
    // Installing named packages is not a project install.
    { code: 'FROM node:22-slim\nRUN npm install -g pm2 && npm install express\nCMD ["pm2-runtime", "server.js"]\n', filename: WITH_DEV },
    // A stage the build does not run.
    'FROM debian:12 AS unused\nRUN apt-get install -y gcc\nFROM debian:12\nCMD ["/app"]\n',
  ],
  invalid: [
    {
      code: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/server.js"]\n',
      filename: WITH_DEV,
      errors: [{ messageId: "devDependencies", line: 4, column: 5, endColumn: 11, data: { where: "The final stage", command: "npm ci", production: "npm ci --omit=dev" } }],
    },
    {
      // NODE_ENV set to something else; an earlier production install does not cover a later full one.
      code: 'FROM node:22-slim AS base\nENV NODE_ENV=development\nRUN pnpm install\nFROM base AS app\nRUN yarn install --production && yarn install\nCMD ["node", "server.js"]\n',
      filename: WITH_DEV,
      errors: [
        { messageId: "devDependencies", line: 3, column: 5, data: { where: 'Stage "base", which the final stage is built FROM,', command: "pnpm install", production: "pnpm install --prod" } },
        { messageId: "devDependencies", line: 5, column: 34, data: { where: 'The final stage "app"', command: "yarn install", production: "yarn install --production" } },
      ],
    },
    {
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\\n  && pip install psycopg2\nCMD ["python", "app.py"]\n',
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
      code: 'FROM alpine:3.20 AS base\nRUN apk add --no-cache build-base linux-headers git\nFROM base AS app\nRUN apk del linux-headers\nCMD ["/app"]\n',
      errors: [{ messageId: "buildTools", line: 2, column: 24, endColumn: 34, data: { where: 'Stage "base", which the final stage is built FROM,', packages: "build-base", manager: "apk" } }],
    },
    {
      // A virtual package that is never deleted; rpm `-devel` packages and the toolchain group.
      code: 'FROM alpine:3.20\nRUN apk add --virtual .deps gcc\nCMD ["/app"]\n',
      errors: [{ messageId: "buildTools", line: 2, column: 29, data: { where: "The final stage", packages: "gcc", manager: "apk" } }],
    },
    {
      // A shell-form CMD that runs a script is an application.
      code: 'FROM fedora:40 AS final\nRUN dnf install -y gcc-c++ openssl-devel && dnf clean all\nCMD python3 server.py\n',
      errors: [{ messageId: "buildTools", line: 2, column: 20, data: { where: 'The final stage "final"', packages: "gcc-c++, openssl-devel", manager: "dnf" } }],
    },
  ],
});
