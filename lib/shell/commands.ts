/**
 * Helpers over `ShellCommand`s: the command's base name, unwrapping through wrapper commands
 * (`sudo X`, `env FOO=1 X`, `nice X`, …), option scanning, and finding the script argument of
 * `sh -c '…'` / `bash -c "…"` / `su -c '…'`.
 */
import type { ShellCommand, ShellWord } from "./model.js";
import { MULTI_CALL_SHELL, POSIX_SHELLS } from "./shells.js";

/** Basename of a static command word: `/usr/bin/apt-get` → `apt-get`. Null if dynamic or absent. */
export function wordBaseName(word: ShellWord | null | undefined): string | null {
  if (!word || word.value === null) return null;
  const v = word.value;
  // A loop rather than `lastIndexOf("/")`: this runs for every command (the parser, every RUN rule), and
  // for a command name a few characters long the loop costs two thirds of the call (measured).
  for (let i = v.length - 1; i >= 0; i--) if (v.charCodeAt(i) === 47) return v.slice(i + 1);
  return v;
}

/** Basename of the command's name word (`/usr/bin/apt-get` → `apt-get`); null for bare assignments or dynamic names. */
export function commandName(cmd: Pick<ShellCommand, "name">): string | null {
  return wordBaseName(cmd.name);
}

/** How to skip the options of a wrapper command to find the command it runs. */
interface WrapperSpec {
  /** Short option letters that take a value (attached `-uroot` or separate `-u root`). */
  readonly shortWithValue?: string;
  /** Short option letters whose value can only be attached (`xargs -i{}`), never the next word. */
  readonly shortOptionalAttached?: string;
  /** Long options (without `--`) that take a separate value when written without `=`. */
  readonly longWithValue?: readonly string[];
  /** Short option letters after which no command is run (`command -v x` only looks x up). */
  readonly noCommandShort?: string;
  /** Long options after which no command is run. */
  readonly noCommandLong?: readonly string[];
  /** Positional operands before the command (`gosu USER cmd`, `timeout 10 cmd`). */
  readonly positionals?: number;
  /** `NAME=value` words before the command are environment assignments (`env`, `sudo`). */
  readonly assignments?: boolean;
  /** The wrapped command gets more arguments at run time (`xargs`). */
  readonly argsIncomplete?: boolean;
}

/**
 * Commands that run another command given as their arguments. Deliberately small: only wrappers seen in
 * Dockerfiles, whose options are known (from each tool's man page) so the wrapped command is found
 * exactly. `time` is usually the bash keyword (the parser handles it); the table covers `/usr/bin/time`.
 */
export const WRAPPER_COMMANDS: Readonly<Record<string, WrapperSpec>> = {
  // sudo(8): -C num, -D dir, -g group, -h host, -p prompt, -R dir, -r role, -t type, -T timeout, -U user, -u user.
  sudo: {
    shortWithValue: "CDghpRrtTUu",
    longWithValue: ["close-from", "chdir", "group", "host", "prompt", "chroot", "role", "type", "command-timeout", "other-user", "user"],
    noCommandShort: "elvVK",
    noCommandLong: ["edit", "list", "validate", "version", "remove-timestamp", "help"],
    assignments: true,
  },
  // doas(1): -C config (check only), -u user.
  doas: { shortWithValue: "u", noCommandShort: "C" },
  // gosu user-spec command…; su-exec user-spec command…
  gosu: { positionals: 1 },
  "su-exec": { positionals: 1 },
  // env(1): -u name, -C dir, -S string (split string: the command is inside the string: not unwrapped).
  env: {
    shortWithValue: "uC",
    longWithValue: ["unset", "chdir"],
    noCommandShort: "S",
    noCommandLong: ["split-string", "help", "version"],
    assignments: true,
  },
  // nice(1): -n N, --adjustment=N, legacy -N.
  nice: { shortWithValue: "n", longWithValue: ["adjustment"] },
  // ionice(1): -c class, -n level, -p pid (pid mode runs nothing).
  ionice: { shortWithValue: "cnPpu", noCommandShort: "pPu", longWithValue: ["class", "classdata"] },
  nohup: {},
  // GNU time(1): -f format, -o file.
  time: { shortWithValue: "fo", longWithValue: ["format", "output"] },
  // command [-p] cmd; `command -v/-V cmd` only looks cmd up.
  command: { noCommandShort: "vV" },
  // exec [-cl] [-a name] cmd
  exec: { shortWithValue: "a" },
  builtin: {},
  // xargs(1): -a file, -d delim, -E eof, -I replace, -L n, -n n, -P n, -s n; -e[eof] -i[replace] -l[n] attached only.
  xargs: {
    shortWithValue: "adEILnPs",
    shortOptionalAttached: "eil",
    longWithValue: ["arg-file", "delimiter", "max-args", "max-procs", "max-chars", "process-slot-var"],
    argsIncomplete: true,
  },
  // timeout(1): -s sig, -k duration; then DURATION.
  timeout: { shortWithValue: "sk", longWithValue: ["signal", "kill-after"], positionals: 1 },
  // stdbuf(1): -i/-o/-e mode.
  stdbuf: { shortWithValue: "ioe", longWithValue: ["input", "output", "error"] },
  // eatmydata cmd (Debian: disables fsync, common before apt-get in images).
  eatmydata: {},
  // fakeroot(1): -l lib, --faked bin, -s file, -i file, -b fd.
  fakeroot: { shortWithValue: "lsib", longWithValue: ["lib", "faked"] },
};

export interface WrapperUse {
  /** Base name of the wrapper (`sudo`). */
  name: string;
  word: ShellWord;
  /** The wrapper's own option words and positional operands (`-u`, `root`, `10`). */
  options: ShellWord[];
}

/** A command seen through its wrappers: `sudo -E env FOO=1 apt-get install x` → `apt-get install x`. */
export interface UnwrappedCommand {
  /** The original command. */
  command: ShellCommand;
  /** The effective command word (the original name when there is no wrapper). */
  name: ShellWord | null;
  /** Base name of `name` (null if dynamic or absent). */
  baseName: string | null;
  /** The effective command's arguments. */
  args: ShellWord[];
  /** Wrappers, outermost first (empty when the command is not wrapped). */
  wrappers: WrapperUse[];
  /** `NAME=value` words given to `env`/`sudo`. */
  envAssignments: ShellWord[];
  /** The command receives more arguments at run time (`xargs`): `args` is incomplete. */
  argsIncomplete: boolean;
}

const ASSIGNMENT_RE = /^[a-z_]\w*=/i;

/** Index of the wrapped command's word in `args`, or -1 when the wrapper runs no command. */
function skipWrapperOptions(
  spec: WrapperSpec,
  args: readonly ShellWord[],
  env: ShellWord[],
  options: ShellWord[],
): number {
  let positionals = spec.positionals ?? 0;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const v = word.value;
    if (v === null) {
      // Dynamic word: cannot be an option we know; if positionals remain it is one, else the command.
      if (positionals > 0) {
        positionals--;
        options.push(word);
        continue;
      }
      return i;
    }
    if (v === "--") {
      options.push(word);
      // After `--`: remaining positionals, then the command.
      let j = i + 1;
      while (positionals > 0 && j < args.length) {
        options.push(args[j]!);
        positionals--;
        j++;
      }
      return j < args.length ? j : -1;
    }
    if (v.startsWith("--") && v.length > 2) {
      options.push(word);
      const eq = v.indexOf("=");
      const name = eq === -1 ? v.slice(2) : v.slice(2, eq);
      if (spec.noCommandLong?.includes(name)) return -1;
      if (eq === -1 && spec.longWithValue?.includes(name)) {
        const next = args[i + 1];
        if (next) options.push(next);
        i++;
      }
      continue;
    }
    if (v.startsWith("-") && v.length > 1) {
      options.push(word);
      for (let k = 1; k < v.length; k++) {
        const letter = v[k]!;
        if (spec.noCommandShort?.includes(letter)) return -1;
        if (spec.shortOptionalAttached?.includes(letter)) break;
        if (spec.shortWithValue?.includes(letter)) {
          if (k === v.length - 1) {
            const next = args[i + 1];
            if (next) options.push(next);
            i++;
          }
          break;
        }
      }
      continue;
    }
    if (spec.assignments && ASSIGNMENT_RE.test(v)) {
      env.push(word);
      continue;
    }
    if (positionals > 0) {
      positionals--;
      options.push(word);
      continue;
    }
    return i;
  }
  return -1;
}

/**
 * See a command through its wrappers (see {@link WRAPPER_COMMANDS}). A wrapper with no command after its
 * options (`sudo -l`, `command -v curl`, `env`) is not unwrapped: the wrapper is the effective command.
 */
export function seeThroughWrappers(cmd: ShellCommand): UnwrappedCommand {
  let name = cmd.name;
  let args: ShellWord[] = cmd.args;
  const wrappers: WrapperUse[] = [];
  const envAssignments: ShellWord[] = [];
  let argsIncomplete = false;
  for (let depth = 0; depth < 8 && name; depth++) {
    const base = wordBaseName(name);
    if (base === null || cmd.kind !== "simple") break;
    const spec = Object.hasOwn(WRAPPER_COMMANDS, base) ? WRAPPER_COMMANDS[base] : undefined;
    if (!spec) break;
    const env: ShellWord[] = [];
    const options: ShellWord[] = [];
    const at = skipWrapperOptions(spec, args, env, options);
    if (at === -1) break;
    wrappers.push({ name: base, word: name, options });
    envAssignments.push(...env);
    if (spec.argsIncomplete) argsIncomplete = true;
    name = args[at]!;
    args = args.slice(at + 1);
  }
  return { command: cmd, name, baseName: wordBaseName(name), args, wrappers, envAssignments, argsIncomplete };
}

/** What `-c` strings are searched in: the POSIX-family shells and BusyBox (lib/shell/shells.ts). */
const SHELLS = new Set([...Object.keys(POSIX_SHELLS), MULTI_CALL_SHELL]);

export interface ShellStringArgument {
  /** The word holding the script. */
  word: ShellWord;
  /** The shell (`sh`, `bash`, `su`…). */
  shell: string;
  /** `bash` for bash/zsh/ksh…, `posix` for sh/dash/ash (a hint: parsing is tolerant either way). */
  dialect: "bash" | "posix";
  /** The command as unwrapped (`sudo -u x bash -c …`). */
  unwrapped: UnwrappedCommand;
}

/**
 * The script argument of `sh -c 'script'`, `bash -euxo pipefail -c "script"`, `su -c 'script' user`,
 * `runuser -u x -- sh -c …` (through wrappers). Null if the command is not one, or has no `-c`.
 */
export function findShellStringArgument(cmd: ShellCommand): ShellStringArgument | null {
  const unwrapped = seeThroughWrappers(cmd);
  let base = unwrapped.baseName;
  let args = unwrapped.args;
  if (base === null) return null;
  if (base === MULTI_CALL_SHELL) {
    // busybox sh -c …
    const first = args[0];
    if (!first || first.value === null || !SHELLS.has(first.value) || first.value === MULTI_CALL_SHELL) return null;
    base = first.value;
    args = args.slice(1);
  }
  if (SHELLS.has(base)) {
    let c = false;
    for (let i = 0; i < args.length; i++) {
      const v = args[i]!.value;
      if (v === null) return c ? { word: args[i]!, shell: base, dialect: dialectOf(base), unwrapped } : null;
      if (v === "--" || v === "-") {
        const w = args[i + 1];
        return c && w ? { word: w, shell: base, dialect: dialectOf(base), unwrapped } : null;
      }
      if (v.startsWith("--")) {
        if (v === "--rcfile" || v === "--init-file") i++;
        continue;
      }
      if ((v.startsWith("-") || v.startsWith("+")) && v.length > 1) {
        for (let k = 1; k < v.length; k++) {
          const letter = v[k]!;
          if (letter === "c" && v[0] === "-") c = true;
          if (letter === "o" || letter === "O") {
            // -o option-name: the name is the rest or the next word.
            if (k === v.length - 1) i++;
            break;
          }
        }
        continue;
      }
      // First operand: the command string with -c, else a script file.
      return c ? { word: args[i]!, shell: base, dialect: dialectOf(base), unwrapped } : null;
    }
    return null;
  }
  if (base === "su" || base === "runuser") {
    // su [options] [-] [user [args…]]: -c/--command=CMD (GNU getopt permutes, so anywhere).
    for (let i = 0; i < args.length; i++) {
      const v = args[i]!.value;
      if (v === null) continue;
      if (v === "--") break;
      if (v === "-c" || v === "--command" || v === "--session-command") {
        const w = args[i + 1];
        return w ? { word: w, shell: base, dialect: "posix", unwrapped } : null;
      }
      if (/^-[a-zA-Z]*c$/.test(v) && !v.startsWith("--")) {
        const w = args[i + 1];
        return w ? { word: w, shell: base, dialect: "posix", unwrapped } : null;
      }
      if (v === "-s" || v === "--shell" || v === "-g" || v === "--group" || v === "-G" || v === "--supp-group" || v === "-w" || v === "-u" || v === "--user") {
        i++;
      }
    }
    return null;
  }
  return null;
}

function dialectOf(shell: string): "bash" | "posix" {
  return POSIX_SHELLS[shell] ?? "bash";
}

/**
 * Scan `args` for options. A small generic helper for rules: returns the words that match any of the
 * given option spellings. Short spellings (`-y`) also match inside clusters (`-yq`) when `clusters` is
 * true; long spellings match `--name` and `--name=value`.
 */
export function findOptionWords(
  args: readonly ShellWord[],
  spellings: readonly string[],
  { clusters = true, stopAtDoubleDash = true }: { clusters?: boolean; stopAtDoubleDash?: boolean } = {},
): ShellWord[] {
  const out: ShellWord[] = [];
  const shortLetters = clusters ? spellings.filter((s) => /^-[^-]$/.test(s)).map((s) => s[1]!) : [];
  for (const word of args) {
    const v = word.value;
    if (v === null) continue;
    if (v === "--" && stopAtDoubleDash) break;
    if (spellings.includes(v)) {
      out.push(word);
      continue;
    }
    if (v.startsWith("--")) {
      const eq = v.indexOf("=");
      if (eq !== -1 && spellings.includes(v.slice(0, eq))) out.push(word);
      continue;
    }
    if (shortLetters.length > 0 && /^-[\da-z]{2,}$/i.test(v)) {
      if ([...v.slice(1)].some((ch) => shortLetters.includes(ch))) out.push(word);
    }
  }
  return out;
}
