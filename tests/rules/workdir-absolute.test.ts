import rule from "../../rules/workdir-absolute.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("workdir-absolute", rule, {
  valid: [
    "FROM alpine:3.20\nWORKDIR /usr/src/app\n",
    // Quoted absolute paths (hadolint DL3000's documented case).
    'FROM alpine:3.20\nWORKDIR "/usr/src/app"\n',
    "FROM alpine:3.20\nWORKDIR '/opt/app'\n",
    // A relative WORKDIR after an absolute one is relative to a path the file chose (BuildKit).
    dedent`
      FROM alpine:3.20
      WORKDIR /app
      WORKDIR src
    `,
    // ... also when the absolute one is in the stage it is built on.
    dedent`
      FROM alpine:3.20 AS base
      WORKDIR /app
      FROM base AS final
      WORKDIR build
    `,
    // Variables are resolved: HOME is set absolute.
    dedent`
      FROM alpine:3.20
      ENV HOME=/root
      WORKDIR $HOME/app
    `,
    dedent`
      FROM alpine:3.20
      ARG APP_DIR=/srv/app
      WORKDIR \${APP_DIR}
    `,
    "FROM alpine:3.20\nWORKDIR ${APP_DIR:-/srv/app}\n",
    // A variable the file does not set: unknown, so silent.
    "FROM alpine:3.20\nWORKDIR $APP_HOME\n",
    dedent`
      FROM alpine:3.20
      ARG DIR
      WORKDIR $DIR
      WORKDIR sub
    `,
    // Windows paths with the backtick escape, and drive-less absolute ones.
    dedent`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      WORKDIR C:\\app
      WORKDIR \\tools
    `,
    "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR C:/app\n",
    // ONBUILD triggers run in a later build.
    "FROM alpine:3.20\nONBUILD WORKDIR app\n",
  ],
  invalid: [
    {
      code: dedent`
        FROM nginx:1.27 AS web
        WORKDIR usr/share/nginx/html
        COPY public .
      `,
      errors: [{ messageId: "relative", line: 2, column: 9, endLine: 2, endColumn: 29, data: { path: "usr/share/nginx/html" } }],
    },
    {
      // Two relative WORKDIRs: both depend on the base image.
      code: dedent`
        FROM alpine:3.20
        WORKDIR app
        WORKDIR ./src
      `,
      errors: [
        { messageId: "relative", line: 2, column: 9 },
        { messageId: "relative", line: 3, column: 9 },
      ],
    },
    {
      // An ENV that resolves to a relative path; an absolute WORKDIR of another (unrelated) stage does not count.
      code: dedent`
        FROM alpine:3.20 AS a
        WORKDIR /app
        FROM alpine:3.20
        ENV DIR=build
        WORKDIR $DIR
      `,
      errors: [{ messageId: "relative", line: 5, column: 9, data: { path: "$DIR" } }],
    },
    {
      // The absolute WORKDIR comes after: too late.
      code: dedent`
        FROM alpine:3.20
        WORKDIR app
        WORKDIR /app
      `,
      errors: [{ messageId: "relative", line: 2, column: 9 }],
    },
  ],
});
