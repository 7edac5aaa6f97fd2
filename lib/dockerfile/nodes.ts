/**
 * Node construction helpers shared by the instruction builders. Nodes are created with a placeholder
 * `loc` and a null `parent`; `finalize.ts` fills both once the tree is complete.
 */
import type { DockerfileNode, Range, ShellText, SourceLocation, VariableReference, Word } from "./ast.js";
import { toSourceOffset, toSourceRange } from "./shell-text.js";
import { scanVariables, type ScannedVariable } from "./variables.js";

const PLACEHOLDER_LOC: SourceLocation = Object.freeze({ start: Object.freeze({ line: 0, column: 0 }), end: Object.freeze({ line: 0, column: 0 }) }) as SourceLocation;

type NodeFields<T extends DockerfileNode> = Omit<T, "loc" | "parent">;

/**
 * Create a node from a fresh object literal (completed in place, not copied: this runs for every
 * node); `loc` and `parent` are set later by `finalize`.
 */
export function makeNode<T extends DockerfileNode>(fields: NodeFields<T>): T {
  const node = fields as unknown as T;
  node.loc = PLACEHOLDER_LOC;
  node.parent = null;
  return node;
}

/**
 * One logical line (an instruction with its continuation lines joined, as BuildKit sees it) and the
 * map from its offsets to the source.
 */
export class LogicalLine {
  readonly text: string;

  constructor(
    /** The whole Dockerfile text. */
    readonly source: string,
    readonly shell: ShellText,
    readonly escapeChar: string,
  ) {
    this.text = shell.text;
  }

  /**
   * Source range of `text[start, end)`. Where an empty range sits matters when a continuation
   * removed text at that point: `after` (the default) sticks it to the character before it (the empty
   * value of `ENV A=` stays right after `=`), `before` to the character after it (an empty key
   * at the start of a word stays with that word).
   */
  range(start: number, end: number, emptyAt: "before" | "after" = "after"): Range {
    if (end <= start && start > 0 && emptyAt === "after") {
      const at = toSourceOffset(this.shell, start);
      return [at, at];
    }
    return toSourceRange(this.shell, start, end);
  }
}

/**
 * VariableReference nodes for references scanned in a string whose offset `i` maps to `mapIndex(i)`
 * in the logical line. `scanned` is in source order; references inside another one's argument
 * become its `nested` children, and only the outermost ones are returned.
 */
export function variableNodes(line: LogicalLine, scanned: readonly ScannedVariable[], mapIndex: (index: number) => number): VariableReference[] {
  const mapRange = (start: number, end: number): Range => {
    if (end <= start) {
      const at = mapIndex(start);
      return line.range(at, at);
    }
    return line.range(mapIndex(start), mapIndex(end - 1) + 1);
  };
  const roots: VariableReference[] = [];
  const stack: { end: number; node: VariableReference }[] = [];
  for (const variable of scanned) {
    // One literal with every field (`loc` and `parent` included, as `makeNode` would add them): one
    // object shape for V8, where spreading a shared part and adding fields afterwards made several.
    const withArgument = variable.braced && variable.modifier !== null && variable.argument !== null;
    const node = {
      type: "VariableReference",
      name: variable.name,
      nameRange: mapRange(variable.nameStart, variable.nameEnd),
      nested: [],
      range: mapRange(variable.start, variable.end),
      braced: variable.braced,
      modifier: withArgument ? variable.modifier : null,
      argument: withArgument ? variable.argument : null,
      argumentRange: withArgument ? mapRange(variable.argumentStart, variable.argumentEnd) : null,
      loc: PLACEHOLDER_LOC,
      parent: null,
    } as VariableReference;
    while (stack.length > 0 && stack[stack.length - 1]!.end <= variable.start) stack.pop();
    const container = stack[stack.length - 1];
    if (container) container.node.nested.push(node);
    else roots.push(node);
    stack.push({ end: variable.end, node });
  }
  return roots;
}

/**
 * A Word for `line.text[start, end)`; `substitutes: false` for instructions Docker does not expand
 * (MAINTAINER); `emptyAt` places an empty word (see `LogicalLine.range`).
 */
export function wordNode(line: LogicalLine, start: number, end: number, substitutes = true, emptyAt: "before" | "after" = "after"): Word {
  const value = line.text.slice(start, end);
  const variables = substitutes ? variableNodes(line, scanVariables(value, line.escapeChar).variables, (i) => start + i) : [];
  return makeNode<Word>({ type: "Word", value, variables, range: line.range(start, end, emptyAt) });
}
