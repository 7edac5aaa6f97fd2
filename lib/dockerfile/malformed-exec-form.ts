/**
 * Shell-form text that its author meant as the exec (JSON array) form: `CMD ['node', 'app.js']`,
 * `ENTRYPOINT ["/app", "-v",]`, `RUN ["C:\tools\app.exe"]`, `ENTRYPOINT [“/bin/bash”, “-c”]`. BuildKit's
 * `parseMaybeJSON` (`frontend/dockerfile/parser/line_parsers.go`) runs anything `json.Unmarshal` does
 * not take as an array of strings through the shell, silently: `/bin/sh -c "['node', 'app.js']"`
 * then fails at run time, or worse, runs something else.
 *
 * A text counts as meant-for-exec only when a lenient reading finds a bracketed, comma-separated list
 * of quoted strings and nothing after it: `[ "$A" = "b" ]` (the shell's `test`) has no commas and is
 * left alone.
 */

/** What makes the text invalid JSON, in the words a message uses. */
export type ExecFormFault = "single quotes" | "typographic quotes" | "a trailing comma" | "an invalid backslash escape";

export interface MalformedExecForm {
  /** The faults found, in order of first appearance, without repeats. */
  faults: ExecFormFault[];
  /** The strings the author meant, with each quoted string's content taken literally where JSON would reject it. */
  elements: string[];
}

/**
 * Quotes a string may open with, and the quotes that may close it. Word processors and chat tools turn
 * `"` into `“`/`”` and `'` into `‘`/`’`, often only some of them (`[ "/bin/bash”, “-c” ]`), so a
 * typographic quote closes a string of its family when a `,` or `]` follows it.
 */
const QUOTE_FAMILIES: Readonly<Record<string, { family: "double" | "single"; fault: ExecFormFault | null }>> = {
  '"': { family: "double", fault: null },
  "\u201C": { family: "double", fault: "typographic quotes" },
  "\u201D": { family: "double", fault: "typographic quotes" },
  "'": { family: "single", fault: "single quotes" },
  "\u2018": { family: "single", fault: "typographic quotes" },
  "\u2019": { family: "single", fault: "typographic quotes" },
};

/** JSON's escapes after a backslash (RFC 8259 §7); `u` needs four hex digits. */
const JSON_ESCAPES: Readonly<Record<string, string>> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/** Go's `unicode.IsSpace` for the ASCII range BuildKit meets, plus JSON's own blanks. */
const isBlank = (c: string | undefined): boolean => c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\v" || c === "\f";

/** Whether a `,` or `]` is the next non-blank character from `pos`. */
function followedByEnd(text: string, pos: number): boolean {
  let at = pos;
  while (isBlank(text[at])) at++;
  return text[at] === "," || text[at] === "]";
}

/**
 * The exec form the author meant by `text` (the instruction's arguments as Docker hands them on, line
 * continuations already joined), or null when the text is valid JSON or not meant as an array.
 */
export function readMalformedExecForm(text: string): MalformedExecForm | null {
  let pos = 0;
  const faults = new Set<ExecFormFault>();
  const elements: string[] = [];
  const skip = (): void => {
    while (isBlank(text[pos])) pos++;
  };
  skip();
  if (text[pos] !== "[") return null;
  pos++;
  skip();
  if (text[pos] === "]") return null;
  for (;;) {
    skip();
    const quote = QUOTE_FAMILIES[text[pos] ?? ""];
    if (!quote) {
      // `[ "a", ]`: a comma followed by the closing bracket.
      if (text[pos] === "]" && elements.length > 0) {
        faults.add("a trailing comma");
        pos++;
        break;
      }
      return null;
    }
    if (quote.fault) faults.add(quote.fault);
    pos++;
    // The content as written, and as JSON would decode it; a string with an escape JSON rejects is a
    // Windows path or a regexp whose backslashes were all meant literally (`"C:\tools\app.exe"`).
    let raw = "";
    let decoded = "";
    let literal = false;
    for (;;) {
      const c = text[pos];
      if (c === undefined || c === "\n") return null;
      const closing = QUOTE_FAMILIES[c];
      if (closing?.family === quote.family && (c === '"' || c === "'" || followedByEnd(text, pos + 1))) {
        if (closing.fault) faults.add(closing.fault);
        pos++;
        break;
      }
      if (c === "\\" && quote.family === "double") {
        const next = text[pos + 1];
        if (next !== undefined && next in JSON_ESCAPES) {
          decoded += JSON_ESCAPES[next];
          raw += next === '"' ? '"' : c + next;
          pos += 2;
          continue;
        }
        if (next === "u" && /^[\da-f]{4}$/iu.test(text.slice(pos + 2, pos + 6))) {
          decoded += String.fromCharCode(Number.parseInt(text.slice(pos + 2, pos + 6), 16));
          raw += text.slice(pos, pos + 6);
          pos += 6;
          continue;
        }
        faults.add("an invalid backslash escape");
        literal = true;
      }
      raw += c;
      decoded += c;
      pos++;
    }
    const value = literal ? raw : decoded;
    elements.push(value);
    skip();
    if (text[pos] === ",") {
      pos++;
      continue;
    }
    if (text[pos] === "]") {
      pos++;
      break;
    }
    return null;
  }
  skip();
  if (pos < text.length || faults.size === 0) return null;
  return { faults: [...faults], elements };
}
