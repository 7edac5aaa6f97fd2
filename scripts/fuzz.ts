/**
 * The bounded-time fuzz run of issue 12, on demand: generates `.dockerignore` files, compose files
 * and Dockerfiles (tests/support/fuzz.ts), lints each with `strict`, and counts exceptions, internal
 * errors and cases over the time bound. Prints the counts and the costliest cases per KB.
 *
 * With `--fixes`, the fix-applying fuzz of issue 24 instead (tests/support/fix-fuzz.ts): generated
 * Dockerfiles, compose files and `.dockerignore` files (every line end, BOM, NUL, escapes at line ends,
 * heredocs, aliases and merge keys as values, alias bombs), folder trees (cross-file rules) and
 * mutated corpus files (skipped, saying why, when ../shared/corpus is absent); every fix and
 * suggestion is applied and checked, and a case fails on any lint over one second of CPU
 * (`process.cpuUsage`).
 *
 * Usage: `npx tsx scripts/fuzz.ts [--fixes] [--cases 100000] [--seed N]`. Exits 1 when any case fails.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { composeCase, corpusFiles, dockerfileCase, dockerignoreCase, MUTATIONS, mutateCorpusFile, runFixCase, runTreeCase, treeCase, type FixFuzzOutcome } from "../tests/support/fix-fuzz.js";
import { ARBITRARIES, runFuzzCase, type FuzzKind } from "../tests/support/fuzz.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(name);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const total = option("--cases", 10_000);
const seed = option("--seed", Date.now() % 2 ** 31);
const kinds = Object.keys(ARBITRARIES) as FuzzKind[];

/** Any lint over this much CPU fails the fix fuzz. */
const CPU_LIMIT_MS = 1000;

function fixFuzz(): void {
  console.log(`fix fuzz: ${total} cases, seed ${seed}`);
  const started = performance.now();
  const corpus = corpusFiles();
  if ("skipped" in corpus) console.log(`corpus mutations skipped: ${corpus.skipped}`);
  // Shares of the cases: Dockerfiles get the most (most fixes live there).
  const plan: [string, number, (index: number) => FixFuzzOutcome & { input: string }][] = [];
  const share = (weight: number) => Math.ceil((total * weight) / 100);
  const generated = <T>(name: string, weight: number, arbitrary: fc.Arbitrary<T>, run: (value: T) => FixFuzzOutcome, offset: number) => {
    const samples = fc.sample(arbitrary, { numRuns: share(weight), seed: seed + offset });
    plan.push([name, samples.length, (index) => ({ ...run(samples[index]!), input: JSON.stringify(samples[index]).slice(0, 300) })]);
  };
  const corpusWeight = "skipped" in corpus ? 0 : 20;
  generated("dockerfile", 45 + (20 - corpusWeight) / 2, dockerfileCase, (text) => runFixCase("dockerfile", text), 1);
  generated("compose", 20 + (20 - corpusWeight) / 2, composeCase, (text) => runFixCase("compose", text), 2);
  generated("dockerignore", 10, dockerignoreCase, (text) => runFixCase("dockerignore", text), 3);
  generated("tree", 5, treeCase, runTreeCase, 4);
  if (!("skipped" in corpus)) {
    const mutations = Object.keys(MUTATIONS);
    const picks = fc.sample(fc.tuple(fc.nat({ max: corpus.files.length - 1 }), fc.constantFrom(...mutations), fc.nat()), { numRuns: share(corpusWeight), seed: seed + 5 });
    const texts = new Map<string, string>();
    plan.push([
      "corpus",
      picks.length,
      (index) => {
        const [file, mutation, position] = picks[index]!;
        const { kind, path: filePath } = corpus.files[file]!;
        if (!texts.has(filePath)) texts.set(filePath, readFileSync(filePath, "utf8"));
        return { ...runFixCase(kind, mutateCorpusFile(texts.get(filePath)!, mutation, position)), input: `${path.basename(path.dirname(filePath))}/${path.basename(filePath)} ${mutation}@${position}` };
      },
    ]);
  }
  let failures = 0;
  let cases = 0;
  for (const [name, count, run] of plan) {
    const problems: string[] = [];
    let maxCpu = 0;
    let cpu = 0;
    const kindStarted = performance.now();
    for (let index = 0; index < count; index++) {
      const outcome = run(index);
      cases++;
      cpu += outcome.cpuMs;
      maxCpu = Math.max(maxCpu, outcome.cpuMs);
      const problem = outcome.problem ?? (outcome.cpuMs > CPU_LIMIT_MS ? `lint took ${outcome.cpuMs.toFixed(0)} ms of CPU (limit ${CPU_LIMIT_MS} ms)` : null);
      if (problem) problems.push(`${problem.slice(0, 400)}\n    input: ${outcome.input}`);
      if (cases % 1000 === 0) console.log(`  … ${cases} cases, ${failures + problems.length} failures, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    failures += problems.length;
    console.log(`${name.padEnd(12)} ${count} cases in ${((performance.now() - kindStarted) / 1000).toFixed(0)} s: ${problems.length} failures; lint CPU mean ${(cpu / Math.max(count, 1)).toFixed(1)} ms, max ${maxCpu.toFixed(0)} ms`);
    for (const problem of problems.slice(0, 5)) console.log(`  ${problem}`);
  }
  console.log(`${cases} cases, ${failures} failures in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  process.exitCode = failures > 0 ? 1 : 0;
}

if (args.includes("--fixes")) {
  fixFuzz();
  process.exit();
}

console.log(`fuzz: ${total} cases, seed ${seed}`);
const started = performance.now();
let failures = 0;
for (const [index, kind] of kinds.entries()) {
  const cases = Math.ceil(total / kinds.length);
  const samples = fc.sample(ARBITRARIES[kind], { numRuns: cases, seed: seed + index });
  let bytes = 0;
  let ms = 0;
  let worst = { perKb: 0, ms: 0, bytes: 0 };
  const problems: string[] = [];
  for (const text of samples) {
    const outcome = runFuzzCase(kind, text);
    bytes += outcome.bytes;
    ms += outcome.ms;
    const perKb = outcome.ms / Math.max(outcome.bytes / 1024, 1);
    if (perKb > worst.perKb) worst = { perKb, ms: outcome.ms, bytes: outcome.bytes };
    if (outcome.problem) {
      problems.push(`${outcome.problem}\n    input: ${JSON.stringify(text.slice(0, 200))}${text.length > 200 ? "…" : ""}`);
    }
  }
  failures += problems.length;
  console.log(
    `${kind.padEnd(12)} ${samples.length} cases, ${(bytes / 1024 / 1024).toFixed(1)} MB, ${(ms / 1000).toFixed(1)} s: ` +
      `${problems.length} failures; mean ${(ms / (bytes / 1024)).toFixed(2)} ms/KB; worst ${worst.perKb.toFixed(1)} ms/KB (${worst.ms.toFixed(0)} ms, ${worst.bytes} bytes; per KB counted from 1 KB)`,
  );
  for (const problem of problems.slice(0, 5)) console.log(`  ${problem}`);
}
console.log(`${failures} failures in ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exitCode = failures > 0 ? 1 : 0;
