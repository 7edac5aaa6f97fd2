import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../lib/index.js";
import { parseDockerfile } from "../../lib/dockerfile/index.js";
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
      code: "FROM --platform=${TARGETPLATFORM:-} alpine:3.20\n",
      output: "FROM alpine:3.20\n",
      errors: [{ messageId: "redundant", line: 1, column: 6, data: { value: "${TARGETPLATFORM:-}" } }],
    },
    {
      code: "ARG BASE=alpine:3.20\nFROM   --platform=$TARGETPLATFORM\t$BASE\n",
      output: "ARG BASE=alpine:3.20\nFROM   $BASE\n",
      errors: [{ messageId: "redundant", line: 2, column: 8 }],
    },
  ],
});

describe("the fix drops only the flag", () => {
  const config = [{ files: ["**/Dockerfile"], plugins: { docker: plugin }, language: "docker/dockerfile", rules: { "docker/no-redundant-target-platform": "error" } }];
  it.each([
    "FROM --platform=$TARGETPLATFORM alpine:3.23 AS base\nRUN true\n",
    'FROM --platform="${TARGETPLATFORM}" \\\n  node:22 AS b\n',
    "ARG BASE=alpine:3.23\nFROM\t--platform=${TARGETPLATFORM:-linux/amd64}  $BASE\n",
  ])("the image, stage name and other instructions stay: %s", (input) => {
    const linter = new Linter({ configType: "flat" });
    const fixed = linter.verifyAndFix(input, config as never, { filename: "Dockerfile" });
    expect(fixed.messages).toEqual([]);
    const before = parseDockerfile(input);
    const after = parseDockerfile(fixed.output);
    if (!before.ok || !after.ok) throw new Error("does not parse");
    const shape = (program: typeof before.ast) =>
      program.stages.map((stage) => [stage.from.image?.raw, stage.from.stageName?.value, stage.from.flags.filter((flag) => flag.name !== "platform").length, stage.instructions.length]);
    expect(shape(after.ast)).toEqual(shape(before.ast));
    expect(after.ast.stages.every((stage) => stage.from.flags.every((flag) => flag.name !== "platform"))).toBe(true);
    expect(linter.verifyAndFix(fixed.output, config as never, { filename: "Dockerfile" }).fixed).toBe(false);
  });
});
