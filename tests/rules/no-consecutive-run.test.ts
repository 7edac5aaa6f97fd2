import rule from "../../rules/no-consecutive-run.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("no-consecutive-run", rule, {
  valid: [
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
    "FROM debian:12\nRUN a\nWORKDIR /x\nRUN b\n",
    // Different flags: different mounts or network, kept apart on purpose.
    "FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update\nRUN apt-get install -y curl\n",
    // Heredocs and exec form are not joined with &&.
    "FROM debian:12\nRUN <<EOF\na\nEOF\nRUN b\n",
    'FROM debian:12\nRUN ["a"]\nRUN b\n',
    // RUNs of different stages.
    "FROM debian:12 AS a\nRUN a\nFROM debian:12\nRUN b\n",
    // A builder stage only COPY --from reads: its layers never ship (the .NET installer stages).
    "FROM debian:12 AS installer\nRUN apt-get update && apt-get install -y tar\nRUN curl -fsSLo dotnet.tar.gz https://x/d.tgz && tar -xzf dotnet.tar.gz -C /dotnet\nFROM gcr.io/distroless/base-debian12\nCOPY --from=installer /dotnet /usr/share/dotnet\n",
    // A stage the build does not reach (a leftover, or a target built only on demand).
    "FROM debian:12 AS test\nRUN a\nRUN b\nFROM debian:12\nRUN c\n",
    "FROM debian:12 AS deps\nRUN a\nRUN b\nFROM debian:12\nRUN --mount=type=bind,from=deps,target=/d cp -r /d /app\n",
  ],
  invalid: [
    {
      // A stage the final one is built FROM ships its layers.
      code: "FROM debian:12 AS base\nRUN a\nRUN b\nFROM base AS builder\nRUN c\nRUN d\nFROM builder\nCMD [\"app\"]\n",
      errors: [
        { messageId: "consecutive", line: 3, suggestions: [{ messageId: "merge", output: "FROM debian:12 AS base\nRUN a \\\n    && b\nFROM base AS builder\nRUN c\nRUN d\nFROM builder\nCMD [\"app\"]\n" }] },
        { messageId: "consecutive", line: 6, suggestions: [{ messageId: "merge", output: "FROM debian:12 AS base\nRUN a\nRUN b\nFROM base AS builder\nRUN c \\\n    && d\nFROM builder\nCMD [\"app\"]\n" }] },
      ],
    },
    {
      code: "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n",
      errors: [
        {
          messageId: "consecutive",
          line: 3,
          column: 1,
          endColumn: 4,
          suggestions: [{ messageId: "merge", output: "FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl\n" }],
        },
      ],
    },
    {
      // Three in a row: two findings; a comment between them blocks the suggestion (it would end up inside the RUN).
      code: "FROM debian:12\nRUN a\n# b next\nRUN b\nRUN c && d\n",
      errors: [
        { messageId: "consecutive", line: 4, suggestions: [] },
        { messageId: "consecutive", line: 5, suggestions: [{ messageId: "merge", output: "FROM debian:12\nRUN a\n# b next\nRUN b \\\n    && c && d\n" }] },
      ],
    },
    {
      // `RUN b; c` after `RUN a` would become `a && b; c`, where c runs even if a fails: no suggestion.
      code: "FROM debian:12\nRUN a\nRUN b; c\n",
      errors: [{ messageId: "consecutive", line: 3, suggestions: [] }],
    },
    {
      // A trailing comment or `&` in the first RUN: no suggestion.
      code: "FROM debian:12\nRUN a # note\nRUN b\n",
      errors: [{ messageId: "consecutive", line: 3, suggestions: [] }],
    },
    {
      // The escape character and CRLF line ends of the file are kept.
      code: "# escape=`\r\nFROM debian:12\r\nRUN a\r\nRUN b\r\n",
      errors: [{ messageId: "consecutive", line: 4, suggestions: [{ messageId: "merge", output: "# escape=`\r\nFROM debian:12\r\nRUN a `\r\n    && b\r\n" }] }],
    },
    {
      code: "FROM debian:12\nRUN --network=none a\nRUN --network=none b \\\n  && c\n",
      errors: [{ messageId: "consecutive", line: 3, suggestions: [{ messageId: "merge", output: "FROM debian:12\nRUN --network=none a \\\n    && b \\\n  && c\n" }] }],
    },
  ],
});
