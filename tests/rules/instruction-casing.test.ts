import rule from "../../rules/instruction-casing.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("instruction-casing", rule, {
  valid: [
    dedent`
      FROM alpine:3.20 AS build
      RUN echo hi
      CMD ["sh"]
    `,
    "from alpine:3.20 as build\nrun echo hi\n",
    // ONBUILD triggers and HEALTHCHECK subcommands follow the same casing.
    dedent`
      FROM alpine:3.20
      ONBUILD RUN echo hi
      HEALTHCHECK CMD true
    `,
    { code: "from alpine:3.20\nrun echo hi\n", options: [{ casing: "lower" }] },
    // A keyword-looking word inside a RUN body is not a keyword.
    "FROM alpine:3.20\nRUN echo run from copy\n",
    // Comments and directives are not instructions.
    dedent`
      # syntax=docker/dockerfile:1
      # run this later
      FROM alpine:3.20
    `,
    // Heredoc bodies are not instructions, also with blanks after `<<` (BuildKit's reHeredoc allows them).
    dedent`
      FROM alpine:3.19
      RUN cat << 'EOF' > /root/.profile
      export PS1='%n@%m %~ $ '
      alias ll='ls -l'
      EOF
      RUN echo done
    `,
    dedent`
      FROM alpine:3.19
      COPY << EOF /etc/motd
      welcome
      run away
      EOF
      ADD <<-"EOF" /x
      \tfrom here
      \tEOF
    `,
    // A word that is no instruction is never re-cased (no-unknown-instruction reports it), nor counted.
    dedent`
      FROM alpine:3.19
      CMD <<EOF
      env
      echo hi
      EOF
    `,
    dedent`
      FROM alpine:3.19
      ENTRYPOINT <<-'END' sh
      \trun it
      \tEND
    `,
    dedent`
      from alpine:3.19
      FORM x
      RUNN y
      run z
    `,
  ],
  invalid: [
    {
      code: dedent`
        FROM alpine:3.20
        run echo hi
        RUN echo there
      `,
      output: dedent`
        FROM alpine:3.20
        RUN echo hi
        RUN echo there
      `,
      errors: [{ messageId: "inconsistent", line: 2, column: 1, endLine: 2, endColumn: 4, data: { keyword: "run", expected: "RUN", reason: "most keywords of this file are upper case" } }],
    },
    {
      // The majority is lower case: the upper-case keyword is the odd one out.
      code: dedent`
        from alpine:3.20
        run echo hi
        COPY a b
      `,
      output: dedent`
        from alpine:3.20
        run echo hi
        copy a b
      `,
      errors: [{ messageId: "inconsistent", line: 3, column: 1 }],
    },
    {
      // A tie goes to upper case, as in BuildKit; mixed case counts for neither side.
      code: dedent`
        FROM alpine:3.20
        run echo hi
        Copy a b
      `,
      output: dedent`
        FROM alpine:3.20
        RUN echo hi
        COPY a b
      `,
      errors: [
        { messageId: "inconsistent", line: 2, column: 1 },
        { messageId: "inconsistent", line: 3, column: 1 },
      ],
    },
    {
      code: "FROM alpine:3.20 as build\nRUN true\n",
      output: "FROM alpine:3.20 AS build\nRUN true\n",
      errors: [{ messageId: "asCasing", line: 1, column: 18, endColumn: 20 }],
    },
    {
      code: dedent`
        FROM alpine:3.20
        ONBUILD run echo hi
        HEALTHCHECK --interval=5s cmd true
      `,
      output: dedent`
        FROM alpine:3.20
        ONBUILD RUN echo hi
        HEALTHCHECK --interval=5s CMD true
      `,
      errors: [
        { messageId: "inconsistent", line: 2, column: 9 },
        { messageId: "inconsistent", line: 3, column: 27 },
      ],
    },
    {
      code: "FROM alpine:3.20\nRUN echo hi\n",
      output: "from alpine:3.20\nrun echo hi\n",
      options: [{ casing: "lower" }],
      errors: [
        { messageId: "inconsistent", line: 1, column: 1, data: { keyword: "FROM", expected: "from", reason: "the configured casing is lower case" } },
        { messageId: "inconsistent", line: 2, column: 1 },
      ],
    },
    {
      // CRLF line endings and a continuation: only the keyword is rewritten.
      code: "FROM alpine:3.20\r\nrun apk add \\\r\n  curl\r\nRUN true\r\n",
      output: "FROM alpine:3.20\r\nRUN apk add \\\r\n  curl\r\nRUN true\r\n",
      errors: [{ messageId: "inconsistent", line: 2, column: 1 }],
    },
  ],
});
