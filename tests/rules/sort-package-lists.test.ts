import rule from "../../rules/sort-package-lists.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("sort-package-lists", rule, {
  valid: [
    dedent`
      FROM debian:12
      RUN apt-get install -y --no-install-recommends \\
          ca-certificates \\
          curl \\
          git
    `,
    // Not one package per line: left alone.
    dedent`
      FROM debian:12
      RUN apt-get install -y git curl \\
          wget
    `,
    "FROM debian:12\nRUN apt-get install -y zlib1g curl\n",
    dedent`
      FROM alpine:3.20
      RUN apk add --no-cache \\
      \tbash \\
      \tcurl
    `,
  ],
  invalid: [
    {
      // A comment line directly above a package belongs to it and moves with it.
      code: dedent`
        FROM debian:12
        RUN apt-get install -y \\
        # jemalloc: faster allocations
        \t\tlibjemalloc2 \\
        # "free" is used by the start script
        \t\tprocps \\
        # "ip" is used by the entrypoint
        \t\tiproute2 \\
        \t&& rm -rf /var/lib/apt/lists/*
      `,
      output: dedent`
        FROM debian:12
        RUN apt-get install -y \\
        # "ip" is used by the entrypoint
        \t\tiproute2 \\
        # jemalloc: faster allocations
        \t\tlibjemalloc2 \\
        # "free" is used by the start script
        \t\tprocps \\
        \t&& rm -rf /var/lib/apt/lists/*
      `,
      errors: [{ messageId: "unsorted", line: 8, data: { word: "iproute2", previous: "procps" } }],
    },
    {
      // The same with CRLF line ends and several comment lines per package.
      code: "FROM debian:12\r\nRUN apt-get install -y \\\r\n  # b\r\n  # b, again\r\n  b \\\r\n  # a\r\n  a\r\n",
      output: "FROM debian:12\r\nRUN apt-get install -y \\\r\n  # a\r\n  a \\\r\n  # b\r\n  # b, again\r\n  b\r\n",
      errors: [{ messageId: "unsorted", line: 7 }],
    },
    {
      // Some packages with a comment, some without: a comment may describe a group. Reported, not fixed.
      code: dedent`
        FROM debian:12
        RUN apt-get install -y \\
          # build
          make \\
          gcc \\
          # runtime
          libc6
      `,
      output: null,
      errors: [{ messageId: "unsorted", line: 5 }],
    },
    {
      // A word ending in an escaped blank (`zz\ `) at the end of the list would continue into USER: not fixed.
      code: dedent`
        FROM debian:12
        RUN apt-get install -y --no-install-recommends \\
            zz\\ \\
            aa
        USER app
      `,
      output: null,
      errors: [{ messageId: "unsorted", line: 4 }],
    },
    {
      // Also with blanks before the continuation: the word lands at the end of the list.
      code: dedent`
        FROM debian:12
        RUN apt-get install -y \\
            zz\\  \\
            bb \\
            aa
        USER app
      `,
      output: null,
      errors: [{ messageId: "unsorted", line: 4 }],
    },
    {
      // Where the word keeps a continuation after it, the move is safe: fixed, escapes exact.
      code: dedent`
        FROM debian:12
        RUN apt-get install -y \\
            zz\\  \\
            aa \\
            bb \\
            zzz
        USER app
      `,
      output: dedent`
        FROM debian:12
        RUN apt-get install -y \\
            aa \\
            bb \\
            zz\\  \\
            zzz
        USER app
      `,
      errors: [{ messageId: "unsorted", line: 4 }],
    },
    {
      // The backtick escape character (Windows images): the same checks hold.
      code: dedent`
        # escape=\`
        FROM debian:12
        RUN apt-get install -y \`
            b \`
            a
      `,
      output: dedent`
        # escape=\`
        FROM debian:12
        RUN apt-get install -y \`
            a \`
            b
      `,
      errors: [{ messageId: "unsorted", line: 5 }],
    },
    {
      code: dedent`
        FROM debian:12
        RUN apt-get update && apt-get install -y --no-install-recommends \\
            git \\
            curl \\
            ca-certificates \\
         && rm -rf /var/lib/apt/lists/*
      `,
      output: dedent`
        FROM debian:12
        RUN apt-get update && apt-get install -y --no-install-recommends \\
            ca-certificates \\
            curl \\
            git \\
         && rm -rf /var/lib/apt/lists/*
      `,
      errors: [{ messageId: "unsorted", line: 4, column: 5, endColumn: 9, data: { word: "curl", previous: "git" } }],
    },
    {
      // CRLF, tabs, an option between the packages and a pin: only the package words move.
      code: "FROM alpine:3.20\r\nRUN apk add --no-cache \\\r\n\tpython3=3.12.3-r1 \\\r\n\t--virtual .deps \\\r\n\tgcc\r\n",
      output: "FROM alpine:3.20\r\nRUN apk add --no-cache \\\r\n\tgcc \\\r\n\t--virtual .deps \\\r\n\tpython3=3.12.3-r1\r\n",
      errors: [{ messageId: "unsorted", line: 5, column: 2 }],
    },
    {
      code: dedent`
        FROM python:3.12-slim
        RUN <<EOF
        pip install --no-cache-dir \\
          requests==2.31.0 \\
          flask==3.0.2
        EOF
      `,
      output: dedent`
        FROM python:3.12-slim
        RUN <<EOF
        pip install --no-cache-dir \\
          flask==3.0.2 \\
          requests==2.31.0
        EOF
      `,
      errors: [{ messageId: "unsorted", line: 5, column: 3 }],
    },
  ],
});
