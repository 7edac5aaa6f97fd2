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
  return { message: "This is a binary file, not text (it contains a NUL byte).", offset, line, column: offset - lineStart + 1 };
}
