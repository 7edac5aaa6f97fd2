import rule from "../../rules/no-consecutive-run.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-consecutive-run", rule, {
  valid: [
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
    dedent`
      FROM debian:12
      RUN a
      WORKDIR /x
      RUN b
    `,
    // Different flags: different mounts or network, kept apart on purpose.
    dedent`
      FROM debian:12
      RUN --mount=type=cache,target=/var/cache/apt apt-get update
      RUN apt-get install -y curl
    `,
    // Heredocs and exec form are not joined with &&.
    dedent`
      FROM debian:12
      RUN <<EOF
      a
      EOF
      RUN b
    `,
    dedent`
      FROM debian:12
      RUN ["a"]
      RUN b
    `,
    // RUNs of different stages.
    dedent`
      FROM debian:12 AS a
      RUN a
      FROM debian:12
      RUN b
    `,
    // A builder stage only COPY --from reads: its layers never ship (the .NET installer stages).
    dedent`
      FROM debian:12 AS installer
      RUN apt-get update && apt-get install -y tar
      RUN curl -fsSLo dotnet.tar.gz https://x/d.tgz && tar -xzf dotnet.tar.gz -C /dotnet
      FROM gcr.io/distroless/base-debian12
      COPY --from=installer /dotnet /usr/share/dotnet
    `,
    // A stage the build does not reach (a leftover, or a target built only on demand).
    dedent`
      FROM debian:12 AS test
      RUN a
      RUN b
      FROM debian:12
      RUN c
    `,
    dedent`
      FROM debian:12 AS deps
      RUN a
      RUN b
      FROM debian:12
      RUN --mount=type=bind,from=deps,target=/d cp -r /d /app
    `,
  ],
  invalid: [
    {
      // A stage the final one is built FROM ships its layers.
      code: dedent`
        FROM debian:12 AS base
        RUN a
        RUN b
        FROM base AS builder
        RUN c
        RUN d
        FROM builder
        CMD ["app"]
      `,
      errors: [
        { messageId: "consecutive", line: 3, suggestions: [{ messageId: "merge", output: dedent`
          FROM debian:12 AS base
          RUN a \\
              && b
          FROM base AS builder
          RUN c
          RUN d
          FROM builder
          CMD ["app"]
        ` }] },
        { messageId: "consecutive", line: 6, suggestions: [{ messageId: "merge", output: dedent`
          FROM debian:12 AS base
          RUN a
          RUN b
          FROM base AS builder
          RUN c \\
              && d
          FROM builder
          CMD ["app"]
        ` }] },
      ],
    },
    {
      code: dedent`
        FROM debian:12
        RUN apt-get update
        RUN apt-get install -y curl
      `,
      errors: [
        {
          messageId: "consecutive",
          line: 3,
          column: 1,
          endColumn: 4,
          suggestions: [{ messageId: "merge", output: dedent`
            FROM debian:12
            RUN apt-get update \\
                && apt-get install -y curl
          ` }],
        },
      ],
    },
    {
      // Three in a row: two findings; a comment between them blocks the suggestion (it would end up inside the RUN).
      code: dedent`
        FROM debian:12
        RUN a
        # b next
        RUN b
        RUN c && d
      `,
      errors: [
        { messageId: "consecutive", line: 4, suggestions: [] },
        { messageId: "consecutive", line: 5, suggestions: [{ messageId: "merge", output: dedent`
          FROM debian:12
          RUN a
          # b next
          RUN b \\
              && c && d
        ` }] },
      ],
    },
    {
      // `RUN b; c` after `RUN a` would become `a && b; c`, where c runs even if a fails: no suggestion.
      code: dedent`
        FROM debian:12
        RUN a
        RUN b; c
      `,
      errors: [{ messageId: "consecutive", line: 3, suggestions: [] }],
    },
    {
      // A trailing comment or `&` in the first RUN: no suggestion.
      code: dedent`
        FROM debian:12
        RUN a # note
        RUN b
      `,
      errors: [{ messageId: "consecutive", line: 3, suggestions: [] }],
    },
    {
      // The escape character and CRLF line ends of the file are kept.
      code: "# escape=`\r\nFROM debian:12\r\nRUN a\r\nRUN b\r\n",
      errors: [{ messageId: "consecutive", line: 4, suggestions: [{ messageId: "merge", output: "# escape=`\r\nFROM debian:12\r\nRUN a `\r\n    && b\r\n" }] }],
    },
    {
      code: dedent`
        FROM debian:12
        RUN --network=none a
        RUN --network=none b \\
          && c
      `,
      errors: [{ messageId: "consecutive", line: 3, suggestions: [{ messageId: "merge", output: dedent`
        FROM debian:12
        RUN --network=none a \\
            && b \\
          && c
      ` }] }],
    },
  ],
});
