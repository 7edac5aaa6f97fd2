/**
 * Heredoc markers on instructions that take none. BuildKit reads heredoc bodies only after RUN, COPY
 * and ADD (also as an ONBUILD trigger) outside the JSON form (`parser/parser.go` `canContainHeredoc`);
 * after `CMD <<EOF` the lines below are instructions of their own, and `docker build` usually fails
 * on the first of them. This module finds those would-be bodies so rules can explain the finding
 * (`no-unknown-instruction`) or leave the lines alone (`instruction-casing`).
 * Computed once per Program.
 */
import { allInstructions } from "../../dockerfile/ast-helpers.js";
import type { DockerfileProgram, Instruction } from "../../dockerfile/ast.js";
import { findHeredocMarkers } from "../../dockerfile/heredoc.js";
import { createLineTable } from "../../dockerfile/positions.js";

/** The instruction whose `<<name` marker the line would belong to, had it taken heredocs. */
export interface StrayHeredoc {
  /** The instruction that carries the marker (CMD, ENTRYPOINT, ENV, …). */
  host: Instruction;
  /** The marker's name, quotes removed (`EOF`). */
  delimiter: string;
}

/** Whether BuildKit reads heredoc bodies after this instruction (`canContainHeredoc`). */
function takesHeredocs(instruction: Instruction): boolean {
  const inner = instruction.type === "Onbuild" && instruction.trigger ? instruction.trigger : instruction;
  if (inner.type === "Run") return inner.form?.type !== "ExecForm";
  if (inner.type === "Copy" || inner.type === "Add") return !inner.json;
  return false;
}

function compute(program: DockerfileProgram, text: string): Map<Instruction, StrayHeredoc> {
  const stray = new Map<Instruction, StrayHeredoc>();
  if (!text.includes("<<")) return stray;
  const lines = createLineTable(text);
  const instructions = allInstructions(program);
  for (const [hostIndex, host] of instructions.entries()) {
    if (takesHeredocs(host) || stray.has(host)) continue;
    const start = host.keyword.range[0];
    const end = host.range[1];
    if (!text.slice(start, end).includes("<<")) continue;
    const markers = findHeredocMarkers(text, start, end);
    if (markers.length === 0) continue;
    // Each would-be body runs from the line after the previous one to its terminator line (0-based).
    const bodies: { first: number; last: number; delimiter: string }[] = [];
    let next = host.loc.end.line; // 0-based index of the line after the host's last line
    for (const marker of markers) {
      let terminator = -1;
      for (let index = next; index < lines.count; index++) {
        let lineStart = lines.starts[index]!;
        const lineEnd = lines.ends[index]!;
        if (marker.stripTabs) while (lineStart < lineEnd && text.charCodeAt(lineStart) === 0x09) lineStart++;
        if (text.slice(lineStart, lineEnd) === marker.delimiter) {
          terminator = index;
          break;
        }
      }
      if (terminator === -1) break;
      bodies.push({ first: next, last: terminator, delimiter: marker.delimiter });
      next = terminator + 1;
    }
    if (bodies.length === 0) continue;
    const lastLine = bodies[bodies.length - 1]!.last;
    for (let index = hostIndex + 1; index < instructions.length; index++) {
      const instruction = instructions[index]!;
      const line = instruction.loc.start.line - 1;
      if (line > lastLine) break;
      const body = bodies.find((candidate) => candidate.first <= line && line <= candidate.last);
      if (body) stray.set(instruction, { host, delimiter: body.delimiter });
    }
  }
  return stray;
}

const cache = new WeakMap<DockerfileProgram, Map<Instruction, StrayHeredoc>>();

/**
 * The instructions that stand where a heredoc body would be, had their host taken heredocs, with that
 * host. `text` is the file's text (the Program's source). Instructions elsewhere are not in the map.
 */
export function getStrayHeredocs(program: DockerfileProgram, text: string): ReadonlyMap<Instruction, StrayHeredoc> {
  let stray = cache.get(program);
  if (!stray) {
    stray = compute(program, text);
    cache.set(program, stray);
  }
  return stray;
}
