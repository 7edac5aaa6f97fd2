/**
 * Parse every corpus Dockerfile and print failures, invariant violations and timings.
 *
 *   npx tsx scripts/corpus-parse.ts [--verbose]
 *
 * (tsx is present as a transitive dev dependency; `npx vitest run tests/dockerfile/corpus-parse.test.ts`
 * runs the same checks as a test.)
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseDockerfile } from "../lib/dockerfile/parse.js";
import { checkInvariants, corpusDockerfiles, corpusRoot } from "../tests/dockerfile/support/corpus.js";

const files = corpusDockerfiles();
if (!files) {
  console.log(`corpus not found at ${corpusRoot}`);
  process.exit(0);
}
const verbose = process.argv.includes("--verbose");
const texts = files.map((file) => readFileSync(file, "utf8").replace(/^\uFEFF/u, ""));

// Warm up, then time several rounds.
for (const text of texts) parseDockerfile(text);
const rounds = 5;
const start = performance.now();
for (let round = 0; round < rounds; round++) for (const text of texts) parseDockerfile(text);
const elapsed = performance.now() - start;

let failures = 0;
let violations = 0;
let instructions = 0;
texts.forEach((text, i) => {
  const name = path.relative(corpusRoot, files[i]!);
  const result = parseDockerfile(text);
  if (!result.ok) {
    failures++;
    for (const error of result.errors) console.log(`FAIL ${name}:${error.line}:${error.column} ${error.message}`);
    return;
  }
  instructions += result.ast.preamble.length;
  for (const stage of result.ast.stages) instructions += 1 + stage.instructions.length;
  const problems = checkInvariants(text, result.ast);
  if (problems.length > 0) {
    violations++;
    console.log(`INVARIANT ${name}: ${problems.slice(0, verbose ? 50 : 3).join("; ")}`);
  }
});
const bytes = texts.reduce((sum, text) => sum + text.length, 0);
console.log(
  `${files.length} files, ${bytes} chars, ${instructions} instructions: ${failures} parse failures, ${violations} with invariant violations; ` +
    `${(elapsed / rounds / files.length).toFixed(4)} ms per file (${(elapsed / rounds).toFixed(1)} ms per corpus pass)`,
);
