/**
 * The `no-restricted-syntax` recipes of docs/ast.md cannot stop matching unnoticed: each "### " section under
 * "## Recipes" holds one ```json recipe block (an entry of the rule's option list) and samples marked
 * `incorrect` or `correct` in their info string. Each sample is linted with the plugin's languages and that
 * entry alone: an incorrect sample must be reported (with the recipe's message), a correct one must not.
 * The config sample at the top of the doc is checked too: its selectors must parse and be reported on the
 * sample they name.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../lib/index.js";

const repoRoot = path.resolve(import.meta.dirname, "..");
const markdown = readFileSync(path.join(repoRoot, "docs/ast.md"), "utf8");
// Cross-file rules are not run here, but the samples still live in an empty folder, not in this repo.
const sampleDir = mkdtempSync(path.join(tmpdir(), "docker-policy-ast-doc-"));
afterAll(() => rmSync(sampleDir, { recursive: true, force: true }));

const FILENAME_BY_LANGUAGE: Record<string, string> = { dockerfile: "Dockerfile", yaml: "compose.yaml", dockerignore: ".dockerignore" };

interface RecipeOption {
  selector: string;
  message: string;
}

interface Recipe {
  title: string;
  option: RecipeOption | null;
  samples: { expectation: "incorrect" | "correct"; filename: string; code: string; line: number }[];
}

function recipesOf(text: string): Recipe[] {
  const lines = text.split("\n");
  const start = lines.indexOf("## Recipes");
  const recipes: Recipe[] = [];
  for (let index = start + 1; index < lines.length && !/^## /u.test(lines[index]!); index += 1) {
    const line = lines[index]!;
    if (line.startsWith("### ")) {
      recipes.push({ title: line.slice(4), option: null, samples: [] });
      continue;
    }
    const fence = /^```(\w+)( .*)?$/u.exec(line);
    if (!fence) continue;
    const body: string[] = [];
    const bodyStart = index + 1;
    for (index += 1; index < lines.length && lines[index] !== "```"; index += 1) body.push(lines[index]!);
    const recipe = recipes.at(-1);
    if (!recipe) continue;
    const info = fence[2] ?? "";
    if (fence[1] === "json" && /\brecipe\b/u.test(info)) {
      recipe.option = JSON.parse(body.join("\n")) as RecipeOption;
      continue;
    }
    const filename = FILENAME_BY_LANGUAGE[fence[1]!];
    const expectation = /\b(incorrect|correct)\b/u.exec(info)?.[1] as "incorrect" | "correct" | undefined;
    if (filename && expectation) recipe.samples.push({ expectation, filename, code: `${body.join("\n")}\n`, line: bodyStart });
  }
  return recipes;
}

function lint(code: string, filename: string, options: readonly RecipeOption[]): Linter.LintMessage[] {
  const linter = new Linter({ configType: "flat", cwd: sampleDir });
  return linter.verify(
    code,
    [...plugin.configs.base, { files: ["**/*", "**/.*"], rules: { "no-restricted-syntax": ["error", ...options] } }],
    { filename: path.join(sampleDir, filename) },
  );
}

const recipes = recipesOf(markdown);

it("docs/ast.md has recipes", () => {
  expect(recipes.length).toBeGreaterThanOrEqual(10);
});

describe.each(recipes.map((recipe) => [recipe.title, recipe] as const))("recipe: %s", (_, recipe) => {
  it("has one selector and an incorrect and a correct sample", () => {
    expect(recipe.option?.selector).toBeTypeOf("string");
    expect(recipe.option?.message).toBeTypeOf("string");
    expect(recipe.samples.some((sample) => sample.expectation === "incorrect")).toBe(true);
    expect(recipe.samples.some((sample) => sample.expectation === "correct")).toBe(true);
  });

  it.each(recipe.samples.map((sample) => [`${sample.expectation} sample at line ${sample.line}`, sample] as const))("%s", (_, sample) => {
    const messages = lint(sample.code, sample.filename, [recipe.option!]);
    // No parse error, no invalid selector, no "no matching configuration" warning.
    expect(messages.filter((message) => message.ruleId !== "no-restricted-syntax")).toEqual([]);
    if (sample.expectation === "incorrect") {
      expect(messages.length, "an incorrect sample must be reported").toBeGreaterThan(0);
      for (const message of messages) expect(message.message).toBe(recipe.option!.message);
    } else expect(messages, "a correct sample must not be reported").toEqual([]);
  });
});

// The config at the top of the doc, its selectors read out of the JavaScript sample.
it("the config sample's selectors report what they say", () => {
  const config = /```js\n\/\/ eslint\.config\.mjs\n([\s\S]*?)\n```/u.exec(markdown)?.[1] ?? "";
  const selectors = [...config.matchAll(/selector: "((?:[^"\\]|\\.)*)", message: "((?:[^"\\]|\\.)*)"/gu)].map(
    (match) => ({ selector: JSON.parse(`"${match[1]!}"`) as string, message: JSON.parse(`"${match[2]!}"`) as string }),
  );
  expect(selectors.map((option) => option.selector)).toEqual(["Maintainer", 'From > Flag[name="platform"]', "Pattern[negated=true]"]);
  const dockerfile = lint("FROM --platform=linux/amd64 alpine:3.20\nMAINTAINER me\n", "Dockerfile", selectors.slice(0, 2));
  expect(dockerfile.map((message) => message.line)).toEqual([1, 2]);
  expect(lint("a\n!b\n", ".dockerignore", selectors.slice(2)).map((message) => message.line)).toEqual([2]);
});
