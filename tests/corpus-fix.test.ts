/**
 * `eslint --fix` over the shared corpus, in memory: every fixed file still parses, a second pass changes
 * nothing, nothing changes in a file no fixable rule reported, and a fixed Dockerfile keeps its
 * instructions (same sequence, MAINTAINER→LABEL and ADD→COPY being the only renames fixes make) and the
 * shell of every RUN that parsed before still parses. Skips, saying why, when the corpus is absent
 * (`DOCKER_POLICY_CORPUS` points elsewhere).
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../lib/index.js";
import { parseDockerfile } from "../lib/dockerfile/parse.js";
import type { DockerfileProgram } from "../lib/dockerfile/ast.js";
import { runShellScript } from "../lib/semantics/run/run-shell.js";

const corpus = process.env.DOCKER_POLICY_CORPUS ?? path.resolve(import.meta.dirname, "../../shared/corpus");
const present = existsSync(corpus);
if (!present) console.log(`corpus fix test skipped: no corpus at ${corpus}`);

function walk(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** What a fix may rename; everything else keeps its keyword. */
const RENAMES: Readonly<Record<string, string>> = { MAINTAINER: "LABEL", ADD: "COPY" };

function instructionShape(program: DockerfileProgram): { keywords: string[]; runsParsed: boolean[] } {
  const instructions = [...program.preamble, ...program.stages.flatMap((stage) => [stage.from, ...stage.instructions])];
  return {
    keywords: instructions.map((instruction) => {
      const keyword = instruction.keyword.value.toUpperCase();
      return RENAMES[keyword] ?? keyword;
    }),
    runsParsed: instructions.filter((instruction) => instruction.type === "Run").map((run) => runShellScript(program, run) !== null),
  };
}

describe.skipIf(!present)("--fix over the shared corpus", () => {
  it("keeps every file parsing, converges in one run, and changes only what a fixable rule reported", () => {
    const files = walk(corpus, []).filter((file) => /(?:^|\/)(?:Dockerfile|Containerfile)[^/]*$|\.[Dd]ockerfile$|(?:^|\/)(?:docker-)?compose[^/]*\.ya?ml$|\.dockerignore$/u.test(file));
    const linter = new Linter({ configType: "flat", cwd: corpus });
    const config = [...plugin.configs.strict, ...plugin.configs.stylistic, { files: ["**/*"], linterOptions: { reportUnusedDisableDirectives: "off" as const } }];
    const problems: string[] = [];
    let fixedFiles = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const first = linter.verifyAndFix(text, config, { filename: file });
      if (!first.fixed) continue;
      fixedFiles += 1;
      const name = path.relative(corpus, file);
      const fixable = linter.verify(text, config, { filename: file }).filter((message) => message.fix);
      if (fixable.length === 0) problems.push(`${name}: changed without a fixable finding`);
      if (first.messages.some((message) => message.fatal)) problems.push(`${name}: does not parse after --fix`);
      if (linter.verifyAndFix(first.output, config, { filename: file }).fixed) problems.push(`${name}: a second --fix changes it again`);
      if (/compose[^/]*\.ya?ml$|\.dockerignore$/u.test(file)) continue;
      const before = parseDockerfile(text);
      const after = parseDockerfile(first.output);
      if (!before.ok || !after.ok) continue;
      const shapeBefore = instructionShape(before.ast);
      const shapeAfter = instructionShape(after.ast);
      if (shapeBefore.keywords.join(" ") !== shapeAfter.keywords.join(" ")) problems.push(`${name}: the instructions changed`);
      shapeBefore.runsParsed.forEach((parsed, index) => {
        if (parsed && !shapeAfter.runsParsed[index]) problems.push(`${name}: RUN #${index + 1} no longer parses as shell`);
      });
    }
    console.log(`--fix: ${fixedFiles} of ${files.length} corpus files changed`);
    expect(problems).toEqual([]);
    expect(files.length).toBeGreaterThan(1400);
  // Three lints of every corpus file (fix, then a second pass, then a check): minutes on a loaded 2-core machine.
  }, 900_000);
});
