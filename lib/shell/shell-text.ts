/**
 * The contract between the Dockerfile parser (producer) and the shell model (consumer).
 *
 * A RUN body in a Dockerfile is not the text the shell sees: Docker removes escape+newline pairs
 * (line continuations) and drops comment lines inside continuations. `ShellText` is exactly the text
 * Docker hands the shell, plus a map from every character of that text back to the Dockerfile source.
 */

/** One contiguous run of characters copied verbatim from the source. */
export interface ShellTextSegment {
  /** Offset (UTF-16 code units) in `ShellText.text`. */
  readonly textStart: number;
  /** Offset (UTF-16 code units) in the Dockerfile source. */
  readonly sourceStart: number;
  /** Length in UTF-16 code units (same on both sides). */
  readonly length: number;
}

/** Exactly the text Docker hands the shell, plus a map back to the Dockerfile source. */
export interface ShellText {
  text: string;
  /** Sorted, non-overlapping; each maps text[textStart, textStart+length) to source[sourceStart, ...). */
  segments: readonly ShellTextSegment[];
}

/**
 * Map an offset in `shell.text` to an offset in the Dockerfile source.
 *
 * - An offset inside a segment maps linearly.
 * - An offset at the end of a segment maps to the end of that segment's source (so the exclusive
 *   end of a range never jumps across a dropped `\`+newline or comment line).
 * - An offset in a gap between segments (or before the first one) maps to the next segment's start.
 * - An offset past the last segment maps to the end of the last segment's source.
 * - With no segments at all, the offset is returned unchanged.
 */
export function toSourceOffset(shell: ShellText, textOffset: number): number {
  return mapOffset(shell, textOffset, true);
}

/**
 * Map a start offset: like {@link toSourceOffset} but an offset exactly at a segment boundary maps to
 * the start of the following segment (a range that *starts* right after a removed continuation starts
 * at the next visible character, not at the dropped `\`).
 */
export function toSourceStartOffset(shell: ShellText, textOffset: number): number {
  return mapOffset(shell, textOffset, false);
}

function mapOffset(shell: ShellText, textOffset: number, endInclusive: boolean): number {
  const segs = shell.segments;
  const n = segs.length;
  if (n === 0) return textOffset;
  // Binary search: first segment whose end is >= (or >, for starts) the offset.
  let lo = 0;
  let hi = n - 1;
  let found = n;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = segs[mid]!;
    const end = s.textStart + s.length;
    if (endInclusive ? end >= textOffset : end > textOffset) {
      found = mid;
      hi = mid - 1;
    } else {
      lo = mid + 1;
    }
  }
  if (found === n) {
    const last = segs[n - 1]!;
    return last.sourceStart + last.length;
  }
  const seg = segs[found]!;
  if (textOffset >= seg.textStart) return seg.sourceStart + (textOffset - seg.textStart);
  // In a gap before this segment.
  return seg.sourceStart;
}

/** Map a text range `[start, end)` to a source range (start maps forward, end maps backward). */
export function toSourceRange(shell: ShellText, start: number, end: number): [number, number] {
  const s = toSourceStartOffset(shell, start);
  if (end <= start) return [s, s];
  const e = toSourceOffset(shell, end);
  return [s, Math.max(s, e)];
}

/** Convenience: a ShellText whose text is a verbatim copy of `source[sourceStart, sourceStart+text.length)`. */
export function contiguousShellText(text: string, sourceStart = 0): ShellText {
  return { text, segments: text.length === 0 ? [] : [{ textStart: 0, sourceStart, length: text.length }] };
}
