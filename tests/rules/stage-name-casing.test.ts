import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../lib/index.js";
import { parseDockerfile } from "../../lib/dockerfile/index.js";
import { stageReferences } from "../../lib/semantics/stages/stage-references.js";
import rule from "../../rules/stage-name-casing.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("stage-name-casing", rule, {
  valid: ["FROM golang:1.22 AS build\nFROM build\n", "FROM alpine:3.20\n", "FROM alpine:3.20 AS build-2\n"],
  invalid: [
    {
      // Every reference is renamed: FROM, COPY --from, ADD --from and --mount from=.
      code:
        dedent`
          FROM golang:1.22 AS Builder
          RUN go build -o /app
          FROM Builder AS Test
          RUN --mount=type=bind,from=BUILDER,target=/b true
          FROM alpine:3.20
          COPY --from=builder /app /app
          ADD --from=Builder /app /app2
        `,
      output:
        dedent`
          FROM golang:1.22 AS builder
          RUN go build -o /app
          FROM builder AS Test
          RUN --mount=type=bind,from=builder,target=/b true
          FROM alpine:3.20
          COPY --from=builder /app /app
          ADD --from=builder /app /app2
        `,
      errors: [
        { messageId: "notLowercase", line: 1, column: 21, endColumn: 28, data: { name: "Builder", lower: "builder" } },
        { messageId: "notLowercase", line: 3, column: 17, endColumn: 21, data: { name: "Test", lower: "test" } },
      ],
    },
    {
      // Windows: backtick escape, a reference split over a continuation line.
      code: dedent`
        # escape=\`
        FROM mcr.microsoft.com/dotnet/sdk:8.0 AS Publish
        FROM mcr.microsoft.com/dotnet/aspnet:8.0
        COPY --from=PUBLISH \`
          C:\\out C:\\app
      `,
      output: dedent`
        # escape=\`
        FROM mcr.microsoft.com/dotnet/sdk:8.0 AS publish
        FROM mcr.microsoft.com/dotnet/aspnet:8.0
        COPY --from=publish \`
          C:\\out C:\\app
      `,
      errors: [{ messageId: "notLowercase", line: 2, column: 42, data: { name: "Publish", lower: "publish" } }],
    },
    {
      // A reference through a variable still matches (case-insensitive) and is left as written;
      // the name of an image is never touched.
      code: dedent`
        FROM node:20 AS Deps
        FROM node:20-slim
        ARG SRC=Deps
        COPY --from=$SRC /n /n
        COPY --from=Deps:1 /x /x
      `,
      output: dedent`
        FROM node:20 AS deps
        FROM node:20-slim
        ARG SRC=Deps
        COPY --from=$SRC /n /n
        COPY --from=Deps:1 /x /x
      `,
      errors: [{ messageId: "notLowercase", line: 1, column: 17 }],
    },
  ],
});

describe("the fix keeps meaning", () => {
  const inputs = [
    dedent`
      FROM golang:1.22 AS Builder
      RUN go build -o /app
      FROM Builder AS Test
      RUN --mount=type=bind,from=BUILDER,target=/b true
      FROM alpine:3.23
      COPY --from=builder /app /app
      ADD --from=Builder /app /app2
    `,
    dedent`
      FROM node:20 AS Deps
      FROM node:20-slim
      ARG SRC=Deps
      COPY --from=$SRC /n /n
      COPY --from="Deps" /x /x
    `,
    dedent`
      # escape=\`
      FROM mcr.microsoft.com/dotnet/sdk:8.0 AS Publish
      FROM Publish AS Final
      COPY --from=PUBLISH \`
        C:\\out C:\\app
    `,
  ];
  const config = [{ files: ["**/Dockerfile"], plugins: { docker: plugin }, language: "docker/dockerfile", rules: { "docker/stage-name-casing": "error" } }];

  function resolved(text: string): string[] {
    const result = parseDockerfile(text);
    if (!result.ok) throw new Error(result.errors[0]?.message);
    return stageReferences(result.ast).map((reference) => `${reference.site}:${reference.stage.index}->${reference.target.kind === "stage" ? reference.target.stage.index : reference.target.kind}`);
  }

  it.each(inputs)("every reference reaches the same stage after --fix, and a second pass changes nothing: %s", (input) => {
    const linter = new Linter({ configType: "flat" });
    const first = linter.verifyAndFix(input, config as never, { filename: "Dockerfile" });
    expect(first.fixed).toBe(true);
    expect(first.messages).toEqual([]);
    expect(resolved(first.output)).toEqual(resolved(input));
    const second = linter.verifyAndFix(first.output, config as never, { filename: "Dockerfile" });
    expect(second.fixed).toBe(false);
  });
});
