/**
 * Issue 12's property: every generated `.dockerignore`, compose file and Dockerfile lints with the
 * `strict` config without an exception or internal error, in time bounded by its size
 * (tests/support/fuzz.ts says how). `npx tsx scripts/fuzz.ts --cases 100000` runs many more.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ARBITRARIES, runFuzzCase, type FuzzKind } from "./support/fuzz.js";

const RUNS: Record<FuzzKind, number> = { dockerignore: 1000, compose: 500, dockerfile: 600 };

describe("bounded time, no exception", () => {
  it.each(Object.keys(RUNS) as FuzzKind[])("%s", (kind) => {
    fc.assert(
      fc.property(ARBITRARIES[kind], (text) => {
        const outcome = runFuzzCase(kind, text);
        expect(outcome.problem, JSON.stringify(text.slice(0, 300))).toBeNull();
      }),
      // No shrinking: a slow case is reported as found (shrinking would re-run it many times).
      { numRuns: RUNS[kind], seed: 12, endOnFailure: true },
    );
  });
});
