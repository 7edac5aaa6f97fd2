/**
 * Whether a RUN's pipelines fail when any element fails (`pipefail`), and which SHELL is in effect.
 *
 * bash and BusyBox ash take `-o pipefail` as an option (bash(1) "SHELL BUILTIN COMMANDS: set -o";
 * BusyBox ash since 1.22), so `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` turns it on for every later
 * RUN of the stage and of stages built on it (SHELL is inherited through FROM <stage>, Dockerfile
 * reference "SHELL"), and `set -o pipefail` (also inside `set -euxo pipefail`) turns it on for the rest
 * of the script it runs in.
 */
import type { DockerfileProgram, Run, Shell } from "../../dockerfile/ast.js";
import type { ShellCommand, ShellContext, ShellPipeline, ShellScript } from "../../shell/model.js";
import { shellInstructionInEffect } from "./shell-in-effect.js";

/** True when the words hold `-o pipefail` (alone, or at the end of a cluster such as `-euxo pipefail`). */
export function wordsSetPipefail(words: readonly (string | null)[]): boolean {
  for (let i = 0; i + 1 < words.length; i++) {
    const word = words[i];
    if (word && /^-[a-zA-Z]*o$/u.test(word) && words[i + 1] === "pipefail") return true;
  }
  return false;
}

/**
 * The SHELL instruction in effect for `run` (its stage's last one before it, else inherited); null for
 * Docker's default `/bin/sh -c`. From the file's one-pass index (`shell-in-effect.ts`).
 */
export function shellInstructionAt(program: DockerfileProgram, run: Run): Shell | null {
  return shellInstructionInEffect(program, run);
}

/** Whether a SHELL instruction turns pipefail on. */
export function shellSetsPipefail(shell: Shell | null): boolean {
  if (shell?.form?.type !== "ExecForm") return false;
  return wordsSetPipefail(shell.form.elements.map((element) => element.value));
}

function setsPipefail(command: ShellCommand): boolean {
  return command.name?.value === "set" && wordsSetPipefail(command.args.map((word) => word.value));
}

/** Contexts that start a new shell process; options set inside one do not reach its parent. */
const NEW_SHELL: ReadonlySet<ShellContext["kind"]> = new Set(["subshell", "command-substitution", "process-substitution", "shell-string", "coproc"]);

function shellChain(contexts: readonly ShellContext[]): number[] {
  return contexts.filter((context) => NEW_SHELL.has(context.kind)).map((context) => context.textRange[0]);
}

/**
 * Whether `pipeline` runs with pipefail on because the script turned it on first: a `set -o pipefail`
 * that runs unconditionally before the pipeline starts, in the pipeline's shell or a parent of it
 * (a subshell inherits the option; a `set` inside a subshell or `sh -c` string does not leak out).
 */
export function scriptSetsPipefailBefore(script: ShellScript, pipeline: ShellPipeline): boolean {
  const first = pipeline.elements[0]?.commands[0];
  if (!first) return false;
  const pipelineChain = shellChain(first.context);
  return script.commands.some((command) => {
    if (command.range[1] > pipeline.range[0] || command.conditional || !setsPipefail(command)) return false;
    const chain = shellChain(command.context);
    return chain.every((start, index) => pipelineChain[index] === start);
  });
}
