/**
 * The shells and script interpreters the plugin knows, in one table that every rule and model reads
 * (they were listed in seven places and had drifted apart: `mksh` in one list, not in another).
 * Facts from each program's manual: sh(1p) (POSIX `sh -c`, `-s` and a script read from standard input
 * without operand), bash(1), dash(1), zsh(1), ksh(1), mksh(1), yash(1), BusyBox `ash`; python(1),
 * perl(1), ruby(1), node(1) and php(1) read their program from standard input when given none.
 */

/**
 * POSIX-family shells, by name: each runs `-c STRING`, reads its script from standard input when given no
 * operand, and is what a `#!` line of a `RUN <<EOF` script may name for the script to be read as shell.
 * The value is the grammar the parser reads their scripts with (a hint: parsing is tolerant either way):
 * `posix` for the plain POSIX shells, `bash` for the shells whose extensions (`[[ ]]`, arrays, `$'…'`)
 * follow bash's.
 */
export const POSIX_SHELLS: Readonly<Record<string, "posix" | "bash">> = {
  sh: "posix",
  dash: "posix",
  ash: "posix",
  bash: "bash",
  zsh: "bash",
  ksh: "bash",
  mksh: "bash",
  yash: "bash",
};

/** BusyBox: a multi-call binary whose shell applets run as `busybox sh -c …`. */
export const MULTI_CALL_SHELL = "busybox";

/** Shells that are not POSIX shells: a RUN under them (`SHELL ["pwsh", "-Command"]`) is not read as sh. */
export const NON_POSIX_SHELLS: readonly string[] = ["powershell", "pwsh", "cmd"];

/** Interactive shells that are neither POSIX shells nor a Windows shell (fish's syntax is its own). */
const OTHER_SHELLS: readonly string[] = ["fish"];

/** Script interpreters other than shells that read their program from standard input when given none (`curl … | python3`). */
const LANGUAGE_INTERPRETERS: readonly string[] = ["python", "python2", "python3", "perl", "ruby", "node", "php"];

/** Every shell, POSIX or not: the programs an image's bare `CMD ["bash"]` opens for a person to type into. */
export const ALL_SHELLS: readonly string[] = [...Object.keys(POSIX_SHELLS), ...OTHER_SHELLS, ...NON_POSIX_SHELLS];

/** Programs that run a script read from standard input when given no script operand: the POSIX shells and the language interpreters. */
export const STDIN_INTERPRETERS: ReadonlySet<string> = new Set([...Object.keys(POSIX_SHELLS), ...LANGUAGE_INTERPRETERS]);
