import type { SourceLocation } from "@eslint/core";
import type { SyntaxElement } from "./syntax.js";

/** The text of one line outside comments, from its first to its last non-blank character. */
export interface TextToken extends SyntaxElement {
  type: "Text";
  value: string;
}

/**
 * The tokens a Dockerfile or `.dockerignore` offers rules: one per line, covering the line's content
 * outside comments (`commentRanges`: sorted, non-overlapping UTF-16 ranges), from its first to its last
 * non-blank character. Both formats are read line by line (BuildKit's parser, Docker's ignore-file
 * reader), and neither has JavaScript's tokens. Rules written for JavaScript assume that every non-blank
 * character outside a comment belongs to a token (a line with content has a first token); one token per
 * line keeps that true without inventing words: spacing rules (`no-multi-spaces`, `key-spacing`…) find
 * no gap between tokens inside a line, so they cannot "fix" the spaces of a quoted shell argument.
 * `locOf` turns an offset into a 1-based line and 0-based column; `lineEnd` matches a line ending.
 */
export function lineTokens(
  text: string,
  commentRanges: readonly (readonly [number, number])[],
  locOf: (index: number) => SourceLocation["start"],
  lineEnd: RegExp = /\r\n|[\r\n]/gu,
): TextToken[] {
  const tokens: TextToken[] = [];
  let comment = 0;
  const ends = new RegExp(lineEnd.source, lineEnd.flags.includes("g") ? lineEnd.flags : `${lineEnd.flags}g`);
  let lineStart = 0;
  const pushSpan = (start: number, end: number) => {
    while (start < end && /\s/u.test(text[start]!)) start++;
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    if (end > start) tokens.push({ type: "Text", value: text.slice(start, end), range: [start, end], loc: { start: locOf(start), end: locOf(end) } });
  };
  const pushLine = (start: number, end: number) => {
    // Split around the comments on this line (a Dockerfile comment is a whole line; the split is general).
    let position = start;
    while (comment < commentRanges.length && commentRanges[comment]![0] < end) {
      const [commentStart, commentEnd] = commentRanges[comment]!;
      if (commentEnd <= position) {
        comment++;
        continue;
      }
      pushSpan(position, Math.max(position, commentStart));
      position = Math.min(end, commentEnd);
      if (commentEnd > end) break;
      comment++;
    }
    pushSpan(position, end);
  };
  for (let match = ends.exec(text); match; match = ends.exec(text)) {
    pushLine(lineStart, match.index);
    lineStart = match.index + match[0].length;
  }
  pushLine(lineStart, text.length);
  return tokens;
}
