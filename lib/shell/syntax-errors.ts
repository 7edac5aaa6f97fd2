/**
 * Which of the shell parser's failures are syntax errors to every shell a RUN may run under: a script
 * bash rejects and that dash and BusyBox ash reject too, so the RUN can never run (the shell reads the
 * script, reports "syntax error" and exits with status 2 before, or instead of, running the rest).
 *
 * The parser (`./parser/`) tries bash's grammar, then POSIX's: a failure means both rejected the text.
 * Most of its reasons are plain grammar (an `if` without `fi`, an unclosed quote, `&&` with nothing after
 * it), which `bash -n` and `dash -n` reject as well. A few reasons are the parser's own strictness (it
 * follows mvdan/sh, which rejects some things the shells accept or only judge at run time) or depend on
 * the dialect. They are listed here, each with what the shells do; a failure with one of these reasons is
 * not called invalid syntax. Checked by running `bash -n` (GNU bash 5.2) and `dash -n` (dash 0.5.12) over
 * each reason's examples and over a few thousand mutated corpus RUN bodies; `tests/shell/syntax-errors.test.ts`
 * holds the examples.
 */
import type { ShellParseFailure } from "./model.js";

/** A parser reason that is not a syntax error to every shell, and why. */
interface NotASyntaxError {
  /** The parser's message, or the start of it (`unclosed here-document '…'` names the delimiter). */
  readonly message: string;
  readonly prefix?: true;
  /** What the shells do with it. */
  readonly why: string;
}

const NOT_SYNTAX_ERRORS: readonly NotASyntaxError[] = [
  // bash(1) and dash(1): "here-document delimited by end-of-file" is a warning; the body runs to the end.
  { message: "unclosed here-document", prefix: true, why: "bash and dash read an unterminated here-document to the end of the script, with a warning" },
  // bash accepts `x=(a) cmd` (bash -n passes); dash rejects the `(`: dialect-dependent.
  { message: "inline variables cannot be arrays", why: "bash accepts an array assignment before a command" },
  // bash accepts `! ! cmd` and a lone `!`; dash rejects them: dialect-dependent.
  { message: "cannot negate a command multiple times", why: "bash accepts `! ! cmd`" },
  { message: '"!" cannot form a statement alone', why: "bash accepts a lone `!`" },
  // bash: `]]` outside `[[` is a syntax error, dash runs it as a command named `]]` (not found at run time).
  { message: '"]]" can only be used to close a test', why: "dash and BusyBox ash read `]]` as a command name" },
  // The parser does not read coproc (bash only); bash accepts it.
  { message: "coproc is not supported", why: "bash accepts `coproc`; the parser does not read it" },
  // `export 1x=2`, `local a-b`: bash and dash report "not a valid identifier" / "bad variable name" when the command runs.
  { message: "invalid var name", why: "an invalid name in a declaration is a run-time error of the command, not a syntax error" },
  // POSIX grammar only (the bash attempt failed first for another reason, or the POSIX one was tried first): dialect-dependent.
  { message: "invalid func name", why: "bash accepts function names such as `a-b`" },
  { message: "arrays are a bash feature", why: "a reason of the POSIX grammar only; bash accepts arrays" },
  { message: "this expansion operator is a bash feature", why: "a reason of the POSIX grammar only; bash accepts the operator" },
  // `${}`, `${x[}`: "bad substitution" when expanded (see `ShellParseFailure.inParameterExpansion`, which also covers these).
  { message: "invalid parameter name", why: "bash and dash judge a `${…}`'s name when they expand it (bad substitution at run time)" },
  // `$((ls) | wc -l)`: bash reads a `$((` that does not close as arithmetic again as `$( (…) … )`, a command
  // substitution of a subshell (bash -n passes, the command runs); dash rejects it: dialect-dependent.
  { message: "arithmetic expression must end with ))", why: "bash re-reads a `$((…)` that is not arithmetic as a command substitution that starts with a subshell" },
  // The parser's own limits, not the shells'.
  { message: "nesting too deep", why: "the parser's nesting limit (100 levels), not a shell's" },
  { message: "internal shell model error", prefix: true, why: "the parser's own fault" },
];

/**
 * Why `failure` is not a syntax error to every shell, or null when it is one (bash, dash and BusyBox ash
 * all reject the script, so a RUN that runs it fails).
 */
export function whyNotSyntaxError(failure: Pick<ShellParseFailure, "message" | "inParameterExpansion">): string | null {
  if (failure.inParameterExpansion) return "bash and dash judge a `${…}`'s name, index and operator when they expand it (bad substitution at run time)";
  for (const entry of NOT_SYNTAX_ERRORS) {
    if (entry.prefix ? failure.message.startsWith(entry.message) : failure.message === entry.message) return entry.why;
  }
  return null;
}
