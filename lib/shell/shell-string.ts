/**
 * The script an `sh -c` argument word hands the inner shell, shared by the shell parser and the test
 * oracle: quotes and escapes removed, expansions (`$X`, `$(…)`) kept as written so the inner parse sees
 * them as expansions (the outer shell would substitute them first; for linting, the structure is what
 * matters). Each segment maps a run of the inner text back to an offset of the frame's source string
 * (`partStarts[i]` is where part `i` starts there).
 */
import type { ShellWord } from "./model.js";
import type { ShellTextSegment } from "./shell-text.js";

/** The inner script text and its map; `segments` is null when a part cannot be mapped character by character (`$'…'`). */
export interface InnerScript {
  text: string;
  segments: ShellTextSegment[] | null;
}

/**
 * Build the inner script of an `sh -c` word. `partStarts` holds, for each part of `word`, its start
 * (UTF-16 offset) in the source string the word was parsed from. When `segments` is null the caller
 * maps every inner range to the whole word.
 */
export function innerScript(word: ShellWord, partStarts: readonly number[]): InnerScript {
  const segments: ShellTextSegment[] = [];
  let text = "";
  let exact = true;
  const emit = (srcOffset: number, chunk: string): void => {
    if (chunk.length === 0) return;
    const textPos = text.length;
    text += chunk;
    const last = segments[segments.length - 1];
    if (last && last.textStart + last.length === textPos && last.sourceStart + last.length === srcOffset) {
      segments[segments.length - 1] = { textStart: last.textStart, sourceStart: last.sourceStart, length: last.length + chunk.length };
    } else {
      segments.push({ textStart: textPos, sourceStart: srcOffset, length: chunk.length });
    }
  };
  for (let i = 0; i < word.parts.length; i++) {
    const part = word.parts[i]!;
    const base = partStarts[i];
    const raw = part.raw;
    if (base === undefined) return { text: word.value ?? word.raw, segments: null };
    switch (part.kind) {
      case "literal":
        for (let j = 0; j < raw.length; j++) {
          if (raw[j] === "\\" && j + 1 < raw.length) {
            if (raw[j + 1] !== "\n") emit(base + j + 1, raw[j + 1]!);
            j++;
          } else emit(base + j, raw[j]!);
        }
        break;
      case "single-quoted":
        emit(base + 1, raw.slice(1, -1));
        break;
      case "double-quoted": {
        const open = raw.startsWith("$") ? 2 : 1;
        for (let j = open; j < raw.length - 1; j++) {
          const n = raw[j + 1];
          if (raw[j] === "\\" && (n === "$" || n === "`" || n === '"' || n === "\\" || n === "\n")) {
            if (n !== "\n") emit(base + j + 1, n);
            j++;
          } else emit(base + j, raw[j]!);
        }
        break;
      }
      case "ansi-c-quoted":
        exact = false;
        text += part.value ?? "";
        break;
      default:
        // Expansions stay as written.
        emit(base, raw);
    }
  }
  return { text, segments: exact ? segments : null };
}
