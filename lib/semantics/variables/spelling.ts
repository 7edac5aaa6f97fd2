/** "Did you mean" for names: the closest candidate within a small edit distance. */
import { editDistance } from "../../utils/edit-distance.js";

/**
 * The candidate closest to `name` (case-insensitively), when it is close enough to be a typo: one edit
 * for names of up to 7 characters, two for longer ones, and lengths differing by at most one (`GOPATH`
 * is not a typo of `PATH`). Null when none is, or when `name` is a candidate.
 */
export function closestName(name: string, candidates: Iterable<string>): string | null {
  const limit = name.length <= 7 ? 1 : 2;
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === name) return null;
    if (Math.abs(candidate.length - name.length) > 1) continue;
    const distance = editDistance(name.toUpperCase(), candidate.toUpperCase());
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
