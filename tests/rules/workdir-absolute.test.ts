import rule from "../../rules/workdir-absolute.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("workdir-absolute", rule, {
  valid: [
    "FROM alpine:3.20\nWORKDIR /usr/src/app\n",
    // Quoted absolute paths (hadolint DL3000's documented case).
    'FROM alpine:3.20\nWORKDIR "/usr/src/app"\n',
    "FROM alpine:3.20\nWORKDIR '/opt/app'\n",
    // A relative WORKDIR after an absolute one is relative to a path the file chose (BuildKit).
    "FROM alpine:3.20\nWORKDIR /app\nWORKDIR src\n",
    // ... also when the absolute one is in the stage it is built on.
    "FROM alpine:3.20 AS base\nWORKDIR /app\nFROM base AS final\nWORKDIR build\n",
    // Variables are resolved: HOME is set absolute.
    "FROM alpine:3.20\nENV HOME=/root\nWORKDIR $HOME/app\n",
    "FROM alpine:3.20\nARG APP_DIR=/srv/app\nWORKDIR ${APP_DIR}\n",
    "FROM alpine:3.20\nWORKDIR ${APP_DIR:-/srv/app}\n",
    // A variable the file does not set: unknown, so silent.
    "FROM alpine:3.20\nWORKDIR $APP_HOME\n",
    "FROM alpine:3.20\nARG DIR\nWORKDIR $DIR\nWORKDIR sub\n",
    // Windows paths with the backtick escape, and drive-less absolute ones.
    "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\nWORKDIR \\tools\n",
    "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR C:/app\n",
    // ONBUILD triggers run in a later build.
    "FROM alpine:3.20\nONBUILD WORKDIR app\n",
  ],
  invalid: [
    {
      code: "FROM nginx:1.27 AS web\nWORKDIR usr/share/nginx/html\nCOPY public .\n",
      errors: [{ messageId: "relative", line: 2, column: 9, endLine: 2, endColumn: 29, data: { path: "usr/share/nginx/html" } }],
    },
    {
      // Two relative WORKDIRs: both depend on the base image.
      code: "FROM alpine:3.20\nWORKDIR app\nWORKDIR ./src\n",
      errors: [
        { messageId: "relative", line: 2, column: 9 },
        { messageId: "relative", line: 3, column: 9 },
      ],
    },
    {
      // An ENV that resolves to a relative path; an absolute WORKDIR of another (unrelated) stage does not count.
      code: "FROM alpine:3.20 AS a\nWORKDIR /app\nFROM alpine:3.20\nENV DIR=build\nWORKDIR $DIR\n",
      errors: [{ messageId: "relative", line: 5, column: 9, data: { path: "$DIR" } }],
    },
    {
      // The absolute WORKDIR comes after: too late.
      code: "FROM alpine:3.20\nWORKDIR app\nWORKDIR /app\n",
      errors: [{ messageId: "relative", line: 2, column: 9 }],
    },
  ],
});
