/**
 * Where the exit status of each statement of a script goes: does a failure stop the script (the RUN
 * fails), get handled on purpose (`|| true`, an `if` condition), or is it ignored (the script goes on
 * and ends with the status of a later command)? Read from the shell model's lists.
 *
 * Facts (POSIX "Shell Command Language" 2.9 and `set -e`; bash(1) "SHELL BUILTIN COMMANDS: set -e";
 * dash(1) "-e errexit"; BusyBox ash follows POSIX here):
 * - A list's status is the status of its last statement; `a; b` and `a` newline `b` discard `a`'s.
 * - `a && b`: when `a` fails, `b` does not run and the and-or list has `a`'s status; `a || b` runs `b`
 *   only when `a` fails (a deliberate handler).
 * - A compound command (`{ }`, `( )`, `if`, `case`) has the status of the last statement it ran; a
 *   loop has the status of the last body statement of its last iteration, so a failing body statement
 *   of an earlier iteration is forgotten.
 * - With `set -e` (errexit) the shell exits when a statement fails, except in an `if`/`while`/`until`
 *   condition, in an and-or list other than its last command, and in a pipeline starting with `!`. A
 *   compound command or function that runs where errexit is ignored ignores it inside as well (POSIX
 *   2024, `set -e`; bash implements it so), and a compound command other than a subshell whose status
 *   came from a failure while errexit was ignored does not make the shell exit.
 * - errexit is inherited by subshells (`( )`, `$( )` in POSIX mode), not by a new shell process
 *   (`sh -c '…'` starts with its own options: `sh -ec` turns it on).
 */
import type { Range, ShellCommand, ShellContext, ShellList, ShellListItem, ShellScript } from "./model.js";
import { findShellStringArgument } from "./commands.js";
import { unwrappedCommand } from "./unwrapped.js";

/**
 * What the words of a `set` command or of a shell's options do to errexit: `"on"` for `-e` (alone or
 * in a cluster such as `-eux`, `-Eeuo pipefail`) or `-o errexit`, `"off"` for `+e` / `+o errexit`,
 * null when they do not name it. Reading stops at `--`, at a word that is not an option (the operands
 * of `set`, the script of `sh -c`), and at `-c`'s command string.
 */
export function wordsSetErrexit(words: readonly (string | null)[]): "on" | "off" | null {
  let result: "on" | "off" | null = null;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === null || word === undefined || word === "--" || word === "-" || word.length < 2) break;
    const sign = word[0];
    if (sign !== "-" && sign !== "+") break;
    if (word.startsWith("--")) continue;
    const letters = word.slice(1);
    if (!/^[a-zA-Z]+$/u.test(letters)) break;
    if (letters.includes("e")) result = sign === "-" ? "on" : "off";
    if (letters.endsWith("o") || letters.endsWith("O")) {
      if (words[i + 1] === "errexit" && letters.endsWith("o")) result = sign === "-" ? "on" : "off";
      i++;
    }
  }
  return result;
}

/** The errexit setting `command` makes when it is a `set` command that names it. */
function setCommandErrexit(command: ShellCommand): "on" | "off" | null {
  const unwrapped = unwrappedCommand(command);
  if (unwrapped.wrappers.length > 0 || command.name?.value !== "set") return null;
  return wordsSetErrexit(command.args.map((word) => word.value));
}

/** What happens when a statement fails. */
export type FailureFate =
  /** The script (the RUN) fails: errexit, or the status reaches the script's exit status. */
  | "stops"
  /** Handled on purpose or not this analysis' business: `||`, a condition, a test before `&&`, `&`, a pipe before the last element, a function body, a substitution. */
  | "handled"
  /** The script goes on and its status no longer shows the failure. */
  | "ignored"
  /** The last statement of a loop body: its failure counts only on the last iteration. */
  | "masked-by-loop";

/** A fate inside the analysis: `"status-read"` is a failure the next statement reads through `$?` (handled, except that a loop still masks its earlier iterations). */
type Fate = FailureFate | "status-read";

/** `$?` or `${?}` in shell text (`\$?` inside a double-quoted `sh -c "…"` string included). */
const STATUS_READ = /\$(?:\?|\{\?\})/u;

/** Values by text range (two number-keyed levels, no key string per lookup). */
class ByRange<V> {
  private readonly byStart = new Map<number, Map<number, V>>();

  get(range: Range): V | undefined {
    return this.byStart.get(range[0])?.get(range[1]);
  }

  set(range: Range, value: V): void {
    let byEnd = this.byStart.get(range[0]);
    if (!byEnd) this.byStart.set(range[0], (byEnd = new Map()));
    byEnd.set(range[1], value);
  }
}

/** Commands whose job before `&&` is to test something: a failure there means "skip the rest", on purpose. */
const TEST_COMMANDS: ReadonlySet<string> = new Set(["[", "test", "[[", "command", "which", "type", "hash", "grep", "egrep", "fgrep", "id", "getent", "dpkg", "dpkg-query", "rpm", "pgrep", "cmp", "diff", "false", "true", ":"]);

/** Owners whose block has the status of its last statement, which becomes the status of the owning statement. */
const PASSING_OWNERS: ReadonlySet<ShellContext["kind"]> = new Set(["subshell", "group", "if-body", "else-body", "case-body", "time"]);
const LOOP_BODIES: ReadonlySet<ShellContext["kind"]> = new Set(["for-body", "while-body", "until-body", "select-body"]);
const CONDITIONS: ReadonlySet<ShellContext["kind"]> = new Set(["if-condition", "while-condition", "until-condition"]);

/** Where each statement's failure goes, for one parsed script. */
export class ExitStatusFlow {
  /** Items by start offset: a statement's range can run past its construct's (`while …; done < file` holds its redirect). */
  private readonly itemsByStart = new Map<number, { list: ShellList; index: number; end: number }[]>();
  private readonly shellStringOwners = new ByRange<ShellCommand | null>();
  private readonly errexitCommands: ShellCommand[];
  private sets: Map<string, { start: number; on: boolean }[]> | undefined;
  private readonly andOrs = new Map<ShellList, { end: number; orAfter: boolean }[]>();

  /**
   * @param script the parsed script
   * @param errexitAtStart whether errexit is on when the script starts (the SHELL's options, `#!/bin/sh -e`)
   * @param text the text the script's `textRange`s index (`ShellText.text`), to find `$?` where the model
   *   keeps no words (`[[ $? -ne 0 ]]`, `(( $? ))`, `case $? in`); without it only command words are read
   */
  constructor(
    private readonly script: ShellScript,
    private readonly errexitAtStart: boolean,
    private readonly text: string | null = null,
  ) {
    for (const list of script.lists)
      list.items.forEach((item, index) => {
        const at = this.itemsByStart.get(item.textRange[0]);
        const entry = { list, index, end: item.textRange[1] };
        if (at) at.push(entry);
        else this.itemsByStart.set(item.textRange[0], [entry]);
      });
    this.errexitCommands = script.commands.filter((command) => !command.inSubstitution && setCommandErrexit(command) !== null);
  }

  /**
   * For the statement at `index` of `list`: the index of the last item of its and-or list (pipelines
   * included), and whether a `||` follows it in that list. Computed once per list, from the end, so a
   * long script stays linear.
   */
  private andOr(list: ShellList, index: number): { end: number; orAfter: boolean } {
    let known = this.andOrs.get(list);
    if (!known) {
      const items = list.items;
      known = new Array<{ end: number; orAfter: boolean }>(items.length);
      for (let i = items.length - 1; i >= 0; i--) {
        const operator = items[i]!.operator;
        const next = known[i + 1];
        known[i] = operator === "&&" || operator === "||" || operator === "|" || operator === "|&" ? { end: next!.end, orAfter: operator === "||" || next!.orAfter } : { end: i, orAfter: false };
      }
      this.andOrs.set(list, known);
    }
    return known[index]!;
  }

  /**
   * Whether the statement `item` reads the status of the one before it (`$?`): `rc=$?`,
   * `if [ $? -ne 0 ]; then …`, `exit $?`, `[[ $? == 0 ]] || exit 1`. Then the failure before it is
   * handled on purpose, as with `||`, whatever is done with it.
   */
  private readsStatus(item: ShellListItem): boolean {
    const words = item.commands.flatMap((command) => [...command.args, ...command.assignments.flatMap((assignment) => (assignment.value ? [assignment.value] : []))]);
    if (words.some((word) => word.parts.some((part) => part.kind === "parameter" && part.parameter === "?"))) return true;
    if (this.text === null || this.text.length < item.textRange[1]) return false;
    return STATUS_READ.test(this.text.slice(item.textRange[0], item.textRange[1]));
  }

  /**
   * What the statement `item` does when it is `exit`: `"passes"` the last status on (bare `exit`,
   * `exit $?`), `"failure"` for a written non-zero status (`exit 1`: the shell ends failing, whatever came
   * before), `"chosen"` for any other (`exit 0`, `exit $rc`: the script picks its status itself); null
   * when it is not an `exit` standing alone.
   */
  private static explicitExit(item: ShellListItem): "passes" | "failure" | "chosen" | null {
    const command = item.kind === "command" ? item.command : null;
    if (!command || command.name?.value !== "exit" || item.operator === "&&" || item.operator === "||" || item.operator === "|" || item.operator === "|&" || item.background) return null;
    const code = command.args[0];
    if (!code) return "passes";
    if (code.parts.length === 1 && code.parts[0]!.kind === "parameter" && code.parts[0]!.parameter === "?") return "passes";
    return code.value !== null && /^\d+$/u.test(code.value) && Number(code.value) % 256 !== 0 ? "failure" : "chosen";
  }

  /** The command whose `-c` string is the block `context` (a shell-string context), or null. */
  private shellStringCommand(context: ShellContext): ShellCommand | null {
    const known = this.shellStringOwners.get(context.textRange);
    if (known !== undefined) return known;
    const found =
      this.script.commands.find((command) => {
        const argument = findShellStringArgument(command);
        return argument !== null && argument.word.range[0] <= context.range[0] && context.range[1] <= argument.word.range[1];
      }) ?? null;
    this.shellStringOwners.set(context.textRange, found);
    return found;
  }

  /** The new-shell contexts (subshells, `sh -c` strings…) around a command, by start offset. */
  private static shellChain(context: readonly ShellContext[]): number[] {
    return context.filter((each) => each.kind === "subshell" || each.kind === "shell-string" || each.kind === "command-substitution" || each.kind === "process-substitution" || each.kind === "coproc").map((each) => each.textRange[0]);
  }

  /**
   * Whether errexit is on in the shell that runs `command` (ignoring-contexts aside): the last `set -e` /
   * `set +e` before it in its shell or a parent shell (an `sh -c` string starts afresh from its command's
   * options), else the start setting. A `set` that may not run (in an `if` body…) counts as if it did:
   * then the failures around it are the author's choice, not an oversight. `"deliberately-off"` when a `set +e`
   * turned it off (failures after it are deliberate).
   */
  errexitSetting(command: ShellCommand): "on" | "off" | "deliberately-off" {
    const chain = ExitStatusFlow.shellChain(command.context);
    const strings = command.context.filter((each) => each.kind === "shell-string");
    const innermostString = strings.at(-1);
    let setting: "on" | "off" | "deliberately-off";
    if (innermostString) {
      const owner = this.shellStringCommand(innermostString);
      const argument = owner ? findShellStringArgument(owner) : null;
      setting = argument && wordsSetErrexit(argument.unwrapped.args.map((word) => word.value)) === "on" ? "on" : "off";
    } else setting = this.errexitAtStart ? "on" : "off";
    // The last `set` before the command in its shell or a parent shell (a subshell inherits its parent's
    // options; a sibling subshell's do not reach it), and inside an `sh -c` string only sets within it.
    const minimum = innermostString ? chain.indexOf(innermostString.textRange[0]) + 1 : 0;
    let last: { start: number; on: boolean } | null = null;
    for (let length = minimum; length <= chain.length; length++) {
      const entries = this.setsByChain().get(chain.slice(0, length).join(","));
      if (!entries) continue;
      // Binary search: the last entry that starts before the command.
      let low = 0;
      let high = entries.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (entries[middle]!.start < command.range[0]) low = middle + 1;
        else high = middle;
      }
      const found = entries[low - 1];
      if (found && (!last || found.start > last.start)) last = found;
    }
    if (last) setting = last.on ? "on" : "deliberately-off";
    return setting;
  }

  /** The `set -e`/`set +e` commands by the chain of shells they run in, each list in source order. */
  private setsByChain(): Map<string, { start: number; on: boolean }[]> {
    if (!this.sets) {
      this.sets = new Map();
      for (const set of [...this.errexitCommands].sort((a, b) => a.range[0] - b.range[0])) {
        const key = ExitStatusFlow.shellChain(set.context).join(",");
        const entries = this.sets.get(key) ?? [];
        entries.push({ start: set.range[0], on: setCommandErrexit(set) === "on" });
        this.sets.set(key, entries);
      }
    }
    return this.sets;
  }

  /**
   * Whether errexit makes the shell exit when `command` (a statement of its own, not before `&&`/`||`)
   * fails: it is on in its shell and no statement around it stands where errexit is ignored. `list` is
   * the block whose statement is asked about when that is not the command's own (a `{ … }` whose first
   * command `command` is).
   */
  errexitInEffectAt(command: ShellCommand, list: ShellList = command.list): boolean {
    return this.errexitSetting(command) === "on" && !this.errexitIgnoredAround(list);
  }

  /** The item that holds the block `list` (its owner statement), or null for the top level. */
  private ownerItem(list: ShellList): { list: ShellList; index: number } | null {
    const owner = list.owner;
    if (!owner) return null;
    // The outermost statement that starts where the construct does and holds it.
    let found: { list: ShellList; index: number; end: number } | null = null;
    for (const entry of this.itemsByStart.get(owner.textRange[0]) ?? []) {
      if (entry.end >= owner.textRange[1] && entry.list !== list && (!found || entry.end > found.end)) found = entry;
    }
    return found;
  }

  /** Whether errexit is ignored inside the statement at `index` of `list` because of where it (or a statement around it) stands. */
  private errexitIgnoredAround(list: ShellList): boolean {
    let current: ShellList | null = list;
    while (current?.owner) {
      const kind = current.owner.kind;
      if (CONDITIONS.has(kind)) return true;
      // A new shell process starts with its own options.
      if (kind === "shell-string" || kind === "command-substitution" || kind === "process-substitution" || kind === "function-body") return false;
      const owner = this.ownerItem(current);
      if (!owner) return false;
      const item = owner.list.items[owner.index]!;
      if (item.negated || item.operator === "&&" || item.operator === "||") return true;
      current = owner.list;
    }
    return false;
  }

  /** The first command run by a list item (for the errexit setting in effect there). */
  private static firstCommand(item: ShellListItem): ShellCommand | undefined {
    return item.command ?? item.commands[0];
  }

  /**
   * What happens when the statement at `index` of `list` fails (its status is non-zero). `command`, when
   * given, is the simple command the statement is (its name decides whether a failure before `&&` is a
   * test on purpose).
   */
  fate(list: ShellList, index: number, command: ShellCommand | null = null): FailureFate {
    const fate = this.fateOf(list, index, command);
    return fate === "status-read" ? "handled" : fate;
  }

  /** `fate`, with `"status-read"` kept apart from the other handled failures (a loop's status read after it still masks its earlier iterations). */
  private fateOf(list: ShellList, index: number, command: ShellCommand | null = null): Fate {
    const items = list.items;
    const item = items[index]!;
    if (item.operator === "|" || item.operator === "|&") return "handled";
    if (item.background) return "handled";
    // Find the end of the and-or list (pipelines included) the statement belongs to.
    const { end, orAfter } = this.andOr(list, index);
    if (orAfter) return "handled";
    if (items[end]!.background) return "handled";
    const first = ExitStatusFlow.firstCommand(item);
    const setting = first ? this.errexitSetting(first) : this.errexitAtStart ? "on" : "off";
    if (setting === "deliberately-off") return "handled";
    const errexit = setting === "on" && !this.errexitIgnoredAround(list);
    if (item.operator === "&&") {
      const name = command ? unwrappedCommand(command).baseName : null;
      if (item.kind === "test" || item.kind === "arithmetic" || (name !== null && TEST_COMMANDS.has(name))) return "handled";
      // Under errexit a failure before `&&` is taken as a test: the shell does not exit, on purpose.
      if (errexit) return "handled";
      return this.afterAndOr(list, end, false);
    }
    // errexit ignores a pipeline that starts with `!`: only its status flows on.
    return this.afterAndOr(list, end, errexit && !item.negated);
  }

  /** The and-or list ending at `end` of `list` has failed: where does that go? */
  private afterAndOr(list: ShellList, end: number, errexitApplies: boolean): Fate {
    if (errexitApplies) return this.shellExits(list);
    if (end < list.items.length - 1) {
      const next = list.items[end + 1]!;
      // `…; exit`, `…; exit $?`: the shell exits with this status; `cat build.log; exit 1`: it exits
      // failing anyway, as errexit would make it; `…; exit $rc`, `…; exit 0`: the script sets its
      // status itself, on purpose.
      const exit = ExitStatusFlow.explicitExit(next);
      if (exit === "failure" || exit === "passes") return this.shellExits(list);
      if (this.readsStatus(next)) return "status-read";
      if (exit === "chosen") return "handled";
      return "ignored";
    }
    const owner = list.owner;
    if (!owner) return "stops";
    if (CONDITIONS.has(owner.kind)) return "handled";
    if (owner.kind === "shell-string") {
      const command = this.shellStringCommand(owner);
      return command ? this.fateOf(command.list, command.listIndex, command) : "handled";
    }
    const holder = this.ownerItem(list);
    if (!holder) return "handled";
    // A subshell exits with the status: errexit applies to it as to any command (POSIX `set -e`).
    if (owner.kind === "subshell") return this.fateOf(holder.list, holder.index);
    if (PASSING_OWNERS.has(owner.kind)) {
      // A compound command whose failure came while errexit was ignored (here: not applied) does not
      // make the shell exit (POSIX `set -e`); only its status flows on.
      return this.fateWithoutErrexit(holder.list, holder.index);
    }
    if (LOOP_BODIES.has(owner.kind)) {
      const loop = this.fateWithoutErrexit(holder.list, holder.index);
      return loop === "stops" || loop === "status-read" ? "masked-by-loop" : loop;
    }
    return "handled";
  }

  /** Fate of a compound statement's failure when errexit does not apply to it. */
  private fateWithoutErrexit(list: ShellList, index: number): Fate {
    const item = list.items[index]!;
    if (item.operator === "|" || item.operator === "|&" || item.background || item.negated) return "handled";
    const { end, orAfter } = this.andOr(list, index);
    if (orAfter) return "handled";
    if (list.items[end]!.background) return "handled";
    const first = ExitStatusFlow.firstCommand(item);
    if (first && this.errexitSetting(first) === "deliberately-off") return "handled";
    return this.afterAndOr(list, end, false);
  }

  /** errexit makes the shell that runs `list` exit with the failure. */
  private shellExits(list: ShellList): Fate {
    let current: ShellList = list;
    for (;;) {
      const owner = current.owner;
      if (!owner) return "stops";
      if (owner.kind === "subshell") {
        const holder = this.ownerItem(current);
        return holder ? this.fateOf(holder.list, holder.index) : "handled";
      }
      if (owner.kind === "shell-string") {
        const command = this.shellStringCommand(owner);
        return command ? this.fateOf(command.list, command.listIndex, command) : "handled";
      }
      if (owner.kind === "command-substitution" || owner.kind === "process-substitution" || owner.kind === "coproc" || owner.kind === "function-body") return "handled";
      const holder = this.ownerItem(current);
      if (!holder) return "handled";
      current = holder.list;
    }
  }
}

const flows = new WeakMap<ShellScript, Map<boolean, ExitStatusFlow>>();

/**
 * The exit-status flow of `script` when errexit is (or is not) on at its start; cached per script.
 * `text` is the text its `textRange`s index (`ShellText.text`; pass the same for every call with one script).
 */
export function exitStatusFlow(script: ShellScript, errexitAtStart: boolean, text: string | null = null): ExitStatusFlow {
  let byStart = flows.get(script);
  if (!byStart) flows.set(script, (byStart = new Map()));
  let flow = byStart.get(errexitAtStart);
  if (!flow) byStart.set(errexitAtStart, (flow = new ExitStatusFlow(script, errexitAtStart, text)));
  return flow;
}

/**
 * Commands that do not fail in practice, or whose failure is the author's intent, so that going on
 * after them hides nothing: `true`, `:`, `false` (on purpose), the printing builtins `echo` and
 * `printf` and `cat <<EOF` (they fail only when the output cannot be written), the shell's own settings
 * (`set`, `shopt`, `umask`, `trap`, `alias`, `unset`, `shift`), `exit`/`return`/`break`/`continue` and
 * `exec` (they leave the script or replace it), `sleep` and `wait`.
 */
const CANNOT_FAIL: ReadonlySet<string> = new Set([
  "true", ":", "false", "echo", "printf", "set", "shopt", "umask", "trap", "alias", "unalias", "unset", "shift",
  "exit", "return", "break", "continue", "exec", "sleep", "wait",
]);

/**
 * Whether a failure of `command` would matter (see `CANNOT_FAIL`). Declarations (`export X=$(…)`,
 * `local`, `readonly`) have the builtin's status, not their substitutions' (bash(1) `export`; ShellCheck
 * SC2155), and a bare assignment fails only through a command substitution in its value (POSIX 2.9.1:
 * its status is the last substitution's).
 */
export function commandCanFail(command: ShellCommand): boolean {
  if (command.kind === "declaration") return false;
  if (command.name === null) return command.assignments.some((assignment) => assignment.value?.parts.some((part) => part.kind === "command-substitution") ?? false);
  const name = unwrappedCommand(command).baseName;
  if (name === null) return true;
  if (CANNOT_FAIL.has(name)) return false;
  return !(name === "cat" && command.args.length === 0 && command.redirects.some((redirect) => redirect.heredoc !== null));
}
