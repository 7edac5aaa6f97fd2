import type { SourceLocation } from "@eslint/core";
import type { SyntaxElement } from "./syntax.js";

/** A run of non-blank characters outside comments: the token a Dockerfile or `.dockerignore` offers rules. */
export interface WordToken extends SyntaxElement {
  type: "Word";
  value: string;
}

/**
 * Splits `text` into word tokens: every maximal run of non-whitespace characters that is not inside
 * one of `commentRanges` (sorted, non-overlapping UTF-16 ranges). Rules written for JavaScript assume
 * that every non-blank character outside a comment belongs to a token (a line that is neither blank
 * nor a comment has a first token); Dockerfiles and `.dockerignore` files have no JavaScript tokens, and
 * whitespace is what separates their words (BuildKit splits arguments on it), so this is the true,
 * language-neutral answer. `locOf` turns an offset into a 1-based line and 0-based column.
 */
export function wordTokens(
  text: string,
  commentRanges: readonly (readonly [number, number])[],
  locOf: (index: number) => SourceLocation["start"],
): WordToken[] {
  const tokens: WordToken[] = [];
  let comment = 0;
  const pattern = /\S+/gu;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    let start = match.index;
    const end = start + match[0].length;
    // A run may touch a comment (`x#y` is not a comment in a Dockerfile, but the range says what is).
    while (start < end) {
      while (comment < commentRanges.length && commentRanges[comment]![1] <= start) comment++;
      const next = commentRanges[comment];
      const stop = next && next[0] < end ? Math.max(next[0], start) : end;
      if (stop > start) {
        const range: [number, number] = [start, stop];
        tokens.push({ type: "Word", value: text.slice(start, stop), range, loc: { start: locOf(start), end: locOf(stop) } });
      }
      if (stop === end) break;
      start = Math.min(end, next![1]);
    }
  }
  return tokens;
}
