import rule from "../../rules/valid-exec-form.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("valid-exec-form", rule, {
  valid: [
    'FROM node:22\nCMD ["node", "app.js"]\n',
    "FROM node:22\nCMD node app.js\n",
    // The shell's test command, not an array: no commas.
    'FROM alpine:3.20\nRUN [ "$A" = "b" ] && echo same\n',
    "FROM alpine:3.20\nRUN [ -f /etc/alpine-release ]\n",
    // Escapes JSON accepts, and an empty array.
    'FROM alpine:3.20\nENTRYPOINT ["/bin/sh", "-c", "echo \\"hi\\""]\nCMD []\n',
    // A heredoc RUN is a script.
    "FROM alpine:3.20\nRUN <<EOF\n['a', 'b']\nEOF\n",
  ],
  invalid: [
    {
      code: "FROM node:22\nCMD ['node', 'app.js']\n",
      errors: [
        {
          messageId: "malformed",
          line: 2,
          column: 5,
          endColumn: 23,
          data: { keyword: "CMD", faults: "single quotes", json: '["node", "app.js"]' },
          suggestions: [{ messageId: "useJson", data: { keyword: "CMD", json: '["node", "app.js"]' }, output: 'FROM node:22\nCMD ["node", "app.js"]\n' }],
        },
      ],
    },
    {
      code: 'FROM alpine:3.20\nENTRYPOINT ["/app", "-v",]\n',
      errors: [
        {
          messageId: "malformed",
          line: 2,
          column: 12,
          data: { keyword: "ENTRYPOINT", faults: "a trailing comma", json: '["/app", "-v"]' },
          suggestions: [{ messageId: "useJson", output: 'FROM alpine:3.20\nENTRYPOINT ["/app", "-v"]\n' }],
        },
      ],
    },
    {
      // SonarQube S7030's own example: only some quotes typographic.
      code: "FROM alpine:3.14\nENTRYPOINT [ \"/bin/bash\u201D, \u201C-c\u201D ]\n",
      errors: [
        {
          messageId: "malformed",
          data: { keyword: "ENTRYPOINT", faults: "typographic quotes", json: '["/bin/bash", "-c"]' },
          suggestions: [{ messageId: "useJson", output: 'FROM alpine:3.14\nENTRYPOINT ["/bin/bash", "-c"]\n' }],
        },
      ],
    },
    {
      // A Windows path: every backslash was meant literally.
      code: "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN [\"C:\\tools\\app.exe\", '/x']\n",
      errors: [
        {
          messageId: "malformed",
          data: { keyword: "RUN", faults: "an invalid backslash escape and single quotes", json: '["C:\\\\tools\\\\app.exe", "/x"]' },
          suggestions: [{ messageId: "useJson", output: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN ["C:\\\\tools\\\\app.exe", "/x"]\n' }],
        },
      ],
    },
    {
      // HEALTHCHECK CMD, over a line continuation.
      code: "FROM nginx:1.27\nHEALTHCHECK CMD ['curl', '-f', \\\n  'http://localhost/']\n",
      errors: [
        {
          messageId: "malformed",
          line: 2,
          endLine: 3,
          data: { keyword: "HEALTHCHECK", faults: "single quotes", json: '["curl", "-f", "http://localhost/"]' },
          suggestions: [{ messageId: "useJson", output: 'FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n' }],
        },
      ],
    },
    {
      // Text after the array (SonarQube's other example): moved into it by the suggestion.
      code: 'FROM alpine:3.20\nENTRYPOINT ["/app", "-c", "config.json"] -D\n',
      errors: [
        {
          messageId: "trailingText",
          line: 2,
          column: 42,
          endColumn: 44,
          suggestions: [{ messageId: "moveIntoArray", output: 'FROM alpine:3.20\nENTRYPOINT ["/app", "-c", "config.json", "-D"]\n' }],
        },
      ],
    },
    {
      // Words a shell would have read differently: no suggestion.
      code: 'FROM alpine:3.20\nRUN ["echo", "hello"]this is $HOME\n',
      errors: [{ messageId: "trailingText", suggestions: [] }],
    },
  ],
});
