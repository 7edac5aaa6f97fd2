/** Small read-only helpers over the AST. */
import type { DockerfileProgram, Instruction, VariableReference } from "./ast.js";

/** Every reference of a list, nested ones included (`${A:-$B}` → A, B), in source order. */
export function flattenVariables(variables: readonly VariableReference[]): VariableReference[] {
  const out: VariableReference[] = [];
  const visit = (list: readonly VariableReference[]): void => {
    for (const variable of list) {
      out.push(variable);
      visit(variable.nested);
    }
  };
  visit(variables);
  return out;
}

/** Every top-level instruction in source order: the preamble, then each stage's FROM and body (ONBUILD triggers not expanded). */
export function allInstructions(program: DockerfileProgram): Instruction[] {
  // Plain loops, not spreads: a stage of a 10 MB Dockerfile has more instructions than the call stack has room for arguments.
  const instructions: Instruction[] = program.preamble.slice();
  for (const stage of program.stages) {
    instructions.push(stage.from);
    for (const instruction of stage.instructions) instructions.push(instruction);
  }
  return instructions;
}
