/**
 * Which shell runs a RUN, and its parsed scripts. Shell analysis is only meaningful for POSIX shells:
 * a stage whose SHELL is PowerShell or cmd (set in it or inherited from the stage it is built on), or
 * that starts from a Windows image (whose default shell is `cmd /S /C`), gets no shell model at all,
 * so no shell rule ever reads PowerShell as sh. Computed once per Program; scripts parsed lazily.
 */
import type { DockerfileProgram, ExecForm, Run, Shell, Stage } from "../../dockerfile/ast.js";
import { getShellScript, parseExecForm } from "../../shell/index.js";
import type { ShellScript } from "../../shell/model.js";
import type { ShellText } from "../../shell/shell-text.js";
import { NON_POSIX_SHELLS, POSIX_SHELLS } from "../../shell/shells.js";
import { getStageGraph, stageOf } from "../stages/stages.js";

export type ShellKind = "posix" | "non-posix";

const NON_POSIX_SHELL = new RegExp(`(?:^|[\\\\/])(?:${NON_POSIX_SHELLS.join("|")})(?:\\.exe)?$`, "iu");
/** Windows base images: Server Core, Nano Server, Windows, and .NET Framework (Windows-only). */
const WINDOWS_IMAGE = /windows|servercore|nanoserver|dotnet\/framework|ltsc20\d\d/iu;
/** Interpreters of a `RUN <<EOF` script with a `#!` line that we read as shell. */
const POSIX_INTERPRETER = new RegExp(`(?:^|[\\s/])(?:${Object.keys(POSIX_SHELLS).join("|")})(?:\\s|$)`, "u");

function shellOfInstruction(shell: Shell): ShellKind {
  const executable = shell.form?.type === "ExecForm" ? shell.form.elements[0]?.value : undefined;
  return executable !== undefined && NON_POSIX_SHELL.test(executable) ? "non-posix" : "posix";
}

interface ShellIndex {
  /** The shell in effect at the start of each stage (inherited from its base). */
  initial: Map<Stage, ShellKind>;
  /** The shell in effect for each RUN of a stage body. */
  atRun: Map<Run, ShellKind>;
}

/** One pass over the file: every RUN's shell, so no RUN rescans its stage. */
function computeShellIndex(program: DockerfileProgram): ShellIndex {
  const graph = getStageGraph(program);
  const initial = new Map<Stage, ShellKind>();
  const final = new Map<Stage, ShellKind>();
  const atRun = new Map<Run, ShellKind>();
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
    for (const instruction of stage.instructions) {
      if (instruction.type === "Shell") shell = shellOfInstruction(instruction);
      else if (instruction.type === "Run") atRun.set(instruction, shell);
    }
    final.set(stage, shell);
  }
  return { initial, atRun };
}

const shellIndexes = new WeakMap<DockerfileProgram, ShellIndex>();

/** The shell that runs `run`'s shell form (the SHELL before it in its stage, else inherited). */
function shellKindAt(program: DockerfileProgram, stage: Stage, run: Run): ShellKind {
  let index = shellIndexes.get(program);
  if (!index) {
    index = computeShellIndex(program);
    shellIndexes.set(program, index);
  }
  const known = index.atRun.get(run);
  if (known) return known;
  // An ONBUILD trigger: it runs in a later build, after this stage's last SHELL.
  let shell = index.initial.get(stage) ?? "posix";
  for (const instruction of stage.instructions) if (instruction.type === "Shell") shell = shellOfInstruction(instruction);
  return shell;
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

/**
 * The parsed shell script of a RUN (shared by all rules), or null when there is none to analyse. An
 * exec-form RUN gives a script with `form: "exec"` (see `parseExecForm`): one command of JSON strings,
 * plus the script it hands `sh -c` if it does; its offsets are Dockerfile source offsets.
 */
export function runShellScript(program: DockerfileProgram, run: Run): ShellScript | null {
  if (run.form?.type === "ExecForm") return execFormScript(run.form);
  const text = posixShellText(program, run);
  if (!text) return null;
  const parsed = getShellScript(text);
  return parsed.ok ? parsed : null;
}

/** The shell a stage starts with (inherited from its base stage, `cmd` for a Windows base image), before any SHELL of its own. */
export function initialShellKind(program: DockerfileProgram, stage: Stage): ShellKind {
  let index = shellIndexes.get(program);
  if (!index) {
    index = computeShellIndex(program);
    shellIndexes.set(program, index);
  }
  return index.initial.get(stage) ?? "posix";
}

const execFormScripts = new WeakMap<ExecForm, ShellScript | null>();
/** Offsets of an exec form's model are source offsets: a ShellText with no segments maps them unchanged. */
const SOURCE_OFFSETS: ShellText = { text: "", segments: [] };

function execFormScript(form: ExecForm): ShellScript | null {
  let script = execFormScripts.get(form);
  if (script === undefined) {
    script = parseExecForm(SOURCE_OFFSETS, form.elements.map((e) => ({ value: e.value, raw: e.raw, textStart: e.range[0] })));
    execFormScripts.set(form, script);
  }
  return script;
}
