/**
 * What an instruction becomes after a fix, read the way BuildKit reads it: the check that lets a fix
 * which moves text across lines (escapes, continuations, comment lines) prove it kept the meaning,
 * or give up and leave the finding without a fix.
 */
import type { DockerfileProgram, Instruction, Range, ShellText } from "./ast.js";
import { parseDockerfile } from "./parse.js";
import { RecentMap } from "../utils/recent-map.js";

/** One replacement, with offsets in the file's text. */
export interface TextEdit {
  range: Range;
  text: string;
}

const SENTINEL = "LABEL docker-policy.reparse=end";

/**
 * Parsed instructions by the text parsed (the edited instruction with its escape directive and the
 * sentinel), most recently used last, at most {@link REPARSED_KEPT}. The parse is a pure function of
 * that text, and an editor lints the same file again on every change: the fix proofs of
 * `env-key-value-format` (one per legacy pair, half the findings of `recommended` on the corpus) and
 * `sort-package-lists` would otherwise parse the same texts on every lint. The instructions given
 * out are shared: callers only read them.
 */
const REPARSED_KEPT = 512;
const reparsed = new RecentMap<string, Instruction | null>(REPARSED_KEPT);

function parsedInstruction(source: string): Instruction | null {
  const known = reparsed.get(source);
  if (known !== undefined) return known;
  const parsed = parseDockerfile(source);
  let instruction: Instruction | null = null;
  if (parsed.ok) {
    const all = [...parsed.ast.preamble, ...parsed.ast.stages.flatMap((stage) => [stage.from, ...stage.instructions])];
    if (all.length === 2 && all[1]!.type === "Label") instruction = all[0]!;
  }
  reparsed.set(source, instruction);
  return instruction;
}

/**
 * The instruction `instruction` of `program` becomes once `edits` (all inside its range, not
 * overlapping) are applied, parsed on its own with the file's escape character and followed by one
 * more instruction: null when the edited text is no longer exactly one instruction that ends where
 * it did (a last line that now ends in a continuation would swallow the next instruction).
 */
export function reparseEdited(text: string, program: DockerfileProgram, instruction: Instruction, edits: readonly TextEdit[]): Instruction | null {
  const [start, end] = instruction.range;
  let edited = "";
  let at = start;
  for (const edit of [...edits].sort((a, b) => a.range[0] - b.range[0])) {
    if (edit.range[0] < at || edit.range[1] > end) return null;
    edited += text.slice(at, edit.range[0]) + edit.text;
    at = edit.range[1];
  }
  edited += text.slice(at, end);
  const prefix = program.escapeChar === "\\" ? "" : `# escape=${program.escapeChar}\n`;
  return parsedInstruction(`${prefix}${edited}\n${SENTINEL}\n`);
}

/** The texts a RUN hands its shell: the shell form's and the heredoc script's (empty strings when absent). */
export function runTexts(instruction: Instruction): [string, string] {
  if (instruction.type !== "Run") return ["", ""];
  const form = instruction.form?.type === "ShellForm" ? instruction.form.shell.text : "";
  return [form, instruction.script?.text.text ?? ""];
}

/** The offset in `shell.text` of a source offset inside one of its segments (or at a segment's end), or null. */
function toTextOffset(shell: ShellText, sourceOffset: number): number | null {
  for (const segment of shell.segments) {
    if (sourceOffset >= segment.sourceStart && sourceOffset <= segment.sourceStart + segment.length) return segment.textStart + (sourceOffset - segment.sourceStart);
  }
  return null;
}

/**
 * `shell.text` with the source ranges `ranges` (each inside one segment, in source order, not
 * overlapping) replaced by `texts`: what the shell would see after the same replacements in the
 * file, when the replacements keep every line's continuation. Null when a range is not in the text.
 */
export function replacedShellText(shell: ShellText, ranges: readonly Range[], texts: readonly string[]): string | null {
  const mapped: [number, number, string][] = [];
  for (let index = 0; index < ranges.length; index++) {
    const from = toTextOffset(shell, ranges[index]![0]);
    const to = toTextOffset(shell, ranges[index]![1]);
    if (from === null || to === null || to < from) return null;
    mapped.push([from, to, texts[index]!]);
  }
  mapped.sort((a, b) => a[0] - b[0]);
  let result = "";
  let at = 0;
  for (const [from, to, replacement] of mapped) {
    if (from < at) return null;
    result += shell.text.slice(at, from) + replacement;
    at = to;
  }
  return result + shell.text.slice(at);
}
