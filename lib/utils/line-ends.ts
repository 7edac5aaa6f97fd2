/**
 * Where a line's content ends: the one notion every fix, finding position and language of the plugin
 * uses, in the two line models of the files it lints.
 *
 * - `"buildkit"` (Dockerfiles): BuildKit's scanner splits a Dockerfile on `\n` only and trims the
 *   `\r`s before it (moby/buildkit `frontend/dockerfile/parser/parser.go`: `scanLines` splits on
 *   `'\n'`, `trimNewline` is `bytes.TrimRight(line, "\r\n")`). So `\r\n` ends a line, with any
 *   number of `\r`s before the `\n`, and so do the `\r`s at the very end of the file; a lone `\r`
 *   anywhere else is inside the line (`reWhitespace` reads it as a blank between words).
 * - `"yaml"` (compose files): `\r\n`, `\n` and a lone `\r` are line breaks (YAML 1.2, 5.4 "Line
 *   Break Characters"; go-yaml, Compose's YAML library, reads them so).
 *
 * Offsets are UTF-16 indexes into the text. Text written at "the end of a line" goes at its content
 * end, never between a `\r` and its `\n` (a shell reads `curl\r && x` as a command named `curl\r`).
 */

export type LineModel = "buildkit" | "yaml";

const CR = 13;
const LF = 10;

/** Whether the `\r`s from `offset` on run up to a `\n` or the end of the text (they are part of a BuildKit line end). */
function crsEndLine(text: string, offset: number): boolean {
  let k = offset;
  while (k < text.length && text.charCodeAt(k) === CR) k++;
  return k === text.length || text.charCodeAt(k) === LF;
}

/**
 * The offset where the content of the line holding `offset` ends, when `offset` lies inside that
 * line's terminator (or at its start): `a\r|\n` and `a|\r\n` both give the offset after `a`.
 * Any other offset is returned as it is.
 */
export function contentEndAt(text: string, offset: number, model: LineModel): number {
  if (model === "yaml") {
    if (offset > 0 && text.charCodeAt(offset - 1) === CR && text.charCodeAt(offset) === LF) return offset - 1;
    return offset;
  }
  const next = text.charCodeAt(offset);
  if (next !== CR && next !== LF && offset < text.length) return offset;
  if (!crsEndLine(text, offset)) return offset;
  let start = offset;
  while (start > 0 && text.charCodeAt(start - 1) === CR) start--;
  return start;
}

/** The offset of the first character of the line holding `offset`. */
export function lineStartAt(text: string, offset: number, model: LineModel): number {
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR && model === "yaml" && text.charCodeAt(i + 1) !== LF) return i + 1;
  }
  return 0;
}

/** The content end of the line holding `offset` (before its line break). */
export function lineContentEnd(text: string, offset: number, model: LineModel): number {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) return contentEndAt(text, i, model);
    if (c === CR && (model === "yaml" || crsEndLine(text, i))) return i;
  }
  return contentEndAt(text, text.length, model);
}

/** The offset just after the line break that ends the line holding `offset` (the text's length on the last line). */
export function nextLineStart(text: string, offset: number, model: LineModel): number {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR && model === "yaml") return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return text.length;
}

/** The line break a file uses, to write new lines the same way: `\r\n`, `\n`, or (YAML only) a lone `\r`. */
export function lineBreakOf(text: string, model: LineModel): string {
  const lf = text.indexOf("\n");
  if (lf > 0 && text.charCodeAt(lf - 1) === CR) return "\r\n";
  if (lf >= 0) return "\n";
  return model === "yaml" && text.includes("\r") ? "\r" : "\n";
}

/** The pattern that splits a text into lines, for a SourceCode's `lineEndingPattern`. */
export const LINE_BREAK_PATTERN: Readonly<Record<LineModel, RegExp>> = {
  buildkit: /\r*\n/u,
  yaml: /\r\n|[\r\n]/u,
};
