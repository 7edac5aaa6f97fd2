/**
 * The package-manager invocations of a RUN, classified once with the environment in effect at each
 * command (`shell-environment.ts`) and shared by every package-manager rule. A command is found wherever
 * the shell runs it (after `&&`/`||`/`;`, in `if`/`for`/`while`/`case` bodies, subshells, functions,
 * `sh -c` strings, behind `xargs`/`env`/`sudo`, heredoc bodies): the shell model lists them all.
 */
import type { Position, SourceLocation } from "@eslint/core";
import type { DockerfileProgram, Run } from "../../dockerfile/ast.js";
import { classifyPackageManagerCommand, commandName } from "../../shell/index.js";
import type { EnvironmentLookup, PackageManagerInvocation, ShellCommand, ShellScript } from "../../shell/index.js";
import { POSIX_SHELLS } from "../../shell/shells.js";
import { runShellScript } from "../run/run-shell.js";
import { environmentAt } from "../shell-environment/shell-environment.js";

export interface InvocationInRun {
  invocation: PackageManagerInvocation;
  command: ShellCommand;
  script: ShellScript;
}

const cache = new WeakMap<Run, InvocationInRun[]>();

/** Every package-manager invocation of `run`'s shell script, in source order (empty without a POSIX script). */
export function packageManagerInvocations(program: DockerfileProgram, run: Run): InvocationInRun[] {
  let found = cache.get(run);
  if (found) return found;
  found = [];
  const script = runShellScript(program, run);
  for (const command of script?.commands ?? []) {
    // Most commands are not package managers: the environment is built only when one asks for it.
    let environment: EnvironmentLookup | undefined;
    const lookup: EnvironmentLookup = (name) => (environment ??= environmentAt(program, run, script!, command))(name);
    const invocation = classifyPackageManagerCommand(command, lookup);
    if (invocation) found.push({ invocation, command, script: script! });
  }
  cache.set(run, found);
  return found;
}

/** What a report shows: the tool through its subcommand (`apt-get install`), as one line, and where it is. */
export function invocationSpan(
  source: { text: string; getLocFromIndex(index: number): Position },
  invocation: PackageManagerInvocation,
): { text: string; loc: SourceLocation } {
  const end = (invocation.subcommandWords.at(-1) ?? invocation.tool).range[1];
  const start = invocation.tool.range[0];
  return {
    text: source.text.slice(start, end).replace(/\s*\\\r?\n\s*/gu, " "),
    loc: { start: source.getLocFromIndex(start), end: source.getLocFromIndex(end) },
  };
}

/** Shells and runners that may run package managers through a script the linter cannot read. */
const SCRIPT_RUNNERS: ReadonlySet<string> = new Set([...Object.keys(POSIX_SHELLS), "make", "source", ".", "ansible-playbook"]);

/**
 * A command that runs a script from a file or a pipe (`./install.sh`, `bash deps.sh`, `curl … | sh`):
 * it may install packages or refresh an index (nodesource's `setup_lts.x` runs `apt-get update`), which
 * the linter cannot see.
 */
export function runsScript(command: ShellCommand): boolean {
  const name = command.name?.value ?? null;
  if (name === null) return command.name !== null;
  if (name.includes("/")) return true;
  const base = commandName(command);
  if (base === null || !SCRIPT_RUNNERS.has(base)) return false;
  // `sh -c '…'` is parsed: its commands are in the list already.
  return !command.args.some((word) => word.value === "-c");
}
