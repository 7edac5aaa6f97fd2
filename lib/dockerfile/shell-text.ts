/**
 * Building {@link ShellText}s and mapping their offsets back to the Dockerfile source.
 *
 * The mapping functions have the same semantics as the shell model's copies in
 * `lib/shell/shell-text.ts` (the type is the same structure), so either module can be used.
 */
import type { Range, ShellText, ShellTextSegment } from "./ast.js";

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

/** A ShellText that is a verbatim copy of `source[sourceStart, sourceStart + text.length)`. */
export function contiguousShellText(text: string, sourceStart: number): ShellText {
  return { text, segments: text.length === 0 ? [] : [{ textStart: 0, sourceStart, length: text.length }] };
}

/**
 * Map an offset in `shell.text` to a source offset, biased towards the end of a range:
 * an offset exactly at the end of a segment maps to the end of that segment's source, so the
 * exclusive end of a range never jumps over a removed continuation or comment line. Offsets past
 * the text map to the end of the last segment; with no segments the offset is returned unchanged.
 */
export function toSourceOffset(shell: ShellText, textOffset: number): number {
  return mapOffset(shell, textOffset, true);
}

/**
 * Map an offset in `shell.text` to a source offset, biased towards the start of a range: an offset
 * at a segment boundary maps to the start of the following segment (the character there).
 */
export function toSourceStartOffset(shell: ShellText, textOffset: number): number {
  return mapOffset(shell, textOffset, false);
}

/** Map `[start, end)` of `shell.text` to a source range (start maps forward, end backward). */
export function toSourceRange(shell: ShellText, start: number, end: number): Range {
  const s = toSourceStartOffset(shell, start);
  if (end <= start) return [s, s];
  const e = toSourceOffset(shell, end);
  return [s, Math.max(s, e)];
}

function mapOffset(shell: ShellText, textOffset: number, endBiased: boolean): number {
  const segments = shell.segments;
  const n = segments.length;
  if (n === 0) return textOffset;
  // First segment whose end is >= (end-biased) or > (start-biased) the offset.
  let lo = 0;
  let hi = n - 1;
  let found = n;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const segment = segments[mid]!;
    const end = segment.textStart + segment.length;
    if (endBiased ? end >= textOffset : end > textOffset) {
      found = mid;
      hi = mid - 1;
    } else {
      lo = mid + 1;
    }
  }
  if (found === n) {
    const last = segments[n - 1]!;
    return last.sourceStart + last.length;
  }
  const segment = segments[found]!;
  if (textOffset >= segment.textStart) return segment.sourceStart + (textOffset - segment.textStart);
  return segment.sourceStart;
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
