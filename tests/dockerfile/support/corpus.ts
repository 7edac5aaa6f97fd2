/** Locating the shared real-world corpus (never copied into the repository) and checking AST invariants. */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DockerfileNode, DockerfileProgram } from "../../../lib/dockerfile/ast.js";
import { createLineTable, positionAt } from "../../../lib/dockerfile/positions.js";
import { visitorKeys } from "../../../lib/dockerfile/visitor-keys.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const corpusRoot = path.resolve(repoRoot, "../shared/corpus");

/** Dockerfile, *.Dockerfile, *.dockerfile, Dockerfile.*, Containerfile, Containerfile.* */
function isDockerfileName(name: string): boolean {
  return /^(?:Dockerfile|Containerfile)(?:\..+)?$/u.test(name) || /\.[Dd]ockerfile$/u.test(name);
}

function walk(dir: string, out: string[], accept: (name: string) => boolean): void {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    const stat = statSync(full);
    if (stat.isDirectory()) walk(full, out, accept);
    else if (stat.isFile() && accept(entry)) out.push(full);
  }
}

/**
 * The corpus Dockerfiles (absolute paths, sorted), or null when the corpus is absent: every file
 * under `dockerfiles/` (all are Dockerfiles, some named `Dockerfile-base`…), and the files of
 * `projects/docker__awesome-compose` whose name says Dockerfile.
 */
export function corpusDockerfiles(): string[] | null {
  const dockerfiles = path.join(corpusRoot, "dockerfiles");
  if (!existsSync(dockerfiles)) return null;
  const files: string[] = [];
  walk(dockerfiles, files, () => true);
  const awesome = path.join(corpusRoot, "projects", "docker__awesome-compose");
  if (existsSync(awesome)) walk(awesome, files, isDockerfileName);
  return files.sort();
}

function isNode(value: unknown): value is DockerfileNode {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

/**
 * Structural invariants every AST must satisfy; returns the violations (empty when fine):
 * ranges inside the text, children inside their parent, siblings in order and not overlapping,
 * `loc` agreeing with `range`, `parent` links right.
 */
export function checkInvariants(text: string, program: DockerfileProgram): string[] {
  const problems: string[] = [];
  const table = createLineTable(text);
  const sameLoc = (node: DockerfileNode): boolean => {
    const start = positionAt(table, node.range[0]);
    const end = positionAt(table, node.range[1]);
    return (
      node.loc.start.line === start.line &&
      node.loc.start.column === start.column &&
      node.loc.end.line === end.line &&
      node.loc.end.column === end.column
    );
  };
  const describe = (node: DockerfileNode): string => `${node.type}[${node.range[0]},${node.range[1]}]`;
  const visit = (node: DockerfileNode, parent: DockerfileNode | null): void => {
    const [start, end] = node.range;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) {
      problems.push(`${describe(node)}: range outside the text`);
    }
    if (!sameLoc(node)) problems.push(`${describe(node)}: loc disagrees with range`);
    // Sub-ranges (nameRange, tagRange…) lie inside the node, except the two documented to lie outside it.
    for (const [key, value] of Object.entries(node)) {
      if (!key.endsWith("Range") || value === null || key === "markerRange" || key === "trailingRange") continue;
      const [a, b] = value as [number, number];
      if (!(a <= b && a >= start && b <= end)) problems.push(`${describe(node)}.${key} [${a},${b}] not inside the node`);
    }
    if (node.type === "Flag" && node.mount) {
      for (const option of node.mount.options) {
        for (const range of [option.range, option.keyRange, option.valueRange]) {
          if (range && !(range[0] <= range[1] && range[0] >= node.value.range[0] && range[1] <= node.value.range[1])) {
            problems.push(`${describe(node)}: mount option ${option.key} range [${range[0]},${range[1]}] outside the value`);
          }
        }
      }
    }
    if (node.type === "Heredoc" && !(node.markerRange[1] <= node.range[0])) problems.push(`${describe(node)}: marker after body`);
    if (node.parent !== parent) problems.push(`${describe(node)}: wrong parent`);
    let previousEnd = start;
    let previous: DockerfileNode | null = null;
    const record = node as unknown as Record<string, unknown>;
    for (const key of visitorKeys[node.type]) {
      const value = record[key];
      const children = Array.isArray(value) ? value.filter(isNode) : isNode(value) ? [value] : [];
      for (const child of children) {
        if (child.range[0] < start || child.range[1] > end) problems.push(`${describe(child)} not inside its parent ${describe(node)}`);
        if (child.range[0] < previousEnd && previous) problems.push(`${describe(child)} overlaps or precedes its sibling ${describe(previous)}`);
        previousEnd = Math.max(previousEnd, child.range[1]);
        previous = child;
        visit(child, node);
      }
    }
  };
  visit(program, null);
  let previousComment = -1;
  for (const comment of program.comments) {
    if (comment.parent !== program) problems.push(`${describe(comment)}: wrong parent`);
    if (!sameLoc(comment)) problems.push(`${describe(comment)}: loc disagrees with range`);
    if (text[comment.range[0]] !== "#") problems.push(`${describe(comment)}: does not start at #`);
    if (comment.range[0] <= previousComment) problems.push(`${describe(comment)}: comments out of order`);
    previousComment = comment.range[0];
  }
  return problems;
}
