import rule from "../../rules/json-args.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("json-args", rule, {
  valid: [
    'FROM node:20.11\nCMD ["node", "server.js"]\nENTRYPOINT ["/docker-entrypoint.sh"]\n',
    // An explicit SHELL: the author wants the shell (BuildKit's exception), also inherited through FROM <stage>.
    'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nCMD echo "$HOME"\n',
    'FROM alpine:3.20 AS base\nSHELL ["/bin/sh", "-c"]\nFROM base\nENTRYPOINT exec app\n',
    // HEALTHCHECK and RUN are not this rule's.
    "FROM alpine:3.20\nRUN echo hi\nHEALTHCHECK CMD wget -q -O- localhost\n",
    // Empty CMD.
    "FROM alpine:3.20\nCMD\n",
  ],
  invalid: [
    {
      code: "FROM node:20.11\nCMD node server.js\n",
      errors: [
        {
          messageId: "shellForm",
          line: 2,
          column: 1,
          endColumn: 4,
          data: { keyword: "CMD" },
          suggestions: [{ messageId: "useExecForm", data: { keyword: "CMD", json: '["node", "server.js"]' }, output: 'FROM node:20.11\nCMD ["node", "server.js"]\n' }],
        },
      ],
    },
    {
      // Quotes are removed exactly; a continuation is replaced with the JSON.
      code: "FROM python:3.12\nENTRYPOINT python -m 'my app' \\\n  --port 80\n",
      errors: [{ messageId: "shellForm", line: 2, column: 1, suggestions: [{ messageId: "useExecForm", output: 'FROM python:3.12\nENTRYPOINT ["python", "-m", "my app", "--port", "80"]\n' }] }],
    },
    {
      // Shell features: no suggestion (variables, operators, redirections, globs, builtins, ~).
      code: 'FROM alpine:3.20\nCMD echo "$HOME"\nCMD a && b\nCMD app > /log\nCMD ls *.txt\nCMD exec app\nCMD cat ~/x\nCMD A=1 app\n',
      errors: [
        { messageId: "shellForm", line: 2, suggestions: [] },
        { messageId: "shellForm", line: 3, suggestions: [] },
        { messageId: "shellForm", line: 4, suggestions: [] },
        { messageId: "shellForm", line: 5, suggestions: [] },
        { messageId: "shellForm", line: 6, suggestions: [] },
        { messageId: "shellForm", line: 7, suggestions: [] },
        { messageId: "shellForm", line: 8, suggestions: [] },
      ],
    },
    {
      // A SHELL after the CMD does not count; a Windows stage gets no suggestion (cmd quoting differs).
      code: 'FROM alpine:3.20\nCMD app\nSHELL ["/bin/bash", "-c"]\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD app.exe\n',
      errors: [
        { messageId: "shellForm", line: 2, suggestions: [{ messageId: "useExecForm", output: 'FROM alpine:3.20\nCMD ["app"]\nSHELL ["/bin/bash", "-c"]\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD app.exe\n' }] },
        { messageId: "shellForm", line: 5, suggestions: [] },
      ],
    },
  ],
});
