/**
 * Building {@link ShellText}s and mapping their offsets back to the Dockerfile source.
 *
 * The mapping functions have the same semantics as the shell model's copies in
 * `lib/shell/shell-text.ts` (the type is the same structure), so either module can be used.
 */
import type { ShellText, ShellTextSegment } from "../shell/shell-text.js";

// The ShellText contract and its offset mapping live with the shell model that consumes it; the
// Dockerfile parser builds ShellTexts and re-exports the helpers for its own callers.
export { contiguousShellText, toSourceOffset, toSourceRange, toSourceStartOffset } from "../shell/shell-text.js";

/** Accumulates text chunks, each mapped to a contiguous run of source offsets. */
export class ShellTextBuilder {
  #text = "";
  readonly #segments: ShellTextSegment[] = [];

  get length(): number {
    return this.#text.length;
  }

  /** Append `chunk`, whose characters come from `source[sourceStart, sourceStart + chunk.length)`. */
  append(chunk: string, sourceStart: number): void {
    if (chunk.length === 0) return;
    const textStart = this.#text.length;
    this.#text += chunk;
    const last = this.#segments[this.#segments.length - 1];
    if (last && last.textStart + last.length === textStart && last.sourceStart + last.length === sourceStart) {
      this.#segments[this.#segments.length - 1] = { textStart: last.textStart, sourceStart: last.sourceStart, length: last.length + chunk.length };
    } else {
      this.#segments.push({ textStart, sourceStart, length: chunk.length });
    }
  }

  /** Append every character of another ShellText, keeping its mapping. */
  appendShellText(shell: ShellText): void {
    for (const segment of shell.segments) {
      this.append(shell.text.slice(segment.textStart, segment.textStart + segment.length), segment.sourceStart);
    }
  }

  build(): ShellText {
    return { text: this.#text, segments: this.#segments.slice() };
  }
}

/** The part `[start, end)` of a ShellText, with its own mapping (text offsets rebased to 0). */
export function sliceShellText(shell: ShellText, start: number, end: number): ShellText {
  const builder = new ShellTextBuilder();
  if (end <= start) return builder.build();
  for (const segment of shell.segments) {
    const segmentEnd = segment.textStart + segment.length;
    if (segmentEnd <= start || segment.textStart >= end) continue;
    const from = Math.max(start, segment.textStart);
    const to = Math.min(end, segmentEnd);
    builder.append(shell.text.slice(from, to), segment.sourceStart + (from - segment.textStart));
  }
  return builder.build();
}
