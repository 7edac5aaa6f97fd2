/**
 * Variables a RUN sees from the Dockerfile: ENV (inherited through FROM an earlier stage) and ARG
 * (declared in the stage; a global ARG only when re-declared there). `null` value: declared, but its
 * value is not known from the file (an ARG without default, or a value with variables).
 */
import type { DockerfileProgram, Instruction, Stage } from "../dockerfile/ast.js";
import { getStageGraph } from "./stages.js";

function collect(stageInstructions: readonly Instruction[], stop: Instruction | null, into: Map<string, string | null>): void {
  for (const instruction of stageInstructions) {
    if (instruction === stop) return;
    if (instruction.type === "Env") {
      for (const pair of instruction.pairs) {
        const value = pair.value && pair.value.variables.length === 0 ? unquote(pair.value.value) : null;
        into.set(pair.key.value, value);
      }
    } else if (instruction.type === "Arg") {
      for (const declaration of instruction.args) {
        const value = declaration.defaultValue && declaration.defaultValue.variables.length === 0 ? unquote(declaration.defaultValue.value) : null;
        // An ARG does not override an ENV of the same name (Docker: ENV wins).
        if (!into.has(declaration.name)) into.set(declaration.name, value);
      }
    }
  }
}

function unquote(value: string): string {
  return /^(["']).*\1$/su.test(value) ? value.slice(1, -1) : value;
}

/** The variables set by the Dockerfile for an instruction of `stage` (before `before`). */
export function dockerfileEnvironment(program: DockerfileProgram, stage: Stage, before: Instruction | null): Map<string, string | null> {
  const chain = getStageGraph(program).ancestry(stage).reverse();
  const env = new Map<string, string | null>();
  for (const current of chain) {
    // ARGs do not cross FROM; ENVs do. Earlier stages contribute their ENVs only.
    if (current !== stage) {
      const envOnly = new Map<string, string | null>();
      collect(current.instructions.filter((instruction) => instruction.type === "Env"), null, envOnly);
      for (const [name, value] of envOnly) env.set(name, value);
      continue;
    }
    collect(current.instructions, before, env);
  }
  return env;
}
