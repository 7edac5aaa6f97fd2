import rule from "../../rules/require-workdir-for-relative-copy.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("require-workdir-for-relative-copy", rule, {
  valid: [
    "FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt .\n",
    "FROM python:3.12\nCOPY requirements.txt /app/\n",
    // Quoted absolute, a variable set absolute, a variable the file does not set.
    'FROM python:3.12\nCOPY app.py "/app/"\n',
    "FROM python:3.12\nENV APP=/srv\nCOPY app.py $APP/\n",
    "FROM python:3.12\nCOPY app.py $APP_HOME\n",
    // WORKDIR inherited from the stage it is built on.
    "FROM python:3.12 AS base\nWORKDIR /app\nFROM base\nCOPY . .\n",
    // ... also from a base stage picked by a build argument, when every candidate sets one.
    "FROM alpine:3.20 AS base-amd64\nWORKDIR /src\nFROM alpine:3.20 AS base-arm64\nWORKDIR /src\nFROM base-${TARGETARCH}\nCOPY . .\n",
    // scratch always starts at /.
    "FROM golang:1.22 AS build\nWORKDIR /src\nRUN go build -o /out/app\nFROM scratch\nCOPY --from=build /out/app .\n",
    // Windows paths, JSON forms with variables.
    "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app.exe C:\\app\\\n",
    'FROM mcr.microsoft.com/powershell:lts-nanoserver-ltsc2022\nCOPY ["a", "$ProgramFiles\\\\PowerShell"]\n',
    // A relative WORKDIR is workdir-absolute's finding.
    "FROM python:3.12\nWORKDIR app\nCOPY . .\n",
    // ONBUILD triggers run in another build.
    "FROM python:3.12\nONBUILD COPY . .\n",
  ],
  invalid: [
    {
      code: "FROM python:3.12\nCOPY requirements.txt .\nWORKDIR /app\n",
      errors: [{ messageId: "noWorkdir", line: 2, column: 23, endLine: 2, endColumn: 24, data: { keyword: "COPY", destination: "." } }],
    },
    {
      code: "FROM openjdk:21\nADD build/libs/app.jar app.jar\n",
      errors: [{ messageId: "noWorkdir", line: 2, column: 24, data: { keyword: "ADD", destination: "app.jar" } }],
    },
    {
      // The WORKDIR of an unrelated stage does not count; JSON destinations too.
      code: 'FROM alpine:3.20 AS a\nWORKDIR /app\nFROM alpine:3.20\nCOPY ["x", "lib/"]\n',
      errors: [{ messageId: "noWorkdir", line: 4, column: 12, data: { keyword: "COPY", destination: '"lib/"' } }],
    },
    {
      // An ARG that resolves to a relative path.
      code: "FROM alpine:3.20\nARG DEST=data\nCOPY x $DEST\n",
      errors: [{ messageId: "noWorkdir", line: 3, column: 8 }],
    },
  ],
});
