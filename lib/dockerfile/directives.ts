/**
 * Parser directives (BuildKit `parser/directives.go` and `parser/parser.go`).
 *
 * A directive line matches `^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` (`\s` = `[\t\n\f\r ]`) and
 * names `syntax`, `escape` or `check` (case-insensitive). The parser checks every line from the top
 * (`DirectiveParser.ParseLine`, leading whitespace trimmed) and stops at the first line that does not
 * match or names another directive: a blank line, an ordinary comment, an unknown directive or an
 * instruction. A repeated directive is an error ("only one escape parser directive can be used"),
 * and so is an escape value other than `` ` `` or `\` ("invalid escape token '…' does not match ` or \").
 *
 * A `#!` first line ends the parser's block at once (so a following `# escape=` is an ordinary
 * comment), but `DetectSyntax`/`ParseDirective`, which read `syntax` and `check`, drop that shebang
 * line first (`discardShebang`), so `# syntax=`/`# check=` lines right after it are honoured.
 */
import type { DirectiveName, EscapeChar, ParserDirective } from "./ast.js";
import { isRegexpSpace, skipGoSpace } from "./chars.js";
import { makeNode } from "./nodes.js";
import type { LineTable } from "./positions.js";

export interface DirectiveScan {
  directives: ParserDirective[];
  /** 0-based indexes of the lines that are directives (not comments). */
  lines: Set<number>;
  escapeChar: EscapeChar;
  /** A fatal error: message and source offset. */
  error: { message: string; offset: number } | null;
}

interface DirectiveMatch {
  name: string;
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
  start: number;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The directive regexp applied to `text[start, end)`; null when it does not match. */
function matchDirective(text: string, start: number, end: number): DirectiveMatch | null {
  let p = start;
  if (text[p] !== "#") return null;
  p++;
  while (p < end && isRegexpSpace(text.charCodeAt(p))) p++;
  const nameStart = p;
  if (p >= end || !isAsciiLetter(text.charCodeAt(p))) return null;
  p++;
  while (p < end && (isAsciiLetter(text.charCodeAt(p)) || isAsciiDigit(text.charCodeAt(p)))) p++;
  const nameEnd = p;
  while (p < end && isRegexpSpace(text.charCodeAt(p))) p++;
  if (p >= end || text[p] !== "=") return null;
  p++;
  const afterEquals = p;
  while (p < end && isRegexpSpace(text.charCodeAt(p))) p++;
  let valueStart = p;
  let valueEnd = end;
  while (valueEnd > valueStart && isRegexpSpace(text.charCodeAt(valueEnd - 1))) valueEnd--;
  if (valueEnd === valueStart) {
    // `(.+?)` needs a character: the regexp backtracks and takes the last blank as the value.
    if (end === afterEquals) return null;
    valueStart = end - 1;
    valueEnd = end;
  }
  return { name: text.slice(nameStart, nameEnd).toLowerCase(), nameStart, nameEnd, valueStart, valueEnd, start };
}

const VALID: ReadonlySet<string> = new Set<DirectiveName>(["syntax", "escape", "check"]);

function directiveNode(text: string, match: DirectiveMatch): ParserDirective {
  return makeNode<ParserDirective>({
    type: "ParserDirective",
    name: match.name as DirectiveName,
    value: text.slice(match.valueStart, match.valueEnd),
    nameRange: [match.nameStart, match.nameEnd],
    valueRange: [match.valueStart, match.valueEnd],
    range: [match.start, match.valueEnd],
  });
}

/** `bom`: 1 when the text starts with a byte-order mark (skipped like BuildKit does), else 0. */
export function scanDirectives(text: string, table: LineTable, bom = 0): DirectiveScan {
  const result: DirectiveScan = { directives: [], lines: new Set(), escapeChar: "\\", error: null };
  const seen = new Set<string>();
  let index = 0;
  for (; index < table.count; index++) {
    const start = skipGoSpace(text, index === 0 ? bom : table.starts[index]!, table.ends[index]!);
    const match = matchDirective(text, start, table.ends[index]!);
    if (!match || !VALID.has(match.name)) break;
    if (seen.has(match.name)) {
      result.error = { message: `only one ${match.name} parser directive can be used`, offset: match.start };
      return result;
    }
    seen.add(match.name);
    if (match.name === "escape") {
      const value = text.slice(match.valueStart, match.valueEnd);
      if (value !== "`" && value !== "\\") {
        result.error = { message: `invalid escape token '${value}' does not match \` or \\`, offset: match.valueStart };
        return result;
      }
      result.escapeChar = value;
    }
    result.directives.push(directiveNode(text, match));
    result.lines.add(index);
  }

  // After a shebang, DetectSyntax/ParseDirective still read `syntax` and `check` (raw lines, no trimming).
  if (index === 0 && table.count > 1 && text.startsWith("#!", bom)) {
    const detected = new Set<string>();
    for (let line = 1; line < table.count; line++) {
      const match = matchDirective(text, table.starts[line]!, table.ends[line]!);
      if (!match || !VALID.has(match.name) || detected.has(match.name)) break;
      detected.add(match.name);
      if (match.name === "escape") continue;
      result.directives.push(directiveNode(text, match));
      result.lines.add(line);
    }
  }
  return result;
}
