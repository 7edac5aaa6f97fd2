/**
 * Whether a RUN's script runs with errexit (`set -e`), next to the pipefail question (`pipefail.ts`):
 * - a SHELL instruction with `-e` or `-o errexit` (`SHELL ["/bin/bash", "-eo", "pipefail", "-c"]`) turns it
 *   on for every later shell-form RUN of the stage and of stages built on it (SHELL is inherited through
 *   FROM <stage>, Dockerfile reference "SHELL");
 * - a `RUN <<EOF` heredoc whose first line is `#!…` is run as a file by that interpreter, not by the SHELL
 *   (BuildKit `dispatchRun`): `#!/bin/sh -e` turns it on, and the SHELL's options do not apply;
 * - inside the script, `set -e` / `set +e`, and `sh -ec '…'` for the script of that string, see
 *   `lib/shell/exit-status.ts`.
 * An exec-form RUN runs no shell of Docker's: only the options of the `sh -c` it names count.
 */
import type { DockerfileProgram, Run, Shell } from "../../dockerfile/ast.js";
import { commandCanFail, exitStatusFlow, wordsSetErrexit } from "../../shell/exit-status.js";
import type { ExitStatusFlow } from "../../shell/exit-status.js";
import { findShellStringArgument } from "../../shell/commands.js";
import type { ShellCommand, ShellList, ShellScript } from "../../shell/model.js";
import { shellInstructionInEffect } from "./shell-in-effect.js";

/**
 * The words after the interpreter of a command line (a `#!` line's words, a SHELL's exec form): what
 * follows the first word, or, when that is `env` (`/usr/bin/env bash -e`, `env -S bash -e`,
 * `env LANG=C bash -e`), what follows the program `env` runs after its options and assignments.
 */
function interpreterArguments(words: readonly string[]): string[] {
  let index = 1;
  if (/(?:^|\/)env$/u.test(words[0] ?? "")) {
    while (index < words.length && (words[index]!.startsWith("-") || /^[A-Za-z_]\w*=/u.test(words[index]!))) index++;
    index++;
  }
  return words.slice(index);
}

/** Whether the options of a `#!` line (the text after `#!`) turn errexit on: `/bin/sh -e`, `/usr/bin/env -S bash -e`. */
export function shebangSetsErrexit(shebang: string): boolean {
  return wordsSetErrexit(interpreterArguments(shebang.trim().split(/\s+/u))) === "on";
}

/** Whether a SHELL instruction's options turn errexit on (`["/bin/bash", "-eo", "pipefail", "-c"]`, `["/usr/bin/env", "bash", "-ec"]`). */
function shellSetsErrexit(shell: Shell | null): boolean {
  if (shell?.form?.type !== "ExecForm") return false;
  return wordsSetErrexit(interpreterArguments(shell.form.elements.map((element) => element.value))) === "on";
}

/** Whether errexit is on when `run`'s script starts (SHELL options, or the heredoc's `#!` line). */
export function errexitAtStart(program: DockerfileProgram, run: Run): boolean {
  if (run.form?.type === "ExecForm") return false;
  const script = run.script;
  if (script?.kind === "heredoc" && script.shebang !== null) return shebangSetsErrexit(script.shebang);
  return shellSetsErrexit(shellInstructionInEffect(program, run));
}

/**
 * Where each statement's failure goes in `script` (the parsed body of `run`), with the errexit setting the
 * RUN starts with. The shell text lets the flow find `$?` reads the model keeps no words for; an
 * exec-form RUN has none (its offsets are source offsets).
 */
function runExitStatusFlow(program: DockerfileProgram, run: Run, script: ShellScript): ExitStatusFlow {
  const text = script.form === "exec" ? null : (run.script?.text.text ?? null);
  return exitStatusFlow(script, errexitAtStart(program, run), text);
}

/**
 * Whether errexit makes the RUN fail when `command` (a statement of `script`, the parsed body of `run`)
 * fails: on from the SHELL, the `#!` line, `sh -e -c` or a `set -e` before it in its shell, and not
 * ignored where it stands (an `if` condition, before `&&`/`||`, inside a compound command that is).
 */
export function errexitInEffect(program: DockerfileProgram, run: Run, script: ShellScript, command: ShellCommand): boolean {
  return runExitStatusFlow(program, run, script).errexitInEffectAt(command);
}

/** Tests, which a substitution such as `$([ "$A" = amd64 ] && echo x86_64 || echo "$A")` uses to choose what to print. */
const TESTS: ReadonlySet<string> = new Set(["[", "test"]);

/** Whether a command substitution in the assignment `command` runs a command that can fail (other than a test). */
function substitutionsCanFail(script: ShellScript, command: ShellCommand): boolean {
  return script.commands.some(
    (inner) =>
      inner.inSubstitution &&
      command.range[0] <= inner.range[0] &&
      inner.range[1] <= command.range[1] &&
      commandCanFail(inner) &&
      !TESTS.has(inner.name?.value ?? ""),
  );
}

/** A statement of a RUN whose failure the script goes on past (see `runIgnoredFailures`). */
export interface IgnoredFailure {
  /** The command (a statement of its own or the end of an and-or list) whose failure is ignored. */
  command: ShellCommand;
  /** `"ignored"`: a later statement runs and sets the status; `"loop"`: the last statement of a loop body, ignored on every iteration but the last. */
  kind: "ignored" | "loop";
}

/**
 * The commands of `script` (the parsed body of `run`) that can fail (`commandCanFail`) while the script
 * goes on and can still succeed, in source order. Left out, because their status is not the build's
 * business or is handled on purpose: commands in conditions, in function bodies (they may never be
 * called) and in command substitutions; a test before `&&` (`[ -f x ] && …`); anything with `||` after it
 * in its and-or list; backgrounded lists; pipeline elements before the last (`require-pipefail`); a
 * negated statement where errexit is on (`no-ineffective-negation`); everything after a `set +e`.
 */
export function runIgnoredFailures(program: DockerfileProgram, run: Run, script: ShellScript): IgnoredFailure[] {
  const flow = runExitStatusFlow(program, run, script);
  const out: IgnoredFailure[] = [];
  for (const command of script.commands) {
    if (command.inSubstitution || command.inCondition || command.context.some((context) => context.kind === "function-body")) continue;
    if (script.form === "exec" && command.index === 0) continue;
    if (!commandCanFail(command)) continue;
    // `sh -c '…'` fails only through its script: `/bin/sh -c set -eux` runs `set` alone, which cannot fail.
    const argument = findShellStringArgument(command);
    if (command.name === null && !substitutionsCanFail(script, command)) continue;
    if (argument && !script.commands.some((inner) => inner.fromShellString && argument.word.range[0] <= inner.range[0] && inner.range[1] <= argument.word.range[1] && commandCanFail(inner))) continue;
    const fate = flow.fate(command.list, command.listIndex, command);
    if (fate !== "ignored" && fate !== "masked-by-loop") continue;
    if (command.negated && flow.errexitSetting(command) === "on") continue;
    out.push({ command, kind: fate === "ignored" ? "ignored" : "loop" });
  }
  return out;
}

/** A negated statement (`! cmd`, `! a | b`, `! { … }`) that errexit cannot act on (see `runIneffectiveNegations`). */
export interface IneffectiveNegation {
  /** The block and the index of the statement's first item (its `!`), and of its last pipeline element. */
  list: ShellList;
  index: number;
  lastIndex: number;
  /** The first command the statement runs. */
  first: ShellCommand;
}

/**
 * The negated statements of `script` (the parsed body of `run`) written as checks under errexit whose
 * status is then forgotten, so they can never stop the RUN (POSIX `set -e` ignores a pipeline that starts
 * with `!`): errexit is in effect where they stand, they are not in a condition or a substitution nor
 * joined by `&&`/`||`, and a later statement runs after them (or they end a `{ }` group or `if` body
 * whose status is forgotten); the last statement of the script or of a subshell is effective.
 */
export function runIneffectiveNegations(program: DockerfileProgram, run: Run, script: ShellScript): IneffectiveNegation[] {
  const flow = runExitStatusFlow(program, run, script);
  const out: IneffectiveNegation[] = [];
  for (const list of script.lists) {
    list.items.forEach((item, index) => {
      // A negated statement starts at its first pipeline element; it stands on its own (not after `&&`/`||`).
      const previous = index > 0 ? list.items[index - 1]!.operator : null;
      if (!item.negated || previous === "|" || previous === "|&" || previous === "&&" || previous === "||") return;
      const first = item.commands[0];
      if (!first || first.inSubstitution || first.inCondition || !flow.errexitInEffectAt(first, list)) return;
      // The last element of the pipeline carries the statement's status.
      let lastIndex = index;
      while (list.items[lastIndex]!.operator === "|" || list.items[lastIndex]!.operator === "|&") lastIndex++;
      const fate = flow.fate(list, lastIndex, null);
      if (fate === "ignored" || fate === "masked-by-loop") out.push({ list, index, lastIndex, first });
    });
  }
  return out;
}
