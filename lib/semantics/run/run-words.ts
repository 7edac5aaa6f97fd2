/**
 * Shell words of a RUN read with the values the Dockerfile gives its variables: `-u "$APP_UID"` with
 * `ARG APP_UID=200000` reads as `-u 200000`. Only plain references (`$X`, `${X}`, inside double quotes
 * too) to an ARG or ENV whose value the file states are substituted; anything else (`${X:-d}`, command
 * substitutions, variables the script sets itself) leaves the word dynamic (`value: null`), never guessed.
 */
import type { DockerfileProgram, Run } from "../../dockerfile/ast.js";
import type { ShellWord } from "../../shell/model.js";
import { variableBefore } from "../variables/declared-values.js";
import { stageOf } from "../stages/stages.js";

const PLAIN_REFERENCE = /^\$(?:\{(\w+)\}|(\w+))$/u;

/** A copy of `word` whose `value` is filled in from the Dockerfile's ARG/ENV values when it can be. */
function resolveRunWord(program: DockerfileProgram, run: Run, word: ShellWord): ShellWord {
  if (word.value !== null) return word;
  const stage = stageOf(program, run);
  if (!stage) return word;
  let value = "";
  for (const part of word.parts) {
    if (part.value !== null) {
      value += part.value;
      continue;
    }
    const raw = part.kind === "double-quoted" ? part.raw.replace(/^\$?"|"$/gu, "") : part.raw;
    const match = part.kind === "parameter" || part.kind === "double-quoted" ? PLAIN_REFERENCE.exec(raw) : null;
    const name = match?.[1] ?? match?.[2];
    const declared = name === undefined ? undefined : variableBefore(program, stage, run, name);
    if (declared === undefined || declared === null) return word;
    value += declared;
  }
  return { ...word, value };
}

/** `resolveRunWord` over a list of words. */
export function resolveRunWords(program: DockerfileProgram, run: Run, words: readonly ShellWord[]): ShellWord[] {
  return words.map((word) => resolveRunWord(program, run, word));
}
