import rule from "../../rules/single-http-client.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("single-http-client", rule, {
  valid: [
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl && curl -fsSLo /a https://example.com/a\n",
    "FROM alpine:3.20\nRUN wget -qO /a https://example.com/a && wget -qO /b https://example.com/b\n",
    // One client per stage: a builder stage may use another.
    "FROM debian:12 AS fetch\nRUN wget -O /a https://example.com/a\nFROM debian:12\nCOPY --from=fetch /a /a\nRUN curl -fsSLo /b https://example.com/b\n",
    "FROM debian:12\nRUN echo curl wget\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl wget\n",
      errors: [{ messageId: "both", data: { first: "curl", second: "wget", how: "installs" }, line: 2, column: 71, endColumn: 75 }],
    },
    {
      code: "FROM debian:12\nRUN curl -fsSLo /a https://example.com/a\nRUN wget -O /b https://example.com/b\n",
      errors: [{ messageId: "both", data: { first: "curl", second: "wget", how: "runs" }, line: 3, column: 5 }],
    },
    {
      code: "FROM alpine:3.20\nRUN wget -qO /a https://example.com/a && apk add --no-cache curl\n",
      errors: [{ messageId: "both", data: { first: "wget", second: "curl", how: "installs" }, line: 2, column: 61 }],
    },
  ],
});
