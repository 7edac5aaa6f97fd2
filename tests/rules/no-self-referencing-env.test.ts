import rule from "../../rules/no-self-referencing-env.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("no-self-referencing-env", rule, {
  valid: [
    // A variable's own previous value (hadolint DL3044 allows it too).
    'FROM node:20.11\nENV PATH="/app/node_modules/.bin:$PATH"\n',
    // Set by an earlier instruction.
    "FROM alpine:3.20\nENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin\n",
    "FROM alpine:3.20\nARG VERSION=1.2\nENV VERSION=$VERSION URL=https://example.com/$NAME\n",
    // Single quotes do not expand.
    "FROM alpine:3.20\nENV A=1 B='$A'\n",
  ],
  invalid: [
    {
      // hadolint DL3044's case: B gets the A of before this line (unset here), not 1.
      code: "FROM alpine:3.20\nENV A=1 B=$A\n",
      output: null,
      errors: [
        {
          messageId: "sameInstruction",
          line: 2,
          column: 11,
          endColumn: 13,
          data: { reference: "$A", name: "A", previous: "its value from before this line (empty unless the base image sets it)", line: "2", key: "B" },
          suggestions: [{ messageId: "split", data: { key: "B", name: "A" }, output: "FROM alpine:3.20\nENV A=1\nENV B=$A\n" }],
        },
      ],
    },
    {
      // Across continuation lines, braces, a default modifier, a redefinition of the same key; indentation and keyword case kept.
      code: "FROM alpine:3.20\n  env APP_HOME=/srv/app \\\n      APP_BIN=${APP_HOME}/bin \\\n      LOG=${APP_HOME:-/tmp}/log\n",
      output: null,
      errors: [
        {
          messageId: "sameInstruction",
          line: 3,
          column: 15,
          suggestions: [{ messageId: "split", output: "FROM alpine:3.20\n  env APP_HOME=/srv/app\n  env APP_BIN=${APP_HOME}/bin \\\n      LOG=${APP_HOME:-/tmp}/log\n" }],
        },
        {
          messageId: "sameInstruction",
          line: 4,
          column: 11,
          suggestions: [{ messageId: "split", output: "FROM alpine:3.20\n  env APP_HOME=/srv/app\n  env APP_BIN=${APP_HOME}/bin \\\n      LOG=${APP_HOME:-/tmp}/log\n" }],
        },
      ],
    },
    {
      // The earlier value comes from an earlier ENV of the stage (or of the stage it is built on).
      code: "FROM alpine:3.20 AS base\nENV MODE=dev\nFROM base\nENV MODE=prod FLAGS=--mode=$MODE\n",
      output: null,
      errors: [{ messageId: "sameInstruction", line: 4, column: 28, data: { reference: "$MODE", name: "MODE", previous: "'dev'", line: "4", key: "FLAGS" }, suggestions: [{ messageId: "split", output: "FROM alpine:3.20 AS base\nENV MODE=dev\nFROM base\nENV MODE=prod\nENV FLAGS=--mode=$MODE\n" }] }],
    },
    {
      // The variable already holds the value this ENV sets: splitting changes nothing, so it is a fix.
      code: "FROM alpine:3.20\nENV A=1\nENV A=1 B=$A\n",
      output: "FROM alpine:3.20\nENV A=1\nENV A=1\nENV B=$A\n",
      errors: [{ messageId: "sameInstruction", line: 3, column: 11, suggestions: [] }],
    },
    {
      // A comment line inside the instruction: reported, no split offered.
      code: "FROM alpine:3.20\nENV A=1 \\\n# the bin dir\n  B=$A\n",
      output: null,
      errors: [{ messageId: "sameInstruction", line: 4, column: 5, suggestions: [] }],
    },
  ],
});
