import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/healthcheck-command-available.js";
import { ruleTester } from "../support/rule-tester.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-healthcheck-tools-"));
// A repository: a built Dockerfile is read only inside the project being linted.
mkdirSync(path.join(dir, ".git"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(path.join(dir, "api"));
writeFileSync(path.join(dir, "api/Dockerfile"), "FROM node:22.12-alpine AS build\nRUN apk add --no-cache curl\nFROM node:22.12-alpine AS prod\nCMD [\"node\", \"server.js\"]\n");
writeFileSync(path.join(dir, "Dockerfile"), "FROM python:3.13-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n");

const slimMissing = (tools: string, image: string, alternatives = "") => ({ tools, image, alternatives });

ruleTester("dockerfile").run("healthcheck-command-available", rule, {
  valid: [
    // BusyBox wget on Alpine.
    "FROM node:22.12-alpine\nHEALTHCHECK CMD wget -qO- http://localhost:3000/health || exit 1\n",
    // Installed by a RUN of the stage, or of a stage it is built on.
    "FROM python:3.13-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nHEALTHCHECK CMD curl -fsS http://localhost:8000/ || exit 1\n",
    "FROM debian:12 AS base\nRUN apt-get update && apt-get install -y wget\nFROM base\nHEALTHCHECK CMD [\"wget\", \"-q\", \"--spider\", \"http://localhost/\"]\n",
    // Installed after the HEALTHCHECK line: the check runs in the finished image.
    "FROM ubuntu:24.04\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nRUN apt-get update && apt-get install -y curl\n",
    // A stage built on this one installs it: the image that ships has it.
    "FROM alpine:3.22 AS base\nHEALTHCHECK CMD curl -f http://localhost/\nFROM base\nRUN apk add --no-cache curl\n",
    // Full Debian variants are built on buildpack-deps, which has curl and wget.
    "FROM node:22.12\nHEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\n",
    // Either client works: the check falls back to the one the image has.
    "FROM node:22.12-alpine\nHEALTHCHECK CMD curl -f http://localhost/ || wget -qO- http://localhost/ || exit 1\n",
    // The database image's own client.
    "FROM postgres:16.4\nHEALTHCHECK CMD pg_isready -U postgres\n",
    "FROM redis:7.4-alpine\nHEALTHCHECK CMD [\"redis-cli\", \"ping\"]\n",
    // Copied in from another image.
    "FROM gcr.io/distroless/static-debian12\nCOPY --from=curlimages/curl:8.11.1 /usr/bin/curl /usr/bin/curl\nHEALTHCHECK CMD [\"/usr/bin/curl\", \"-f\", \"http://localhost/\"]\n",
    // Unknown images, and installs the file cannot show.
    "FROM example.com/app-base:1\nHEALTHCHECK CMD curl -f http://localhost/\n",
    "ARG BASE\nFROM $BASE-slim\nHEALTHCHECK CMD curl -f http://localhost/\n",
    "FROM debian:12\nARG PACKAGES\nRUN apt-get update && apt-get install -y $PACKAGES\nHEALTHCHECK CMD curl -f http://localhost/\n",
    "FROM debian:12\nCOPY install.sh /\nRUN /install.sh\nHEALTHCHECK CMD curl -f http://localhost/\n",
    "FROM debian:12\nRUN wget -qO- https://example.com/setup | sh\nHEALTHCHECK CMD curl -f http://localhost/\n",
    // A program of the build's own may install anything.
    "FROM ubuntu:24.04\nCOPY release.tar.gz /root/\nRUN tar -xf /root/release.tar.gz && /root/release/scripts/setup/install --hostname=x\nHEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost/health\"]\n",
    "FROM debian:12-slim\nCOPY vendor.deb /tmp/\nRUN dpkg -i /tmp/vendor.deb\nHEALTHCHECK CMD curl -f http://localhost/\n",
    // Alpine variants of images that add packages of their own (nginx's installs curl): only Alpine's own tools are known.
    "FROM nginx:1.27-alpine\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n",
    "FROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine\nHEALTHCHECK CMD curl -f http://localhost:8080/health\n",
    // Programs the table does not know are not judged.
    "FROM node:22.12-slim\nHEALTHCHECK CMD node healthcheck.js\n",
    // The exec form needs no shell; distroless runs its own binary.
    "FROM gcr.io/distroless/static-debian12\nCOPY app /app\nHEALTHCHECK CMD [\"/app\", \"healthcheck\"]\n",
    // A builder stage's HEALTHCHECK never ships.
    "FROM debian:12-slim AS build\nHEALTHCHECK CMD curl -f http://localhost/\nRUN make\nFROM nginx:1.27\nCOPY --from=build /out /usr/share/nginx/html\n",
    "FROM debian:12-slim\nHEALTHCHECK NONE\n",
    // A Windows shell: not modelled.
    "FROM debian:12-slim\nSHELL [\"pwsh\", \"-Command\"]\nHEALTHCHECK CMD curl -f http://localhost/\n",
  ],
  invalid: [
    {
      code: "FROM python:3.13-slim\nHEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/ || exit 1\n",
      errors: [{ messageId: "missing", line: 2, column: 32, endColumn: 36, data: slimMissing("'curl'", "the image (built on 'python:3.13-slim')") }],
    },
    {
      code: "FROM node:22.12-alpine\nHEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost:3000/\"]\n",
      errors: [{ messageId: "missing", line: 2, column: 18, endColumn: 24, data: slimMissing("'curl'", "the image (built on 'node:22.12-alpine')", "; the image has 'wget' and 'nc'") }],
    },
    {
      // Neither client on Debian.
      code: "FROM debian:12-slim\nHEALTHCHECK CMD wget -q --spider http://localhost/ || curl -f http://localhost/\n",
      errors: [{ messageId: "missing", line: 2, column: 17, data: slimMissing("'wget' and 'curl'", "the image (built on 'debian:12-slim')") }],
    },
    {
      // Installed in a builder stage that this image is not built on.
      code: "FROM alpine:3.22 AS tools\nRUN apk add --no-cache curl\nFROM alpine:3.22\nHEALTHCHECK CMD curl -f http://localhost/\n",
      errors: [{ messageId: "missing", line: 4, column: 17 }],
    },
    {
      // nc is not on Debian; the database clients are not on a language image.
      code: "FROM ruby:3.3-slim\nHEALTHCHECK CMD nc -z localhost 3000\n",
      errors: [{ messageId: "missing", line: 2, column: 17 }],
    },
    {
      code: "FROM node:22.12-slim\nHEALTHCHECK CMD pg_isready -h db\n",
      errors: [{ messageId: "missing", line: 2, column: 17 }],
    },
    {
      // MongoDB 6 removed the legacy shell.
      code: "FROM mongo:7.0\nHEALTHCHECK CMD mongo --eval 'db.runCommand(\"ping\")'\n",
      errors: [{ messageId: "missing", line: 2, column: 17, data: slimMissing("'mongo'", "the image (built on 'mongo:7.0')") }],
    },
    {
      // No shell at all: the shell form cannot run.
      code: "FROM gcr.io/distroless/nodejs22-debian12\nCOPY server.js /app/\nHEALTHCHECK CMD node /app/healthcheck.js\n",
      errors: [{ messageId: "noShell", line: 3, column: 17, data: { image: "the image (built on 'gcr.io/distroless/nodejs22-debian12')" } }],
    },
    {
      code: "FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nHEALTHCHECK CMD [\"/bin/sh\", \"-c\", \"/app -health\"]\n",
      errors: [{ messageId: "noShell", line: 5, column: 17 }],
    },
  ],
});

ruleTester("compose").run("healthcheck-command-available", rule, {
  valid: [
    "services:\n  db:\n    image: postgres:16.4\n    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready -U $${POSTGRES_USER}\"]\n",
    "services:\n  cache:\n    image: redis:7.4\n    healthcheck:\n      test: [\"CMD\", \"redis-cli\", \"ping\"]\n",
    "services:\n  db:\n    image: mariadb:11.4\n    healthcheck:\n      test: [\"CMD\", \"healthcheck.sh\", \"--connect\"]\n",
    "services:\n  web:\n    image: nginx:1.27-alpine\n    healthcheck:\n      test: wget -qO- http://localhost/ || exit 1\n",
    // Images the table does not place.
    "services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: curl -f http://localhost/\n",
    "services:\n  web:\n    image: nginx:1.27-alpine\n    healthcheck:\n      test: [\"CMD\", \"/usr/bin/curl\", \"-f\", \"http://localhost/\"]\n",
    "services:\n  web:\n    image: ghcr.io/example/app:1\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost/\"]\n",
    "services:\n  db:\n    image: mysql:8.4\n    healthcheck:\n      test: [\"CMD\", \"mysqladmin\", \"ping\", \"-h\", \"localhost\"]\n",
    // The built Dockerfile installs curl.
    { filename: path.join(dir, "compose.yaml"), code: "services:\n  app:\n    build: .\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8000/\"]\n" },
    // A variable without a value.
    "services:\n  web:\n    image: debian:12-slim\n    healthcheck:\n      test: [\"CMD\", \"${CHECKER}\", \"http://localhost/\"]\n",
  ],
  invalid: [
    {
      code: "services:\n  db:\n    image: mariadb:11.4\n    healthcheck:\n      test: [\"CMD\", \"mysqladmin\", \"ping\", \"-h\", \"localhost\"]\n",
      errors: [{ messageId: "missing", line: 5, column: 21, data: slimMissing("'mysqladmin'", "the image 'mariadb:11.4'") }],
    },
    {
      code: "services:\n  db:\n    image: postgres:16.4\n    healthcheck:\n      test: curl -f http://localhost:5432/ || exit 1\n",
      errors: [{ messageId: "missing", line: 5, column: 13, data: slimMissing("'curl'", "the image 'postgres:16.4'") }],
    },
    {
      code: "services:\n  cache:\n    image: redis:7.4-alpine\n    healthcheck:\n      test: [\"CMD-SHELL\", \"curl -f http://localhost:6379 || exit 1\"]\n",
      errors: [{ messageId: "missing", line: 5, column: 27, data: slimMissing("'curl'", "the image 'redis:7.4-alpine'", "; the image has 'wget' and 'nc'") }],
    },
    {
      code: "services:\n  app:\n    image: gcr.io/distroless/base-debian12\n    healthcheck:\n      test: [\"CMD-SHELL\", \"/app/health\"]\n",
      errors: [{ messageId: "noShell", line: 5, column: 14 }],
    },
    {
      // The built Dockerfile's target stage (not the builder that installs curl).
      filename: path.join(dir, "compose.prod.yaml"),
      code: "services:\n  api:\n    build:\n      context: api\n      target: prod\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:3000/\"]\n",
      errors: [{ messageId: "missing", line: 7, column: 21, data: slimMissing("'curl'", "the image built from api/Dockerfile (stage 'prod')", "; the image has 'wget' and 'nc'") }],
    },
  ],
});
