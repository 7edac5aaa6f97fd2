import rule from "../../rules/no-self-stage-reference.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("no-self-stage-reference", rule, {
  valid: [
    "FROM golang:1.22 AS build\nFROM alpine:3.20 AS final\nCOPY --from=build /app /app\n",
    // A stage built FROM another is not a self-reference.
    "FROM alpine:3.20 AS base\nFROM base AS final\nCOPY --from=base /etc/os-release /tmp/\n",
    // Variables only known at build time are not guessed.
    "FROM alpine:3.20 AS final\nARG SRC\nCOPY --from=$SRC /x /x\n",
  ],
  invalid: [
    {
      code: "FROM golang:1.22 AS build\nCOPY --from=build /src /src\n",
      errors: [{ messageId: "selfReference", line: 2, column: 13, endColumn: 18, data: { name: "build", site: "COPY --from=build" } }],
    },
    {
      // Case-insensitive, by index, and through a mount.
      code: "FROM golang:1.22 AS Build\nCOPY --from=BUILD /src /src\nFROM alpine:3.20\nCOPY --from=1 /a /a\nRUN --mount=from=1,target=/m true\n",
      errors: [
        { messageId: "selfReference", line: 2, column: 13, data: { name: "Build", site: "COPY --from=BUILD" } },
        { messageId: "selfReference", line: 4, column: 13, data: { name: "1", site: "COPY --from=1" } },
        { messageId: "selfReference", line: 5, column: 18, data: { name: "1", site: "--mount from=1" } },
      ],
    },
    {
      code: "FROM alpine:3.20 AS app\nARG SELF=app\nCOPY --from=${SELF} /a /b\n",
      errors: [{ messageId: "selfReference", line: 3, column: 13 }],
    },
  ],
});
