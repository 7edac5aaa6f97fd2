/** UTF-16 text read as UTF-8 is full of NULs too, so the message names both. */
const BINARY_CONTENT_MESSAGE = "file contains a NUL character: binary or UTF-16 content is not text";

/** Where a text file shows it is not text: the first NUL character (no Dockerfile, YAML or ignore file has one). */
export function findBinaryContent(text: string): { message: string; offset: number; line: number; column: number } | null {
  const offset = text.indexOf("\u0000");
  if (offset === -1) return null;
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf("\n"); index !== -1 && index < offset; index = text.indexOf("\n", index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { message: BINARY_CONTENT_MESSAGE, offset, line, column: offset - lineStart + 1 };
}
