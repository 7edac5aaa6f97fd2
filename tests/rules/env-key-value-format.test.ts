import { describe, expect, it } from "vitest";
import rule, { keyValueFormValue } from "../../rules/env-key-value-format.js";
import { parseDockerfile } from "../../lib/dockerfile/index.js";
import { evaluateWord } from "../../lib/dockerfile/variables.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("env-key-value-format", rule, {
  valid: [
    dedent`
      FROM alpine:3.20
      ENV NODE_ENV=production PATH="/app/bin:$PATH"
      LABEL org.opencontainers.image.title="My app" version=1.0
    `,
    "FROM alpine:3.20\nENV EMPTY=\n",
  ],
  invalid: [
    {
      // Comment lines inside a continued legacy ENV (the official cassandra images): kept in place.
      code: dedent`
        FROM debian:12
        ENV GPG_KEYS \\
        # Alice <alice@example.com>
        \tAAAA1111 \\
        # Bob <bob@example.com>
        \tBBBB2222
      `,
      output: dedent`
        FROM debian:12
        ENV GPG_KEYS=\\
        # Alice <alice@example.com>
        "AAAA1111 \\
        # Bob <bob@example.com>
        \tBBBB2222"
      `,
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
      code: dedent`
        FROM alpine:3.20
        ENV MESSAGE hello  big world
        ENV A 1 B 2
        label description An app
      `,
      output: dedent`
        FROM alpine:3.20
        ENV MESSAGE="hello  big world"
        ENV A="1 B 2"
        label description="An app"
      `,
      errors: [
        { messageId: "legacy", line: 2, column: 5 },
        { messageId: "legacy", line: 3, column: 5 },
        { messageId: "legacy", line: 4, column: 7, data: { instruction: "LABEL", key: "description" } },
      ],
    },
    {
      // Quotes and escapes in the value: blanks outside quotes are escaped, the rest is kept as written.
      code: dedent`
        FROM alpine:3.20
        ENV GREETING "hello world" from \\"me\\"
        ENV PATH $PATH:/opt/bin
      `,
      output: dedent`
        FROM alpine:3.20
        ENV GREETING="hello world"\\ from\\ \\"me\\"
        ENV PATH=$PATH:/opt/bin
      `,
      errors: [
        { messageId: "legacy", line: 2, column: 5 },
        { messageId: "legacy", line: 3, column: 5 },
      ],
    },
    {
      // A value continued over lines becomes one line; with `# escape=\``, the backtick escapes.
      code: dedent`
        # escape=\`
        FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
        ENV APP_HOME C:\\app \`
          data
        ENV Q 'a b' c
      `,
      // The continuation stays where it was (inside the quotes BuildKit joins the lines the same way).
      output: dedent`
        # escape=\`
        FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
        ENV APP_HOME="C:\\app \`
          data"
        ENV Q='a b'\` c
      `,
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
