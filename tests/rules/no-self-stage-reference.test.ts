import rule from "../../rules/no-self-stage-reference.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-self-stage-reference", rule, {
  valid: [
    dedent`
      FROM golang:1.22 AS build
      FROM alpine:3.20 AS final
      COPY --from=build /app /app
    `,
    // A stage built FROM another is not a self-reference.
    dedent`
      FROM alpine:3.20 AS base
      FROM base AS final
      COPY --from=base /etc/os-release /tmp/
    `,
    // Variables only known at build time are not guessed.
    dedent`
      FROM alpine:3.20 AS final
      ARG SRC
      COPY --from=$SRC /x /x
    `,
  ],
  invalid: [
    {
      code: "FROM golang:1.22 AS build\nCOPY --from=build /src /src\n",
      errors: [{ messageId: "selfReference", line: 2, column: 13, endColumn: 18, data: { name: "build", site: "COPY --from=build" } }],
    },
    {
      // Case-insensitive, by index, and through a mount.
      code: dedent`
        FROM golang:1.22 AS Build
        COPY --from=BUILD /src /src
        FROM alpine:3.20
        COPY --from=1 /a /a
        RUN --mount=from=1,target=/m true
      `,
      errors: [
        { messageId: "selfReference", line: 2, column: 13, data: { name: "Build", site: "COPY --from=BUILD" } },
        { messageId: "selfReference", line: 4, column: 13, data: { name: "1", site: "COPY --from=1" } },
        { messageId: "selfReference", line: 5, column: 18, data: { name: "1", site: "--mount from=1" } },
      ],
    },
    {
      code: dedent`
        FROM alpine:3.20 AS app
        ARG SELF=app
        COPY --from=\${SELF} /a /b
      `,
      errors: [{ messageId: "selfReference", line: 3, column: 13 }],
    },
  ],
});
