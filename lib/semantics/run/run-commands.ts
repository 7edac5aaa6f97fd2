/**
 * The shell commands each RUN runs, for rules that look at commands one by one: the parsed script (only
 * for RUNs a POSIX shell runs) and, per command, its unwrapped view. Both are cached (per RUN body and per
 * command), so any number of rules can ask without re-parsing or re-unwrapping.
 */
import type { DockerfileProgram, Run } from "../../dockerfile/ast.js";
import type { UnwrappedCommand } from "../../shell/commands.js";
import type { ShellCommand, ShellScript } from "../../shell/model.js";
import { unwrappedCommand } from "../../shell/unwrapped.js";
import { runShellScript } from "./run-shell.js";

export interface RunCommand {
  command: ShellCommand;
  /** The command seen through `sudo`, `env`, `xargs`… (see `seeThroughWrappers`). */
  unwrapped: UnwrappedCommand;
}

/** The commands of `run` (nested and `sh -c` ones included, source order), or [] when no POSIX shell runs it. */
export function runCommands(program: DockerfileProgram, run: Run): { script: ShellScript | null; commands: RunCommand[] } {
  const script = runShellScript(program, run);
  if (!script) return { script: null, commands: [] };
  return { script, commands: script.commands.map((command) => ({ command, unwrapped: unwrappedCommand(command) })) };
}

/** The commands of `run` whose effective name (through wrappers) is one of `names`. */
export function runCommandsNamed(program: DockerfileProgram, run: Run, names: ReadonlySet<string>): RunCommand[] {
  const script = runShellScript(program, run);
  if (!script) return [];
  const found: RunCommand[] = [];
  for (const command of script.commands) {
    const unwrapped = unwrappedCommand(command);
    if (unwrapped.baseName !== null && names.has(unwrapped.baseName)) found.push({ command, unwrapped });
  }
  return found;
}
