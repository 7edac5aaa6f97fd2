/**
 * How BuildKit splits an instruction's arguments into words (`parser/line_parsers.go`). Each function
 * works on `text[start, end)` and returns `[start, end)` spans in the same text.
 */
import { isGoSpace, isTokenWhitespace } from "./chars.js";
import { skipDollar } from "./variables.js";

export type Span = [number, number];

/** BuildKit `shell/lex.go` `isWhitespace`: the blanks `processPossibleHeredoc` keeps after `<<`. */
function isHeredocBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d;
}

/**
 * `parseStringsWhitespaceDelimited` (FROM, EXPOSE, and COPY/ADD/VOLUME outside the JSON form): split
 * on runs of `[\t\v\f\r ]`, quotes not special.
 */
export function splitOnWhitespace(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let i = start;
  while (i < end) {
    while (i < end && isTokenWhitespace(text.charCodeAt(i))) i++;
    if (i >= end) break;
    const wordStart = i;
    while (i < end && !isTokenWhitespace(text.charCodeAt(i))) i++;
    spans.push([wordStart, i]);
  }
  return spans;
}

/**
 * `parseWords` (ENV, LABEL, ARG): words separated by Go spaces, `'…'`/`"…"` keep spaces (quotes
 * stay in the word), the escape character keeps the next character in the word (also inside `"…"`).
 * An escape character at the very end is dropped.
 */
export function splitQuotedWords(text: string, start: number, end: number, escapeChar: string): Span[] {
  const spans: Span[] = [];
  const IN_SPACES = 0;
  const IN_WORD = 1;
  const IN_QUOTE = 2;
  let phase = IN_SPACES;
  let wordStart = -1;
  let wordEnd = -1;
  let blankOK = false;
  let quote = "";
  const push = (): void => {
    if (blankOK || wordEnd > wordStart) spans.push([wordStart, Math.max(wordStart, wordEnd)]);
  };
  for (let pos = start; pos <= end; pos++) {
    const ch = pos < end ? text[pos]! : "";
    if (phase === IN_SPACES) {
      if (pos === end) break;
      if (isGoSpace(text.charCodeAt(pos))) continue;
      phase = IN_WORD;
      wordStart = pos;
      wordEnd = pos;
    }
    if (pos === end) {
      push();
      break;
    }
    if (phase === IN_WORD) {
      if (isGoSpace(text.charCodeAt(pos))) {
        phase = IN_SPACES;
        push();
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = IN_QUOTE;
      }
      if (ch === escapeChar) {
        if (pos + 1 === end) continue;
        pos++;
      }
      wordEnd = pos + 1;
      continue;
    }
    // IN_QUOTE
    if (ch === quote) phase = IN_WORD;
    if (ch === escapeChar && quote !== "'") {
      if (pos + 1 === end) {
        phase = IN_WORD;
        continue;
      }
      pos++;
    }
    wordEnd = pos + 1;
  }
  return spans;
}

/**
 * The words of a logical line as `heredocsFromLine` sees them (BuildKit's shell lexer with
 * `RawQuotes`, `RawEscapes`, `SkipUnsetEnv`, escape `\`): separated by Go spaces outside quotes,
 * quotes and escapes kept. Null when the lexer fails (an open quote, `${}`…): BuildKit then finds no
 * heredoc at all. An unquoted `<<` keeps the blanks that follow it (`[\t\r ]`, the lexer's
 * `processPossibleHeredoc`), so `<< EOF` is one word; `<<- EOF` is two (`<<-`, `EOF`), as in BuildKit. (Spaces produced inside an unset `${v:-a b}` would split the word in BuildKit;
 * here the whole `${…}` stays in one word.)
 */
export function splitShellWords(text: string, start: number, end: number): Span[] | null {
  const spans: Span[] = [];
  let wordStart = -1;
  let wordEnd = -1;
  const extend = (from: number, to: number): void => {
    if (wordStart === -1) wordStart = from;
    wordEnd = to;
  };
  const flush = (): void => {
    if (wordStart !== -1 && wordEnd > wordStart) spans.push([wordStart, wordEnd]);
    wordStart = -1;
    wordEnd = -1;
  };
  const source = text.slice(0, end);
  let pos = start;
  try {
    while (pos < end) {
      const ch = source[pos]!;
      if (ch === "'") {
        const close = source.indexOf("'", pos + 1);
        if (close === -1) return null;
        extend(pos, close + 1);
        pos = close + 1;
      } else if (ch === '"') {
        const from = pos;
        pos++;
        for (;;) {
          if (pos >= end) return null;
          const c = source[pos]!;
          if (c === '"') {
            pos++;
            break;
          }
          if (c === "$") {
            pos = skipDollar(source, pos, "\\");
            continue;
          }
          if (c === "\\" && pos + 1 < end && (source[pos + 1] === '"' || source[pos + 1] === "$" || source[pos + 1] === "\\")) pos += 2;
          else pos++;
        }
        extend(from, pos);
      } else if (ch === "$") {
        const from = pos;
        pos = skipDollar(source, pos, "\\");
        extend(from, pos);
      } else if (ch === "\\") {
        extend(pos, Math.min(pos + 2, end));
        pos += 2;
      } else if (ch === "<" && source[pos + 1] === "<") {
        let after = pos + 2;
        while (after < end && isHeredocBlank(source.charCodeAt(after))) after++;
        extend(pos, after);
        pos = after;
      } else if (isGoSpace(source.charCodeAt(pos))) {
        flush();
        pos++;
      } else {
        extend(pos, pos + 1);
        pos++;
      }
    }
  } catch {
    return null;
  }
  flush();
  return spans;
}
