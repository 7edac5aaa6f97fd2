import rule from "../../rules/no-self-referencing-env.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-self-referencing-env", rule, {
  valid: [
    // A variable's own previous value (hadolint DL3044 allows it too).
    'FROM node:20.11\nENV PATH="/app/node_modules/.bin:$PATH"\n',
    // Set by an earlier instruction.
    dedent`
      FROM alpine:3.20
      ENV APP_HOME=/app
      ENV APP_BIN=$APP_HOME/bin
    `,
    dedent`
      FROM alpine:3.20
      ARG VERSION=1.2
      ENV VERSION=$VERSION URL=https://example.com/$NAME
    `,
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
          suggestions: [{ messageId: "split", data: { key: "B", name: "A" }, output: dedent`
            FROM alpine:3.20
            ENV A=1
            ENV B=$A
          ` }],
        },
      ],
    },
    {
      // Across continuation lines, braces, a default modifier, a redefinition of the same key; indentation and keyword case kept.
      code: dedent`
        FROM alpine:3.20
          env APP_HOME=/srv/app \\
              APP_BIN=\${APP_HOME}/bin \\
              LOG=\${APP_HOME:-/tmp}/log
      `,
      output: null,
      errors: [
        {
          messageId: "sameInstruction",
          line: 3,
          column: 15,
          suggestions: [{ messageId: "split", output: dedent`
            FROM alpine:3.20
              env APP_HOME=/srv/app
              env APP_BIN=\${APP_HOME}/bin \\
                  LOG=\${APP_HOME:-/tmp}/log
          ` }],
        },
        {
          messageId: "sameInstruction",
          line: 4,
          column: 11,
          suggestions: [{ messageId: "split", output: dedent`
            FROM alpine:3.20
              env APP_HOME=/srv/app
              env APP_BIN=\${APP_HOME}/bin \\
                  LOG=\${APP_HOME:-/tmp}/log
          ` }],
        },
      ],
    },
    {
      // The earlier value comes from an earlier ENV of the stage (or of the stage it is built on).
      code: dedent`
        FROM alpine:3.20 AS base
        ENV MODE=dev
        FROM base
        ENV MODE=prod FLAGS=--mode=$MODE
      `,
      output: null,
      errors: [{ messageId: "sameInstruction", line: 4, column: 28, data: { reference: "$MODE", name: "MODE", previous: "'dev'", line: "4", key: "FLAGS" }, suggestions: [{ messageId: "split", output: dedent`
        FROM alpine:3.20 AS base
        ENV MODE=dev
        FROM base
        ENV MODE=prod
        ENV FLAGS=--mode=$MODE
      ` }] }],
    },
    {
      // The variable already holds the value this ENV sets: splitting changes nothing, so it is a fix.
      code: dedent`
        FROM alpine:3.20
        ENV A=1
        ENV A=1 B=$A
      `,
      output: dedent`
        FROM alpine:3.20
        ENV A=1
        ENV A=1
        ENV B=$A
      `,
      errors: [{ messageId: "sameInstruction", line: 3, column: 11, suggestions: [] }],
    },
    {
      // A comment line inside the instruction: reported, no split offered.
      code: dedent`
        FROM alpine:3.20
        ENV A=1 \\
        # the bin dir
          B=$A
      `,
      output: null,
      errors: [{ messageId: "sameInstruction", line: 4, column: 5, suggestions: [] }],
    },
  ],
});
