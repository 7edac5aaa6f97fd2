/**
 * The shell model rules consume: plain objects only (no mvdan-sh node is retained), ranges in
 * Dockerfile source offsets (`range`) and in `ShellText.text` offsets (`textRange`).
 *
 * All ranges are `[start, end)` UTF-16 offsets. `range` is in the Dockerfile source (what
 * `context.report({ loc })` / fixers want); `textRange` is in the RUN's `ShellText.text`, also for
 * commands found inside `sh -c '…'` strings.
 */

import type { Range } from "../utils/range.js";
export type { Range } from "../utils/range.js";

/** Operators that join one command (or list item) to the next. */
export type ShellOperator = "&&" | "||" | ";" | "&" | "|" | "|&" | "newline";

export type ShellWordPartKind =
  /** Unquoted literal text (backslash escapes removed in `value`). */
  | "literal"
  /** `'…'` */
  | "single-quoted"
  /** `$'…'` (ANSI-C quoting) */
  | "ansi-c-quoted"
  /** `"…"` or `$"…"`; `value` null when it contains expansions. */
  | "double-quoted"
  /** `$x`, `${x}`, `${x:-y}`… */
  | "parameter"
  /** `$(…)` or `` `…` `` */
  | "command-substitution"
  /** `$((…))` */
  | "arithmetic"
  /** `<(…)` / `>(…)` */
  | "process-substitution"
  /** `@(…)`, `!(…)`… (bash extglob) */
  | "extglob"
  | "other";

export interface ShellWordPart {
  kind: ShellWordPartKind;
  /** Static value after quote removal, or null if the part expands to something unknown. */
  value: string | null;
  raw: string;
  textRange: Range;
  range: Range;
  /** For `parameter`: the parameter name (`HOME` for `${HOME:-/root}`). */
  parameter?: string;
}

export interface ShellWord {
  /** Literal value after quote removal when fully static, else null. */
  value: string | null;
  /** The word as written in the shell text (quotes and escapes included). */
  raw: string;
  textRange: Range;
  range: Range;
  /** Contains a parameter, command, arithmetic or process substitution. */
  hasExpansion: boolean;
  /** Contains any quoting (`'`, `"`, `$'`, or a backslash escape). */
  quoted: boolean;
  /** Contains an unquoted glob character (`*`, `?`, `[`) or extglob: the shell may expand it. */
  hasGlob: boolean;
  parts: ShellWordPart[];
}

export interface ShellAssignment {
  /** Variable name (`FOO` in `FOO=bar`). */
  name: string;
  /** The value word (null for `FOO=` with empty value, or for arrays). */
  value: ShellWord | null;
  /** `+=` */
  append: boolean;
  /** `a=(…)` */
  isArray: boolean;
  raw: string;
  textRange: Range;
  range: Range;
}

export interface ShellRedirect {
  /** `>`, `>>`, `<`, `<>`, `<&`, `>&`, `>|`, `<<`, `<<-`, `<<<`, `&>`, `&>>` */
  op: string;
  /** Explicit file descriptor (`2` in `2>&1`), else null. */
  fd: string | null;
  /** The target word (file, fd, or heredoc delimiter). */
  target: ShellWord | null;
  /** Heredoc body (for `<<`/`<<-`), raw text. */
  heredoc: { raw: string; textRange: Range; range: Range } | null;
  raw: string;
  /** Operator through target (heredoc body excluded). */
  textRange: Range;
  range: Range;
}

export type ShellContextKind =
  | "subshell"
  | "group"
  | "if-condition"
  | "if-body"
  | "else-body"
  | "while-condition"
  | "while-body"
  | "until-condition"
  | "until-body"
  | "for-body"
  | "select-body"
  | "case-body"
  | "function-body"
  | "command-substitution"
  | "process-substitution"
  | "time"
  | "coproc"
  /** The script of an `sh -c '…'` / `bash -c "…"` / `su -c '…'` argument. */
  | "shell-string";

export interface ShellContext {
  kind: ShellContextKind;
  /** Range of the construct (e.g. the whole `( … )`, `if … fi`, `$( … )`, or the `-c` string). */
  textRange: Range;
  range: Range;
}

/** A simple command: `FOO=1 name arg… >redirect`, or a declaration (`export A=1`, `local x`). */
export interface ShellCommand {
  /** "simple": a CallExpr; "declaration": export/declare/local/readonly/typeset/nameref (args are the operands). */
  kind: "simple" | "declaration";
  /** The command word; null for a bare assignment (`FOO=bar`) or a redirect-only command. */
  name: ShellWord | null;
  args: ShellWord[];
  /** Prefix assignments (`FOO=bar cmd`), or the whole command for a bare assignment. */
  assignments: ShellAssignment[];
  redirects: ShellRedirect[];
  textRange: Range;
  range: Range;
  /** Index in `ShellScript.commands`. */
  index: number;

  /** Pipeline this command is an element of (directly), or null when not piped. */
  pipeline: ShellPipeline | null;
  /** Index of this command in `pipeline.elements`, or -1. */
  pipelineIndex: number;
  /** Output goes into a pipe (`cmd | …`). */
  pipedTo: boolean;
  /** Input comes from a pipe (`… | cmd`). */
  pipedFrom: boolean;

  /** The list this command is a direct item of. */
  list: ShellList;
  /** Index of this command's item in `list.items`. */
  listIndex: number;
  /** Operator joining this command to the next item of its list (null if last). */
  nextOperator: ShellOperator | null;
  /** Operator joining the previous item of its list to this command (null if first). */
  prevOperator: ShellOperator | null;

  /** `! cmd` (the statement is negated; for a pipeline, every element reports it). */
  negated: boolean;
  /** Run in the background (`cmd &`, or part of an and-or list that is). */
  background: boolean;

  /** Enclosing constructs, outermost first. */
  context: readonly ShellContext[];
  /** Inside `$(…)`, backquotes or `<(…)`/`>(…)`. */
  inSubstitution: boolean;
  /** Part of the condition of an `if`/`elif`/`while`/`until`. */
  inCondition: boolean;
  /**
   * Might not run in the normal flow: inside an if/elif/else body or condition, a case arm, a loop
   * body, a function body, or on the right of `||`.
   */
  conditional: boolean;
  /** Found by parsing the string argument of `sh -c`, `bash -c`, `su -c` (see `context`). */
  fromShellString: boolean;
}

/** A pipeline of two or more elements joined by `|` or `|&`. */
export interface ShellPipeline {
  elements: ShellPipelineElement[];
  /** operators[i] joins elements[i] and elements[i + 1]. */
  operators: ("|" | "|&")[];
  negated: boolean;
  textRange: Range;
  range: Range;
}

export interface ShellPipelineElement {
  /** The element's simple command when the element is one, else null (e.g. `( … )`, `while …`). */
  command: ShellCommand | null;
  /** Every simple command within the element, in source order (nested ones included). */
  commands: ShellCommand[];
  textRange: Range;
  range: Range;
}

export type ShellListItemKind =
  | "command"
  | "subshell"
  | "group"
  | "if"
  | "while"
  | "until"
  | "for"
  | "select"
  | "case"
  | "function"
  | "test"
  | "arithmetic"
  | "let"
  | "time"
  | "coproc"
  | "other";

/**
 * The statements of one block (the script, a subshell, a `{ }` group, an `if` branch, a loop body, a
 * `$(…)`…) flattened into the items joined by `&&`, `||`, `|`, `|&`, `;`, `&` and newlines.
 * Precedence is shell's: `|` binds tighter than `&&`/`||` (equal, left-associative), which bind
 * tighter than `;`/`&`/newline; so the flat sequence is faithful.
 */
export interface ShellList {
  items: ShellListItem[];
  /** Context of the block (null for the top level of the RUN). */
  owner: ShellContext | null;
  textRange: Range;
  range: Range;
}

export interface ShellListItem {
  kind: ShellListItemKind;
  /** The simple command when `kind === "command"`. */
  command: ShellCommand | null;
  /** Every simple command within the item (nested included), source order. */
  commands: ShellCommand[];
  /** Operator to the next item (null if last). */
  operator: ShellOperator | null;
  negated: boolean;
  background: boolean;
  textRange: Range;
  range: Range;
}

export interface ShellScript {
  ok: true;
  /** Every simple command in source order, nested ones included. */
  commands: ShellCommand[];
  /** Every pipeline (2+ elements), in source order. */
  pipelines: ShellPipeline[];
  /** Every list: `lists[0]` is the top level, then nested blocks in source order. */
  lists: ShellList[];
  /** The dialect used. */
  dialect: "bash" | "posix";
  /** `sh -c` strings that were not parsed or failed to parse (their commands are missing). */
  shellStringFailures: ShellParseFailure[];
  /**
   * `"exec"` for an exec-form RUN (`RUN ["/bin/sh", "-c", "…"]`): the first command is the JSON array
   * itself (each word one JSON string, `range` its source range, quotes included), and a script it
   * runs with `sh -c` is parsed with ranges mapped through the JSON escapes. Text a fix inserts there
   * would need JSON escaping and could land outside a string, so rules leave fixes out (or offer
   * them as suggestions they have checked). Absent for a shell-form body. (Added with exec-form
   * support; additive.)
   */
  form?: "shell" | "exec";
}

export interface ShellParseFailure {
  ok: false;
  message: string;
  /** Where the shell parser stopped, in source and text offsets. */
  offset: number;
  textOffset: number;
  /** The parser wanted more input (unterminated quote, `if` without `fi`…). */
  incomplete: boolean;
  /**
   * The parser stopped inside the name, index or operator of a `${…}`. bash and dash judge those only
   * when they expand it (a "bad substitution" at run time), so such a failure is not a syntax error to
   * them. Absent otherwise. (Added for valid-run-script; additive.)
   */
  inParameterExpansion?: true;
}

export type ShellParseResult = ShellScript | ShellParseFailure;
