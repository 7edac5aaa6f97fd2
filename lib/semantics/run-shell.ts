/**
 * Which shell runs a RUN, and its parsed scripts. Shell analysis is only meaningful for POSIX shells:
 * a stage whose SHELL is PowerShell or cmd (set in it or inherited from the stage it is built on), or
 * that starts from a Windows image (whose default shell is `cmd /S /C`), gets no shell model at all,
 * so no shell rule ever reads PowerShell as sh. Computed once per Program; scripts parsed lazily.
 */
import type { DockerfileProgram, Run, Shell, Stage } from "../dockerfile/ast.js";
import { getShellScript } from "../shell/index.js";
import type { ShellScript } from "../shell/model.js";
import type { ShellText } from "../shell/shell-text.js";
import { getStageGraph } from "./stages.js";

export type ShellKind = "posix" | "non-posix";

const NON_POSIX_SHELL = /(?:^|[\\/])(?:powershell|pwsh|cmd)(?:\.exe)?$/iu;
/** Windows base images: Server Core, Nano Server, Windows, and .NET Framework (Windows-only). */
const WINDOWS_IMAGE = /windows|servercore|nanoserver|dotnet\/framework|ltsc20\d\d/iu;
/** Interpreters of a `RUN <<EOF` script with a `#!` line that we read as shell. */
const POSIX_INTERPRETER = /(?:^|[\s/])(?:sh|bash|dash|ash|ksh|mksh|zsh)(?:\s|$)/u;

function shellOfInstruction(shell: Shell): ShellKind {
  const executable = shell.form?.type === "ExecForm" ? shell.form.elements[0]?.value : undefined;
  return executable !== undefined && NON_POSIX_SHELL.test(executable) ? "non-posix" : "posix";
}

interface StageShells {
  /** The shell in effect at the start of each stage (inherited from its base). */
  initial: Map<Stage, ShellKind>;
}

function computeStageShells(program: DockerfileProgram): StageShells {
  const graph = getStageGraph(program);
  const initial = new Map<Stage, ShellKind>();
  const final = new Map<Stage, ShellKind>();
  for (const stage of program.stages) {
    const base = graph.baseOf(stage);
    let shell: ShellKind;
    if (base.kind === "stage") shell = final.get(base.stage) ?? "posix";
    else if (base.kind === "image") shell = WINDOWS_IMAGE.test(base.value) ? "non-posix" : "posix";
    else if (base.kind === "unknown") {
      // `# escape=\`` exists for Windows paths; with an unknowable base image it is the best hint we have.
      shell = program.escapeChar === "`" || (stage.from.image && WINDOWS_IMAGE.test(stage.from.image.raw)) ? "non-posix" : "posix";
    } else shell = "posix";
    initial.set(stage, shell);
    for (const instruction of stage.instructions) if (instruction.type === "Shell") shell = shellOfInstruction(instruction);
    final.set(stage, shell);
  }
  return { initial };
}

const stageShells = new WeakMap<DockerfileProgram, StageShells>();

/** The shell that runs `run`'s shell form (the SHELL before it in its stage, else inherited). */
export function shellKindAt(program: DockerfileProgram, stage: Stage, run: Run): ShellKind {
  let shells = stageShells.get(program);
  if (!shells) {
    shells = computeStageShells(program);
    stageShells.set(program, shells);
  }
  let shell = shells.initial.get(stage) ?? "posix";
  for (const instruction of stage.instructions) {
    if (instruction === run) break;
    if (instruction.type === "Shell") shell = shellOfInstruction(instruction);
  }
  return shell;
}

/** The stage that contains `node` (an instruction of a stage body or its FROM), or null. */
export function stageOf(program: DockerfileProgram, node: { range: [number, number] }): Stage | null {
  return program.stages.find((stage) => stage.range[0] <= node.range[0] && node.range[1] <= stage.range[1]) ?? null;
}

/** The shell text of a RUN that a POSIX shell runs, or null (exec form, non-POSIX shell, a Python heredoc…). */
export function posixShellText(program: DockerfileProgram, run: Run): ShellText | null {
  const script = run.script;
  if (!script) return null;
  if (script.kind === "heredoc" && script.shebang !== null && !POSIX_INTERPRETER.test(script.shebang)) return null;
  const stage = stageOf(program, run);
  if (stage && shellKindAt(program, stage, run) === "non-posix") return null;
  return script.text;
}

/** The parsed shell script of a RUN (shared by all rules), or null when there is none to analyse. */
export function runShellScript(program: DockerfileProgram, run: Run): ShellScript | null {
  const text = posixShellText(program, run);
  if (!text) return null;
  const parsed = getShellScript(text);
  return parsed.ok ? parsed : null;
}
