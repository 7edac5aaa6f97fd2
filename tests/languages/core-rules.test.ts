/**
 * A user's unscoped JavaScript config (`js.configs.recommended`, or every core rule) also reaches our
 * files. Each core rule must run on each of our languages without crashing, and, with `base` after the
 * user's config (as our configs are meant to be placed), report nothing.
 */
import { Linter } from "eslint";
import { builtinRules } from "eslint/use-at-your-own-risk";
import { describe, expect, it } from "vitest";
import plugin from "../../lib/index.js";

const SAMPLES: Record<string, string> = {
  Dockerfile: [
    "# syntax=docker/dockerfile:1",
    "# TODO: fix",
    "ARG BASE=alpine:3.20",
    "FROM ${BASE} AS build",
    "RUN apk add --no-cache curl \\",
    "\t&& echo 'done'",
    "RUN <<EOF",
    "echo heredoc",
    "EOF",
    'CMD ["sh", "-c", "echo hi"]',
    "",
  ].join("\n"),
  "compose.yaml": ["# TODO: a comment", "services:", "  web:", "    image: nginx:1.27  # trailing comment", "    ports: ['8080:80']", ""].join("\n"),
  ".dockerignore": ["# TODO: comment", ".git", "!keep.md", "**/*.pem", ""].join("\n"),
};

const everyCoreRule: Linter.RulesRecord = Object.fromEntries(
  [...builtinRules.keys()].filter((name) => !builtinRules.get(name)?.meta?.deprecated).map((name) => [name, "error"]),
);

describe("core rules on our languages", () => {
  for (const [filename, text] of Object.entries(SAMPLES)) {
    it(`every core rule runs on ${filename} without a crash or a report`, () => {
      const linter = new Linter({ configType: "flat" });
      const messages = linter.verify(text, [{ rules: everyCoreRule }, ...plugin.configs.base], { filename });
      // A compose file's comments are YAML comments, which no-warning-comments reads (it finds the TODO); a
      // Dockerfile's and a .dockerignore's `#` comments are "Shebang" comments that comment rules skip
      // (lib/languages/shared/docker-source-code.ts says why).
      expect(messages.map((message) => message.ruleId)).toEqual(filename === "compose.yaml" ? ["no-warning-comments"] : []);
    });
    it(`deprecated core rules run on ${filename} without a crash`, () => {
      const linter = new Linter({ configType: "flat" });
      const deprecated: Linter.RulesRecord = Object.fromEntries(
        [...builtinRules.keys()].filter((name) => builtinRules.get(name)?.meta?.deprecated).map((name) => [name, "error"]),
      );
      // Deprecated (formatting) core rules still ship and some users still enable them: no crash either.
      const messages = linter.verify(text, [{ rules: deprecated }, ...plugin.configs.base], { filename });
      expect(messages.filter((message) => message.fatal || message.ruleId === null)).toEqual([]);
    });
  }
});
