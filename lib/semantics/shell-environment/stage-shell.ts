/**
 * Which program runs a RUN's script: the shell a shell-form RUN hands its body to, and the shell an
 * `sh -c '…'` / `bash -c '…'` inside it starts. Shared by every rule about shell syntax (`no-bashism`),
 * which read the dialect from here and never guess it.
 *
 * How it is found, in order (docs/design.md, "How a stage's shell is found"):
 * 1. a `RUN <<EOF` body whose first line is `#!…` runs under that interpreter;
 * 2. the SHELL instruction in effect (the stage's last one before the RUN, else the one its base stage
 *    ended with; Dockerfile reference "SHELL"): `["/bin/bash", "-c"]` is bash, `["/bin/sh", "-c"]` is
 *    the image's `/bin/sh`;
 * 3. else Docker's default `["/bin/sh", "-c"]`: the base image's `/bin/sh` (`image-shell.ts`, a table of
 *    distributions with sources), inherited through `FROM <stage>`;
 * 4. an earlier RUN of the stage (or of a stage it is built on) that relinks `/bin/sh` (`ln -sf bash /bin/sh`,
 *    `dpkg-reconfigure dash`, Alpine's `*-binsh` packages such as `dash-binsh`) makes `/bin/sh` unknown from there on.
 * Unknown stays unknown: an ONBUILD trigger (it runs in another build), an unfamiliar image, a shell
 * the table does not know.
 */
import type { DockerfileProgram, Run, Shell, Stage } from "../../dockerfile/ast.js";
import { BASHISMS, findBashisms } from "../../shell/bashisms.js";
import type { BashismFinding, SmallShell } from "../../shell/bashisms.js";
import { findShellStringArgument } from "../../shell/commands.js";
import type { ShellCommand, ShellContext, ShellScript } from "../../shell/model.js";
import { MULTI_CALL_SHELL, POSIX_SHELLS } from "../../shell/shells.js";
import { unwrappedCommand } from "../../shell/unwrapped.js";
import { runShellScript } from "../run/run-shell.js";
import { getStageGraph, stageOf } from "../stages/stages.js";
import type { BinSh, DashBuild } from "./image-shell.js";
import { dashBuildOf, stageImageShell } from "./image-shell.js";
import { shellInstructionInEffect } from "./shell-in-effect.js";

/**
 * The program that runs a script: `dash`, `busybox-ash`, `bash`, `other` (a shell these tables do not
 * describe: zsh, ksh, mksh…), `none` (the image has no shell) or `unknown`.
 */
export type ShellProgram = BinSh | "other";

/** The shell that runs a RUN's script, and what the image offers instead. */
export interface RunShellProgram {
  program: ShellProgram;
  /** What `/bin/sh` is at this RUN (an `sh -c` inside the script starts it, whatever SHELL says). */
  binSh: BinSh;
  /** bash is installed at /bin/bash in the image (null: not known). */
  hasBash: boolean | null;
  /** Where `program` comes from. */
  via: "shebang" | "shell-instruction" | "image";
}

/** The program a shell path or name stands for, given what `/bin/sh` is (`sh`, `/bin/sh`, `/usr/bin/sh` are it). */
function programOfShellName(name: string, binSh: BinSh, args: readonly (string | null)[] = []): ShellProgram {
  const base = name.slice(name.lastIndexOf("/") + 1);
  switch (base) {
    case "sh":
      return binSh;
    case "bash":
      return "bash";
    case "dash":
      return "dash";
    case "ash":
      // Alpine's /bin/ash is BusyBox; Debian's `ash` package is a link to dash: only the image can tell.
      return binSh === "busybox-ash" ? "busybox-ash" : "unknown";
    case MULTI_CALL_SHELL: {
      const applet = args[0];
      return applet === "sh" || applet === "ash" ? "busybox-ash" : "unknown";
    }
    case "env":
      return args[0] ? programOfShellName(args[0], binSh, args.slice(1)) : "unknown";
    default:
      // The other POSIX-family shells of the shells table (zsh, ksh, mksh, yash): shells these tables do not describe.
      return Object.hasOwn(POSIX_SHELLS, base) ? "other" : "unknown";
  }
}

/** Commands and packages that replace `/bin/sh` (`ln -sf /bin/bash /bin/sh`, `dpkg-reconfigure dash`, `apk add dash-binsh`). */
const RELINKING_COMMANDS: ReadonlySet<string> = new Set(["ln", "cp", "mv", "rm", "install", "update-alternatives", "dpkg-divert"]);
const BIN_SH_PATH = /^(?:\/usr)?\/bin\/sh$/u;

/** A word that is, or may be, the path `/bin/sh` (an expansion only when its text ends in `/sh`: `"$ROOT/bin/sh"`). */
function mayBeBinSh(word: { value: string | null; raw: string }): boolean {
  return word.value === null ? /\/sh["']?$/u.test(word.raw) : BIN_SH_PATH.test(word.value);
}

function relinksBinSh(script: ShellScript): boolean {
  return script.commands.some((command) => {
    const unwrapped = unwrappedCommand(command);
    const name = unwrapped.baseName;
    if (name === null) return false;
    if (RELINKING_COMMANDS.has(name)) return unwrapped.args.some(mayBeBinSh);
    if (name === "dpkg-reconfigure") return unwrapped.args.some((word) => word.value === null || word.value === "dash");
    if (name === "apk") return unwrapped.args.some((word) => word.value === null ? /binsh/u.test(word.raw) : /-binsh$/u.test(word.value));
    return false;
  });
}

/** A COPY/ADD destination that may replace /bin/sh: `/bin/sh`, `/bin/`, `/usr/bin`, or one not known. */
function copiesOverBinSh(destination: string | null): boolean {
  return destination === null || /^(?:\/usr)?\/bin(?:\/|\/sh)?$/u.test(destination);
}

interface StageShellState {
  /** Whether /bin/sh may have been relinked by the end of each stage (inherited). */
  relinkedAtEnd: Map<Stage, boolean>;
  /** Whether /bin/sh may have been relinked before each RUN and SHELL of a stage body. */
  relinkedBefore: Map<Run | Shell, boolean>;
}

const states = new WeakMap<DockerfileProgram, StageShellState>();

function stateOf(program: DockerfileProgram): StageShellState {
  let state = states.get(program);
  if (state) return state;
  const graph = getStageGraph(program);
  const relinkedAtEnd = new Map<Stage, boolean>();
  const relinkedBefore = new Map<Run | Shell, boolean>();
  for (const stage of program.stages) {
    const base = graph.baseOf(stage);
    let relinked = base.kind === "stage" ? (relinkedAtEnd.get(base.stage) ?? true) : false;
    for (const instruction of stage.instructions) {
      if (instruction.type === "Shell") relinkedBefore.set(instruction, relinked);
      if (instruction.type === "Run") {
        relinkedBefore.set(instruction, relinked);
        const script = runShellScript(program, instruction);
        // A RUN whose script does not parse may do anything to /bin/sh.
        if (!script || relinksBinSh(script)) relinked = true;
      } else if ((instruction.type === "Copy" || instruction.type === "Add") && copiesOverBinSh(instruction.destination?.value ?? null)) {
        relinked = true;
      }
    }
    relinkedAtEnd.set(stage, relinked);
  }
  state = { relinkedAtEnd, relinkedBefore };
  states.set(program, state);
  return state;
}

const UNKNOWN: RunShellProgram = { program: "unknown", binSh: "unknown", hasBash: null, via: "image" };

/** Which program runs `run`'s script (see the file's comment for how); `unknown` when the file does not tell. */
export function runShellProgram(program: DockerfileProgram, run: Run): RunShellProgram {
  const stage = stageOf(program, run);
  if (!stage) return UNKNOWN;
  // An ONBUILD trigger runs in a later build, on an image and under a SHELL this file does not show.
  const state = stateOf(program);
  const relinked = state.relinkedBefore.get(run);
  if (relinked === undefined) return UNKNOWN;
  const image = stageImageShell(program, stage);
  const binSh: BinSh = relinked ? "unknown" : image.binSh;
  const hasBash = image.hasBash;
  const script = run.script;
  if (script?.kind === "heredoc" && script.shebang !== null) {
    const words = script.shebang.trim().split(/\s+/u);
    return { program: programOfShellName(words[0] ?? "", binSh, words.slice(1)), binSh, hasBash, via: "shebang" };
  }
  if (run.form?.type === "ExecForm") {
    const elements = run.form.elements.map((element) => element.value);
    return { program: programOfShellName(elements[0] ?? "", binSh, elements.slice(1)), binSh, hasBash, via: "shell-instruction" };
  }
  const shell = shellInstructionInEffect(program, run);
  if (shell) {
    if (shell.form?.type !== "ExecForm") return { program: "unknown", binSh, hasBash, via: "shell-instruction" };
    const elements = shell.form.elements.map((element) => element.value);
    return { program: programOfShellName(elements[0] ?? "", binSh, elements.slice(1)), binSh, hasBash, via: "shell-instruction" };
  }
  return { program: binSh, binSh, hasBash, via: "image" };
}

/**
 * The program that runs `command` of `script` (the parsed script of `run`): the RUN's shell, or for a
 * command inside an `sh -c '…'` / `bash -c "…"` string, the shell that string is handed to (`sh` is
 * `/bin/sh` whatever SHELL says; `su -c` runs the user's login shell: unknown).
 */
export function shellProgramAt(program: DockerfileProgram, run: Run, script: ShellScript, command: ShellCommand | null, context: readonly ShellContext[]): ShellProgram {
  const outer = runShellProgram(program, run);
  let innermost: ShellContext | undefined;
  for (let i = context.length - 1; i >= 0; i--) {
    if (context[i]!.kind === "shell-string") {
      innermost = context[i];
      break;
    }
  }
  if (!innermost) return outer.program;
  const owner = script.commands.find((candidate) => candidate !== command && findShellStringArgument(candidate)?.word.range[0] === innermost.range[0]);
  const argument = owner ? findShellStringArgument(owner) : null;
  if (!owner || !argument) return "unknown";
  const unwrapped = argument.unwrapped;
  if (unwrapped.baseName === MULTI_CALL_SHELL) return "busybox-ash";
  if (argument.shell === "su" || argument.shell === "runuser") return "unknown";
  return programOfShellName(argument.shell, outer.binSh);
}

/**
 * The dash build that runs a dash script at `run`: the base image's, by the Debian or Ubuntu release its
 * tag names (`DASH_BUILDS`). Null when not known: a floating tag (`debian:latest`, `node:20`), a release
 * the table lacks, an image whose `/bin/sh` is not dash, or a RUN or COPY before it that may have replaced
 * the shell.
 */
export function runDashBuild(program: DockerfileProgram, run: Run): DashBuild | null {
  const stage = stageOf(program, run);
  if (!stage || stateOf(program).relinkedBefore.get(run) !== false) return null;
  const image = stageImageShell(program, stage);
  return image.binSh === "dash" ? dashBuildOf(image.release) : null;
}

/**
 * The dash build an exec-form invocation starts (`elements`: the JSON array of `instruction`, a SHELL or an
 * exec-form RUN, `["/bin/sh", "-o", "pipefail", "-c"]`) when the program it names is the image's dash:
 * `/bin/sh` of a dash image, `/bin/dash`. Null when it is another program or not known (as `runDashBuild`).
 */
export function invokedDashBuild(program: DockerfileProgram, instruction: Run | Shell, elements: readonly (string | null)[]): DashBuild | null {
  const stage = stageOf(program, instruction);
  if (!stage || stateOf(program).relinkedBefore.get(instruction) !== false) return null;
  const image = stageImageShell(program, stage);
  if (image.binSh !== "dash" || programOfShellName(elements[0] ?? "", image.binSh, elements.slice(1)) !== "dash") return null;
  return dashBuildOf(image.release);
}

/** A bash-only construct in a script whose shell does not accept it. */
export interface RejectedBashism extends BashismFinding {
  /** The shell that runs it and rejects it. */
  program: SmallShell;
  /** For a construct only some dash builds reject (`set -o pipefail`): the build that runs it. */
  dash?: DashBuild;
}

/**
 * The bash-only constructs of `script` (the parsed script of `run`; `sourceText` the Dockerfile's text)
 * that the shell running each of them is known not to accept (`BASHISMS[id].accepts[program] === false`,
 * or, for a construct of newer dash builds such as `set -o pipefail`, the stage's dash build lacks it).
 * Silent where that shell is bash, another shell, or unknown; the JSON array of an exec-form RUN is not
 * shell (only the script it hands `sh -c` is read).
 */
export function rejectedBashisms(program: DockerfileProgram, run: Run, script: ShellScript, sourceText: string): RejectedBashism[] {
  const out: RejectedBashism[] = [];
  const outer = runShellProgram(program, run).program;
  let dash: DashBuild | null | undefined;
  // Under bash or an unknown shell only the scripts of `sh -c` strings can be judged; most RUNs have none.
  if (outer !== "dash" && outer !== "busybox-ash" && !script.commands.some((command) => command.fromShellString || findShellStringArgument(command) !== null)) return out;
  for (const finding of findBashisms(script, sourceText)) {
    const inString = finding.context.some((each) => each.kind === "shell-string");
    if (script.form === "exec" && !inString) continue;
    // An option of a shell the command starts is judged by that shell (`sh` there is /bin/sh of the image).
    const shell = finding.invokes !== undefined ? programOfShellName(finding.invokes, runShellProgram(program, run).binSh) : shellProgramAt(program, run, script, finding.command, finding.context);
    if (shell !== "dash" && shell !== "busybox-ash") continue;
    const kind = BASHISMS[finding.id];
    if (kind.accepts[shell] === false) {
      out.push({ ...finding, program: shell });
      continue;
    }
    // A construct of newer dash builds: rejected where the release's build is known to lack it.
    if (shell !== "dash" || kind.dashFeature === undefined) continue;
    dash ??= runDashBuild(program, run);
    if (dash?.features[kind.dashFeature] === false) out.push({ ...finding, program: shell, dash });
  }
  return out;
}
