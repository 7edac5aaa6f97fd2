import rule from "../../rules/no-instruction-before-from.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-instruction-before-from", rule, {
  valid: [
    "FROM alpine:3.20\nRUN true\n",
    dedent`
      # syntax=docker/dockerfile:1
      # a comment
      ARG VERSION=3.20
      ARG OTHER
      FROM alpine:\${VERSION}
    `,
    // Not an instruction: no-unknown-instruction reports it.
    "FORM alpine:3.20\nFROM alpine:3.20\n",
  ],
  invalid: [
    {
      code: "LABEL a=b\nFROM alpine:3.20\n",
      errors: [{ messageId: "beforeFrom", line: 1, column: 1, endLine: 1, endColumn: 6, data: { keyword: "LABEL" } }],
    },
    {
      code: dedent`
        ARG V=1
        ENV A=1
        run echo hi
        FROM alpine:3.20
      `,
      errors: [
        { messageId: "beforeFrom", line: 2, column: 1, data: { keyword: "ENV" } },
        { messageId: "beforeFrom", line: 3, column: 1, data: { keyword: "RUN" } },
      ],
    },
    {
      // A file with no FROM at all.
      code: "RUN echo hi\n",
      errors: [{ messageId: "beforeFrom", line: 1, column: 1 }],
    },
  ],
});
