/**
 * The RegExp-based pattern matching lib/dockerignore/pattern.ts used before the linear-time
 * automaton (glob-program.ts): Docker's Go expression translated to a backtracking JavaScript RegExp.
 * Kept only as the oracle of tests/dockerignore/glob-program.test.ts, on small inputs (it takes
 * seconds, overflows the stack or throws on the long patterns of issue 12). The syntax check and
 * the Go expression are the library's own (unchanged); only the matching differs.
 */
import { checkGlobSyntax, compileToGoRegExp, matchCompiled as libraryMatch, type GlobSyntaxError, type MatchType } from "../../lib/dockerignore/pattern.js";

export interface CompiledPattern {
  /** The cleaned pattern (without `!`). */
  pattern: string;
  matchType: MatchType;
  /** The RE2 expression Docker builds (regexp patterns only). */
  goRegExp: string | null;
  /** The JavaScript translation (regexp patterns only; null when it failed). */
  regExp: RegExp | null;
  /** Why Docker could not use the pattern (syntax error or RE2 compile error), or null. */
  error: GlobSyntaxError | null;
}

/** Checks and compiles one cleaned pattern (without its `!`). Never throws. */
export function compilePattern(pattern: string): CompiledPattern {
  const syntax = checkGlobSyntax(pattern);
  const { matchType, goRegExp } = compileToGoRegExp(pattern);
  const compiled: CompiledPattern = { pattern, matchType, goRegExp: null, regExp: null, error: syntax };
  if (matchType !== "regexp") return compiled;
  compiled.goRegExp = goRegExp;
  const translated = translateRe2(goRegExp);
  if (typeof translated === "string") {
    try {
      compiled.regExp = new RegExp(translated, "u");
    } catch {
      compiled.error ??= { offset: 0, message: `Docker cannot compile this pattern (regular expression ${goRegExp}).` };
    }
  } else {
    compiled.error ??= { offset: 0, message: `Docker cannot compile this pattern: ${translated.message}` };
  }
  return compiled;
}

/** Does a compiled pattern match a cleaned, slash-separated, context-relative path? (The RegExp only for `regexp` patterns.) */
export function matchCompiled(compiled: CompiledPattern, path: string): boolean {
  if (compiled.error) return false;
  if (compiled.matchType !== "regexp") return libraryMatch({ ...compiled, program: null }, path);
  return compiled.regExp?.test(path) ?? false;
}

// --- RE2 → JavaScript ----------------------------------------------------------------------------

const POSIX_CLASSES: Record<string, string> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\u{0}-\\u{7f}",
  blank: "\\t ",
  cntrl: "\\u{0}-\\u{1f}\\u{7f}",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-\\/:-@\\[-`\\{-~",
  space: "\\t\\n\\v\\f\\r ",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f",
};

function literal(codePoint: number): string {
  return `\\u{${codePoint.toString(16)}}`;
}

interface EscapeResult {
  text: string;
  length: number;
}

/** Translates the RE2 escape at `source[index] === "\\"`. */
function translateEscape(source: string, index: number, inClass: boolean): EscapeResult | { message: string } {
  const next = source.codePointAt(index + 1);
  if (next === undefined) return { message: "trailing backslash" };
  const char = String.fromCodePoint(next);
  const width = char.length;
  if (next < 0x80 && !/[0-9A-Z]/i.test(char)) return { text: literal(next), length: 1 + width };
  switch (char) {
    case "a":
      return { text: literal(7), length: 2 };
    case "f":
    case "n":
    case "r":
    case "t":
    case "v":
      return { text: "\\" + char, length: 2 };
    case "d":
    case "D":
    case "w":
    case "W":
      return { text: "\\" + char, length: 2 };
    case "s":
      return { text: inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]", length: 2 };
    case "S":
      return { text: inClass ? "\\S" : "[^\\t\\n\\f\\r ]", length: 2 };
    case "A":
      return inClass ? { message: "invalid escape \\A in a class" } : { text: "^", length: 2 };
    case "z":
      return inClass ? { message: "invalid escape \\z in a class" } : { text: "$", length: 2 };
    case "b":
    case "B":
      return inClass ? { message: `invalid escape \\${char} in a class` } : { text: "\\" + char, length: 2 };
    case "x": {
      const braced = /^\{([0-9A-F]+)\}/i.exec(source.slice(index + 2));
      if (braced) {
        const value = Number.parseInt(braced[1]!, 16);
        if (value > 0x10ffff) return { message: "invalid hexadecimal escape" };
        return { text: literal(value), length: 2 + braced[0].length };
      }
      const two = /^[0-9A-F]{2}/i.exec(source.slice(index + 2));
      if (!two) return { message: "invalid hexadecimal escape" };
      return { text: literal(Number.parseInt(two[0], 16)), length: 4 };
    }
    case "p":
    case "P": {
      const braced = /^\{(\^?)([A-Z_]+)\}/i.exec(source.slice(index + 2));
      const single = /^[A-Z]/i.exec(source.slice(index + 2));
      let name: string;
      let negate = char === "P";
      let length: number;
      if (braced) {
        name = braced[2]!;
        if (braced[1]) negate = !negate;
        length = 2 + braced[0].length;
      } else if (single) {
        name = single[0];
        length = 3;
      } else {
        return { message: "invalid character class" };
      }
      const letter = negate ? "P" : "p";
      for (const candidate of [name, `Script=${name}`]) {
        try {
          new RegExp(`\\p{${candidate}}`, "u");
          return { text: `\\${letter}{${candidate}}`, length };
        } catch {
          // try the next spelling
        }
      }
      if (name === "Any") return { text: negate ? "[^\\s\\S]" : "[\\s\\S]", length };
      return { message: `unknown character class \\p{${name}}` };
    }
    default:
      break;
  }
  if (char >= "0" && char <= "7") {
    // RE2: \0 starts an octal escape; \1-\7 only when followed by another octal digit
    // (a lone \1 would be a backreference, which RE2 does not support).
    const digits = /^[0-7]{1,3}/.exec(source.slice(index + 1))![0];
    if (char !== "0" && digits.length < 2) return { message: `invalid escape \\${char}` };
    return { text: literal(Number.parseInt(digits, 8)), length: 1 + digits.length };
  }
  return { message: `invalid escape \\${char}` };
}

/**
 * Translates the subset of RE2 syntax that `compileToGoRegExp` produces into a JavaScript `u`-flag
 * pattern with the same meaning. Returns an error when RE2 itself would reject the expression.
 */
function translateRe2(source: string): string | { message: string } {
  let out = "";
  let index = 0;
  let inClass = false;
  let classAtStart = false;
  while (index < source.length) {
    const char = source[index]!;
    if (char === "\\") {
      if (source[index + 1] === "Q") {
        // \Q…\E quotes everything up to \E (or the end).
        const close = source.indexOf("\\E", index + 2);
        const quoted = source.slice(index + 2, close < 0 ? source.length : close);
        for (const quotedChar of quoted) out += literal(quotedChar.codePointAt(0)!);
        index = close < 0 ? source.length : close + 2;
        classAtStart = false;
        continue;
      }
      const escape = translateEscape(source, index, inClass);
      if ("message" in escape) return escape;
      out += escape.text;
      index += escape.length;
      classAtStart = false;
      continue;
    }
    if (inClass) {
      if (char === "]" && !classAtStart) {
        out += "]";
        inClass = false;
        index++;
        continue;
      }
      if (char === "[" && source[index + 1] === ":") {
        const close = source.indexOf(":]", index + 2);
        if (close > 0) {
          let name = source.slice(index + 2, close);
          const negated = name.startsWith("^");
          if (negated) name = name.slice(1);
          const members = POSIX_CLASSES[name];
          if (members === undefined) return { message: `invalid character class [:${name}:]` };
          if (negated) return { message: "negated POSIX classes are not supported here" };
          out += members;
          index = close + 2;
          classAtStart = false;
          continue;
        }
      }
      const codePoint = source.codePointAt(index)!;
      const width = codePoint > 0xffff ? 2 : 1;
      out += char === "-" && !classAtStart && source[index + 1] !== "]" ? "-" : literal(codePoint);
      index += width;
      classAtStart = false;
      continue;
    }
    switch (char) {
      case "[": {
        out += "[";
        index++;
        if (source[index] === "^") {
          out += "^";
          index++;
        }
        inClass = true;
        classAtStart = true;
        continue;
      }
      case ".":
        out += "[^\\n]";
        index++;
        continue;
      case "(":
      case ")":
      case "?":
      case "*":
      case "^":
      case "$":
      case "|":
      case "+":
        out += char;
        index++;
        continue;
      default: {
        const codePoint = source.codePointAt(index)!;
        out += literal(codePoint);
        index += codePoint > 0xffff ? 2 : 1;
      }
    }
  }
  if (inClass) return { message: "missing closing ]" };
  return out;
}
