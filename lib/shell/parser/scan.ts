/**
 * Character classes and the syntax error of the shell parser (POSIX `sh` Shell Command Language,
 * §2.2-2.4, plus the bash lexing rules mvdan/sh's `syntax` package follows). All offsets are UTF-16
 * code units into the string being parsed.
 */

export const TAB = 9;
export const NL = 10;
export const SPACE = 32;
export const BANG = 33; // !
export const DQUOTE = 34; // "
export const HASH = 35; // #
export const DOLLAR = 36; // $
export const AMP = 38; // &
export const SQUOTE = 39; // '
export const LPAREN = 40; // (
export const RPAREN = 41; // )
export const STAR = 42; // *
export const PLUS = 43; // +
export const MINUS = 45; // -
export const SEMI = 59; // ;
export const LT = 60; // <
export const EQ = 61; // =
export const GT = 62; // >
export const QUEST = 63; // ?
export const AT = 64; // @
export const LBRACK = 91; // [
export const BACKSLASH = 92; // \
export const RBRACK = 93; // ]
export const BACKQUOTE = 96; // `
export const LBRACE = 123; // {
export const PIPE = 124; // |
export const RBRACE = 125; // }

/** Ends an unquoted word: blanks, newline and the operator characters `; & | < > ( )`. -1 is end of input. */
export function isWordBreak(c: number): boolean {
  return c === SPACE || c === TAB || c === NL || c === SEMI || c === AMP || c === PIPE || c === LT || c === GT || c === LPAREN || c === RPAREN || c === -1;
}

/**
 * ASCII characters that are ordinary inside an unquoted word: none of the word breaks, quotes, `$`, `\`,
 * backquote, the glob characters `* ? [` or the extglob openers `+ @ !` (before `(`). The scans of
 * literal text (`wordPart`, `peekLitWord`) step over these with one table read per character and test
 * only the rest one by one; every character from 128 up is ordinary.
 */
const ORDINARY = new Uint8Array(128).fill(1);
for (const c of " \t\n;&|<>()'\"`$\\*?[+@!") ORDINARY[c.charCodeAt(0)] = 0;

/** An ordinary character of an unquoted word (see `ORDINARY`). */
export function isOrdinary(c: number): boolean {
  return c >= 128 || ORDINARY[c] === 1;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

export function isNameChar(c: number): boolean {
  return isNameStart(c) || isDigit(c);
}

/** `$@ $* $# $? $- $$ $! $0`…: the one-character special parameters. */
export function isSpecialParam(c: number): boolean {
  return c === AT || c === STAR || c === HASH || c === QUEST || c === MINUS || c === DOLLAR || c === BANG || isDigit(c);
}

/** A POSIX name (`[A-Za-z_][A-Za-z0-9_]*`). */
export function isName(text: string): boolean {
  if (text.length === 0 || !isNameStart(text.charCodeAt(0))) return false;
  for (let i = 1; i < text.length; i++) if (!isNameChar(text.charCodeAt(i))) return false;
  return true;
}

/**
 * A body the parser rejects. `offset` is where it stopped (UTF-16, in the string being parsed);
 * `incomplete` is true when more input would have helped (an unterminated quote, `if` without `fi`).
 */
export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly incomplete = false,
    /** Raised reading the name, index or operator of a `${…}` (see `ShellParseFailure.inParameterExpansion`). */
    readonly inParameterExpansion = false,
  ) {
    super(message);
    this.name = "ShellSyntaxError";
  }
}
