/**
 * Wildcard patterns (`*`, `?`, `[…]`, literals) matched in time O(pattern × text) by a set of
 * automaton states advanced one character at a time: no backtracking, no RegExp, no recursion.
 * The callers turn a user's text into tokens with their own syntax (BuildKit's `${v#pattern}`, a
 * shell glob in `rm -rf /var/cache/*`); a JavaScript RegExp built from such text backtracks
 * exponentially (`*` written 30 times against a 10-character name) or throws on a bad class.
 */

/** One element of a pattern. `star` and `any` never match a character `stopAt` rejects. */
export type WildcardToken =
  | { kind: "star" }
  | { kind: "any" }
  | { kind: "char"; codePoint: number }
  | { kind: "set"; test: (codePoint: number) => boolean };

export interface WildcardOptions {
  /** Characters `*` and `?` do not match (e.g. `/` in a path segment, `\n` like Go's `.`). */
  stopAt?: (codePoint: number) => boolean;
}

/** The code points of a string (a lone surrogate counts as one). */
export function codePointsOf(text: string): number[] {
  const points: number[] = [];
  for (let index = 0; index < text.length; ) {
    const value = text.codePointAt(index)!;
    points.push(value);
    index += value > 0xffff ? 2 : 1;
  }
  return points;
}

/** Drops a `*` that follows a `*` (same language, fewer states). */
export function simplifyWildcard(tokens: readonly WildcardToken[]): WildcardToken[] {
  const out: WildcardToken[] = [];
  for (const token of tokens) {
    if (token.kind === "star" && out[out.length - 1]?.kind === "star") continue;
    out.push(token);
  }
  return out;
}

function stepMatches(token: WildcardToken, codePoint: number, stopAt: ((codePoint: number) => boolean) | undefined): boolean {
  switch (token.kind) {
    case "any":
    case "star":
      return !stopAt?.(codePoint);
    case "char":
      return token.codePoint === codePoint;
    case "set":
      return token.test(codePoint);
  }
}

/**
 * For a match of the whole pattern starting at `points[from]`: which end positions work?
 * `ends[e]` is true when `points[from, e)` matches. Time O(tokens × (points − from)).
 */
export function wildcardEnds(tokens: readonly WildcardToken[], points: readonly number[], from: number, options: WildcardOptions = {}): boolean[] {
  const count = tokens.length;
  let active = new Uint8Array(count + 1);
  let next = new Uint8Array(count + 1);
  const ends = new Array<boolean>(points.length + 1).fill(false);
  const close = (states: Uint8Array) => {
    for (let index = 0; index < count; index++) if (states[index] && tokens[index]!.kind === "star") states[index + 1] = 1;
  };
  active[0] = 1;
  close(active);
  for (let position = from; ; position++) {
    ends[position] = active[count] === 1;
    if (position === points.length) break;
    const codePoint = points[position]!;
    next.fill(0);
    let alive = false;
    for (let index = 0; index < count; index++) {
      if (!active[index]) continue;
      const token = tokens[index]!;
      if (!stepMatches(token, codePoint, options.stopAt)) continue;
      if (token.kind === "star") next[index] = 1;
      else next[index + 1] = 1;
      alive = true;
    }
    if (!alive) break;
    close(next);
    [active, next] = [next, active];
  }
  return ends;
}

/** Does the whole `text` match the pattern? */
export function wildcardMatches(tokens: readonly WildcardToken[], text: string, options: WildcardOptions = {}): boolean {
  const points = codePointsOf(text);
  return wildcardEnds(tokens, points, 0, options)[points.length] === true;
}

/**
 * The leftmost match at or after `points[from]`, with its longest end, as a backtracking engine
 * with greedy stars finds it (for stars, `?` and literals the first star taking the most gives the
 * latest end); null when there is none. One pass: each state keeps the earliest start that reaches
 * it (a later start in the same state can do no better). Time O(tokens × (points − from)).
 */
export function findWildcard(tokens: readonly WildcardToken[], points: readonly number[], from: number, options: WildcardOptions = {}): { start: number; end: number } | null {
  const count = tokens.length;
  let starts = new Int32Array(count + 1).fill(-1);
  let following = new Int32Array(count + 1).fill(-1);
  let best: { start: number; end: number } | null = null;
  for (let position = from; ; position++) {
    if (best === null && starts[0]! < 0) starts[0] = position;
    for (let index = 0; index < count; index++) {
      const start = starts[index]!;
      if (start >= 0 && tokens[index]!.kind === "star" && (starts[index + 1]! < 0 || start < starts[index + 1]!)) starts[index + 1] = start;
    }
    const accepted = starts[count]!;
    if (accepted >= 0) {
      if (best === null || accepted < best.start) best = { start: accepted, end: position };
      else if (accepted === best.start) best.end = position;
    }
    if (position === points.length) break;
    const codePoint = points[position]!;
    following.fill(-1);
    let alive = false;
    for (let index = 0; index < count; index++) {
      const start = starts[index]!;
      // A thread that started after the best match's start can never be chosen.
      if (start < 0 || (best !== null && start > best.start)) continue;
      const token = tokens[index]!;
      if (!stepMatches(token, codePoint, options.stopAt)) continue;
      const target = token.kind === "star" ? index : index + 1;
      if (following[target]! < 0 || start < following[target]!) following[target] = start;
      alive = true;
    }
    if (!alive && best !== null) break;
    [starts, following] = [following, starts];
  }
  return best;
}

/** UTF-16 offsets of each code point index of `text` (one more entry: the length). */
export function codePointOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let index = 0; index < text.length; ) {
    offsets.push(index);
    index += text.codePointAt(index)! > 0xffff ? 2 : 1;
  }
  offsets.push(text.length);
  return offsets;
}
