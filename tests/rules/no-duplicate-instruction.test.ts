import { describe, expect, it } from "vitest";
import rule from "../../rules/no-duplicate-instruction.js";
import { wholeLinesRange } from "../../lib/utils/line-edits.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-duplicate-instruction", rule, {
  valid: [
    'FROM node:20.11\nCMD ["node", "server.js"]\n',
    // One of each per stage is fine, and every stage has its own.
    dedent`
      FROM node:20.11 AS build
      CMD ["npm", "test"]
      FROM node:20.11
      ENTRYPOINT ["node"]
      CMD ["server.js"]
      HEALTHCHECK CMD curl -f http://localhost/
    `,
    // An ONBUILD trigger belongs to a later build.
    dedent`
      FROM node:20.11
      ONBUILD CMD ["a"]
      CMD ["b"]
    `,
    // Other instructions may repeat.
    dedent`
      FROM alpine:3.20
      RUN a
      RUN b
      EXPOSE 80
      EXPOSE 443
    `,
  ],
  invalid: [
    {
      // hadolint DL4003: two CMDs, the first is dead.
      code: dedent`
        FROM node:20.11
        CMD ["npm", "start"]
        RUN true
        CMD ["node", "server.js"]
      `,
      errors: [
        {
          messageId: "overridden",
          line: 2,
          column: 1,
          endColumn: 4,
          data: { keyword: "CMD", line: "4" },
          suggestions: [{ messageId: "removeEarlier", data: { keyword: "CMD", line: "4" }, output: dedent`
            FROM node:20.11
            RUN true
            CMD ["node", "server.js"]
          ` }],
        },
      ],
    },
    {
      // hadolint DL4004 (ENTRYPOINT), and three of them: both earlier ones are reported.
      code: dedent`
        FROM alpine:3.20
        entrypoint a
        ENTRYPOINT b
        ENTRYPOINT ["c"]`,
      errors: [
        { messageId: "overridden", line: 2, column: 1, data: { keyword: "ENTRYPOINT", line: "4" }, suggestions: [{ messageId: "removeEarlier", output: 'FROM alpine:3.20\nENTRYPOINT b\nENTRYPOINT ["c"]' }] },
        { messageId: "overridden", line: 3, column: 1, suggestions: [{ messageId: "removeEarlier", output: 'FROM alpine:3.20\nentrypoint a\nENTRYPOINT ["c"]' }] },
      ],
    },
    {
      // hadolint DL3012: HEALTHCHECK twice; a continued instruction is removed with all its lines (CRLF kept).
      code: "FROM nginx:1.27\r\nHEALTHCHECK --interval=5s \\\r\n  CMD curl -f http://localhost/\r\nHEALTHCHECK NONE\r\n",
      errors: [
        {
          messageId: "overridden",
          line: 2,
          column: 1,
          data: { keyword: "HEALTHCHECK", line: "4" },
          suggestions: [{ messageId: "removeEarlier", output: "FROM nginx:1.27\r\nHEALTHCHECK NONE\r\n" }],
        },
      ],
    },
    {
      // Only within a stage: the second stage's pair is reported, the first stage's single CMD is not.
      code: dedent`
        FROM alpine:3.20 AS a
        CMD a
        FROM alpine:3.20
          CMD b
        CMD c
      `,
      errors: [{ messageId: "overridden", line: 4, column: 3, suggestions: [{ messageId: "removeEarlier", output: dedent`
        FROM alpine:3.20 AS a
        CMD a
        FROM alpine:3.20
        CMD c
      ` }] }],
    },
  ],
});

describe("wholeLinesRange", () => {
  it("takes the indentation and the line break, not text sharing the line", () => {
    expect(wholeLinesRange("a\n  bb\nc", [4, 6])).toEqual([2, 7]);
    expect(wholeLinesRange("a\nbb", [2, 4])).toEqual([2, 4]);
    expect(wholeLinesRange("x bb y\n", [2, 4])).toEqual([2, 4]);
  });
});
