import rule from "../../rules/no-duplicate-stage-name.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("no-duplicate-stage-name", rule, {
  valid: [
    "FROM golang:1.22 AS build\nFROM alpine:3.20 AS final\n",
    "FROM golang:1.22\nFROM alpine:3.20\n",
    "FROM golang:1.22 AS build-linux\nFROM golang:1.22 AS build-windows\n",
  ],
  invalid: [
    {
      code: "FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20 AS build\n",
      errors: [{ messageId: "duplicate", line: 3, column: 21, endColumn: 26, data: { name: "build", line: "1" } }],
    },
    {
      // BuildKit compares names case-insensitively; every repeat is reported.
      code: "FROM node:20 AS Deps\nFROM node:20 as deps\nFROM node:20 AS DEPS\n",
      errors: [
        { messageId: "duplicate", line: 2, column: 17, data: { name: "deps", line: "1" } },
        { messageId: "duplicate", line: 3, column: 17, data: { name: "DEPS", line: "1" } },
      ],
    },
  ],
});
