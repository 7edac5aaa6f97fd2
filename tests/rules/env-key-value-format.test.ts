import { describe, expect, it } from "vitest";
import rule, { keyValueFormValue } from "../../rules/env-key-value-format.js";
import { parseDockerfile } from "../../lib/dockerfile/index.js";
import { evaluateWord } from "../../lib/dockerfile/variables.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("env-key-value-format", rule, {
  valid: [
    'FROM alpine:3.20\nENV NODE_ENV=production PATH="/app/bin:$PATH"\nLABEL org.opencontainers.image.title="My app" version=1.0\n',
    "FROM alpine:3.20\nENV EMPTY=\n",
  ],
  invalid: [
    {
      // Comment lines inside a continued legacy ENV (the official cassandra images): kept in place.
      code: "FROM debian:12\nENV GPG_KEYS \\\n# Alice <alice@example.com>\n\tAAAA1111 \\\n# Bob <bob@example.com>\n\tBBBB2222\n",
      output: 'FROM debian:12\nENV GPG_KEYS=\\\n# Alice <alice@example.com>\n"AAAA1111 \\\n# Bob <bob@example.com>\n\tBBBB2222"\n',
      errors: [{ messageId: "legacy", line: 2, column: 5 }],
    },
    {
      // The same with CRLF, a blank continuation line, and blanks escaped (the value has a quote).
      code: "FROM debian:12\r\nENV K a\\'b \\\r\n\r\n  # note\r\n  c\r\n",
      output: "FROM debian:12\r\nENV K=a\\'b\\ \\\r\n\r\n  # note\r\n\\ \\ c\r\n",
      errors: [{ messageId: "legacy", line: 2, column: 5 }],
    },
    {
      // BuildKit's LegacyKeyValueFormat case.
      code: "FROM alpine:3.20\nENV NODE_ENV production\n",
      output: "FROM alpine:3.20\nENV NODE_ENV=production\n",
      errors: [{ messageId: "legacy", line: 2, column: 5, endColumn: 24, data: { instruction: "ENV", key: "NODE_ENV" } }],
    },
    {
      // Spaces in the value: quoted; what looks like more pairs is one value, and stays one.
      code: "FROM alpine:3.20\nENV MESSAGE hello  big world\nENV A 1 B 2\nlabel description An app\n",
      output: 'FROM alpine:3.20\nENV MESSAGE="hello  big world"\nENV A="1 B 2"\nlabel description="An app"\n',
      errors: [
        { messageId: "legacy", line: 2, column: 5 },
        { messageId: "legacy", line: 3, column: 5 },
        { messageId: "legacy", line: 4, column: 7, data: { instruction: "LABEL", key: "description" } },
      ],
    },
    {
      // Quotes and escapes in the value: blanks outside quotes are escaped, the rest is kept as written.
      code: 'FROM alpine:3.20\nENV GREETING "hello world" from \\"me\\"\nENV PATH $PATH:/opt/bin\n',
      output: 'FROM alpine:3.20\nENV GREETING="hello world"\\ from\\ \\"me\\"\nENV PATH=$PATH:/opt/bin\n',
      errors: [
        { messageId: "legacy", line: 2, column: 5 },
        { messageId: "legacy", line: 3, column: 5 },
      ],
    },
    {
      // A value continued over lines becomes one line; with `# escape=\``, the backtick escapes.
      code: "# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nENV APP_HOME C:\\app `\n  data\nENV Q 'a b' c\n",
      // The continuation stays where it was (inside the quotes BuildKit joins the lines the same way).
      output: "# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nENV APP_HOME=\"C:\\app `\n  data\"\nENV Q='a b'` c\n",
      errors: [
        { messageId: "legacy", line: 3, column: 5 },
        { messageId: "legacy", line: 5, column: 5 },
      ],
    },
    {
      // No value: BuildKit rejects the line; reported without a fix.
      code: "FROM alpine:3.20\nENV LONELY\n",
      output: null,
      errors: [{ messageId: "legacy", line: 2, column: 5 }],
    },
  ],
});

describe("keyValueFormValue", () => {
  it.each([
    ["plain", "\\"],
    ["two words", "\\"],
    ['"quoted words" and more', "\\"],
    ["'single quoted' $HOME\\ x", "\\"],
    ['a "b \\" c" d', "\\"],
    ["tab\there", "\\"],
    ["a `\" b", "`"],
  ] as const)("%s means the same in KEY=value form", (value, escapeChar) => {
    const lookup = (name: string) => (name === "HOME" ? "/root" : undefined);
    const rewritten = keyValueFormValue(value, escapeChar);
    expect(evaluateWord(rewritten, escapeChar, lookup).value).toBe(evaluateWord(value, escapeChar, lookup).value);
    // And the parser reads it back as one KEY=value pair with exactly that value.
    const parsed = parseDockerfile(`# escape=${escapeChar}\nFROM alpine:3.20\nENV K=${rewritten}\n`);
    const pairs = parsed.ok && parsed.ast.stages[0]!.instructions[0]!.type === "Env" ? parsed.ast.stages[0]!.instructions[0]!.pairs : [];
    expect(pairs.map((pair) => [pair.legacy, pair.value?.value])).toEqual([[false, rewritten]]);
  });
});
