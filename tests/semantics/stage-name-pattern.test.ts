/**
 * A FROM reference with many variables is matched against stage names without backtracking: as a
 * RegExp of `.*`s it took exponential time (issue 12's kind: user text turned into a RegExp).
 */
import { Linter } from "eslint";
import { expect, it } from "vitest";
import plugin from "../../lib/index.js";

it("a FROM made of 40 variables and literals is resolved against the stage names at once", () => {
  const reference = "${A}x".repeat(40) + "y";
  const code = `ARG A\nFROM scratch AS ${"a".repeat(60)}\nWORKDIR /app\nFROM ${reference}\nCOPY a b\n`;
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(code, [...plugin.configs.base, { files: ["**/*"], rules: { "docker/require-workdir-for-relative-copy": "error" } }], { filename: "Dockerfile" });
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  // No earlier stage name can come out of the reference: the base is an image with an unknown WORKDIR.
  expect(messages.map((message) => message.ruleId)).toEqual(["docker/require-workdir-for-relative-copy"]);
});
