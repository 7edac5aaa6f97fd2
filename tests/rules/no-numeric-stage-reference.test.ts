import rule from "../../rules/no-numeric-stage-reference.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("no-numeric-stage-reference", rule, {
  valid: [
    "FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /app /app\n",
    "FROM golang:1.22 AS build\nFROM alpine:3.20\nRUN --mount=type=bind,from=build,target=/src true\n",
    // An image, not a stage.
    "FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n",
    // Only known at build time.
    "FROM golang:1.22\nFROM alpine:3.20\nARG SRC=0\nCOPY --from=${SRC} /app /app\n",
    // Past the last stage (no-undefined-stage) and the stage itself (no-self-stage-reference).
    "FROM alpine:3.20\nCOPY --from=3 /a /a\n",
    "FROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=1 /a /a\n",
  ],
  invalid: [
    {
      code: "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=0 /app /app\n",
      output: "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\n",
      errors: [{ messageId: "numericReference", line: 4, column: 13, endColumn: 14, data: { site: "COPY --from=0", index: "0", replacement: "--from=build" } }],
    },
    {
      // The name as written, whatever its case; a mount's from= too; ADD --from as well.
      code: "FROM golang:1.22 AS Build\nFROM node:22 AS web\nFROM alpine:3.20\nRUN --mount=type=cache,from=1,target=/c true\nADD --from=0 /a /a\n",
      output: "FROM golang:1.22 AS Build\nFROM node:22 AS web\nFROM alpine:3.20\nRUN --mount=type=cache,from=web,target=/c true\nADD --from=Build /a /a\n",
      errors: [
        { messageId: "numericReference", line: 4, data: { site: "--mount from=1", index: "1", replacement: "from=web" } },
        { messageId: "numericReference", line: 5, data: { site: "ADD --from=0", index: "0", replacement: "--from=Build" } },
      ],
    },
    {
      // An unnamed stage: no name to write, so no fix.
      code: "FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /app /app\n",
      output: null,
      errors: [{ messageId: "unnamedStage", line: 3, column: 13, data: { site: "COPY --from=0", index: "0" } }],
    },
  ],
});
