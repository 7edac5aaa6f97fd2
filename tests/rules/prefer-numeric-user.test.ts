import rule from "../../rules/prefer-numeric-user.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("prefer-numeric-user", rule, {
  valid: [
    "FROM alpine:3.20\nUSER 10001\n",
    "FROM alpine:3.20\nUSER 10001:10001\n",
    "FROM alpine:3.20\nUSER 1000:app\n",
    // Resolved: an ARG holding a UID; an unknown variable is not judged.
    dedent`
      FROM alpine:3.20
      ARG UID=1001
      USER \${UID}
    `,
    "FROM alpine:3.20\nUSER $APP_USER\n",
    // Windows users have no UID.
    "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n",
    // Only the image's user counts: a builder stage's USER, or one a later USER replaces, never reaches it.
    dedent`
      FROM golang:1.22 AS build
      USER root
      RUN go build -o /app
      FROM debian:12-slim
      COPY --from=build /app /app
      USER 10001
    `,
    dedent`
      FROM alpine:3.20
      USER app
      RUN make
      USER 10001
    `,
    dedent`
      FROM node:20.11 AS dev
      USER node
      FROM node:20.11-slim
      USER 1000
    `,
    // Root is no-root-user's finding (USER 0 would not pass runAsNonRoot either).
    "FROM debian:12\nUSER root\n",
    // A FROM scratch export stage runs nothing.
    dedent`
      FROM scratch
      USER app
      COPY dist /
    `,
  ],
  invalid: [
    {
      code: dedent`
        FROM alpine:3.20
        RUN adduser -D app
        USER app
      `,
      errors: [{ messageId: "userName", line: 3, column: 6, endColumn: 9, data: { user: "app", example: "10001" } }],
    },
    {
      code: "FROM node:20.11\nUSER node:node\n",
      errors: [{ messageId: "userName", line: 2, column: 6, endColumn: 10, data: { user: "node", example: "10001:node" } }],
    },
    {
      code: dedent`
        FROM alpine:3.20
        USER root
        ARG USERNAME=builder
        USER $USERNAME
      `,
      errors: [{ messageId: "userName", line: 4, column: 6, data: { user: "builder", example: "10001" } }],
    },
    {
      // Inherited from the stage the final one is built on.
      code: dedent`
        FROM python:3.12-slim AS base
        USER app
        FROM base
        COPY . /srv
        CMD ["python", "/srv/main.py"]
      `,
      errors: [{ messageId: "userName", line: 2, column: 6, data: { user: "app", example: "10001" } }],
    },
  ],
});

ruleTester("compose").run("prefer-numeric-user", rule, {
  valid: [
    dedent`
      services:
        a: { image: nginx:1.27, user: "101" }
        b: { image: nginx:1.27, user: "101:101" }
        c: { image: nginx:1.27, user: 1000 }
        d: { image: nginx:1.27, user: "1000:www-data" }
        # Root is no-root-user's finding.
        e: { image: nginx:1.27, user: root }
        f: { image: nginx:1.27, user: "0:0" }
        # Only the environment knows.
        g: { image: nginx:1.27, user: "\${APP_UID}:\${APP_GID}" }
        h: { image: nginx:1.27, user: "\${APP_USER}" }
        # Windows users have no UID.
        w: { image: "mcr.microsoft.com/windows/servercore:ltsc2022", user: ContainerAdministrator }
        x: { image: "mcr.microsoft.com/windows/nanoserver:ltsc2022", user: ContainerUser }
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          web:
            image: node:22-bookworm
            user: node
          worker:
            build: .
            user: "app:app"
          cron:
            image: alpine:3.20
            user: \${CRON_USER:-nobody}
      `,
      errors: [
        { messageId: "serviceUserName", line: 4, column: 11, endColumn: 15, data: { service: "web", user: "node", example: "10001" } },
        { messageId: "serviceUserName", line: 7, column: 11, data: { service: "worker", user: "app:app", example: "10001:10001" } },
        { messageId: "serviceUserName", line: 10, column: 11, data: { service: "cron", user: "nobody", example: "10001" } },
      ],
    },
    {
      // A shared anchor is reported where each service reaches it.
      code: dedent`
        x-common: &common
          user: app
        services:
          a:
            <<: *common
            image: alpine:3.20
          b:
            <<: *common
            image: alpine:3.20
      `,
      errors: [
        { messageId: "serviceUserName", line: 5, column: 9, data: { service: "a", user: "app", example: "10001" } },
        { messageId: "serviceUserName", line: 8, column: 9, data: { service: "b", user: "app", example: "10001" } },
      ],
    },
  ],
});
