import rule from "../../rules/no-constant-platform.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-constant-platform", rule, {
  valid: [
    "FROM alpine:3.20\n",
    "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n",
    "FROM --platform=${BUILDPLATFORM} golang:1.22 AS build\n",
    'FROM --platform="${BUILDPLATFORM:-linux/amd64}" golang:1.22 AS build\n',
    "FROM --platform=$TARGETOS/$TARGETARCH alpine:3.20\n",
    "FROM --platform=${BUILDPLATFORM:-} golang:1.22 AS tools\n",
    // An ARG default can be overridden per build: not constant.
    "ARG PLATFORM=linux/amd64\nFROM --platform=$PLATFORM alpine:3.20\n",
    // Stages named for their platform are platform-specific on purpose (picked by `FROM build_${TARGETARCH}`).
    dedent`
      FROM --platform=linux/amd64 alpine:3.20 AS build_amd64
      FROM --platform=linux/arm64 alpine:3.20 AS build-ARM64
      FROM build_\${TARGETARCH} AS build
    `,
    "FROM --platform=windows/amd64 mcr.microsoft.com/windows/servercore:ltsc2022 AS windows\n",
  ],
  invalid: [
    {
      code: "FROM --platform=linux/amd64 alpine:3.20 AS base\nRUN apk add --no-cache git\n",
      errors: [{ messageId: "constantPlatform", line: 1, column: 17, endColumn: 28, data: { platform: "linux/amd64" } }],
    },
    {
      // Quoted and on an unnamed stage.
      code: 'FROM --platform="linux/arm64/v8" node:20\n',
      errors: [{ messageId: "constantPlatform", line: 1, column: 17, data: { platform: "linux/arm64/v8" } }],
    },
    {
      // A name that does not carry the platform does not excuse it.
      code: "FROM --platform=linux/amd64 golang:1.22 AS builder\n",
      errors: [{ messageId: "constantPlatform", line: 1, column: 17 }],
    },
  ],
});
