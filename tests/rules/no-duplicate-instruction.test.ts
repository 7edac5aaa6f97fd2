import { describe, expect, it } from "vitest";
import rule from "../../rules/no-duplicate-instruction.js";
import { wholeLinesRange } from "../../lib/utils/line-edits.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("no-duplicate-instruction", rule, {
  valid: [
    'FROM node:20.11\nCMD ["node", "server.js"]\n',
    // One of each per stage is fine, and every stage has its own.
    'FROM node:20.11 AS build\nCMD ["npm", "test"]\nFROM node:20.11\nENTRYPOINT ["node"]\nCMD ["server.js"]\nHEALTHCHECK CMD curl -f http://localhost/\n',
    // An ONBUILD trigger belongs to a later build.
    "FROM node:20.11\nONBUILD CMD [\"a\"]\nCMD [\"b\"]\n",
    // Other instructions may repeat.
    "FROM alpine:3.20\nRUN a\nRUN b\nEXPOSE 80\nEXPOSE 443\n",
  ],
  invalid: [
    {
      // hadolint DL4003: two CMDs, the first is dead.
      code: 'FROM node:20.11\nCMD ["npm", "start"]\nRUN true\nCMD ["node", "server.js"]\n',
      errors: [
        {
          messageId: "overridden",
          line: 2,
          column: 1,
          endColumn: 4,
          data: { keyword: "CMD", line: "4" },
          suggestions: [{ messageId: "removeEarlier", data: { keyword: "CMD", line: "4" }, output: 'FROM node:20.11\nRUN true\nCMD ["node", "server.js"]\n' }],
        },
      ],
    },
    {
      // hadolint DL4004 (ENTRYPOINT), and three of them: both earlier ones are reported.
      code: "FROM alpine:3.20\nentrypoint a\nENTRYPOINT b\nENTRYPOINT [\"c\"]",
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
      code: "FROM alpine:3.20 AS a\nCMD a\nFROM alpine:3.20\n  CMD b\nCMD c\n",
      errors: [{ messageId: "overridden", line: 4, column: 3, suggestions: [{ messageId: "removeEarlier", output: "FROM alpine:3.20 AS a\nCMD a\nFROM alpine:3.20\nCMD c\n" }] }],
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
