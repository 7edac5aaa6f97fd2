/** "Did you mean" for names: the closest candidate within a small edit distance. */

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions each cost 1. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

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
