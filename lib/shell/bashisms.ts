/**
 * Bash syntax a POSIX `/bin/sh` may not run, as data: each construct, which of the two small `/bin/sh`
 * shells of container images accepts it (dash, BusyBox ash as Alpine builds it), what POSIX offers
 * instead, and the ShellCheck code that reports it (SC3xxx). `findBashisms` finds them in a parsed
 * script; `no-bashism` reports those the stage's `/bin/sh` does not accept.
 *
 * Sources of what each shell accepts:
 * - dash: dash(1) (https://manpages.debian.org/bookworm/dash/dash.1.en.html), checked by running dash
 *   0.5.12 (Debian 12): `[[` "not found", `==` "unexpected operator", `source` "not found", `&>`
 *   backgrounds the command, `{a,b}` stays literal, `$'…'` stays literal, `x+=1` "not found", `echo -e`
 *   prints `-e`, `${x^^}` "Bad substitution".
 * - BusyBox ash: `shell/ash.c` (https://git.busybox.net/busybox/tree/shell/ash.c): with
 *   `CONFIG_ASH_BASH_COMPAT` (on in BusyBox's defconfig and in Alpine's build,
 *   https://gitlab.alpinelinux.org/alpine/aports/-/blob/master/main/busybox/busyboxconfig) it accepts
 *   `function f`, `&>file`, `$'…'`, `${x/a/b}`, `${x:1:2}`, `[[ ]]`, `source` and `set -o pipefail`; `let`
 *   is a builtin with `CONFIG_FEATURE_SH_MATH`; its `echo` and `test` builtins take `-e` and `==`
 *   (coreutils/echo.c, coreutils/test.c). It has no arrays, brace expansion or process substitution.
 *   A construct ash.c was not read for (here-strings, `|&`, `select`, `declare`) is `null`: not known, not reported.
 * - `set -o pipefail` depends on the dash build, not on dash as such: upstream dash gained it after 0.5.12
 *   and distributions patch it in, so its `accepts.dash` is `null` and `dashFeature` names the feature
 *   that the table of dash builds per release (`lib/semantics/shell-environment/image-shell.ts`,
 *   `DASH_BUILDS`, measured) answers for the image's release.
 * - POSIX: Shell Command Language (https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html).
 */
import type { Range } from "../utils/range.js";
import { findShellStringArgument } from "./commands.js";
import type { ShellCommand, ShellScript, ShellWord, ShellWordPart } from "./model.js";

/** The two `/bin/sh` programs whose dialect this table describes. */
export type SmallShell = "dash" | "busybox-ash";

export type BashismId =
  | "double-bracket"
  | "double-equals"
  | "source"
  | "function-keyword"
  | "array"
  | "ansi-c-quote"
  | "brace-expansion"
  | "ampersand-redirect"
  | "pipe-stderr"
  | "here-string"
  | "pattern-substitution"
  | "substring"
  | "indirect-expansion"
  | "case-modification"
  | "process-substitution"
  | "let"
  | "arithmetic-command"
  | "select"
  | "declare"
  | "append-assignment"
  | "echo-flags"
  | "set-pipefail";

/** A construct some dash builds accept and older ones reject (see `DASH_BUILDS` for which release has it). */
export type DashFeature = "pipefail";

/** One construct: how messages name it, who accepts it, the POSIX form, the ShellCheck code. */
export interface BashismKind {
  /** How messages name it (`[[ ]]`, `source`). */
  label: string;
  /** Whether each shell accepts it: true, false, or null (not known: not reported). */
  accepts: Readonly<Record<SmallShell, boolean | null>>;
  /** The POSIX form a suggestion may write, when the construct is a token with an exact equivalent. */
  posixForm?: string;
  /** ShellCheck's code for it (https://www.shellcheck.net/wiki/SC<code>). */
  shellcheck: number;
  /** dash accepts it only from the build that has this feature (`accepts.dash` is then `null`): the release decides. */
  dashFeature?: DashFeature;
}

export const BASHISMS: Readonly<Record<BashismId, BashismKind>> = {
  "double-bracket": { label: "`[[ ]]`", accepts: { dash: false, "busybox-ash": true }, shellcheck: 3010 },
  "double-equals": { label: "`==` in `[ ]`", accepts: { dash: false, "busybox-ash": true }, posixForm: "=", shellcheck: 3014 },
  source: { label: "`source`", accepts: { dash: false, "busybox-ash": true }, posixForm: ".", shellcheck: 3046 },
  "function-keyword": { label: "`function name`", accepts: { dash: false, "busybox-ash": true }, shellcheck: 2113 },
  array: { label: "an array", accepts: { dash: false, "busybox-ash": false }, shellcheck: 3030 },
  "ansi-c-quote": { label: "`$'…'`", accepts: { dash: false, "busybox-ash": true }, shellcheck: 3003 },
  "brace-expansion": { label: "brace expansion (`{a,b}`, `{1..3}`)", accepts: { dash: false, "busybox-ash": false }, shellcheck: 3009 },
  "ampersand-redirect": { label: "`&>`", accepts: { dash: false, "busybox-ash": true }, shellcheck: 3020 },
  "pipe-stderr": { label: "`|&`", accepts: { dash: false, "busybox-ash": null }, shellcheck: 3029 },
  "here-string": { label: "a here-string (`<<<`)", accepts: { dash: false, "busybox-ash": null }, shellcheck: 3011 },
  "pattern-substitution": { label: "`${var/pattern/replacement}`", accepts: { dash: false, "busybox-ash": true }, shellcheck: 3060 },
  substring: { label: "`${var:offset:length}`", accepts: { dash: false, "busybox-ash": true }, shellcheck: 3057 },
  "indirect-expansion": { label: "`${!var}`", accepts: { dash: false, "busybox-ash": null }, shellcheck: 3053 },
  "case-modification": { label: "`${var^^}` / `${var,,}`", accepts: { dash: false, "busybox-ash": null }, shellcheck: 3059 },
  "process-substitution": { label: "process substitution (`<(…)`)", accepts: { dash: false, "busybox-ash": false }, shellcheck: 3001 },
  let: { label: "`let`", accepts: { dash: false, "busybox-ash": true }, shellcheck: 3039 },
  "arithmetic-command": { label: "`(( … ))`", accepts: { dash: false, "busybox-ash": null }, shellcheck: 3006 },
  select: { label: "`select`", accepts: { dash: false, "busybox-ash": null }, shellcheck: 3008 },
  declare: { label: "`declare` / `typeset`", accepts: { dash: false, "busybox-ash": null }, shellcheck: 3044 },
  "append-assignment": { label: "`+=`", accepts: { dash: false, "busybox-ash": null }, shellcheck: 3024 },
  "echo-flags": { label: "`echo -e`", accepts: { dash: false, "busybox-ash": true }, shellcheck: 3036 },
  "set-pipefail": { label: "`set -o pipefail`", accepts: { dash: null, "busybox-ash": true }, shellcheck: 3040, dashFeature: "pipefail" },
};

/** One construct found in a script. */
export interface BashismFinding {
  id: BashismId;
  /** Dockerfile source range of the construct (the token, or the word or item that holds it). */
  range: Range;
  /** The simple command it is in (null for a compound item: `[[ ]]`, `select`, `function f`). */
  command: ShellCommand | null;
  /** The constructs around it (to find the shell that runs it: an `sh -c` string). */
  context: ShellCommand["context"];
  /**
   * For an option of a shell the command starts (`sh -o pipefail -c '…'`): that shell's name as written
   * (`sh`, `/bin/dash`), which judges the option, not the shell running the command.
   */
  invokes?: string;
}

const BRACE_LIST = /\{[^{}\s,]*,[^{}\s]*\}/u;
const BRACE_SEQUENCE = /\{(?:-?\d+\.\.-?\d+|[a-zA-Z]\.\.[a-zA-Z])(?:\.\.-?\d+)?\}/u;

/**
 * Brace expansion in a word of a command (`{a,b}`, `{1..3}`): looked for in its unquoted text, where
 * quoted parts and expansions stand as one placeholder character (`{"a",b}` expands too), escapes masked.
 */
function hasBraceExpansion(word: ShellWord): boolean {
  if (!word.raw.includes("{")) return false;
  let text = "";
  for (const part of word.parts) text += part.kind === "literal" ? part.raw.replace(/\\[\s\S]/gu, "__") : "x";
  return BRACE_LIST.test(text) || BRACE_SEQUENCE.test(text);
}

/** The construct a `${…}` part uses, from its text (the parser keeps the part whole). */
function parameterBashism(part: Pick<ShellWordPart, "raw">): BashismId | null {
  const raw = part.raw;
  if (!raw.startsWith("${")) return null;
  if (/^\$\{![A-Za-z_]/u.test(raw) && !/^\$\{![A-Za-z_]\w*[@*]\}$/u.test(raw)) return "indirect-expansion";
  const name = /^\$\{#?(?:[A-Za-z_]\w*|\d+|[@*#?$!-])/u.exec(raw);
  if (!name) return null;
  const rest = raw.slice(name[0].length);
  if (rest.startsWith("[")) return "array";
  if (raw.startsWith("${#")) return null;
  if (rest.startsWith("/")) return "pattern-substitution";
  if (rest.startsWith(":") && !/^:[-=?+]/u.test(rest)) return "substring";
  if (/^(?:\^|,)/u.test(rest)) return "case-modification";
  return null;
}

/**
 * The `${…}` expansions written inside a double-quoted part (`"${a//x/y}"`, `"${arr[@]}"`), which the
 * model keeps as one part: each with its offset in the part's raw text. Balanced braces; `\$` is literal.
 */
function quotedParameters(raw: string): { raw: string; start: number }[] {
  const out: { raw: string; start: number }[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c !== "$" || raw[i + 1] !== "{") continue;
    let depth = 0;
    let end = -1;
    for (let j = i + 1; j < raw.length; j++) {
      if (raw[j] === "\\") j++;
      else if (raw[j] === "{") depth++;
      else if (raw[j] === "}" && --depth === 0) {
        end = j + 1;
        break;
      }
    }
    if (end === -1) break;
    out.push({ raw: raw.slice(i, end), start: i });
    i = end - 1;
  }
  return out;
}

function wordBashisms(word: ShellWord, braces: boolean, out: (id: BashismId, range: Range) => void): void {
  for (const part of word.parts) {
    if (part.kind === "ansi-c-quoted") out("ansi-c-quote", part.range);
    else if (part.kind === "process-substitution") out("process-substitution", part.range);
    else if (part.kind === "parameter") {
      const id = parameterBashism(part);
      if (id) out(id, part.range);
    } else if (part.kind === "double-quoted" && part.value === null) {
      for (const inner of quotedParameters(part.raw)) {
        const id = parameterBashism({ raw: inner.raw });
        // Offsets inside the part are exact when its source text is its raw text (no line continuation inside).
        const exact = part.range[1] - part.range[0] === part.raw.length;
        if (id) out(id, exact ? [part.range[0] + inner.start, part.range[0] + inner.start + inner.raw.length] : part.range);
      }
    }
  }
  if (braces && hasBraceExpansion(word)) out("brace-expansion", word.range);
}

/**
 * The words `-o pipefail` of a `set` command's options (also `+o`, and a cluster ending in `o`: `-euxo
 * pipefail`), as one range; null when the options do not hold it. Options end at the first word that is
 * not one (`set -- -o pipefail` sets the positional parameters) or is not known (an expansion).
 */
function setPipefailRange(args: readonly ShellWord[]): Range | null {
  for (let i = 0; i < args.length; i++) {
    const value = args[i]!.value;
    if (value === null || value === "--" || value === "-" || !/^[-+][a-zA-Z]/u.test(value)) return null;
    if (!/^[-+][a-zA-Z]*o$/u.test(value)) continue;
    const operand = args[i + 1];
    if (operand?.value === "pipefail") return [args[i]!.range[0], operand.range[1]];
    if (!operand || operand.value === null) return null;
    i++;
  }
  return null;
}

/** Builtins that read their operands as a test expression, where `==` is bash's. */
const TEST_COMMANDS: ReadonlySet<string> = new Set(["[", "test"]);

/** Every bash-only construct of `script`, in source order; `sourceText` is the Dockerfile's text (for keywords). */
export function findBashisms(script: ShellScript, sourceText: string): BashismFinding[] {
  const found: BashismFinding[] = [];
  for (const command of script.commands) {
    const add = (id: BashismId, range: Range): void => {
      found.push({ id, range, command, context: command.context });
    };
    const name = command.name;
    // A path (`/bin/echo`, `/usr/bin/[`) is the external program, which takes its own options.
    const builtin = name?.value ?? null;
    if (builtin === "source") add("source", name!.range);
    else if (builtin === "let") add("let", name!.range);
    else if (builtin === "[[") add("double-bracket", name!.range);
    else if (builtin === "declare" || builtin === "typeset") add("declare", name!.range);
    else if (builtin !== null && TEST_COMMANDS.has(builtin)) {
      const equals = command.args.find((arg) => arg.value === "==");
      if (equals) add("double-equals", equals.range);
    } else if (builtin === "set") {
      const pipefail = setPipefailRange(command.args);
      if (pipefail) add("set-pipefail", pipefail);
    } else if (builtin === "echo") {
      const flag = command.args[0];
      if (flag?.value && /^-[neE]+$/u.test(flag.value) && /e/iu.test(flag.value)) add("echo-flags", flag.range);
    }
    // `sh -o pipefail -c '…'`: the option goes to the shell started (BusyBox's `busybox sh` has it).
    const started = findShellStringArgument(command);
    if (started && started.unwrapped.baseName !== "busybox" && started.unwrapped.name?.value) {
      const options = started.unwrapped.args.slice(0, Math.max(0, started.unwrapped.args.indexOf(started.word)));
      const pipefail = setPipefailRange(options);
      if (pipefail) found.push({ id: "set-pipefail", range: pipefail, command, context: command.context, invokes: started.unwrapped.name.value });
    }
    for (const assignment of command.assignments) {
      if (assignment.isArray) add("array", assignment.range);
      else if (assignment.append) add("append-assignment", assignment.range);
      if (assignment.value) wordBashisms(assignment.value, false, add);
    }
    if (name) wordBashisms(name, true, add);
    // Operands of `declare`/`local` are assignments the parser lists as assignments; their words are plain words here.
    for (const arg of command.args) wordBashisms(arg, command.kind !== "declaration", add);
    for (const redirect of command.redirects) {
      if (redirect.op === "&>" || redirect.op === "&>>") add("ampersand-redirect", redirect.range);
      else if (redirect.op === "<<<") add("here-string", redirect.range);
      if (redirect.target && redirect.op !== "<<" && redirect.op !== "<<-") wordBashisms(redirect.target, false, add);
    }
  }
  for (const pipeline of script.pipelines) {
    pipeline.operators.forEach((operator, index) => {
      if (operator !== "|&") return;
      const left = pipeline.elements[index]!;
      const first = left.commands[0];
      const right = pipeline.elements[index + 1]!;
      const between = sourceText.slice(left.range[1], right.range[0]);
      const offset = between.indexOf("|&");
      const range: Range = offset === -1 ? [left.range[1], right.range[0]] : [left.range[1] + offset, left.range[1] + offset + 2];
      found.push({ id: "pipe-stderr", range, command: left.command, context: first?.context ?? [] });
    });
  }
  // A compound item (`[[ ]]`, `select`, `function f`) has no command of its own: its context is the
  // `sh -c` strings around it (what decides the shell that runs it), found in one sweep (strings nest).
  const compounds: { id: BashismId; range: Range }[] = [];
  for (const list of script.lists) {
    for (const item of list.items) {
      const negation = item.negated ? /^!\s*/u.exec(sourceText.slice(item.range[0], item.range[0] + 16)) : null;
      const at = item.range[0] + (negation?.[0].length ?? 0);
      const compound = (id: BashismId, length: number): void => {
        compounds.push({ id, range: [at, at + length] });
      };
      if (item.kind === "test") compound("double-bracket", 2);
      else if (item.kind === "let") compound("let", 3);
      else if (item.kind === "select") compound("select", 6);
      else if (item.kind === "arithmetic") compound("arithmetic-command", 2);
      else if (item.kind === "function" && sourceText.startsWith("function", at)) compound("function-keyword", 8);
    }
  }
  if (compounds.length > 0) {
    compounds.sort((a, b) => a.range[0] - b.range[0]);
    const strings = shellStrings(script);
    const open: ShellCommand["context"][number][] = [];
    let next = 0;
    for (const { id, range } of compounds) {
      while (next < strings.length && strings[next]!.range[0] <= range[0]) {
        const string = strings[next++]!;
        while (open.length > 0 && open.at(-1)!.range[1] <= string.range[0]) open.pop();
        open.push(string);
      }
      while (open.length > 0 && open.at(-1)!.range[1] < range[1]) open.pop();
      found.push({ id, range, command: null, context: [...open] });
    }
  }
  return found.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
}

/**
 * Every `sh -c` string of the script, as the contexts its commands carry (a string may hold no simple
 * command at all: `bash -c '[[ -f x ]]'`), outermost first.
 */
function shellStrings(script: ShellScript): ShellCommand["context"][number][] {
  const seen = new Map<number, ShellCommand["context"][number]>();
  for (const command of script.commands) {
    const argument = findShellStringArgument(command);
    if (argument) seen.set(argument.word.range[0], { kind: "shell-string", textRange: argument.word.textRange, range: argument.word.range });
  }
  return [...seen.values()].sort((a, b) => a.range[0] - b.range[0]);
}
