import rule from "../../rules/no-duplicate-stage-name.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-duplicate-stage-name", rule, {
  valid: [
    "FROM golang:1.22 AS build\nFROM alpine:3.20 AS final\n",
    "FROM golang:1.22\nFROM alpine:3.20\n",
    "FROM golang:1.22 AS build-linux\nFROM golang:1.22 AS build-windows\n",
  ],
  invalid: [
    {
      code: dedent`
        FROM golang:1.22 AS build
        RUN go build
        FROM alpine:3.20 AS build
      `,
      errors: [{ messageId: "duplicate", line: 3, column: 21, endColumn: 26, data: { name: "build", line: "1" } }],
    },
    {
      // BuildKit compares names case-insensitively; every repeat is reported.
      code: dedent`
        FROM node:20 AS Deps
        FROM node:20 as deps
        FROM node:20 AS DEPS
      `,
      errors: [
        { messageId: "duplicate", line: 2, column: 17, data: { name: "deps", line: "1" } },
        { messageId: "duplicate", line: 3, column: 17, data: { name: "DEPS", line: "1" } },
      ],
    },
  ],
});
