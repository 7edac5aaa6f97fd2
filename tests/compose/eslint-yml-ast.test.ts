/**
 * The compose model must work on the AST a rule receives, whoever parsed the file: our own
 * `docker/compose` language, eslint-plugin-yml's `yml/yaml` language (possibly with YAML 1.1), or
 * the older `languageOptions.parser: yaml-eslint-parser` route. This runs a tiny rule through
 * ESLint's Linter on each route and checks the reported locations.
 */
import { Linter } from "eslint";
import type { Rule } from "eslint";
import yml from "eslint-plugin-yml";
import * as yamlParser from "yaml-eslint-parser";
import type { AST } from "yaml-eslint-parser";
import { describe, expect, it } from "vitest";
import { getComposeModel } from "../../lib/compose/index.js";

const imageRule: Rule.RuleModule = {
  meta: { type: "problem", schema: [], messages: { image: "{{service}} uses {{image}}" } },
  create(context) {
    return {
      Program(node: unknown) {
        const model = getComposeModel(node as AST.YAMLProgram);
        if (!model) return;
        for (const service of model.services.values()) {
          if (!service.image) continue;
          context.report({
            // YAML nodes are not ESTree nodes; ESLint only needs `loc`.
            loc: service.image.node.loc,
            messageId: "image",
            data: { service: service.name, image: service.image.resolved ?? service.image.text },
          });
        }
      },
    };
  },
};

const plugin = { rules: { image: imageRule } };

const code = `x-base: &base
  image: postgres:\${PG_TAG:-16.2}
services:
  db:
    <<: *base
  web:
    image: "nginx:1.27"
`;

function lint(config: Linter.Config): { line: number; column: number; message: string }[] {
  const linter = new Linter({ configType: "flat" });
  return linter
    .verify(code, [{ files: ["**/*.yaml"], plugins: { test: plugin }, rules: { "test/image": "error" }, ...config }], "compose.yaml")
    .map(({ line, column, message }) => ({ line, column, message }));
}

const expected = [
  { line: 2, column: 10, message: "db uses postgres:16.2" },
  { line: 7, column: 12, message: "web uses nginx:1.27" },
];

describe("the model on the ASTs rules receive", () => {
  it("eslint-plugin-yml's yml/yaml language", () => {
    expect(lint({ plugins: { test: plugin, yml: yml as never }, language: "yml/yaml" })).toEqual(expected);
  });

  it("eslint-plugin-yml's language with YAML 1.1", () => {
    expect(
      lint({
        plugins: { test: plugin, yml: yml as never },
        language: "yml/yaml",
        languageOptions: { parserOptions: { defaultYAMLVersion: "1.1" } },
      }),
    ).toEqual(expected);
  });

  it("the parser route (languageOptions.parser)", () => {
    expect(lint({ languageOptions: { parser: yamlParser as never } })).toEqual(expected);
  });
});
