/**
 * The value Docker gives an argument of an instruction: quotes removed, escapes applied, `$VAR`
 * substituted with what the Dockerfile sets before that instruction (ENV, ARG defaults).
 */
import type { DockerfileProgram, Instruction, PathArgument } from "../../dockerfile/ast.js";
import { resolveWordAt } from "./resolve-word.js";
import { stageOf } from "../stages/stages.js";

/**
 * The processed value of `argument` (a Word or a JSON string) of `instruction`, or null when it
 * depends on something the file does not fix (an ARG without default, `--build-arg`, an ENV of the
 * base image) or does not expand (a syntax error). A JSON string with a `$` is not evaluated (null).
 */
export function argumentValue(program: DockerfileProgram, instruction: Instruction, argument: PathArgument): string | null {
  if (argument.type === "JsonString") return argument.value.includes("$") ? null : argument.value;
  return resolveWordAt(program, stageOf(program, instruction), instruction, argument);
}
