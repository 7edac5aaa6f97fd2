/** Fill in `parent` and `loc` once the tree is complete. */
import type { DockerfileNode, DockerfileProgram } from "./ast.js";
import { positionAt, type LineTable } from "./positions.js";
import { visitorKeys } from "./visitor-keys.js";

function isNode(value: unknown): value is DockerfileNode {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

export function finalize(program: DockerfileProgram, table: LineTable): void {
  const visit = (node: DockerfileNode, parent: DockerfileNode | null): void => {
    node.parent = parent;
    node.loc = { start: positionAt(table, node.range[0]), end: positionAt(table, node.range[1]) };
    const record = node as unknown as Record<string, unknown>;
    for (const key of visitorKeys[node.type]) {
      const value = record[key];
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) visit(child, node);
      } else if (isNode(value)) {
        visit(value, node);
      }
    }
  };
  visit(program, null);
  program.parent = null;
  for (const comment of program.comments) {
    comment.parent = program;
    comment.loc = { start: positionAt(table, comment.range[0]), end: positionAt(table, comment.range[1]) };
  }
}
