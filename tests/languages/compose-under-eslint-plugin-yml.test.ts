/**
 * A team that already lints YAML with eslint-plugin-yml keeps its language on compose files: our compose
 * rules read only the AST, so they report and fix the same there.
 */
import path from "node:path";
import { Linter } from "eslint";
import yml from "eslint-plugin-yml";
import { describe, expect, it } from "vitest";
import plugin from "../../lib/index.js";
import { dedent } from "../support/dedent.js";

const dir = path.resolve(import.meta.dirname, "../fixtures/projects/dockerignore/empty");
const code = dedent`
  version: '3.8'
  services:
    db:
      image: postgres
    app:
      image: myorg/app:1.0
      depends_on:
        db:
          condition: service_healthy
`;
const rules: Linter.RulesRecord = {
  "docker/no-obsolete-version": "error",
  "docker/require-image-tag": "error",
  "docker/no-healthcheck-less-dependency": "error",
};

function configs(language: "yml/yaml" | "docker/compose"): Linter.Config[] {
  return [{ files: ["**/*.yaml"], plugins: { yml: yml as never, docker: plugin as never }, language, rules }];
}

describe("compose rules under eslint-plugin-yml's language", () => {
  const linter = new Linter({ configType: "flat", cwd: dir });
  const filename = path.join(dir, "compose.yaml");
  const summary = (messages: Linter.LintMessage[]) => messages.map((message) => `${message.line}:${message.column}:${message.ruleId}`);

  it("report exactly what they report under docker/compose", () => {
    const ours = summary(linter.verify(code, configs("docker/compose"), { filename }));
    const theirs = summary(linter.verify(code, configs("yml/yaml"), { filename }));
    expect(ours).toEqual(["1:1:docker/no-obsolete-version", "4:12:docker/require-image-tag", "9:20:docker/no-healthcheck-less-dependency"]);
    expect(theirs).toEqual(ours);
  });

  it("fix the same", () => {
    const ours = linter.verifyAndFix(code, configs("docker/compose"), { filename }).output;
    expect(linter.verifyAndFix(code, configs("yml/yaml"), { filename }).output).toBe(ours);
    expect(ours.startsWith("services:")).toBe(true);
  });
});
