import rule from "../../rules/require-quoted-ports.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("compose").run("require-quoted-ports", rule, {
  valid: [
    "services:\n  app:\n    ports:\n      - \"8080:80\"\n      - '127.0.0.1:53:53/udp'\n    expose: [\"3000\"]\n",
    // The long syntax types its fields.
    "services:\n  app:\n    ports:\n      - target: 80\n        published: 8080\n",
  ],
  invalid: [
    {
      code: "services:\n  ssh:\n    ports:\n      - 22:22\n      - 8080\n    expose:\n      - 3000\n",
      output: "services:\n  ssh:\n    ports:\n      - \"22:22\"\n      - \"8080\"\n    expose:\n      - \"3000\"\n",
      errors: [
        { messageId: "unquoted", line: 4, column: 9, endColumn: 14, data: { field: "ports", text: "22:22" } },
        { messageId: "unquoted", line: 5, column: 9, data: { field: "ports", text: "8080" } },
        { messageId: "unquoted", line: 7, column: 9, data: { field: "expose", text: "3000" } },
      ],
    },
    {
      // Flow sequences, an interpolation, and an anchored list shared by two services (fixed once).
      code: "x-ports: &ports\n  - ${WEB_PORT:-80}:80\nservices:\n  a:\n    ports: *ports\n  b:\n    ports: *ports\n    expose: [3000, '3001']\n",
      output: "x-ports: &ports\n  - \"${WEB_PORT:-80}:80\"\nservices:\n  a:\n    ports: *ports\n  b:\n    ports: *ports\n    expose: [\"3000\", '3001']\n",
      errors: [
        { messageId: "unquoted", line: 2, column: 5 },
        { messageId: "unquoted", line: 8, column: 14 },
      ],
    },
  ],
});
