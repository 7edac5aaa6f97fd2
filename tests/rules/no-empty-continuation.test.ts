import { Linter } from "eslint";
import { expect, it } from "vitest";
import plugin from "../../lib/index.js";
import rule from "../../rules/no-empty-continuation.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("no-empty-continuation", rule, {
  valid: [
    "FROM alpine:3.20\nRUN apk add --no-cache \\\n    curl \\\n    git\n\nRUN true\n",
    // A comment line inside a continuation is fine (Docker drops it too, and it is not empty).
    "FROM alpine:3.20\nRUN apk add --no-cache \\\n    # the client\n    curl\n",
    // Blank lines in a heredoc body are the body's.
    "FROM alpine:3.20\nRUN <<EOF\necho a\n\necho b\nEOF\n",
    "FROM alpine:3.20\nCOPY <<EOF /x\n\n\nEOF\n",
    // A blank line after an instruction that ends is no continuation.
    "FROM alpine:3.20\n\nRUN true\n",
    // The backtick escape.
    "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n    C:\\\n",
  ],
  invalid: [
    {
      // One fix removes every empty line of the instruction (RuleTester applies one pass).
      code: "FROM alpine:3.20\nRUN a \\\n\n  b \\\n   \n\r\n  c\n",
      output: "FROM alpine:3.20\nRUN a \\\n  b \\\n  c\n",
      errors: [
        { messageId: "emptyLine", line: 3 },
        { messageId: "emptyLine", line: 5 },
        { messageId: "emptyLine", line: 6 },
      ],
    },
    {
      code: "FROM alpine:3.20\nRUN apk add --no-cache \\\n\n    curl\nRUN true\n",
      output: "FROM alpine:3.20\nRUN apk add --no-cache \\\n    curl\nRUN true\n",
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
      code: "FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache \\\n\n    <<EOF\npip install x\n\nEOF\n",
      output: "FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache \\\n    <<EOF\npip install x\n\nEOF\n",
      errors: [{ messageId: "emptyLine", line: 3, column: 1 }],
    },
    {
      code: "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n\n    C:\\\n",
      output: "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n    C:\\\n",
      errors: [{ messageId: "emptyLine", line: 4, column: 1 }],
    },
  ],
});

it("1,024 empty continuation lines are fixed in one pass (ESLint stops after 10)", () => {
  const linter = new Linter({ configType: "flat" });
  const config = [{ files: ["**/Dockerfile"], plugins: { docker: plugin }, language: "docker/dockerfile", rules: { "docker/no-empty-continuation": "error" } }] as never;
  const code = `FROM alpine:3.20\nRUN a \\\n${"\n".repeat(1024)}  b \\\n${"  \n".repeat(1024)}  c\nRUN d \\\n\n  e\n`;
  const result = linter.verifyAndFix(code, config, { filename: "Dockerfile" });
  expect(result.output).toBe("FROM alpine:3.20\nRUN a \\\n  b \\\n  c\nRUN d \\\n  e\n");
  expect(result.messages).toEqual([]);
});
