/**
 * Whether a SHELL instruction is in effect at an instruction: set earlier in its stage, or in a stage
 * it is built on (`FROM base` inherits the image config's shell). BuildKit's JSONArgsRecommended stays
 * quiet then: the author chose the shell on purpose.
 */
import type { DockerfileProgram, Instruction, Shell } from "../../dockerfile/ast.js";
import { getStageGraph, stageOf } from "../stages/stages.js";

/** The SHELL in effect before `instruction` (the latest one), or null when the image default applies. */
export function shellInstructionBefore(program: DockerfileProgram, instruction: Instruction): Shell | null {
  const stage = stageOf(program, instruction);
  if (!stage) return null;
  const graph = getStageGraph(program);
  for (const current of graph.ancestry(stage)) {
    let found: Shell | null = null;
    for (const candidate of current.instructions) {
      if (current === stage && candidate.range[0] >= instruction.range[0]) break;
      if (candidate.type === "Shell") found = candidate;
    }
    if (found) return found;
  }
  return null;
}
