/**
 * What kind of file a RUN's own commands made at a path, so that a rule judging a later command of the
 * same RUN (`chmod 0622 /var/spool/nullmailer/trigger`) knows whether the path is a FIFO or a device
 * rather than a regular file or directory. Paths are compared as written (`"$d"` matches `"$d"`), the
 * way a RUN names the same path twice; a path this RUN did not create is not known here.
 *
 * Sources: coreutils `mkfifo [-m MODE] [-Z|--context[=CTX]] NAME…` and
 * `mknod [-m MODE] [-Z|--context[=CTX]] NAME TYPE [MAJOR MINOR]` with TYPE `p` (FIFO), `b` (block
 * device), `c`/`u` (character device), the same in BusyBox; fifo(7) (a FIFO has no content: what is
 * written goes to the reader).
 */
import type { ShellScript, ShellWord } from "../../shell/index.js";
import { unwrappedCommand } from "../../shell/unwrapped.js";

/** A special file a RUN creates (regular files and directories are not tracked). */
export type CreatedFileKind = "fifo" | "block-device" | "character-device";

const MKNOD_TYPES: Readonly<Record<string, CreatedFileKind>> = { p: "fifo", b: "block-device", c: "character-device", u: "character-device" };

/**
 * The operands of mkfifo/mknod/rm as written (options removed). Both take `-m MODE` / `-mMODE` /
 * `--mode=MODE`, `-Z`, `--context[=CTX]`, and `--` ends the options. A word only known at run time
 * (`"$p"`) is an operand, matched by how it is written.
 */
function operands(args: readonly ShellWord[]): string[] {
  const result: string[] = [];
  let optionsEnded = false;
  for (let index = 0; index < args.length; index += 1) {
    const word = args[index]!;
    const value = word.value;
    if (value === null) result.push(word.raw);
    else if (!optionsEnded && value === "--") optionsEnded = true;
    else if (!optionsEnded && (value === "-m" || value === "--mode")) index += 1;
    else if (!optionsEnded && value.startsWith("-") && value !== "-") continue;
    else result.push(word.raw);
  }
  return result;
}

/**
 * The special files commands `0 … before-1` of `script` leave at each path (as written): `mkfifo`
 * and `mknod NAME p|b|c|u` create one, a later `rm` of the path (any options) forgets it. A command
 * in a branch counts as run: a RUN that makes a FIFO on one path and a regular file on another under
 * the same name is not something images do.
 */
export function specialFilesCreatedBefore(script: ShellScript, before: number): ReadonlyMap<string, CreatedFileKind> {
  const files = new Map<string, CreatedFileKind>();
  for (const command of script.commands.slice(0, before)) {
    const unwrapped = unwrappedCommand(command);
    const name = unwrapped.baseName;
    if (name !== "mkfifo" && name !== "mknod" && name !== "rm") continue;
    const paths = operands(unwrapped.args);
    if (name === "rm") {
      for (const path of paths) files.delete(path);
    } else if (name === "mkfifo") {
      for (const path of paths) files.set(path, "fifo");
    } else {
      const [path, type] = paths;
      const kind = type === undefined ? undefined : MKNOD_TYPES[type.replace(/^(["'])(.*)\1$/u, "$2")];
      if (path !== undefined && kind !== undefined) files.set(path, kind);
    }
  }
  return files;
}
