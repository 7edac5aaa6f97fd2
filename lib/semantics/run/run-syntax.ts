/**
 * The syntax errors of a RUN's shell script: places where the script is not valid shell to any shell
 * the stage could run it with (bash, dash, BusyBox ash), so the RUN always fails. Read from the shared
 * shell model's parse failure (`getShellScript`), and from the failures of the scripts it hands
 * `sh -c`/`bash -c`/`su -c`, filtered through `whyNotSyntaxError` (`lib/shell/syntax-errors.ts`).
 *
 * Left out, as unknowable or not shell: exec-form RUNs, stages whose shell is PowerShell or cmd, heredoc
 * RUNs for another interpreter (`posixShellText`), and a `-c` string with an expansion of the outer shell
 * (`sh -c "$PRE; fi"`: the value could complete the syntax), and the strings of shells whose grammar has
 * its own extensions (`zsh -c`, `ksh -c`: the parser reads bash and POSIX sh).
 */
import type { DockerfileProgram, Run } from "../../dockerfile/ast.js";
import { findShellStringArgument, getShellScript } from "../../shell/index.js";
import type { ShellParseFailure, ShellScript, ShellWord } from "../../shell/model.js";
import { whyNotSyntaxError } from "../../shell/syntax-errors.js";
import { posixShellText } from "./run-shell.js";

/** One syntax error of a RUN's script. */
export interface RunSyntaxError {
  /** The parser's reason (mvdan/sh's wording: "reached EOF without matching if with fi"). */
  readonly message: string;
  /** Where the parser stopped, or the construct left open when the script ended: a Dockerfile source offset. */
  readonly offset: number;
  /** The script ended before the construct was closed (unterminated quote, `if` without `fi`…). */
  readonly incomplete: boolean;
  /** For the script of a `-c` string: the shell it is handed to (`sh`, `bash`, `su`…) and the string's word; null for the RUN's own script. */
  readonly shellString: { readonly shell: string; readonly word: ShellWord } | null;
}

/**
 * The `-c` strings judged: those of sh, bash, dash and ash (BusyBox's included), whose grammar the parser
 * reads, and of `su`/`runuser`, which hand the string to the user's login shell (`/bin/sh` or `/bin/bash`
 * for root and the users images create). zsh, ksh, mksh and yash accept syntax bash does not.
 */
const JUDGED_SHELL_STRINGS: ReadonlySet<string> = new Set(["sh", "bash", "dash", "ash", "su", "runuser"]);

const cache = new WeakMap<Run, readonly RunSyntaxError[]>();

/** The syntax errors of `run`'s shell-form script (see the module comment); empty when it has none or cannot be judged. Cached per RUN. */
export function runSyntaxErrors(program: DockerfileProgram, run: Run): readonly RunSyntaxError[] {
  let errors = cache.get(run);
  if (errors === undefined) {
    errors = computeRunSyntaxErrors(program, run);
    cache.set(run, errors);
  }
  return errors;
}

function computeRunSyntaxErrors(program: DockerfileProgram, run: Run): readonly RunSyntaxError[] {
  if (run.form?.type === "ExecForm") return [];
  const text = posixShellText(program, run);
  if (!text) return [];
  const parsed = getShellScript(text);
  if (!parsed.ok) return whyNotSyntaxError(parsed) === null ? [toError(parsed, null)] : [];
  const errors: RunSyntaxError[] = [];
  for (const failure of parsed.shellStringFailures) {
    if (whyNotSyntaxError(failure) !== null) continue;
    const owner = shellStringAt(parsed, failure.offset);
    // A string the outer shell expands first (`"…$X…"`, `"$(cmd)"`) is only known after expansion.
    if (!owner || owner.word.hasExpansion || !JUDGED_SHELL_STRINGS.has(owner.shell)) continue;
    errors.push(toError(failure, owner));
  }
  return errors;
}

function toError(failure: ShellParseFailure, shellString: RunSyntaxError["shellString"]): RunSyntaxError {
  return { message: failure.message, offset: failure.offset, incomplete: failure.incomplete, shellString };
}

/** The innermost `-c` string of the script whose source range holds `offset`. */
function shellStringAt(script: ShellScript, offset: number): { shell: string; word: ShellWord } | null {
  let best: { shell: string; word: ShellWord } | null = null;
  for (const command of script.commands) {
    const arg = findShellStringArgument(command);
    if (!arg) continue;
    const [start, end] = arg.word.range;
    if (offset < start || offset > end) continue;
    if (!best || end - start < best.word.range[1] - best.word.range[0]) best = { shell: arg.shell, word: arg.word };
  }
  return best;
}
