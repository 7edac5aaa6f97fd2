/**
 * A multi-line test input written as the file it is:
 *
 *     const code = dedent`
 *       FROM alpine:3.20
 *       RUN apk add --no-cache curl
 *     `;
 *
 * is `"FROM alpine:3.20\nRUN apk add --no-cache curl\n"`. The line break after the opening backtick is
 * dropped, and so is the indentation of the closing backtick's line (the text keeps the line break before
 * it: a file ends with one; put the backtick right after the last line for a text without it). Then the
 * indentation every non-blank line starts with (the longest common prefix of spaces and tabs, compared
 * character by character) is removed from every line. Only the template's own text is dedented: an
 * interpolated value is inserted as it is. Escapes are read as in any template literal (`\\` is one
 * backslash, `\t` a tab, `\r` a carriage return).
 */
export function dedent(strings: TemplateStringsArray, ...values: readonly unknown[]): string {
  const parts = [...strings];
  parts[0] = parts[0]!.replace(/^[ \t]*\n/u, "");
  const last = parts.length - 1;
  parts[last] = parts[last]!.replace(/\n[ \t]*$/u, "\n");
  // The indentation of each line that starts in the template's text (after a line break, or at its start).
  let common: string | null = null;
  parts.forEach((part, index) => {
    const lines = part.split("\n");
    lines.forEach((line, lineIndex) => {
      if (lineIndex === 0 && index > 0) return; // continues a line after an interpolated value
      const isLastSegment = lineIndex === lines.length - 1;
      // A blank line does not count, unless a value follows on it (its indentation is the value's).
      if (/^[ \t]*$/u.test(line) && !(isLastSegment && index < last)) return;
      const indentation = /^[ \t]*/u.exec(line)![0];
      if (common === null) common = indentation;
      else {
        let length = 0;
        while (length < common.length && length < indentation.length && common[length] === indentation[length]) length += 1;
        common = common.slice(0, length);
      }
    });
  });
  const prefix: string = common ?? "";
  const strip = (line: string) => (line.startsWith(prefix) ? line.slice(prefix.length) : line.replace(/^[ \t]+$/u, ""));
  return parts
    .map((part, index) => {
      const lines = part.split("\n");
      return lines.map((line, lineIndex) => (lineIndex === 0 && index > 0 ? line : strip(line))).join("\n");
    })
    .reduce((text, part, index) => text + String(values[index - 1]) + part);
}
