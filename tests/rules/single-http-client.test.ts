import rule from "../../rules/single-http-client.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("single-http-client", rule, {
  valid: [
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl && curl -fsSLo /a https://example.com/a\n",
    "FROM alpine:3.20\nRUN wget -qO /a https://example.com/a && wget -qO /b https://example.com/b\n",
    // One client per stage: a builder stage may use another.
    dedent`
      FROM debian:12 AS fetch
      RUN wget -O /a https://example.com/a
      FROM debian:12
      COPY --from=fetch /a /a
      RUN curl -fsSLo /b https://example.com/b
    `,
    "FROM debian:12\nRUN echo curl wget\n",
    // BusyBox wget is part of every Alpine image: installing curl next to it adds one client, not two.
    "FROM alpine:3.20\nRUN wget -qO /a https://example.com/a && apk add --no-cache curl\n",
    dedent`
      FROM mcr.microsoft.com/dotnet/aspnet:8.0.11-alpine3.22
      RUN apk add --no-cache curl git
      RUN wget -q -O /a https://example.com/a
    `,
    "FROM busybox:1.37 AS fetch\nRUN wget -O /a https://example.com/a\n",
    // The official full variants ship both (buildpack-deps): running either adds nothing.
    "FROM python:3.13-bookworm\nRUN curl -fsSLo /a https://example.com/a && wget -O /b https://example.com/b\n",
    // What an earlier stage installed is the base of the next.
    dedent`
      FROM debian:12 AS tools
      RUN apt-get update && apt-get install -y curl
      FROM tools
      RUN curl -fsSLo /a https://example.com/a
      RUN apt-get install -y wget
    `,
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl wget\n",
      errors: [{ messageId: "both", data: { first: "curl", second: "wget", how: "installs" }, line: 2, column: 71, endColumn: 75 }],
    },
    {
      code: dedent`
        FROM debian:12
        RUN curl -fsSLo /a https://example.com/a
        RUN wget -O /b https://example.com/b
      `,
      errors: [{ messageId: "both", data: { first: "curl", second: "wget", how: "runs" }, line: 3, column: 5 }],
    },
    {
      // The `wget` package is GNU Wget: a second client beside curl, on Alpine too.
      code: "FROM alpine:3.22\nRUN apk add --no-cache curl wget\n",
      errors: [{ messageId: "both", data: { first: "curl", second: "wget", how: "installs" }, line: 2, column: 29 }],
    },
    {
      code: dedent`
        FROM alpine:3.22
        RUN apk add --no-cache wget
        RUN curl -fsSLo /a https://example.com/a
      `,
      errors: [{ messageId: "both", data: { first: "wget", second: "curl", how: "runs" }, line: 3, column: 5 }],
    },
    {
      // A base the table cannot place: both uses count, as before.
      code: dedent`
        FROM example.com/base:1
        RUN curl -fsSLo /a https://example.com/a
        RUN wget -O /b https://example.com/b
      `,
      errors: [{ messageId: "both", data: { first: "curl", second: "wget", how: "runs" }, line: 3, column: 5 }],
    },
  ],
});
