import { editDistance } from "./edit-distance.js";

/**
 * "Did you mean …?" for misspelt names: the closest candidate by Damerau–Levenshtein distance
 * (a swap of two neighbours counts as one edit), accepted when the distance is at most a third of
 * the name's length (at least 1), so `depend_on` finds `depends_on` but `foo` finds nothing.
 */
export function closestMatch(name: string, candidates: Iterable<string>): string | null {
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  const lower = name.toLowerCase();
  for (const candidate of candidates) {
    if (candidate === name) continue;
    if (Math.abs(candidate.length - name.length) > limit) continue;
    // Case alone (`Image`) is the most likely slip.
    const distance = candidate.toLowerCase() === lower ? 0.5 : editDistance(lower, candidate.toLowerCase());
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
