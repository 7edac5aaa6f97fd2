/**
 * ESLint's token-store API (the `getFirstToken`/`getTokenBefore`/`getCommentsInside`… methods of its
 * JavaScript `SourceCode`) over a language's own tokens and comments. Rules written for JavaScript call
 * these unconditionally, also on files of other languages that an unscoped config reaches; they must get
 * the answer that is true for the file (for a Dockerfile: it has comments and no tokens) instead of
 * a `TypeError`.
 *
 * Semantics follow ESLint's documented token-store contract
 * (https://eslint.org/docs/latest/extend/custom-rules#accessing-the-source-code): offsets are UTF-16
 * indexes into the text; "inside" a node means within `node.range`; `skip` (single-token methods only)
 * counts after `filter`;
 * comments are seen only with `includeComments: true`.
 */
import type { SourceRange } from "@eslint/core";

/** Anything with a range: a node, a token or a comment. */
export interface Ranged {
  range: SourceRange;
}

/** The option forms ESLint accepts: a number (`skip` for one token, `count` for several), a filter, or an object. */
export type CursorOptions<T> =
  | number
  | ((token: T) => boolean)
  | { includeComments?: boolean; filter?: ((token: T) => boolean) | null; skip?: number; count?: number }
  | null
  | undefined;

interface NormalOptions<T> {
  includeComments: boolean;
  filter: ((token: T) => boolean) | null;
  skip: number;
  count: number;
}

function normalize<T>(options: CursorOptions<T>, numberMeans: "skip" | "count"): NormalOptions<T> {
  const normal: NormalOptions<T> = { includeComments: false, filter: null, skip: 0, count: Number.POSITIVE_INFINITY };
  if (typeof options === "number") normal[numberMeans] = options;
  else if (typeof options === "function") normal.filter = options;
  else if (options) {
    normal.includeComments = Boolean(options.includeComments);
    normal.filter = options.filter ?? null;
    normal.skip = options.skip ?? 0;
    if (typeof options.count === "number") normal.count = options.count;
  }
  return normal;
}

/** First index in `list` (sorted by start) whose element starts at or after `offset`. */
function firstStartingAtOrAfter(list: readonly Ranged[], offset: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]!.range[0] < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A view over sorted tokens and comments; never throws on a range that falls outside them. */
export class TokenStore<Token extends Ranged, Comment extends Ranged> {
  readonly #tokens: readonly Token[];
  readonly #comments: readonly Comment[];
  readonly #all: readonly (Token | Comment)[];
  readonly #commentSet: ReadonlySet<Token | Comment>;

  /** `tokens` and `comments` need not be sorted; they must not overlap one another. */
  constructor(tokens: readonly Token[], comments: readonly Comment[]) {
    const byStart = (a: Ranged, b: Ranged) => a.range[0] - b.range[0];
    this.#tokens = [...tokens].sort(byStart);
    this.#comments = [...comments].sort(byStart);
    this.#all = [...this.#tokens, ...this.#comments].sort(byStart);
    this.#commentSet = new Set(this.#comments);
  }

  isComment(token: unknown): token is Comment {
    return this.#commentSet.has(token as Comment);
  }

  /** Tokens and comments in source order. */
  get tokensAndComments(): readonly (Token | Comment)[] {
    return this.#all;
  }

  getAllComments(): readonly Comment[] {
    return this.#comments;
  }

  /**
   * Elements starting in `[start, end)` and ending by `end`, in the given direction, after `filter`,
   * `skip` and `count`.
   */
  #select(start: number, end: number, direction: 1 | -1, options: NormalOptions<Token | Comment>): (Token | Comment)[] {
    const list: readonly (Token | Comment)[] = options.includeComments ? this.#all : this.#tokens;
    const from = firstStartingAtOrAfter(list, start);
    const to = firstStartingAtOrAfter(list, end);
    const result: (Token | Comment)[] = [];
    let skipped = 0;
    for (let step = 0; step < to - from && result.length < options.count; step++) {
      const element = list[direction === 1 ? from + step : to - 1 - step]!;
      if (element.range[1] > end) continue;
      if (options.filter && !options.filter(element)) continue;
      if (skipped < options.skip) {
        skipped++;
        continue;
      }
      result.push(element);
    }
    return result;
  }

  #one(start: number, end: number, direction: 1 | -1, options: CursorOptions<Token | Comment>): Token | Comment | null {
    return this.#select(start, end, direction, { ...normalize(options, "skip"), count: 1 })[0] ?? null;
  }

  /** As ESLint's multi-token methods: `skip` does not apply (only `includeComments`, `filter` and `count`). */
  #many(start: number, end: number, direction: 1 | -1, options: CursorOptions<Token | Comment>): (Token | Comment)[] {
    const found = this.#select(start, end, direction, { ...normalize(options, "count"), skip: 0 });
    return direction === 1 ? found : found.reverse();
  }

  getFirstToken(node: Ranged, options?: CursorOptions<Token | Comment>) {
    return this.#one(node.range[0], node.range[1], 1, options);
  }
  getLastToken(node: Ranged, options?: CursorOptions<Token | Comment>) {
    return this.#one(node.range[0], node.range[1], -1, options);
  }
  getTokenBefore(node: Ranged, options?: CursorOptions<Token | Comment>) {
    return this.#one(0, node.range[0], -1, options);
  }
  getTokenAfter(node: Ranged, options?: CursorOptions<Token | Comment>) {
    return this.#one(node.range[1], Number.POSITIVE_INFINITY, 1, options);
  }
  getFirstTokenBetween(left: Ranged, right: Ranged, options?: CursorOptions<Token | Comment>) {
    return this.#one(left.range[1], right.range[0], 1, options);
  }
  getLastTokenBetween(left: Ranged, right: Ranged, options?: CursorOptions<Token | Comment>) {
    return this.#one(left.range[1], right.range[0], -1, options);
  }
  getTokenByRangeStart(offset: number, options?: { includeComments?: boolean }) {
    const list: readonly (Token | Comment)[] = options?.includeComments ? this.#all : this.#tokens;
    const element = list[firstStartingAtOrAfter(list, offset)];
    return element?.range[0] === offset ? element : null;
  }

  getFirstTokens(node: Ranged, options?: CursorOptions<Token | Comment>) {
    return this.#many(node.range[0], node.range[1], 1, options);
  }
  getLastTokens(node: Ranged, options?: CursorOptions<Token | Comment>) {
    return this.#many(node.range[0], node.range[1], -1, options);
  }
  getTokensBefore(node: Ranged, options?: CursorOptions<Token | Comment>) {
    return this.#many(0, node.range[0], -1, options);
  }
  getTokensAfter(node: Ranged, options?: CursorOptions<Token | Comment>) {
    return this.#many(node.range[1], Number.POSITIVE_INFINITY, 1, options);
  }
  getFirstTokensBetween(left: Ranged, right: Ranged, options?: CursorOptions<Token | Comment>) {
    return this.#many(left.range[1], right.range[0], 1, options);
  }
  getLastTokensBetween(left: Ranged, right: Ranged, options?: CursorOptions<Token | Comment>) {
    return this.#many(left.range[1], right.range[0], -1, options);
  }

  /**
   * The tokens inside `node`; either with options, or (ESLint's older form) with as many tokens before
   * and after it as `beforeCount`/`afterCount` say.
   */
  getTokens(node: Ranged, beforeCount?: CursorOptions<Token | Comment>, afterCount?: number) {
    return this.#padded(node.range[0], node.range[1], beforeCount, afterCount);
  }
  getTokensBetween(left: Ranged, right: Ranged, padding?: CursorOptions<Token | Comment>) {
    return this.#padded(left.range[1], right.range[0], padding, typeof padding === "number" ? padding : 0);
  }

  #padded(start: number, end: number, before: CursorOptions<Token | Comment>, after: number | undefined) {
    if (typeof before !== "number") return this.#many(start, end, 1, before);
    const inside = this.#many(start, end, 1, undefined);
    return [...this.#many(0, start, -1, before), ...inside, ...this.#many(end, Number.POSITIVE_INFINITY, 1, after ?? 0)];
  }

  commentsExistBetween(left: Ranged, right: Ranged): boolean {
    return this.#select(left.range[1], right.range[0], 1, { includeComments: true, filter: (element) => this.isComment(element), skip: 0, count: 1 }).length > 0;
  }

  /** The comments right before `nodeOrToken`, up to the previous token, in source order. */
  getCommentsBefore(nodeOrToken: Ranged): Comment[] {
    const comments: Comment[] = [];
    let index = firstStartingAtOrAfter(this.#all, nodeOrToken.range[0]) - 1;
    for (; index >= 0; index--) {
      const element = this.#all[index]!;
      if (!this.isComment(element)) break;
      if (element.range[1] <= nodeOrToken.range[0]) comments.unshift(element);
    }
    return comments;
  }

  /** The comments right after `nodeOrToken`, up to the next token, in source order. */
  getCommentsAfter(nodeOrToken: Ranged): Comment[] {
    const comments: Comment[] = [];
    for (let index = firstStartingAtOrAfter(this.#all, nodeOrToken.range[1]); index < this.#all.length; index++) {
      const element = this.#all[index]!;
      if (!this.isComment(element)) break;
      comments.push(element);
    }
    return comments;
  }

  getCommentsInside(node: Ranged): Comment[] {
    return this.#many(node.range[0], node.range[1], 1, { includeComments: true, filter: (element) => this.isComment(element) }) as Comment[];
  }

  /**
   * Whether the text between two nodes or tokens (outside the tokens and comments between them)
   * holds any whitespace; false when they overlap.
   */
  isSpaceBetween(text: string, first: Ranged, second: Ranged): boolean {
    const [left, right] = first.range[1] <= second.range[0] ? [first, second] : [second, first];
    if (left.range[1] > right.range[0]) return false;
    let position = left.range[1];
    for (const element of this.#select(left.range[1], right.range[0], 1, { includeComments: true, filter: null, skip: 0, count: Number.POSITIVE_INFINITY })) {
      if (/\s/u.test(text.slice(position, element.range[0]))) return true;
      position = element.range[1];
    }
    return /\s/u.test(text.slice(position, right.range[0]));
  }
}
