import rule from "../../rules/json-args.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("json-args", rule, {
  valid: [
    dedent`
      FROM node:20.11
      CMD ["node", "server.js"]
      ENTRYPOINT ["/docker-entrypoint.sh"]
    `,
    // An explicit SHELL: the author wants the shell (BuildKit's exception), also inherited through FROM <stage>.
    dedent`
      FROM alpine:3.20
      SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
      CMD echo "$HOME"
    `,
    dedent`
      FROM alpine:3.20 AS base
      SHELL ["/bin/sh", "-c"]
      FROM base
      ENTRYPOINT exec app
    `,
    // HEALTHCHECK and RUN are not this rule's.
    dedent`
      FROM alpine:3.20
      RUN echo hi
      HEALTHCHECK CMD wget -q -O- localhost
    `,
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
      code: dedent`
        FROM python:3.12
        ENTRYPOINT python -m 'my app' \\
          --port 80
      `,
      errors: [{ messageId: "shellForm", line: 2, column: 1, suggestions: [{ messageId: "useExecForm", output: 'FROM python:3.12\nENTRYPOINT ["python", "-m", "my app", "--port", "80"]\n' }] }],
    },
    {
      // Shell features: no suggestion (variables, operators, redirections, globs, builtins, ~).
      code: dedent`
        FROM alpine:3.20
        CMD echo "$HOME"
        CMD a && b
        CMD app > /log
        CMD ls *.txt
        CMD exec app
        CMD cat ~/x
        CMD A=1 app
      `,
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
      code: dedent`
        FROM alpine:3.20
        CMD app
        SHELL ["/bin/bash", "-c"]
        FROM mcr.microsoft.com/windows/servercore:ltsc2022
        CMD app.exe
      `,
      errors: [
        { messageId: "shellForm", line: 2, suggestions: [{ messageId: "useExecForm", output: dedent`
          FROM alpine:3.20
          CMD ["app"]
          SHELL ["/bin/bash", "-c"]
          FROM mcr.microsoft.com/windows/servercore:ltsc2022
          CMD app.exe
        ` }] },
        { messageId: "shellForm", line: 5, suggestions: [] },
      ],
    },
  ],
});
