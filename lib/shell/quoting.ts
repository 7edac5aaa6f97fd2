/**
 * Quote removal for literal pieces as written (backslashes kept), and ANSI-C (`$'…'`) decoding: used by
 * the shell parser (lib/shell/parser) and its test oracle.
 */

/**
 * Removes the backslashes that escape a character `escapes` accepts; `\`+newline (a line continuation)
 * is removed whole; any other backslash, and a trailing lone one, stays as written.
 */
function removeBackslashes(raw: string, escapes: (next: string) => boolean): string {
  if (!raw.includes("\\")) return raw;
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    const n = raw[i + 1];
    if (c === "\\" && n !== undefined && (n === "\n" || escapes(n))) {
      i++;
      if (n !== "\n") out += n;
      continue;
    }
    out += c;
  }
  return out;
}

/** Unquoted context: `\x` → `x`, `\`+newline → nothing, a trailing lone `\` stays. */
export function unescapeUnquoted(raw: string): string {
  return removeBackslashes(raw, () => true);
}

/** Inside double quotes: backslash only escapes `$`, `` ` ``, `"`, `\` and newline (POSIX 2.2.3). */
export function unescapeDoubleQuoted(raw: string): string {
  return removeBackslashes(raw, (next) => next === "$" || next === "`" || next === '"' || next === "\\");
}

/** Unescaped glob characters in an unquoted literal (`*`, `?`, `[`). */
export function hasUnquotedGlob(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "*" || c === "?" || c === "[") return true;
  }
  return false;
}

const SIMPLE_ANSI: Readonly<Record<string, string>> = {
  a: "\x07",
  b: "\b",
  e: "\x1b",
  E: "\x1b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
  "'": "'",
  '"': '"',
  "?": "?",
};

/** Decode the body of `$'…'` (bash ANSI-C quoting). */
export function decodeAnsiC(body: string): string {
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== "\\" || i + 1 >= body.length) {
      out += c;
      continue;
    }
    const n = body[i + 1]!;
    const simple = SIMPLE_ANSI[n];
    if (simple !== undefined) {
      out += simple;
      i++;
      continue;
    }
    let m: RegExpExecArray | null;
    const rest = body.slice(i + 1);
    if ((m = /^[0-7]{1,3}/.exec(rest))) {
      out += String.fromCharCode(parseInt(m[0], 8) & 0xff);
      i += m[0].length;
    } else if ((m = /^x([0-9a-fA-F]{1,2})/.exec(rest))) {
      out += String.fromCharCode(parseInt(m[1]!, 16));
      i += m[0].length;
    } else if ((m = /^u([0-9a-fA-F]{1,4})/.exec(rest)) || (m = /^U([0-9a-fA-F]{1,8})/.exec(rest))) {
      const cp = parseInt(m[1]!, 16);
      out += cp <= 0x10ffff ? String.fromCodePoint(cp) : "\ufffd";
      i += m[0].length;
    } else if ((m = /^c(.)/.exec(rest))) {
      out += String.fromCharCode(m[1]!.charCodeAt(0) & 0x1f);
      i += m[0].length;
    } else {
      out += c;
    }
  }
  return out;
}
