import rule from "../../rules/no-reserved-stage-name.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("no-reserved-stage-name", rule, {
  valid: ["FROM scratch\n", "FROM alpine:3.20 AS contexts\n", "FROM alpine:3.20 AS scratch-tools\n", "FROM scratch AS final\n"],
  invalid: [
    {
      code: "FROM alpine:3.20 AS scratch\n",
      errors: [{ messageId: "reserved", line: 1, column: 21, endColumn: 28, data: { name: "scratch", reserved: "scratch", meaning: "the empty base image" } }],
    },
    {
      code: "FROM alpine:3.20 AS Context\n",
      errors: [{ messageId: "reserved", line: 1, column: 21, data: { name: "Context", reserved: "context", meaning: "the build context (and named contexts)" } }],
    },
  ],
});
