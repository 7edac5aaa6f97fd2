import { Linter } from "eslint";
import { expect, it } from "vitest";
import plugin from "../../lib/index.js";
import rule from "../../rules/no-empty-continuation.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-empty-continuation", rule, {
  valid: [
    dedent`
      FROM alpine:3.20
      RUN apk add --no-cache \\
          curl \\
          git

      RUN true
    `,
    // A comment line inside a continuation is fine (Docker drops it too, and it is not empty).
    dedent`
      FROM alpine:3.20
      RUN apk add --no-cache \\
          # the client
          curl
    `,
    // Blank lines in a heredoc body are the body's.
    dedent`
      FROM alpine:3.20
      RUN <<EOF
      echo a

      echo b
      EOF
    `,
    dedent`
      FROM alpine:3.20
      COPY <<EOF /x


      EOF
    `,
    // A blank line after an instruction that ends is no continuation.
    dedent`
      FROM alpine:3.20

      RUN true
    `,
    // The backtick escape.
    dedent`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN dir \`
          C:\\
    `,
  ],
  invalid: [
    {
      // One fix removes every empty line of the instruction (RuleTester applies one pass).
      code: "FROM alpine:3.20\nRUN a \\\n\n  b \\\n   \n\r\n  c\n",
      output: dedent`
        FROM alpine:3.20
        RUN a \\
          b \\
          c
      `,
      errors: [
        { messageId: "emptyLine", line: 3 },
        { messageId: "emptyLine", line: 5 },
        { messageId: "emptyLine", line: 6 },
      ],
    },
    {
      code: dedent`
        FROM alpine:3.20
        RUN apk add --no-cache \\

            curl
        RUN true
      `,
      output: dedent`
        FROM alpine:3.20
        RUN apk add --no-cache \\
            curl
        RUN true
      `,
      errors: [{ messageId: "emptyLine", line: 3, column: 1, data: { keyword: "RUN", line: "2" } }],
    },
    {
      // Several empty lines (one with blanks), CRLF endings; each is removed, nothing else.
      code: "FROM alpine:3.20\r\nENV A=1 \\\r\n   \r\n    B=2 \\\r\n\r\n    C=3\r\n",
      output: "FROM alpine:3.20\r\nENV A=1 \\\r\n    B=2 \\\r\n    C=3\r\n",
      errors: [
        { messageId: "emptyLine", line: 3, column: 1, endColumn: 4 },
        { messageId: "emptyLine", line: 5, column: 1 },
      ],
    },
    {
      // Before a heredoc body, on the instruction's own lines.
      code: dedent`
        FROM alpine:3.20
        RUN --mount=type=cache,target=/root/.cache \\

            <<EOF
        pip install x

        EOF
      `,
      output: dedent`
        FROM alpine:3.20
        RUN --mount=type=cache,target=/root/.cache \\
            <<EOF
        pip install x

        EOF
      `,
      errors: [{ messageId: "emptyLine", line: 3, column: 1 }],
    },
    {
      code: dedent`
        # escape=\`
        FROM mcr.microsoft.com/windows/servercore:ltsc2022
        RUN dir \`

            C:\\
      `,
      output: dedent`
        # escape=\`
        FROM mcr.microsoft.com/windows/servercore:ltsc2022
        RUN dir \`
            C:\\
      `,
      errors: [{ messageId: "emptyLine", line: 4, column: 1 }],
    },
  ],
});

it("1,024 empty continuation lines are fixed in one pass (ESLint stops after 10)", () => {
  const linter = new Linter({ configType: "flat" });
  const config = [{ files: ["**/Dockerfile"], plugins: { docker: plugin }, language: "docker/dockerfile", rules: { "docker/no-empty-continuation": "error" } }] as never;
  const code = `FROM alpine:3.20\nRUN a \\\n${"\n".repeat(1024)}  b \\\n${"  \n".repeat(1024)}  c\nRUN d \\\n\n  e\n`;
  const result = linter.verifyAndFix(code, config, { filename: "Dockerfile" });
  expect(result.output).toBe(dedent`
    FROM alpine:3.20
    RUN a \\
      b \\
      c
    RUN d \\
      e
  `);
  expect(result.messages).toEqual([]);
});
