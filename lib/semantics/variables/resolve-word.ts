/**
 * A word of an instruction as Docker reads it at build time, with the ARG/ENV values the Dockerfile
 * itself sets: the one place rules turn `$HOME/app`, `${PORT:-80}` or `"/app"` into a value.
 */
import type { DockerfileProgram, Instruction, Stage, Word } from "../../dockerfile/ast.js";
import { evaluateWord } from "../../dockerfile/variables.js";
import { variableBefore } from "./declared-values.js";

/**
 * What Docker makes of `word` at `instruction` of `stage`, with the ARG/ENV the file sets in scope
 * (ENV inherited through FROM <stage>; none for an instruction outside a stage); null when it uses a
 * variable the file does not set, or does not lex.
 */
export function resolveWordAt(program: DockerfileProgram, stage: Stage | null, instruction: Instruction, word: Word): string | null {
  if (word.variables.length === 0 && !/["'\\`]/u.test(word.value)) return word.value;
  let unknown = false;
  try {
    const evaluation = evaluateWord(word.value, program.escapeChar, (name) => {
      const value = stage ? variableBefore(program, stage, instruction, name) : undefined;
      if (value === undefined || value === null) {
        unknown = true;
        return undefined;
      }
      return value;
    });
    return unknown ? null : evaluation.value;
  } catch {
    return null;
  }
}

