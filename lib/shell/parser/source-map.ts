/**
 * `toSourceRange` (../shell-text.ts) for the many ranges of one parse: the same mapping, but each
 * lookup starts from the segment the previous one found (the parser asks for nearby offsets in
 * order), instead of a binary search per offset.
 */
import type { Range } from "../model.js";
import type { ShellText, ShellTextSegment } from "../shell-text.js";

export class SourceMapper {
  private readonly segments: readonly ShellTextSegment[];
  private hint = 0;

  constructor(shell: ShellText) {
    this.segments = shell.segments;
  }

  /** Same as `toSourceRange(shell, start, end)`. */
  range(start: number, end: number): Range {
    const s = this.map(start, false);
    if (end <= start) return [s, s];
    const e = this.map(end, true);
    return [s, e < s ? s : e];
  }

  /** `toSourceOffset` (endInclusive) / `toSourceStartOffset`. No closure per call: this runs for every range of the model. */
  private map(offset: number, endInclusive: boolean): number {
    const segs = this.segments;
    const n = segs.length;
    if (n === 0) return offset;
    // The first segment whose end reaches the offset (`>=` for ends, `>` for starts).
    let i = this.hint < n ? this.hint : n - 1;
    const hinted = segs[i]!;
    // Strictly inside the hinted segment (the usual case): no earlier segment reaches the offset.
    if (offset > hinted.textStart && offset < hinted.textStart + hinted.length) return hinted.sourceStart + (offset - hinted.textStart);
    if (covers(hinted, offset, endInclusive)) {
      while (i > 0 && covers(segs[i - 1]!, offset, endInclusive)) i--;
    } else {
      while (i < n && !covers(segs[i]!, offset, endInclusive)) i++;
      if (i === n) {
        this.hint = n - 1;
        const last = segs[n - 1]!;
        return last.sourceStart + last.length;
      }
    }
    this.hint = i;
    const seg = segs[i]!;
    return offset >= seg.textStart ? seg.sourceStart + (offset - seg.textStart) : seg.sourceStart;
  }
}

/** Whether `seg` ends at or after `offset` (`>=` for an end offset, `>` for a start offset). */
function covers(seg: ShellTextSegment, offset: number, endInclusive: boolean): boolean {
  const end = seg.textStart + seg.length;
  return endInclusive ? end >= offset : end > offset;
}
