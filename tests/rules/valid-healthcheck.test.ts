import { describe, expect, it } from "vitest";
import rule from "../../rules/valid-healthcheck.js";
import { parseGoDuration } from "../../lib/semantics/health/durations.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("valid-healthcheck", rule, {
  valid: [
    "FROM nginx:1.27\nHEALTHCHECK --interval=30s --timeout=3s --start-period=1m30s --start-interval=500ms --retries=3 CMD curl -f http://localhost/ || exit 1\n",
    'FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n',
    "FROM nginx:1.27\nHEALTHCHECK NONE\n",
    // 0 means "use the default"; hours and fractions are Go durations too.
    "FROM nginx:1.27\nHEALTHCHECK --interval=0 --timeout=1.5s --start-period=1h CMD true\n",
    // HEALTHCHECK does not expand variables; a template value is not judged.
    "FROM nginx:1.27\nHEALTHCHECK --interval=$INTERVAL CMD true\n",
  ],
  invalid: [
    {
      code: "FROM nginx:1.27\nHEALTHCHECK --interval=10 --timeout=10 seconds CMD true\n",
      errors: [
        { messageId: "badDuration", line: 2, column: 24, endColumn: 26, data: { name: "--interval", value: "10" } },
        { messageId: "badDuration", line: 2, column: 37, endColumn: 39, data: { name: "--timeout", value: "10" } },
        // `seconds` is then taken as the subcommand.
        { messageId: "badSubcommand", line: 2, column: 40, data: { found: " (found 'seconds')" } },
      ],
    },
    {
      code: "FROM nginx:1.27\nHEALTHCHECK --interval=5 s --timeout=100us --retries=0 CMD true\n",
      errors: [
        { messageId: "badDuration", line: 2, column: 24, data: { name: "--interval", value: "5" } },
        { messageId: "badSubcommand", line: 2, column: 26, data: { found: " (found 's')" } },
      ],
    },
    {
      code: "FROM nginx:1.27\nHEALTHCHECK --timeout=100us --retries=0 --start-period=-5s CMD true\n",
      errors: [
        { messageId: "tooShort", line: 2, column: 23, data: { name: "--timeout", value: "100us", minimum: "1ms" } },
        { messageId: "zeroRetries", line: 2, column: 39 },
        { messageId: "tooShort", line: 2, column: 56 },
      ],
    },
    {
      code: "FROM nginx:1.27\nHEALTHCHECK --retries=-1 --retries=three --intervall=5s CMD true\n",
      errors: [
        { messageId: "negativeRetries", line: 2, column: 23, data: { value: "-1" } },
        { messageId: "badRetries", line: 2, column: 36, data: { value: "three" } },
        { messageId: "unknownFlag", line: 2, column: 42, endColumn: 56, data: { name: "intervall" } },
      ],
    },
    {
      code: dedent`
        FROM nginx:1.27
        HEALTHCHECK --interval=5s NONE
        HEALTHCHECK NONE CMD true
      `,
      errors: [
        { messageId: "noneWithOptions", line: 2, column: 13, endColumn: 26, data: { what: "the options", verb: "change" } },
        { messageId: "noneWithOptions", line: 3, column: 17, data: { what: "the text after NONE", verb: "does" } },
      ],
    },
    {
      code: dedent`
        FROM nginx:1.27
        HEALTHCHECK
        HEALTHCHECK CMD
        HEALTHCHECK CMD []
      `,
      errors: [
        { messageId: "badSubcommand", line: 2, column: 1, data: { found: "" } },
        { messageId: "missingCommand", line: 3, column: 13 },
        { messageId: "missingCommand", line: 4, column: 13 },
      ],
    },
  ],
});

ruleTester("compose").run("valid-healthcheck", rule, {
  valid: [
    dedent`
      services:
        db:
          image: postgres:16.2
          healthcheck:
            test: ["CMD-SHELL", "pg_isready -U postgres"]
            interval: 10s
            timeout: 5s
            retries: 5
            start_period: 1m30s
            start_interval: 500ms
    `,
    dedent`
      services:
        web:
          image: nginx:1.27
          healthcheck:
            test: curl -f http://localhost/
    `,
    dedent`
      services:
        web:
          image: nginx:1.27
          healthcheck:
            disable: true
    `,
    dedent`
      services:
        web:
          image: nginx:1.27
          healthcheck:
            test: ["NONE"]
    `,
    // `test: []` keeps the image's test; only the timings change.
    dedent`
      services:
        web:
          image: nginx:1.27
          healthcheck:
            test: []
            interval: \${HC_INTERVAL:-30s}
    `,
    dedent`
      services:
        web:
          image: nginx:1.27
          healthcheck:
            interval: \${HC_INTERVAL}
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          web:
            image: nginx:1.27
            healthcheck:
              test: ["CMD", "curl", "-f", "http://localhost"]
              interval: 30
              timeout: 10 seconds
              retries: -2
      `,
      errors: [
        { messageId: "badDuration", line: 6, column: 17, data: { name: "interval", value: "30" } },
        { messageId: "badDuration", line: 7, column: 16, data: { name: "timeout", value: "10 seconds" } },
        { messageId: "negativeRetries", line: 8, column: 16 },
      ],
    },
    {
      code: dedent`
        services:
          web:
            image: nginx:1.27
            healthcheck:
              disable: true
              test: ["CMD", "true"]
      `,
      errors: [{ messageId: "disableWithTest", line: 5, column: 16 }],
    },
    {
      code: dedent`
        services:
          a:
            image: nginx:1.27
            healthcheck:
              test: ["RUN", "curl"]
          b:
            image: nginx:1.27
            healthcheck:
              test: ["CMD"]
          c:
            image: nginx:1.27
            healthcheck:
              test: ["NONE", "curl"]
          d:
            image: nginx:1.27
            healthcheck:
              test: ""
              interval: \${HC:-5}
      `,
      errors: [
        { messageId: "badTestKind", line: 5, column: 14, data: { kind: "RUN" } },
        { messageId: "missingCommand", line: 9, column: 14 },
        { messageId: "noneWithOptions", line: 13, column: 22 },
        { messageId: "missingCommand", line: 17, column: 13 },
        { messageId: "badDuration", line: 18, column: 17, data: { name: "interval", value: "5" } },
      ],
    },
    {
      // A healthcheck shared through an anchor is reported once, where the first service pulls it in.
      code: dedent`
        x-hc: &hc
          test: curl -f http://localhost/
          retries: 0
        services:
          a:
            image: nginx:1.27
            healthcheck: *hc
          b:
            image: nginx:1.27
            healthcheck: *hc
      `,
      errors: [{ messageId: "zeroRetries", line: 7, column: 18 }],
    },
  ],
});

describe("parseGoDuration", () => {
  it.each([
    ["10s", 10e9],
    ["1m30s", 90e9],
    ["500ms", 5e8],
    ["1.5h", 5400e9],
    [".5s", 5e8],
    ["0", 0],
    ["-1s", -1e9],
    ["2\u00b5s", 2000],
    ["10", null],
    ["10 s", null],
    ["10 seconds", null],
    ["", null],
    [".s", null],
    ["1d", null],
  ] as const)("%s", (text, expected) => {
    expect(parseGoDuration(text)).toBe(expected);
  });
});
