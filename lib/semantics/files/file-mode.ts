/**
 * File modes as chmod(1), `mkdir -m`, `install -m` and `COPY --chmod` read them: octal (`755`, `0644`,
 * `1777`) or symbolic (`u+x,go-w`, `a=rwx`). Grammar from POSIX chmod
 * (https://pubs.opengroup.org/onlinepubs/9799919799/utilities/chmod.html).
 */

export type ModeVerdict =
  /** Others may write (and no sticky bit protects a shared directory). */
  | "world-writable"
  | "safe"
  /** Not a mode we can read (a variable, `--reference`, a typo). */
  | "unknown";

const OCTAL = /^[0-7]{1,4}$/u;
const SYMBOLIC_CLAUSE = /^([ugoa]*)((?:[-+=][gor-uwxX]*)+)$/u;

/**
 * Whether `mode` gives others write permission. A mode with the sticky bit (`1777`, `+t`) is the
 * standard for shared scratch directories such as /tmp and is "safe" here. Symbolic clauses with no
 * who letters (`+w`) are limited by the umask (022 in Docker's default shell), so they are "safe".
 */
export function classifyMode(mode: string): ModeVerdict {
  if (OCTAL.test(mode)) {
    const bits = Number.parseInt(mode, 8);
    return (bits & 0o002) !== 0 && (bits & 0o1000) === 0 ? "world-writable" : "safe";
  }
  let writable = false;
  let sticky = false;
  for (const clause of mode.split(",")) {
    const match = SYMBOLIC_CLAUSE.exec(clause);
    if (!match) return "unknown";
    const who = match[1]!;
    const othersAffected = who.includes("o") || who.includes("a");
    for (const action of match[2]!.match(/[-+=][gor-uwxX]*/gu) ?? []) {
      const op = action[0];
      const perms = action.slice(1);
      if (op === "-") continue;
      if (perms.includes("t")) sticky = true;
      if (othersAffected && perms.includes("w")) writable = true;
    }
  }
  return writable && !sticky ? "world-writable" : "safe";
}
