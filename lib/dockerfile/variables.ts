/**
 * Docker's own variable substitution (not the shell's): BuildKit `frontend/dockerfile/shell/lex.go`.
 *
 * One lexer serves two purposes: finding the `$name`/`${…}` references of a word with their offsets
 * (`scanVariables`, for the AST) and computing what a word expands to (`evaluateWord`, for rules that
 * resolve ARG/ENV values). It follows BuildKit's `processStopOn`:
 * - `'…'` is literal (no escapes, no variables);
 * - in `"…"` the escape character escapes only `"`, `$` and itself, and `$` expands;
 * - elsewhere the escape character makes the next character literal (`\$HOME` is not a reference);
 * - `${name}`, `${name:-w}`, `${name-w}`, `${name:+w}`, `${name+w}`, `${name:?w}`, `${name?w}`,
 *   `${name#p}`, `${name##p}`, `${name%p}`, `${name%%p}`, `${name/p/r}`, `${name//p/r}`; modifier
 *   arguments may contain quotes and further references.
 */
import { codePointOffsets, codePointsOf, findWildcard, simplifyWildcard, wildcardEnds, type WildcardToken } from "../utils/wildcard.js";
import { isGoDigit, isGoLetter } from "./chars.js";

/** Docker's `${name<modifier>argument}` modifiers (BuildKit `shell/lex.go`, `processDollar`). */
export type VariableModifier = ":-" | "-" | ":+" | "+" | ":?" | "?" | "#" | "##" | "%" | "%%" | "/" | "//";

/** A reference found in a string; offsets are relative to that string. */
export interface ScannedVariable {
  start: number;
  end: number;
  name: string;
  nameStart: number;
  nameEnd: number;
  braced: boolean;
  modifier: VariableModifier | null;
  argument: string | null;
  argumentStart: number;
  argumentEnd: number;
}

export interface VariableScan {
  /** In source order (a nested reference comes after the one containing it). */
  variables: ScannedVariable[];
  /** The error BuildKit would report when expanding this word (bad substitution, open quote…), or null. */
  error: string | null;
}

/** Looks a variable up: undefined when it is not set. */
export type VariableLookup = (name: string) => string | undefined;

export interface Evaluation {
  value: string;
  /** Names referenced but not set (in order of first use). */
  unresolved: string[];
  /** Some part of the word was quoted (`'…'` or `"…"`). */
  quoted: boolean;
}

export interface EvaluateOptions {
  /** BuildKit's `SkipUnsetEnv`: keep unset references as written instead of expanding them to "". */
  skipUnset?: boolean;
}

class LexError extends Error {}

const NO_LOOKUP: VariableLookup = () => undefined;

function isSpecialParam(ch: string): boolean {
  return ch === "@" || ch === "*" || ch === "#" || ch === "?" || ch === "-" || ch === "$" || ch === "!" || ch === "0";
}

/**
 * How deeply `${a:-${b:-…}}` may nest. BuildKit's lexer recurses once per level (Go's stack grows);
 * ours would exhaust JavaScript's stack near a few thousand levels and fail the whole file. Past
 * this depth the word gets a clear syntax error instead; real Dockerfiles nest two or three.
 */
export const MAX_VARIABLE_NESTING = 200;

class Lexer {
  pos = 0;
  /** Current `${…}` nesting depth. */
  depth = 0;
  readonly variables: ScannedVariable[] = [];
  readonly unresolved: string[] = [];
  /** Whether a `'…'` or `"…"` section was processed (its quotes removed). */
  quoted = false;

  constructor(
    readonly source: string,
    readonly escapeChar: string,
    readonly lookup: VariableLookup,
    /** BuildKit's `SkipUnsetEnv`: an unset reference stays as written instead of expanding (or failing). */
    readonly skipUnset: boolean,
  ) {}

  /** Length in UTF-16 units of the character at `index` (2 for a surrogate pair). */
  charLength(index: number): number {
    const code = this.source.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < this.source.length) {
      const next = this.source.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) return 2;
    }
    return 1;
  }

  nextChar(): string {
    const length = this.charLength(this.pos);
    const ch = this.source.slice(this.pos, this.pos + length);
    this.pos += length;
    return ch;
  }

  /** `processStopOn`: read up to `stop` (consumed) or the end when stop is null. */
  stopOn(stop: string | null, rawEscapes: boolean): string {
    const s = this.source;
    let result = "";
    while (this.pos < s.length) {
      const ch = s[this.pos]!;
      if (stop !== null && ch === stop) {
        this.pos++;
        return result;
      }
      if (ch === "'") result += this.singleQuote();
      else if (ch === '"') result += this.doubleQuote(rawEscapes);
      else if (ch === "$") result += this.dollar();
      else {
        let c = this.nextChar();
        if (c === this.escapeChar) {
          if (rawEscapes) result += c;
          if (this.pos >= s.length) break;
          c = this.nextChar();
        }
        result += c;
      }
    }
    if (stop !== null) throw new LexError(`unexpected end of statement while looking for matching ${stop}`);
    return result;
  }

  singleQuote(): string {
    this.quoted = true;
    const s = this.source;
    const start = ++this.pos;
    const close = s.indexOf("'", start);
    if (close === -1) {
      this.pos = s.length;
      throw new LexError("unexpected end of statement while looking for matching single-quote");
    }
    this.pos = close + 1;
    return s.slice(start, close);
  }

  doubleQuote(rawEscapes: boolean): string {
    this.quoted = true;
    const s = this.source;
    this.pos++;
    let result = "";
    for (;;) {
      if (this.pos >= s.length) throw new LexError("unexpected end of statement while looking for matching double-quote");
      const ch = s[this.pos]!;
      if (ch === '"') {
        this.pos++;
        return result;
      }
      if (ch === "$") {
        result += this.dollar();
        continue;
      }
      let c = this.nextChar();
      if (c === this.escapeChar) {
        if (rawEscapes) result += c;
        if (this.pos >= s.length) continue;
        const next = s[this.pos]!;
        if (next === '"' || next === "$" || next === this.escapeChar) c = this.nextChar();
      }
      result += c;
    }
  }

  processName(): string {
    const s = this.source;
    const start = this.pos;
    if (this.pos >= s.length) return "";
    const first = s.codePointAt(this.pos)!;
    if (isGoDigit(first)) {
      while (this.pos < s.length && isGoDigit(s.codePointAt(this.pos)!)) this.pos += this.charLength(this.pos);
      return s.slice(start, this.pos);
    }
    if (isSpecialParam(s[this.pos]!)) {
      this.pos++;
      return s.slice(start, this.pos);
    }
    while (this.pos < s.length) {
      const cp = s.codePointAt(this.pos)!;
      if (!isGoLetter(cp) && !isGoDigit(cp) && cp !== 0x5f) break;
      this.pos += this.charLength(this.pos);
    }
    return s.slice(start, this.pos);
  }

  get(name: string): string | undefined {
    const value = this.lookup(name);
    if (value === undefined && !this.unresolved.includes(name)) this.unresolved.push(name);
    return value;
  }

  record(variable: ScannedVariable): number {
    this.variables.push(variable);
    return this.variables.length - 1;
  }

  dollar(): string {
    if (this.depth >= MAX_VARIABLE_NESTING) {
      throw new LexError(`variable references nested more than ${MAX_VARIABLE_NESTING} levels deep are not supported`);
    }
    this.depth++;
    try {
      return this.dollarAtDepth();
    } finally {
      this.depth--;
    }
  }

  dollarAtDepth(): string {
    const s = this.source;
    const start = this.pos;
    this.pos++;
    if (s[this.pos] !== "{") {
      const nameStart = this.pos;
      const name = this.processName();
      if (name === "") return "$";
      this.record({ start, end: this.pos, name, nameStart, nameEnd: this.pos, braced: false, modifier: null, argument: null, argumentStart: -1, argumentEnd: -1 });
      const value = this.get(name);
      if (value === undefined && this.skipUnset) return "$" + name;
      return value ?? "";
    }
    this.pos++;
    if (this.pos >= s.length) throw new LexError("syntax error: missing '}'");
    const peek = s[this.pos];
    if (peek === "{" || peek === "}" || peek === ":") throw new LexError("syntax error: bad substitution");
    const nameStart = this.pos;
    const name = this.processName();
    const nameEnd = this.pos;
    const ch = this.pos < s.length ? this.nextChar() : "";
    // Every ScannedVariable is written out whole, fields in the interface's order, not spread from a
    // shared part: one object shape for V8 (this runs for every `$` of every file).
    switch (ch) {
      case "}": {
        this.record({ start, end: this.pos, name, nameStart, nameEnd, braced: true, modifier: null, argument: null, argumentStart: -1, argumentEnd: -1 });
        const value = this.get(name);
        if (value === undefined && this.skipUnset) return "${" + name + "}";
        return value ?? "";
      }
      case ":":
      case "+":
      case "-":
      case "?":
      case "#":
      case "%": {
        const nullIsUnset = ch === ":";
        const op = nullIsUnset ? (this.pos < s.length ? this.nextChar() : "") : ch;
        const rawEscapes = op === "#" || op === "%";
        if (nullIsUnset && rawEscapes) throw new LexError(`unsupported modifier (:${op}) in substitution`);
        const index = this.record({ start, end: -1, name, nameStart, nameEnd, braced: true, modifier: null, argument: null, argumentStart: -1, argumentEnd: -1 });
        let argumentStart = this.pos;
        let greedy = false;
        if (rawEscapes && s[this.pos] === op) {
          greedy = true;
          argumentStart++;
        }
        let word: string;
        try {
          word = this.stopOn("}", rawEscapes);
        } catch (error) {
          throw this.pos >= s.length ? new LexError("syntax error: missing '}'") : error;
        }
        const written = word;
        if (greedy) word = word.slice(1);
        const argumentEnd = this.pos - 1;
        const modifier = (nullIsUnset ? ":" + op : greedy ? op + op : op) as VariableModifier;
        if (op !== "-" && op !== "+" && op !== "?" && op !== "#" && op !== "%") {
          this.variables.splice(index, 1);
          throw new LexError(`unsupported modifier (${nullIsUnset ? ":" + op : op}) in substitution`);
        }
        this.variables[index] = { start, end: this.pos, name, nameStart, nameEnd, braced: true, modifier, argument: s.slice(argumentStart, argumentEnd), argumentStart, argumentEnd };
        const value = this.get(name);
        if (value === undefined && this.skipUnset) return "${" + name + (nullIsUnset ? ":" : "") + op + written + "}";
        const unset = value === undefined || (nullIsUnset && value === "");
        switch (op) {
          case "-":
            return unset ? word : value!;
          case "+":
            return unset ? "" : word;
          case "?":
            if (value === undefined) throw new LexError(`${name}: ${word !== "" ? word : "is not allowed to be unset"}`);
            if (nullIsUnset && value === "") throw new LexError(`${name}: ${word !== "" ? word : "is not allowed to be empty"}`);
            return value;
          default:
            return trimPattern(value ?? "", word, greedy, op === "#");
        }
      }
      case "/": {
        const replaceAll = s[this.pos] === "/";
        if (replaceAll) this.pos++;
        const index = this.record({ start, end: -1, name, nameStart, nameEnd, braced: true, modifier: null, argument: null, argumentStart: -1, argumentEnd: -1 });
        const argumentStart = this.pos;
        let pattern: string;
        try {
          pattern = this.stopOn("/", true);
        } catch (error) {
          this.variables.splice(index, 1);
          throw this.pos >= s.length ? new LexError("syntax error: missing '/' in ${}") : error;
        }
        let replacement: string;
        try {
          replacement = this.stopOn("}", true);
        } catch (error) {
          throw this.pos >= s.length ? new LexError("syntax error: missing '}'") : error;
        }
        const argumentEnd = this.pos - 1;
        this.variables[index] = {
          start,
          end: this.pos,
          name,
          nameStart,
          nameEnd,
          braced: true,
          modifier: replaceAll ? "//" : "/",
          argument: s.slice(argumentStart, argumentEnd),
          argumentStart,
          argumentEnd,
        };
        const found = this.get(name);
        if (found === undefined && this.skipUnset) return "${" + name + (replaceAll ? "//" : "/") + pattern + "/" + replacement + "}";
        const value = found ?? "";
        return replacePattern(value, pattern, replacement, replaceAll);
      }
      default:
        throw new LexError(ch === "" ? "syntax error: missing '}'" : `unsupported modifier (${ch}) in substitution`);
    }
  }
}

/** Go's `.`: any character but a newline (BuildKit compiles these patterns to Go regexps). */
const PATTERN_OPTIONS = { stopAt: (codePoint: number) => codePoint === 10 };

/**
 * BuildKit's `convertShellPatternToRegex`, as wildcard tokens: `*`, `?`, backslash escapes of `*`,
 * `?`, `\`; a backslash before `}` or `/` is dropped. No bracket expressions. Matched by
 * lib/utils/wildcard.ts in time O(pattern × value), never by a backtracking RegExp.
 */
function shellPatternTokens(pattern: string): WildcardToken[] {
  const tokens: WildcardToken[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "*") tokens.push({ kind: "star" });
    else if (ch === "?") tokens.push({ kind: "any" });
    else if (ch === "\\") {
      const next = pattern[i + 1];
      if (next === "}" || next === "/") continue;
      if (next !== "*" && next !== "?" && next !== "\\") throw new LexError(`invalid pattern (${pattern}) in substitution: invalid escape '\\${next ?? ""}'`);
      tokens.push({ kind: "char", codePoint: next.codePointAt(0)! });
      i++;
    } else {
      const codePoint = pattern.codePointAt(i)!;
      tokens.push({ kind: "char", codePoint });
      if (codePoint > 0xffff) i++;
    }
  }
  return simplifyWildcard(tokens);
}

/**
 * `${v/p/r}` (first, leftmost-longest match) and `${v//p/r}` (every match, as String.replace with /g
 * does). Throws LexError on an invalid escape in the pattern. Time O(pattern × value) per match.
 */
export function replacePattern(value: string, pattern: string, replacement: string, replaceAll: boolean): string {
  const tokens = shellPatternTokens(pattern);
  const points = codePointsOf(value);
  const offsets = codePointOffsets(value);
  let out = "";
  let copied = 0;
  let from = 0;
  while (from <= points.length) {
    const match = findWildcard(tokens, points, from, PATTERN_OPTIONS);
    if (!match) break;
    out += value.slice(offsets[copied], offsets[match.start]) + replacement;
    copied = match.end;
    if (!replaceAll) break;
    // After an empty match, move on one character (it is copied with the next stretch).
    from = match.end > match.start ? match.end : match.end + 1;
  }
  return out + value.slice(offsets[Math.min(copied, points.length)]);
}

/**
 * `${v#p}`/`${v##p}` (prefix) and `${v%p}`/`${v%%p}` (suffix): remove the shortest/longest match.
 * Throws LexError on an invalid escape in the pattern. Time O(pattern × value).
 */
export function trimPattern(value: string, pattern: string, greedy: boolean, prefix: boolean): string {
  const tokens = shellPatternTokens(pattern);
  const offsets = codePointOffsets(value);
  let points = codePointsOf(value);
  // A suffix is a prefix of the reversed value under the reversed pattern (as BuildKit does it).
  if (!prefix) points = points.reverse();
  const ends = wildcardEnds(prefix ? tokens : [...tokens].reverse(), points, 0, PATTERN_OPTIONS);
  let length = -1;
  for (let candidate = 0; candidate < ends.length; candidate++) {
    if (!ends[candidate]) continue;
    length = candidate;
    if (!greedy) break;
  }
  if (length < 0) return value;
  return prefix ? value.slice(offsets[length]) : value.slice(0, offsets[points.length - length]);
}

/**
 * The variable references of `value` (a word as written), as Docker's substitution sees them.
 * Scanning stops at the first syntax error, which is returned alongside what was found before it.
 */
export function scanVariables(value: string, escapeChar: string): VariableScan {
  if (!value.includes("$")) return { variables: [], error: null };
  const lexer = new Lexer(value, escapeChar, NO_LOOKUP, true);
  let error: string | null = null;
  try {
    lexer.stopOn(null, false);
  } catch (caught) {
    if (!(caught instanceof LexError)) throw caught;
    error = caught.message;
  }
  const variables = lexer.variables.filter((variable) => variable.end >= 0).sort((a, b) => a.start - b.start);
  return { variables, error };
}

/**
 * What Docker makes of a word (`ProcessWord`): quotes removed, escapes applied, variables
 * substituted through `lookup` (unset → empty, as in Docker). Throws an Error with BuildKit's
 * message on a syntax error or a failing `${v?message}`.
 */
export function evaluateWord(value: string, escapeChar: string, lookup: VariableLookup, options: EvaluateOptions = {}): Evaluation {
  const lexer = new Lexer(value, escapeChar, lookup, options.skipUnset ?? false);
  try {
    const result = lexer.stopOn(null, false);
    return { value: result, unresolved: lexer.unresolved, quoted: lexer.quoted };
  } catch (caught) {
    if (caught instanceof LexError) throw new Error(`failed to process "${value}": ${caught.message}`, { cause: caught });
    throw caught;
  }
}

/**
 * Skip the `$…` expansion starting at `source[start]` (a `$`) the way BuildKit's lexer does with
 * `SkipUnsetEnv` (nothing is set): returns the offset after it, or throws an Error on a syntax error.
 */
export function skipDollar(source: string, start: number, escapeChar: string): number {
  const lexer = new Lexer(source, escapeChar, NO_LOOKUP, true);
  lexer.pos = start;
  try {
    lexer.dollar();
  } catch (caught) {
    if (caught instanceof LexError) throw new Error(caught.message, { cause: caught });
    throw caught;
  }
  return lexer.pos;
}
