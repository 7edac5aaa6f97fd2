/** Character classes as BuildKit's Go code sees them. */

/** Go's `unicode.IsSpace`. */
export function isGoSpace(code: number): boolean {
  if (code <= 0xff) {
    return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0x85 || code === 0xa0;
  }
  return (
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** BuildKit's `tokenWhitespace`/`reWhitespace`: `[\t\v\f\r ]`. */
export function isTokenWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c || code === 0x0d;
}

/** `[ \t]`: what may follow a line-continuation escape. */
export function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** Go regexp `\s`: `[\t\n\f\r ]`. */
export function isRegexpSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

/** First index in `[start, end)` that is not a Go space (`end` if none). */
export function skipGoSpace(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && isGoSpace(text.charCodeAt(i))) i++;
  return i;
}

/** `end` moved back over Go spaces, not before `start`. */
export function trimGoSpaceEnd(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && isGoSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/** Go's `unicode.IsLetter` for one code point. */
export function isGoLetter(codePoint: number): boolean {
  if (codePoint < 0x80) return (codePoint >= 0x41 && codePoint <= 0x5a) || (codePoint >= 0x61 && codePoint <= 0x7a);
  return LETTER.test(String.fromCodePoint(codePoint));
}

/** Go's `unicode.IsDigit` for one code point. */
export function isGoDigit(codePoint: number): boolean {
  if (codePoint < 0x80) return codePoint >= 0x30 && codePoint <= 0x39;
  return DIGIT.test(String.fromCodePoint(codePoint));
}
