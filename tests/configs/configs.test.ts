/**
 * What each shared config turns on: `stylistic` holds the rules that judge only how a file is written
 * (`meta.type: "layout"` or marked `stylistic`), and `recommended` and `strict` hold none of them, so a
 * team can take the checks without the style, or add the style to either.
 */
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../lib/index.js";
import { rules } from "../../rules/index.js";

function enabledRules(config: readonly Linter.Config[]): Set<string> {
  const on = config.flatMap((block) => Object.entries(block.rules ?? {}).filter(([id, level]) => id.startsWith("docker/") && level !== "off" && level !== 0));
  return new Set(on.map(([id]) => id.slice("docker/".length)));
}

const stylistic = enabledRules(plugin.configs.stylistic);
const recommended = enabledRules(plugin.configs.recommended);
const strict = enabledRules(plugin.configs.strict);

describe("configs", () => {
  it("stylistic holds the ordering and formatting rules", () => {
    expect([...stylistic].sort()).toEqual([
      "instruction-casing",
      "no-quoted-volumes",
      "sort-dependencies",
      "sort-package-lists",
      "sort-ports",
      "sort-service-keys",
      "sort-services",
      "sort-top-level-keys",
      "stage-name-casing",
    ]);
  });

  it("every layout rule is in stylistic, and recommended and strict have no stylistic rule", () => {
    for (const [name, rule] of Object.entries(rules)) {
      if (rule.meta.type === "layout") expect(rule.meta.docs.config, name).toBe("stylistic");
      if (rule.meta.docs.config === "stylistic") {
        expect(recommended.has(name), name).toBe(false);
        expect(strict.has(name), name).toBe(false);
      }
    }
  });

  it("is a flat config with base's languages, named and scoped per file kind", () => {
    const layers = plugin.configs.stylistic.filter((block) => block.name?.startsWith("docker-policy/stylistic/"));
    expect(layers.map((block) => block.name)).toEqual(["docker-policy/stylistic/dockerfile", "docker-policy/stylistic/compose"]);
    expect(layers.every((block) => Array.isArray(block.files) && block.files.length > 0)).toBe(true);
    expect(plugin.configs.stylistic.slice(0, plugin.configs.base.length)).toEqual(plugin.configs.base);
  });

  it("lints and fixes a compose file alongside recommended", () => {
    const linter = new Linter({ configType: "flat" });
    const text = "services:\n  web:\n    ports: ['8080:80']\n    image: nginx:1.27\n  api:\n    image: node:22\n";
    const result = linter.verifyAndFix(text, [...plugin.configs.recommended, ...plugin.configs.stylistic], { filename: "compose.yaml" });
    expect(result.output).toBe("services:\n  api:\n    image: node:22\n  web:\n    image: nginx:1.27\n    ports: ['8080:80']\n");
  });
});
