/**
 * The bounded-time fuzz run of issue 12, on demand: generates `.dockerignore` files, compose files
 * and Dockerfiles (tests/support/fuzz.ts), lints each with `strict`, and counts exceptions, internal
 * errors and cases over the time bound. Prints the counts and the costliest cases per KB.
 *
 * Usage: `npx tsx scripts/fuzz.ts [--cases 100000] [--seed N]`. Exits 1 when any case fails.
 */
import fc from "fast-check";
import { ARBITRARIES, runFuzzCase, type FuzzKind } from "../tests/support/fuzz.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(name);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const total = option("--cases", 10_000);
const seed = option("--seed", Date.now() % 2 ** 31);
const kinds = Object.keys(ARBITRARIES) as FuzzKind[];

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
