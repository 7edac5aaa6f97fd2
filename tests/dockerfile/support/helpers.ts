import { expect } from "vitest";
import type { DockerfileProgram, Instruction, Range, ShellText } from "../../../lib/dockerfile/ast.js";
import { allInstructions } from "../../../lib/dockerfile/ast-helpers.js";
import { parseDockerfile } from "../../../lib/dockerfile/parse.js";
import { toSourceStartOffset } from "../../../lib/dockerfile/shell-text.js";
import { checkInvariants } from "./corpus.js";

/** Parse, assert success and the structural invariants, return the Program. */
export function parseOk(text: string): DockerfileProgram {
  const result = parseDockerfile(text);
  if (!result.ok) throw new Error(`expected a successful parse, got ${JSON.stringify(result.errors)}`);
  expect(checkInvariants(text, result.ast)).toEqual([]);
  return result.ast;
}

/** The parse errors (asserting failure). */
export function parseErrors(text: string): { message: string; line: number; column: number }[] {
  const result = parseDockerfile(text);
  if (result.ok) throw new Error("expected a parse failure");
  return result.errors;
}

/** Every top-level instruction. */
export function instructions(text: string): Instruction[] {
  return allInstructions(parseOk(text));
}

/** The single instruction of a one-instruction file (after an optional FROM). */
export function only<T extends Instruction["type"]>(text: string, type: T): Extract<Instruction, { type: T }> {
  const found = instructions(text).filter((instruction) => instruction.type === type);
  expect(found).toHaveLength(1);
  return found[0] as Extract<Instruction, { type: T }>;
}

export function slice(text: string, range: Range | null | undefined): string | null {
  return range ? text.slice(range[0], range[1]) : null;
}

/** Assert that every character of `shell.text` maps to the same character in the source (for chunks copied verbatim). */
export function expectVerbatimMapping(text: string, shell: ShellText): void {
  for (const segment of shell.segments) {
    expect(text.slice(segment.sourceStart, segment.sourceStart + segment.length)).toBe(shell.text.slice(segment.textStart, segment.textStart + segment.length));
  }
}

/** Source offset of the `n`th (0-based) occurrence of `needle` in shell.text. */
export function sourceOffsetOf(shell: ShellText, needle: string, n = 0): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = shell.text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`${needle} not found`);
  }
  return toSourceStartOffset(shell, at);
}
