/**
 * Docs that cannot lie: every rule has a doc with the required sections, and every code sample in it is
 * linted with the rule alone. Samples under "### Incorrect" (or marked `incorrect` in their info string)
 * must be reported; samples under "### Correct" (or marked `correct`) must not. A sample's info string
 * may carry `options={…}` (JSON) for the rule's options, and, last, `tree={…}` or `files={…}` (JSON:
 * relative path → content) for the files around it that a cross-file rule reads (the sample is then linted
 * in a folder of its own holding them).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../lib/index.js";
import { rules } from "../rules/index.js";
import { REQUIRED_SECTIONS } from "./support/doc-sections.js";

const repoRoot = path.resolve(import.meta.dirname, "..");
// Cross-file rules look around the linted file: samples live in an empty folder, not in this repo.
const sampleDir = mkdtempSync(path.join(tmpdir(), "docker-policy-docs-"));
// Samples with a `tree` each get a folder of their own, apart from the others (whose folder must stay empty).
const treeRoot = mkdtempSync(path.join(tmpdir(), "docker-policy-doc-trees-"));
afterAll(() => {
  rmSync(sampleDir, { recursive: true, force: true });
  rmSync(treeRoot, { recursive: true, force: true });
});

const FILENAME_BY_LANGUAGE: Record<string, string> = {
  dockerfile: "Dockerfile",
  yaml: "compose.yaml",
  dockerignore: ".dockerignore",
};

interface Sample {
  expectation: "incorrect" | "correct";
  filename: string;
  code: string;
  options: unknown[] | null;
  /** Files written around the sample (relative path → content), or null. */
  tree: Record<string, string> | null;
  line: number;
}

function samplesOf(markdown: string): Sample[] {
  const samples: Sample[] = [];
  let section: "incorrect" | "correct" | null = null;
  const lines = markdown.split("\n");
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (/^#{2,3} /u.test(line)) {
      section = /^### Incorrect/u.test(line) ? "incorrect" : /^### Correct/u.test(line) ? "correct" : null;
      continue;
    }
    const fence = /^```(\w+)( .*)?$/u.exec(line);
    if (!fence) continue;
    const language = fence[1]!;
    const info = fence[2] ?? "";
    const body: string[] = [];
    const start = index + 1;
    for (index += 1; index < lines.length && lines[index] !== "```"; index += 1) body.push(lines[index]!);
    const filename = FILENAME_BY_LANGUAGE[language];
    if (!filename) continue;
    const marked = /\b(incorrect|correct)\b/u.exec(info)?.[1] as Sample["expectation"] | undefined;
    const expectation = marked ?? section;
    if (!expectation) continue;
    const tree = /(?:tree|files)=(\{.*\})$/u.exec(info)?.[1];
    const options = /options=(\{.*\}|\[.*\])/u.exec(info.replace(/(?:tree|files)=\{.*\}$/u, ""))?.[1];
    samples.push({
      expectation,
      filename,
      code: `${body.join("\n")}\n`,
      options: options ? [JSON.parse(options)] : null,
      tree: tree ? (JSON.parse(tree) as Record<string, string>) : null,
      line: start,
    });
  }
  return samples;
}

describe.each(Object.keys(rules))("docs/rules/%s.md", (name) => {
  const markdown = readFileSync(path.join(repoRoot, "docs/rules", `${name}.md`), "utf8");

  it("has the required sections", () => {
    for (const section of REQUIRED_SECTIONS) expect(markdown.split("\n"), `missing "${section}"`).toContain(section);
  });

  // What the rule judges, then where it answers otherwise than its peers: one section right after the other.
  it("states its differences from peers right after its contract", () => {
    const headings = markdown.split("\n").filter((line) => /^## /u.test(line));
    expect(headings[headings.indexOf("## Contract") + 1]).toBe("## Differences from peers");
  });

  const samples = samplesOf(markdown);
  it("has an incorrect and a correct sample", () => {
    expect(samples.some((sample) => sample.expectation === "incorrect")).toBe(true);
    expect(samples.some((sample) => sample.expectation === "correct")).toBe(true);
  });

  it.each(samples.map((sample) => [`${sample.expectation} sample at line ${sample.line}`, sample] as const))("%s", (_, sample) => {
    let dir = sampleDir;
    if (sample.tree) {
      dir = path.join(treeRoot, `${name}-${sample.line}`);
      for (const [relative, content] of Object.entries(sample.tree)) {
        mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
        writeFileSync(path.join(dir, relative), content);
      }
    }
    const linter = new Linter({ configType: "flat", cwd: dir });
    const severity = sample.options ? ["error", ...sample.options] : "error";
    const messages = linter.verify(
      sample.code,
      [...plugin.configs.base, { files: ["**/*", "**/.*"], rules: { [`docker/${name}`]: severity as Linter.RuleEntry } }],
      { filename: path.join(dir, sample.filename) },
    );
    // No parse error, and no "no matching configuration" warning either.
    expect(messages.filter((message) => message.ruleId === null)).toEqual([]);
    const reported = messages.filter((message) => message.ruleId === `docker/${name}`);
    if (sample.expectation === "incorrect") expect(reported.length, "an incorrect sample must be reported").toBeGreaterThan(0);
    else expect(reported, "a correct sample must not be reported").toEqual([]);
  });
});
