/**
 * Which SHELL instruction is in effect for each RUN (Dockerfile reference "SHELL": a SHELL applies to
 * the instructions after it in its stage and is inherited by stages built `FROM` that stage; with none,
 * Docker's default `["/bin/sh", "-c"]`). One pass per file, shared by the questions that read the
 * SHELL's words (pipefail, errexit, which program runs the script), so no RUN rescans its stage.
 */
import type { DockerfileProgram, Run, Shell, Stage } from "../../dockerfile/ast.js";
import { getStageGraph, stageOf } from "../stages/stages.js";

interface ShellsInEffect {
  /** The SHELL in effect at each RUN of a stage body; null for Docker's default. */
  atRun: Map<Run, Shell | null>;
  /** The SHELL in effect at the end of each stage (what stages built on it, and its ONBUILD triggers, start with). */
  atEnd: Map<Stage, Shell | null>;
}

const indexes = new WeakMap<DockerfileProgram, ShellsInEffect>();

function shellsInEffect(program: DockerfileProgram): ShellsInEffect {
  let index = indexes.get(program);
  if (index) return index;
  const graph = getStageGraph(program);
  index = { atRun: new Map(), atEnd: new Map() };
  for (const stage of program.stages) {
    const base = graph.baseOf(stage);
    let shell = base.kind === "stage" ? (index.atEnd.get(base.stage) ?? null) : null;
    for (const instruction of stage.instructions) {
      if (instruction.type === "Shell") shell = instruction;
      else if (instruction.type === "Run") index.atRun.set(instruction, shell);
    }
    index.atEnd.set(stage, shell);
  }
  indexes.set(program, index);
  return index;
}

/**
 * The SHELL instruction in effect for `run` (its stage's last one before it, else the one its base stage
 * ended with); null for Docker's default `/bin/sh -c`. An ONBUILD trigger runs in a later build, after
 * its stage's last SHELL: it gets the stage's final one.
 */
export function shellInstructionInEffect(program: DockerfileProgram, run: Run): Shell | null {
  const index = shellsInEffect(program);
  const known = index.atRun.get(run);
  if (known !== undefined) return known;
  const stage = stageOf(program, run);
  return stage ? (index.atEnd.get(stage) ?? null) : null;
}

