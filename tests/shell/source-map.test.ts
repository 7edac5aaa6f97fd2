/** The parser's cursor mapper gives exactly `toSourceRange`'s answers, in any order of lookups. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SourceMapper } from "../../lib/shell/parser/source-map.js";
import { toSourceRange } from "../../lib/shell/shell-text.js";
import type { ShellText, ShellTextSegment } from "../../lib/shell/shell-text.js";

/** Segments as the Dockerfile parser makes them: increasing, with gaps in the source (dropped `\`+newline). */
const shellText = fc.array(fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 5 })), { maxLength: 6 }).map((pieces): ShellText => {
  const segments: ShellTextSegment[] = [];
  let text = 0;
  let source = 3;
  for (const [length, gap] of pieces) {
    segments.push({ textStart: text, sourceStart: source, length });
    text += length;
    source += length + gap;
  }
  return { text: "x".repeat(text), segments };
});

describe("SourceMapper", () => {
  it("maps like toSourceRange", () => {
    fc.assert(
      fc.property(shellText, fc.array(fc.tuple(fc.nat(40), fc.nat(40)), { maxLength: 20 }), (shell, lookups) => {
        const mapper = new SourceMapper(shell);
        for (const [a, b] of lookups) {
          const [s, e] = a <= b ? [a, b] : [b, a];
          expect(mapper.range(s, e)).toEqual(toSourceRange(shell, s, e));
        }
      }),
      { numRuns: 300 },
    );
  });
});
