/**
 * The shared openings of Dockerfile rules, so that a rule is its judgement and its messages (as
 * eslint-plugin-regexp's `defineRegexpVisitor` hands each rule its parsed context in one call):
 *
 * - `defineRunVisitor`: each RUN a POSIX shell runs (or an exec-form RUN), with its stage, its parsed
 *   script and every command seen through its wrappers. Computed once per RUN and per parsed file
 *   (`sourceCode.ast`), so all RUN rules of a lint share one pass: the first rule to ask builds it.
 * - `defineBuildVisitor`: the image the builds of the Dockerfile make: the stage they produce (the
 *   compose `build.target` when every build of the file names the same one, else the last stage) and,
 *   for rules about an application image, that stage unless it is a toolbox image.
 *
 * Each returns a visitor a rule returns as is, or spreads beside listeners of its own.
 */
import type { DockerfileProgram, Run, Stage } from "../../dockerfile/ast.js";
import { runShellScript } from "../../semantics/run/run-shell.js";
import type { RunCommand } from "../../semantics/run/run-commands.js";
import { producedStage } from "../../semantics/stages/build-target.js";
import { shippedApplicationStage } from "../../semantics/stages/shipped-image.js";
import { stageOf } from "../../semantics/stages/stages.js";
import type { ShellScript } from "../../shell/model.js";
import { unwrappedCommand } from "../../shell/unwrapped.js";
import { fileKindOf } from "../../utils/file-kind.js";
import type { DockerfileVisitor } from "./rule-types.js";

/** What a Dockerfile rule's context offers the visitors: the parsed file and its name. */
interface DockerfileRuleContextLike {
  readonly sourceCode: { readonly ast: DockerfileProgram };
  readonly filename: string;
}

/** One RUN with what its shell runs. */
export interface RunShell {
  readonly program: DockerfileProgram;
  readonly run: Run;
  /** The stage the RUN belongs to (for an ONBUILD trigger, the stage that declares it); null only outside any stage. */
  readonly stage: Stage | null;
  /**
   * The parsed script (`form: "exec"` for an exec-form RUN: one command of JSON strings, plus the script
   * it hands `sh -c`); offsets are Dockerfile source offsets.
   */
  readonly script: ShellScript;
  /** Every command of the script (nested and `sh -c` ones included, source order), each seen through `sudo`, `env`, `xargs`…. */
  readonly commands: readonly RunCommand[];
}

const runShells = new WeakMap<DockerfileProgram, Map<Run, RunShell | null>>();

/**
 * The shell view of `run` (see `RunShell`), or null when no POSIX shell runs it (a SHELL of PowerShell or
 * cmd, a Windows base image, a heredoc for another interpreter) or its script does not parse. Cached per
 * parsed file, so every rule gets the same object.
 */
export function runShellOf(program: DockerfileProgram, run: Run): RunShell | null {
  return runShellIn(runShellsOf(program), program, run);
}

/** The file's cache of RUN shell views (one WeakMap lookup per file for a visitor, not one per RUN per rule). */
function runShellsOf(program: DockerfileProgram): Map<Run, RunShell | null> {
  let byRun = runShells.get(program);
  if (!byRun) runShells.set(program, (byRun = new Map()));
  return byRun;
}

function runShellIn(byRun: Map<Run, RunShell | null>, program: DockerfileProgram, run: Run): RunShell | null {
  let shell = byRun.get(run);
  if (shell === undefined) {
    const script = runShellScript(program, run);
    shell = script
      ? { program, run, stage: stageOf(program, run), script, commands: script.commands.map((command) => ({ command, unwrapped: unwrappedCommand(command) })) }
      : null;
    byRun.set(run, shell);
  }
  return shell;
}

export interface RunVisitorHandlers {
  /** Called for each RUN (ONBUILD triggers included) that has a shell model; RUNs without one are skipped. */
  onRun(shell: RunShell): void;
}

/** A visitor that calls `onRun` with the shell view of every RUN a POSIX shell runs (see `runShellOf`). */
export function defineRunVisitor(context: DockerfileRuleContextLike, handlers: RunVisitorHandlers): DockerfileVisitor {
  const program = context.sourceCode.ast;
  let byRun: Map<Run, RunShell | null> | null = null;
  return {
    Run(run) {
      // ~30 rules of `recommended` visit every RUN: each finds the file's cache once, at its first RUN.
      const shell = runShellIn((byRun ??= runShellsOf(program)), program, run);
      if (shell) handlers.onRun(shell);
    },
  };
}

/** The commands of a RUN whose effective name (through wrappers) is one of `names`. */
export function commandsNamed(shell: RunShell, names: ReadonlySet<string>): RunCommand[] {
  return shell.commands.filter(({ unwrapped }) => unwrapped.baseName !== null && names.has(unwrapped.baseName));
}

/** The image a build of the Dockerfile makes. */
export interface ImageBuild {
  readonly program: DockerfileProgram;
  /** The Dockerfile's path as ESLint gives it (a relative or virtual name has no compose builds around it). */
  readonly filename: string;
  /** The stage the build produces (`onProducedStage`) or the application stage (`onShippedApplication`). */
  readonly stage: Stage;
}

export interface BuildVisitorHandlers {
  /** The stage the builds produce: what a rule about the image's user, labels or health check judges. */
  onProducedStage?(build: ImageBuild): void;
  /** The produced stage when it ships an application (not a toolbox, shell or compiler image), for rules about what an application image should not carry. */
  onShippedApplication?(build: ImageBuild): void;
}

/**
 * A visitor that calls the handlers once per Dockerfile, at `Program:exit` (after the rule's own
 * listeners, so a rule can collect instructions first), with the stage the builds of the file ship.
 * Files without stages call nothing; so do other languages' files (a rule may also lint compose files).
 */
export function defineBuildVisitor(context: DockerfileRuleContextLike, handlers: BuildVisitorHandlers): DockerfileVisitor {
  return {
    "Program:exit"(program) {
      // A rule with compose listeners too sees compose files' Programs here.
      if (fileKindOf(program) !== "dockerfile") return;
      const filename = context.filename;
      if (handlers.onProducedStage) {
        const stage = producedStage(program, filename);
        if (stage) handlers.onProducedStage({ program, filename, stage });
      }
      if (handlers.onShippedApplication) {
        const stage = shippedApplicationStage(program, { filename });
        if (stage) handlers.onShippedApplication({ program, filename, stage });
      }
    },
  };
}
