/**
 * Near-miss suggestions ("did you mean FROM?"), the way BuildKit's `util/suggest` offers them for an
 * unknown instruction or flag.
 */

/**
 * Optimal-string-alignment distance between `a` and `b` (UTF-16 units): insertions, deletions,
 * substitutions and swaps of two neighbouring characters each cost 1 (`FORM` → `FROM` is 1).
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0]![j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[rows - 1]![cols - 1]!;
}

/**
 * The candidate closest to `word` (compared case-insensitively), when it is a near miss: one edit for
 * a word of 3 to 6 characters, two from 7 on, none below 3 (so `hello` does not become `SHELL`, nor
 * `ls` `USER`). Null otherwise; on a tie the first candidate in `candidates` order wins.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | null {
  const needle = word.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === null || bestDistance === 0) return best;
  const allowed = needle.length >= 7 ? 2 : needle.length >= 3 ? 1 : 0;
  return bestDistance <= allowed ? best : null;
}
