import rule from "../../rules/require-workdir-for-relative-copy.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("require-workdir-for-relative-copy", rule, {
  valid: [
    dedent`
      FROM python:3.12
      WORKDIR /app
      COPY requirements.txt .
    `,
    "FROM python:3.12\nCOPY requirements.txt /app/\n",
    // Quoted absolute, a variable set absolute, a variable the file does not set.
    'FROM python:3.12\nCOPY app.py "/app/"\n',
    dedent`
      FROM python:3.12
      ENV APP=/srv
      COPY app.py $APP/
    `,
    "FROM python:3.12\nCOPY app.py $APP_HOME\n",
    // WORKDIR inherited from the stage it is built on.
    dedent`
      FROM python:3.12 AS base
      WORKDIR /app
      FROM base
      COPY . .
    `,
    // ... also from a base stage picked by a build argument, when every candidate sets one.
    dedent`
      FROM alpine:3.20 AS base-amd64
      WORKDIR /src
      FROM alpine:3.20 AS base-arm64
      WORKDIR /src
      FROM base-\${TARGETARCH}
      COPY . .
    `,
    // scratch always starts at /.
    dedent`
      FROM golang:1.22 AS build
      WORKDIR /src
      RUN go build -o /out/app
      FROM scratch
      COPY --from=build /out/app .
    `,
    // Windows paths, JSON forms with variables.
    dedent`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      COPY app.exe C:\\app\\
    `,
    'FROM mcr.microsoft.com/powershell:lts-nanoserver-ltsc2022\nCOPY ["a", "$ProgramFiles\\\\PowerShell"]\n',
    // A relative WORKDIR is workdir-absolute's finding.
    dedent`
      FROM python:3.12
      WORKDIR app
      COPY . .
    `,
    // ONBUILD triggers run in another build.
    "FROM python:3.12\nONBUILD COPY . .\n",
  ],
  invalid: [
    {
      code: dedent`
        FROM python:3.12
        COPY requirements.txt .
        WORKDIR /app
      `,
      errors: [{ messageId: "noWorkdir", line: 2, column: 23, endLine: 2, endColumn: 24, data: { keyword: "COPY", destination: "." } }],
    },
    {
      code: "FROM openjdk:21\nADD build/libs/app.jar app.jar\n",
      errors: [{ messageId: "noWorkdir", line: 2, column: 24, data: { keyword: "ADD", destination: "app.jar" } }],
    },
    {
      // The WORKDIR of an unrelated stage does not count; JSON destinations too.
      code: dedent`
        FROM alpine:3.20 AS a
        WORKDIR /app
        FROM alpine:3.20
        COPY ["x", "lib/"]
      `,
      errors: [{ messageId: "noWorkdir", line: 4, column: 12, data: { keyword: "COPY", destination: '"lib/"' } }],
    },
    {
      // An ARG that resolves to a relative path.
      code: dedent`
        FROM alpine:3.20
        ARG DEST=data
        COPY x $DEST
      `,
      errors: [{ messageId: "noWorkdir", line: 3, column: 8 }],
    },
  ],
});
