/**
 * Issue 24's property: every generated file (line ends of every kind, BOM, NUL, escapes at line ends,
 * heredocs, aliases and merge keys as values, small alias bombs), folder tree and mutated corpus file
 * lints with `strict` without an exception; every fix and every suggestion, applied alone, leaves a
 * file that parses and every instruction outside its range as it was; `--fix` leaves a file that
 * parses, and a second `--fix` changes nothing. CPU time per lint is counted here (and printed);
 * `npx tsx scripts/fuzz.ts --fixes --cases 100000` fails on any lint over one second of CPU.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { composeCase, corpusFiles, dockerfileCase, dockerignoreCase, MUTATIONS, mutateCorpusFile, runFixCase, runTreeCase, treeCase, type FixFuzzKind } from "./support/fix-fuzz.js";

const slow: number[] = [];
const record = (cpuMs: number) => {
  if (cpuMs > 1000) slow.push(cpuMs);
};

describe("fixes keep every byte's meaning (generated files)", () => {
  it.each([
    ["dockerfile", dockerfileCase, 300],
    ["compose", composeCase, 250],
    ["dockerignore", dockerignoreCase, 100],
  ] as const)("%s", (kind, arbitrary, numRuns) => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        const outcome = runFixCase(kind as FixFuzzKind, text);
        record(outcome.cpuMs);
        expect(outcome.problem, JSON.stringify(text.slice(0, 400))).toBeNull();
      }),
      { numRuns, seed: 24, endOnFailure: true },
    );
  }, 120_000);

  it("folder trees (cross-file rules)", () => {
    fc.assert(
      fc.property(treeCase, (tree) => {
        const outcome = runTreeCase(tree);
        record(outcome.cpuMs);
        expect(outcome.problem, JSON.stringify(tree).slice(0, 600)).toBeNull();
      }),
      { numRuns: 30, seed: 24, endOnFailure: true },
    );
  }, 120_000);
});

describe("fixes keep every byte's meaning (mutated corpus files)", () => {
  const corpus = corpusFiles();
  if ("skipped" in corpus) {
    console.log(`fix fuzz on corpus mutations skipped: ${corpus.skipped}`);
    it.skip("needs the shared corpus", () => {});
    return;
  }
  it("120 mutations", () => {
    const mutations = Object.keys(MUTATIONS);
    fc.assert(
      fc.property(fc.nat({ max: corpus.files.length - 1 }), fc.constantFrom(...mutations), fc.nat(), (index, mutation, position) => {
        const file = corpus.files[index]!;
        const text = mutateCorpusFile(readFileSync(file.path, "utf8"), mutation, position);
        const outcome = runFixCase(file.kind, text);
        record(outcome.cpuMs);
        expect(outcome.problem, `${path.basename(file.path)} ${mutation}@${position}`).toBeNull();
      }),
      { numRuns: 120, seed: 24, endOnFailure: true },
    );
  }, 120_000);

  it("counts lints over one second of CPU (the long run fails on them)", () => {
    console.log(`fix fuzz: ${slow.length} lints over one second of CPU${slow.length ? ` (${slow.map((ms) => ms.toFixed(0)).join(", ")} ms)` : ""}`);
  });
});
