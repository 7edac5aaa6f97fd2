/**
 * docs/policies.md runs as written: every fenced block with a `file=<path>` info string (the policy
 * package, its package.json, the repository's eslint.config.mjs and the sample project) is written to a
 * scratch project, the ESLint CLI lints it, and the findings (file, line, rule) are exactly the doc's
 * `text result` block, nothing more or less.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runEslint, scratchProject } from "../support/eslint-cli.js";

const markdown = readFileSync(path.join(repoRoot, "docs", "policies.md"), "utf8");

/** The fenced blocks of the doc with their info strings. */
const fences = [...markdown.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gmu)].map((match) => ({ info: match[1]!, text: match[2]! }));

interface Result {
  filePath: string;
  messages: { ruleId: string | null; line: number; message: string }[];
}

describe("docs/policies.md", () => {
  const files = fences.flatMap(({ info, text }) => {
    const file = /(?:^|\s)file=(\S+)/u.exec(info)?.[1];
    return file === undefined ? [] : [{ file, text }];
  });
  const claimed = fences.find(({ info }) => info === "text result");

  it("shows a policy package, the repository's config, a sample project and what it reports", () => {
    expect(files.map(({ file }) => file)).toEqual(expect.arrayContaining([
      "node_modules/@example/eslint-config-docker/index.js",
      "node_modules/@example/eslint-config-docker/package.json",
      "eslint.config.mjs",
      "compose.yaml",
    ]));
    expect(claimed).toBeDefined();
  });

  it("its example reports exactly what the doc claims", () => {
    const dir = scratchProject("policies-docs");
    for (const { file, text } of files) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    // The policy package imports the plugin as an installed dependency, as in a user's repository.
    symlinkSync(repoRoot, path.join(dir, "node_modules", "eslint-plugin-docker-policy"), "dir");
    const result = runEslint(dir, ["--format", "json", "."]);
    expect(result.stderr).toBe("");
    const found = (JSON.parse(result.stdout) as Result[])
      .flatMap((file) => file.messages.map((message) => `${path.relative(dir, file.filePath).split(path.sep).join("/")}:${message.line} ${message.ruleId ?? `(fatal) ${message.message}`}`))
      .sort();
    const expected = claimed!.text.split("\n").filter((line) => line.trim() !== "").sort();
    expect(found).toEqual(expected);
  });
});
