import rule from "../../rules/no-redundant-target-platform.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("no-redundant-target-platform", rule, {
  valid: [
    "FROM alpine:3.20\n",
    "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n",
    "FROM --platform=$TARGETOS/$TARGETARCH alpine:3.20\n",
    "FROM --platform=linux/amd64 alpine:3.20\n",
    // Something else around the variable changes the value.
    "FROM --platform=${TARGETPLATFORM}/v8 alpine:3.20\n",
    "FROM --platform=${TARGETPLATFORM:+linux/amd64} alpine:3.20\n",
  ],
  invalid: [
    {
      code: "FROM --platform=$TARGETPLATFORM alpine:3.20 AS base\n",
      output: "FROM alpine:3.20 AS base\n",
      errors: [{ messageId: "redundant", line: 1, column: 6, endColumn: 32, data: { value: "$TARGETPLATFORM" } }],
    },
    {
      code: 'FROM --platform="${TARGETPLATFORM}" alpine:3.20\n',
      output: "FROM alpine:3.20\n",
      errors: [{ messageId: "redundant", line: 1, column: 6 }],
    },
    {
      // The fallback never applies (BuildKit always sets TARGETPLATFORM); only the flag is dropped.
      code: "FROM --platform=${TARGETPLATFORM:-linux/amd64} \\\n  alpine:3.20 AS x\n",
      output: "FROM \\\n  alpine:3.20 AS x\n",
      errors: [{ messageId: "redundant", line: 1, column: 6 }],
    },
    {
      code: "ARG BASE=alpine:3.20\nFROM   --platform=$TARGETPLATFORM\t$BASE\n",
      output: "ARG BASE=alpine:3.20\nFROM   $BASE\n",
      errors: [{ messageId: "redundant", line: 2, column: 8 }],
    },
  ],
});
