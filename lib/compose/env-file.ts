/**
 * Reading dotenv files as Compose reads them (compose-go `dotenv/parser.go`): the project's `.env`,
 * whose variables Compose substitutes into the compose files, and the `env_file` files of a service.
 *
 * - A statement starts at the first non-blank character; `#` there starts a comment line.
 * - An optional `export ` prefix; the key runs to `=` or `:` (letters, digits, `_ . - [ ]`); a key alone
 *   on its line takes its value from the environment of the shell (unknown here: the lint never reads it).
 * - Unquoted values run to the end of the line, are cut at ` #` and right-trimmed.
 * - `'single'` values are literal; `"double"` values take `\n`-style escapes; both may span lines.
 * - Unquoted and double-quoted values expand `${VAR}` (with the defaults of `template.go`) from the
 *   variables defined earlier in the same file; single-quoted values do not.
 * A line Compose would refuse (a key with a space or another character) is skipped, and so is an
 * unterminated quoted value (Compose refuses the whole file; nothing after it is read).
 *
 * Parsing only: `lib/project/env-files.ts` reads the files from disk (through the project model's
 * mtime-keyed FileCache).
 */
import { interpolate, type Environment } from "./interpolate.js";

export interface EnvFileVariable {
  key: string;
  /** The value after quotes and escapes, before `${…}` expansion. */
  value: string;
  /**
   * The value Compose uses: `value` with `${…}` expanded from the variables defined before it in the
   * same file; null when that needs a variable the file does not set (or the key takes its value from
   * the shell).
   */
  expanded: string | null;
  /** 1-based line of the key. */
  line: number;
}


const KEY_CHAR = /[\p{L}\p{N}_.[\]-]/u;
const SPACE = /[\t\v\f\r \u0085\u00a0]/u;

/** Parses the text of a dotenv file. Never throws; statements Compose would refuse are skipped. */
export function parseEnvFile(text: string): EnvFileVariable[] {
  const variables: EnvFileVariable[] = [];
  const known = new Map<string, string | null>();
  let index = 0;
  let line = 1;
  const skipToLineEnd = () => {
    const end = text.indexOf("\n", index);
    index = end < 0 ? text.length : end;
  };
  while (index < text.length) {
    const char = text[index]!;
    if (char === "\n") {
      line++;
      index++;
      continue;
    }
    if (/\s/u.test(char)) {
      index++;
      continue;
    }
    if (char === "#") {
      skipToLineEnd();
      continue;
    }
    const keyLine = line;
    const exported = /^export\s+/u.exec(text.slice(index, index + 16));
    if (exported) {
      index += "export".length;
      while (index < text.length && SPACE.test(text[index]!)) index++;
    }
    // The key: up to `=`, `:` or the end of the line (then it is inherited from the shell).
    let key = "";
    let separator: string | null = null;
    let bad = false;
    while (index < text.length) {
      const c = text[index]!;
      if (c === "=" || c === ":" || c === "\n") {
        separator = c;
        break;
      }
      if (!SPACE.test(c) && !KEY_CHAR.test(c)) bad = true;
      key += c;
      index++;
    }
    key = key.replace(/\s+$/u, "");
    if (bad || key === "" || /\s/u.test(key)) {
      skipToLineEnd();
      continue;
    }
    if (separator === null || separator === "\n") {
      // `KEY` alone: Compose takes the shell's value, which the lint does not read.
      variables.push({ key, value: "", expanded: null, line: keyLine });
      known.set(key, null);
      continue;
    }
    index++; // the separator
    while (index < text.length && SPACE.test(text[index]!)) index++;
    const quote = text[index];
    let value: string;
    let expanded: string | null;
    if (quote === '"' || quote === "'") {
      let chars = "";
      let escaped = false;
      let closed = -1;
      for (let at = index + 1; at < text.length; at++) {
        const c = text[at]!;
        if (c === "\n") line++;
        if (c !== quote) {
          if (!escaped && c === "\\") {
            escaped = true;
            continue;
          }
          if (escaped) {
            escaped = false;
            chars += "\\";
          }
          chars += c;
          continue;
        }
        if (escaped) {
          escaped = false;
          chars += c;
          continue;
        }
        closed = at;
        break;
      }
      if (closed < 0) break; // unterminated: Compose refuses the file
      index = closed + 1;
      if (quote === "'") {
        value = chars;
        expanded = chars;
      } else {
        value = unescape(chars, "$");
        // compose-go turns `\$` into `$$`, a literal dollar for the expansion that follows.
        expanded = expand(unescape(chars, "$$"), known);
      }
    } else {
      const end = text.indexOf("\n", index);
      let raw = text.slice(index, end < 0 ? text.length : end);
      index = end < 0 ? text.length : end;
      const comment = raw.indexOf(" #");
      if (comment >= 0) raw = raw.slice(0, comment);
      value = raw.replace(/\s+$/u, "");
      expanded = expand(value, known);
    }
    variables.push({ key, value, expanded, line: keyLine });
    known.set(key, expanded);
  }
  return variables;
}

const ESCAPES: Readonly<Record<string, string>> = { a: "\u0007", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", '"': '"', "\\": "\\" };

/** The escapes of a double-quoted value (compose-go `expandEscapes`); other backslashes stay. `\$` becomes `dollar`. */
function unescape(chars: string, dollar: string): string {
  return chars.replace(/\\([abfnrtv$"\\])/gu, (_, char: string) => (char === "$" ? dollar : ESCAPES[char]!));
}

/** `${…}` expansion of a dotenv value from the variables before it; null when it needs an unknown one. */
function expand(value: string, known: ReadonlyMap<string, string | null>): string | null {
  if (!value.includes("$")) return value;
  return interpolate(value, Object.fromEntries(known)).value;
}

/** The `.env` of a compose project: its variables in the form interpolation reads them. */
export interface DotEnv {
  /** Absolute path of the `.env` file. */
  file: string;
  /** Each variable's last definition (Compose keeps the last one). */
  variables: ReadonlyMap<string, EnvFileVariable>;
  /** For `interpolate`: a variable's value, or null when the file sets it to something unknown. */
  environment: Environment;
}
