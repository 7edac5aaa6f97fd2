import rule from "../../rules/prefer-numeric-user.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("prefer-numeric-user", rule, {
  valid: [
    "FROM alpine:3.20\nUSER 10001\n",
    "FROM alpine:3.20\nUSER 10001:10001\n",
    "FROM alpine:3.20\nUSER 1000:app\n",
    // Resolved: an ARG holding a UID; an unknown variable is not judged.
    "FROM alpine:3.20\nARG UID=1001\nUSER ${UID}\n",
    "FROM alpine:3.20\nUSER $APP_USER\n",
    // Windows users have no UID.
    "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\nRUN adduser -D app\nUSER app\n",
      errors: [{ messageId: "userName", line: 3, column: 6, endColumn: 9, data: { user: "app", example: "10001" } }],
    },
    {
      code: "FROM node:20.11\nUSER node:node\n",
      errors: [{ messageId: "userName", line: 2, column: 6, endColumn: 10, data: { user: "node", example: "10001:node" } }],
    },
    {
      code: "FROM alpine:3.20\nARG USERNAME=builder\nUSER $USERNAME\nUSER root\n",
      errors: [
        { messageId: "userName", line: 3, column: 6, data: { user: "builder", example: "10001" } },
        { messageId: "userName", line: 4, column: 6, data: { user: "root", example: "0" } },
      ],
    },
  ],
});
