import { describe, expect, it } from "vitest";
import rule from "../../rules/prefer-minimal-base-image.js";
import { parseImageReference } from "../../lib/dockerfile/image-reference.js";
import { minimalAlternative, readTag, imageFamily } from "../../lib/semantics/images/image-families.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

const DIGEST = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

ruleTester("dockerfile").run("prefer-minimal-base-image", rule, {
  valid: [
    "FROM node:20-slim\n",
    "FROM node:20.11-alpine3.19\n",
    "FROM python:3.12-slim-bookworm\n",
    "FROM eclipse-temurin:21-jre-jammy\n",
    // The full variant named explicitly is a deliberate choice (Tomcat's official jdk variants).
    'FROM eclipse-temurin:21-jdk-noble\nCMD ["catalina.sh", "run"]\n',
    // No CMD or ENTRYPOINT anywhere: a toolbox image (dev container, CI, code generation), not an application.
    dedent`
      FROM golang:1.22 AS base
      FROM base AS validate
      RUN go vet ./...
    `,
    "FROM python:3\nRUN pip install pylint\n",
    // A final stage named as a development or test image.
    dedent`
      FROM golang:1.22 AS dev-base
      ENTRYPOINT ["hack/dind"]
      FROM dev-base AS dev
    `,
    'FROM node:20 AS test_env\nCMD ["npm", "test"]\n',
    // Only a REPL or a shell: a base image people run their own programs in.
    'FROM python:3.12\nCMD ["python3"]\n',
    "FROM node:20\nCMD bash\n",
    // A dev container definition.
    { code: 'FROM python:3.12\nCMD ["sleep", "infinity"]\n', filename: "/repo/.devcontainer/Dockerfile" },
    // Only the image the build ships is judged: a full builder is the point of a multi-stage build.
    dedent`
      FROM golang:1.22 AS build
      RUN go build -o /app
      FROM gcr.io/distroless/static-debian12
      COPY --from=build /app /app
    `,
    dedent`
      FROM node:20 AS build
      RUN npm run build
      FROM nginx:1.27-alpine
      COPY --from=build /app/dist /usr/share/nginx/html
    `,
    // Variants the table does not classify, images it does not know, no version at all.
    "FROM php:8.2-apache\n",
    "FROM python:3.12-windowsservercore-ltsc2022\n",
    "FROM bitnami/node:20\n",
    "FROM node\n",
    "FROM debian:bookworm\n",
    "FROM scratch\n",
    "ARG BASE\nFROM $BASE\n",
  ],
  invalid: [
    {
      code: "FROM python:3.12\nCMD [\"python\", \"app.py\"]\n",
      errors: [
        {
          messageId: "fullImage",
          line: 1,
          column: 13,
          endColumn: 17,
          data: { where: "The final stage", image: "python:3.12", family: "Python", suggestion: "python:3.12-slim" },
          suggestions: [{ messageId: "useMinimal", data: { suggestion: "python:3.12-slim" }, output: "FROM python:3.12-slim\nCMD [\"python\", \"app.py\"]\n" }],
        },
      ],
    },
    {
      // Each family's own order of words.
      code: "FROM node:20-bookworm AS app\nCMD node server.js\n",
      errors: [{ messageId: "fullImage", line: 1, column: 11, suggestions: [{ messageId: "useMinimal", output: "FROM node:20-bookworm-slim AS app\nCMD node server.js\n" }] }],
    },
    {
      code: "FROM python:3.12.1-bookworm\nENTRYPOINT [\"python\", \"-m\", \"app\"]\n",
      errors: [{ messageId: "fullImage", line: 1, column: 13, suggestions: [{ messageId: "useMinimal", output: "FROM python:3.12.1-slim-bookworm\nENTRYPOINT [\"python\", \"-m\", \"app\"]\n" }] }],
    },
    {
      code: dedent`
        FROM golang:1.22
        RUN go build -o /app
        CMD ["/app"]
      `,
      errors: [{ messageId: "fullImage", line: 1, column: 13, suggestions: [{ messageId: "useMinimal", output: dedent`
        FROM golang:1.22-alpine
        RUN go build -o /app
        CMD ["/app"]
      ` }] }],
    },
    {
      code: "FROM eclipse-temurin:21-jammy\nENTRYPOINT [\"java\", \"-jar\", \"/app.jar\"]\n",
      errors: [{ messageId: "fullImage", line: 1, column: 22, suggestions: [{ messageId: "useMinimal", output: "FROM eclipse-temurin:21-jre-jammy\nENTRYPOINT [\"java\", \"-jar\", \"/app.jar\"]\n" }] }],
    },
    {
      // The final stage inherits its base through an earlier stage: reported where the image is named.
      code: dedent`
        FROM node:20.11.1 AS base
        WORKDIR /app
        FROM base AS final
        CMD ["node", "server.js"]
      `,
      errors: [
        {
          messageId: "fullImage",
          line: 1,
          column: 11,
          data: { where: 'The final stage "final"', image: "node:20.11.1", family: "Node.js", suggestion: "node:20.11.1-slim" },
          suggestions: [{ messageId: "useMinimal", output: dedent`
            FROM node:20.11.1-slim AS base
            WORKDIR /app
            FROM base AS final
            CMD ["node", "server.js"]
          ` }],
        },
      ],
    },
    {
      // Through an ARG: reported on the reference, no edit offered (the tag is not written here).
      code: dedent`
        ARG PYTHON_VERSION=3.12
        FROM python:\${PYTHON_VERSION}
        CMD python app.py
      `,
      errors: [{ messageId: "fullImage", line: 2, column: 6, endColumn: 30, data: { where: "The final stage", image: "python:3.12", family: "Python", suggestion: "python:3.12-slim" }, suggestions: [] }],
    },
    {
      // A digest pins the full image: the new tag needs a new digest, so no edit is offered.
      code: `FROM ruby:3.3@${DIGEST}\nCMD ["ruby", "app.rb"]\n`,
      errors: [{ messageId: "fullImage", line: 1, column: 11, suggestions: [] }],
    },
  ],
});

ruleTester("compose").run("prefer-minimal-base-image", rule, {
  valid: [dedent`
    services:
      db:
        image: postgres:16
      app:
        build: .
        image: node:20
  `, dedent`
    services:
      web:
        image: node:20-alpine
  `],
  invalid: [
    {
      code: dedent`
        services:
          worker:
            image: "python:3.12"
      `,
      errors: [
        {
          messageId: "fullImage",
          line: 3,
          column: 12,
          data: { where: 'Service "worker"', image: "python:3.12", family: "Python", suggestion: "python:3.12-slim" },
          suggestions: [{ messageId: "useMinimal", output: dedent`
            services:
              worker:
                image: "python:3.12-slim"
          ` }],
        },
      ],
    },
    {
      code: dedent`
        services:
          web:
            image: node:\${NODE_TAG:-20}
      `,
      errors: [{ messageId: "fullImage", line: 3, column: 12, suggestions: [] }],
    },
  ],
});

describe("image families", () => {
  it.each([
    ["node:20.11.1-bookworm-slim", "20.11.1", true],
    ["node:iron-alpine3.19", "iron", true],
    ["golang:alpine3.19", null, true],
    ["debian:bookworm-slim", "bookworm", true],
    ["python:3.13.0rc1-slim", "3.13.0rc1", true],
    ["python:3.12", "3.12", false],
  ] as const)("reads %s", (image, version, minimal) => {
    const reference = parseImageReference(image);
    const reading = readTag(imageFamily(reference), reference.tag ?? "");
    expect(reading.version).toBe(version);
    expect(reading.minimal).toBe(minimal);
  });

  it("has no minimal alternative for variants it does not classify", () => {
    expect(minimalAlternative(parseImageReference("php:8.2-fpm"))).toBeNull();
    expect(minimalAlternative(parseImageReference("php:8.2"))?.tag).toBe("8.2-cli-alpine");
    expect(minimalAlternative(parseImageReference("php:8.2-cli"))).toBeNull();
    expect(minimalAlternative(parseImageReference("openjdk:17"))?.tag).toBe("17-slim");
    expect(minimalAlternative(parseImageReference("openjdk:17-jdk"))).toBeNull();
  });
});
