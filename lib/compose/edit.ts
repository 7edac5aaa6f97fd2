/**
 * Text edits on compose files that keep the file's own layout: where a new field or list item goes and
 * how far it is indented. Offsets are UTF-16 indices into the source text. Every function answers null
 * when it cannot edit without touching more than the change (flow mappings, values reached through an
 * alias, block scalars at the insertion point): the rule then reports without a fix.
 */
import type { AST } from "yaml-eslint-parser";
import { lineBreakOf, lineContentEnd } from "../utils/line-ends.js";
import { keyText } from "./yaml.js";

/** The offset of the end of the line holding `offset` (before its line break), so an insertion keeps a trailing comment on its line. */
export function endOfLine(text: string, offset: number): number {
  return lineContentEnd(text, offset, "yaml");
}

/** The line break the file uses (a lone `\r` too: YAML reads it as one). */
function lineBreak(text: string): string {
  return lineBreakOf(text, "yaml");
}

/**
 * Where to append a new item to a sequence and what to write: `- value` on a new line at the items'
 * column for a block sequence, `, value` before the `]` of a flow sequence. `item` is written as is.
 */
export function appendToSequence(text: string, sequence: AST.YAMLSequence, item: string): { offset: number; insert: string } | null {
  if (sequence.style === "flow") {
    const close = sequence.range[1] - 1;
    if (text[close] !== "]") return null;
    const empty = sequence.entries.length === 0;
    return { offset: close, insert: empty ? item : `, ${item}` };
  }
  const last = sequence.entries.at(-1);
  if (!last || isBlockScalar(last)) return null;
  const column = sequence.loc.start.column;
  return { offset: endOfLine(text, sequence.range[1]), insert: `${lineBreak(text)}${" ".repeat(column)}- ${item}` };
}

/**
 * Where to append a new field to a block mapping (after its last pair, at its keys' column) and the
 * text: `lines` are the new field's lines relative to the key column (`["security_opt:", "  - x"]`).
 */
export function appendToMapping(text: string, mapping: AST.YAMLMapping, lines: string[]): { offset: number; insert: string } | null {
  if (mapping.style !== "block") return null;
  // The key written in any form already (`!reset` values included): a second one would be a duplicate key.
  const key = lines[0]?.slice(0, lines[0].indexOf(":"));
  if (mapping.pairs.some((pair) => keyText(pair.key) === key)) return null;
  const last = mapping.pairs.at(-1);
  if (!last || (last.value && isBlockScalar(last.value))) return null;
  const column = mapping.loc.start.column;
  const eol = lineBreak(text);
  return { offset: endOfLine(text, mapping.range[1]), insert: lines.map((line) => `${eol}${" ".repeat(column)}${line}`).join("") };
}

/** The indentation step of the file: how far a mapping's keys sit right of its parent key (2 when unknown). */
export function indentStep(mapping: AST.YAMLMapping): number {
  const parent = mapping.parent;
  if (parent?.type === "YAMLPair" && parent.key) {
    const step = mapping.loc.start.column - parent.key.loc.start.column;
    if (step > 0) return step;
  }
  return 2;
}

function isBlockScalar(node: AST.YAMLNode): boolean {
  if (node.type === "YAMLWithMeta") return node.value ? isBlockScalar(node.value) : false;
  if (node.type === "YAMLScalar") return node.style === "literal" || node.style === "folded";
  if (node.type === "YAMLMapping" && node.style === "block") {
    const last = node.pairs.at(-1)?.value;
    return last ? isBlockScalar(last) : false;
  }
  if (node.type === "YAMLSequence" && node.style === "block") {
    const last = node.entries.at(-1);
    return last ? isBlockScalar(last) : false;
  }
  return false;
}
