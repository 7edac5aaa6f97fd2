import rule from "../../rules/instruction-casing.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("instruction-casing", rule, {
  valid: [
    "FROM alpine:3.20 AS build\nRUN echo hi\nCMD [\"sh\"]\n",
    "from alpine:3.20 as build\nrun echo hi\n",
    // ONBUILD triggers and HEALTHCHECK subcommands follow the same casing.
    "FROM alpine:3.20\nONBUILD RUN echo hi\nHEALTHCHECK CMD true\n",
    { code: "from alpine:3.20\nrun echo hi\n", options: [{ casing: "lower" }] },
    // A keyword-looking word inside a RUN body is not a keyword.
    "FROM alpine:3.20\nRUN echo run from copy\n",
    // Comments and directives are not instructions.
    "# syntax=docker/dockerfile:1\n# run this later\nFROM alpine:3.20\n",
    // Heredoc bodies are not instructions, also with blanks after `<<` (BuildKit's reHeredoc allows them).
    "FROM alpine:3.19\nRUN cat << 'EOF' > /root/.profile\nexport PS1='%n@%m %~ $ '\nalias ll='ls -l'\nEOF\nRUN echo done\n",
    "FROM alpine:3.19\nCOPY << EOF /etc/motd\nwelcome\nrun away\nEOF\nADD <<-\"EOF\" /x\n\tfrom here\n\tEOF\n",
    // A word that is no instruction is never re-cased (no-unknown-instruction reports it), nor counted.
    "FROM alpine:3.19\nCMD <<EOF\nenv\necho hi\nEOF\n",
    "FROM alpine:3.19\nENTRYPOINT <<-'END' sh\n\trun it\n\tEND\n",
    "from alpine:3.19\nFORM x\nRUNN y\nrun z\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\nrun echo hi\nRUN echo there\n",
      output: "FROM alpine:3.20\nRUN echo hi\nRUN echo there\n",
      errors: [{ messageId: "inconsistent", line: 2, column: 1, endLine: 2, endColumn: 4, data: { keyword: "run", expected: "RUN", reason: "most keywords of this file are upper case" } }],
    },
    {
      // The majority is lower case: the upper-case keyword is the odd one out.
      code: "from alpine:3.20\nrun echo hi\nCOPY a b\n",
      output: "from alpine:3.20\nrun echo hi\ncopy a b\n",
      errors: [{ messageId: "inconsistent", line: 3, column: 1 }],
    },
    {
      // A tie goes to upper case, as in BuildKit; mixed case counts for neither side.
      code: "FROM alpine:3.20\nrun echo hi\nCopy a b\n",
      output: "FROM alpine:3.20\nRUN echo hi\nCOPY a b\n",
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
      code: "FROM alpine:3.20\nONBUILD run echo hi\nHEALTHCHECK --interval=5s cmd true\n",
      output: "FROM alpine:3.20\nONBUILD RUN echo hi\nHEALTHCHECK --interval=5s CMD true\n",
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
