/**
 * The variables a shell script reads and the names it may write, from the shared model (`model.ts`):
 * what `no-undefined-variable` needs to judge `$NAME` in a RUN against the Dockerfile's ARG/ENV scope.
 *
 * Reads are `$NAME` and `${NAME…}` where the shell expands them: unquoted and double-quoted word parts,
 * the words of every command (those in `$(…)` and in `sh -c '…'` scripts included: the inner shell
 * inherits the environment) and the bodies of here-documents whose delimiter is unquoted (bash(1),
 * "Here Documents"). Not in single quotes, `$'…'`, after a backslash, or in quoted here-documents.
 * A few places the model keeps no words for (`for x in $LIST`, `case $X in`) are not read: fewer reads
 * means fewer findings, never a wrong one.
 *
 * Writes are over-approximated on purpose, so that a name the script might set is never called unset:
 * any occurrence of the name in the script text other than as `$NAME`/`${NAME…}` counts (`X=1`,
 * `export X`, `read -r X`, `for X in`, `local X`, `((X++))`, `getopts ab X`, `printf -v X`…), and a
 * script that runs `.`, `source` or `eval` may set anything.
 */
import type { ShellScript, ShellWord, ShellWordPart } from "./model.js";
import type { Range } from "../utils/range.js";
import type { ShellText } from "./shell-text.js";
import { toSourceRange } from "./shell-text.js";

/** One read of a variable. */
export interface ParameterReference {
  name: string;
  /** The operator after the name in `${NAME<op>…}` (`:-`, `-`, `:=`, `=`, `:+`, `+`, `:?`, `?`), else null. */
  unsetOperator: string | null;
  /** Source range of the reference (`$NAME` / `${…}`), or of the word part holding it when it cannot be placed exactly. */
  range: Range;
}

/** Operators that say what to do when the variable is unset (bash(1), "Parameter Expansion"); longest first. */
const UNSET_OPERATORS = [":-", ":=", ":+", ":?", "-", "=", "+", "?"] as const;

const NAME_START = /[A-Za-z_]/u;
const NAME_CHAR = /\w/u;

function readName(text: string, at: number): string | null {
  if (!NAME_START.test(text[at] ?? "")) return null;
  let end = at + 1;
  while (end < text.length && NAME_CHAR.test(text[end]!)) end++;
  return text.slice(at, end);
}

/** `$NAME` or `${NAME…}` at `at` (on the `$`): the name, the operator, and the length of what was read. */
function referenceAt(text: string, at: number): { name: string; unsetOperator: string | null; length: number } | null {
  if (text[at + 1] === "{") {
    let i = at + 2;
    if (text[i] === "#" || text[i] === "!") i++;
    const name = readName(text, i);
    if (name === null) return null;
    const after = i + name.length;
    const unsetOperator = UNSET_OPERATORS.find((op) => text.startsWith(op, after)) ?? null;
    const close = matchingBrace(text, at + 1);
    return { name, unsetOperator, length: (close === -1 ? text.length : close + 1) - at };
  }
  const name = readName(text, at + 1);
  return name === null ? null : { name, unsetOperator: null, length: name.length + 1 };
}

/** The `}` closing the `{` at `open` (nested braces counted), or -1. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  return -1;
}

/** The end (exclusive) of a `$(…)`/`$((…))` starting at `at` (on the `$`), or of a backquoted command at `at`. */
function skipSubstitution(text: string, at: number): number {
  if (text[at] === "`") {
    for (let i = at + 1; i < text.length; i++) {
      if (text[i] === "\\") i++;
      else if (text[i] === "`") return i + 1;
    }
    return text.length;
  }
  let depth = 0;
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i + 1;
  }
  return text.length;
}

/**
 * The references in text the shell expands as in double quotes (a double-quoted part's inside, a
 * here-document's body): `$NAME`, `${NAME…}`; backslash escapes and command substitutions skipped (their
 * commands are in the model's command list). `at(i)` gives the source range of a reference at `i`.
 */
function referencesInExpandingText(text: string, at: (start: number, end: number) => Range, out: ParameterReference[]): void {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "`" || (c === "$" && text[i + 1] === "(")) {
      i = skipSubstitution(text, i) - 1;
      continue;
    }
    if (c !== "$") continue;
    const reference = referenceAt(text, i);
    if (!reference) continue;
    out.push({ name: reference.name, unsetOperator: reference.unsetOperator, range: at(i, i + reference.length) });
    i += reference.length - 1;
  }
}

function partReferences(shell: ShellText, part: ShellWordPart, out: ParameterReference[]): void {
  if (part.kind === "parameter") {
    const reference = referenceAt(part.raw, 0);
    if (reference) out.push({ name: reference.name, unsetOperator: reference.unsetOperator, range: part.range });
    return;
  }
  if (part.kind !== "double-quoted") return;
  // A part read from an `sh -c` string has its text after the outer quotes were removed: its offsets are
  // exact only when the raw text is what the RUN's text holds there; else the whole part is the place.
  const [start, end] = part.textRange;
  const exact = shell.text.slice(start, end) === part.raw;
  referencesInExpandingText(part.raw, (s, e) => (exact ? toSourceRange(shell, start + s, start + e) : part.range), out);
}

function wordReferences(shell: ShellText, word: ShellWord | null, out: ParameterReference[]): void {
  if (!word?.hasExpansion) return;
  for (const part of word.parts) partReferences(shell, part, out);
}

/** Every read of a variable in `script` (see the module comment), in source order per command. */
export function parameterReferences(shell: ShellText, script: ShellScript): ParameterReference[] {
  const out: ParameterReference[] = [];
  for (const command of script.commands) {
    wordReferences(shell, command.name, out);
    for (const arg of command.args) wordReferences(shell, arg, out);
    for (const assignment of command.assignments) wordReferences(shell, assignment.value, out);
    for (const redirect of command.redirects) {
      wordReferences(shell, redirect.target, out);
      const body = redirect.heredoc;
      // `<<'EOF'`, `<<"EOF"`, `<<\EOF`: the body is taken literally.
      if (!body || redirect.target?.quoted !== false) continue;
      const [start, end] = body.textRange;
      const exact = shell.text.slice(start, end) === body.raw;
      referencesInExpandingText(body.raw, (s, e) => (exact ? toSourceRange(shell, start + s, start + e) : body.range), out);
    }
  }
  return out;
}

/** Commands after which any variable may be set: they run text the linter cannot see as this shell. */
const OPAQUE_COMMANDS: ReadonlySet<string> = new Set([".", "source", "eval"]);

/** Whether the script runs `.`, `source` or `eval`, after which any name may be set. */
export function mayWriteAnything(script: ShellScript): boolean {
  return script.commands.some((command) => command.name?.value != null && OPAQUE_COMMANDS.has(command.name.value));
}

/**
 * Whether the script text may write `name`: it appears other than as `$name`/`${name…}` (an
 * over-approximation, see the module comment).
 */
export function mayWrite(shell: ShellText, name: string): boolean {
  const text = shell.text;
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    const before = text[at - 1] ?? "";
    if (NAME_CHAR.test(before) || NAME_CHAR.test(text[at + name.length] ?? "")) continue;
    if (/\$\{?[#!]?$/u.test(text.slice(Math.max(0, at - 3), at))) continue;
    return true;
  }
  return false;
}
