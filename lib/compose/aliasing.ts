/**
 * How much a YAML document grows when its aliases are expanded, counted as Compose's YAML library
 * counts it, without expanding anything.
 *
 * compose-go decodes each document with go-yaml (`go.yaml.in/yaml/v4`; `gopkg.in/yaml.v3`
 * `decode.go` before it), which counts every node it decodes, and separately those it decodes inside
 * an alias's target, and stops with "document contains excessive aliasing" once more than 100 nodes
 * came through aliases, more than 1,000 in all, and the share through aliases exceeds 99 % (up to
 * 400,000 nodes), falling linearly to 10 % at 4,000,000 nodes (`DefaultAliasCheck` in
 * yaml/go-yaml `internal/libyaml/options.go`, `allowedAliasRatio` in v3). The check runs as nodes are
 * decoded; within one alias's expansion both counts grow together, so the share only rises and the
 * allowed share only falls: checking at the end of each expansion, and at every node outside one,
 * finds the same answer as checking at every step.
 *
 * The expanded size of each node is computed once, in one pass in document order (an alias names an
 * anchor defined before it, whose node is complete by then), with an explicit stack: the cost is
 * linear in the nodes as written, whatever the expansion (the billion-laughs file, 10^9 nodes
 * expanded, is counted in microseconds). Sizes saturate at {@link SATURATED}.
 *
 * Counting follows the AST as written (a merge key `<<` counts as a key; go-yaml skips it): the
 * counts differ from go-yaml's by a few nodes per merge, never by orders of magnitude.
 */
import type { AST } from "yaml-eslint-parser";
import { findAnchor } from "./yaml.js";

/** Sizes above this are reported as "more than" it: sums stay exact integers below it. */
export const SATURATED = 1e15;

export interface ExcessiveAliasing {
  /** The alias whose expansion makes the document cross the limit. */
  alias: AST.YAMLAlias;
  /** Nodes decoded up to and including that expansion (at most {@link SATURATED}). */
  decoded: number;
  /** Of those, the nodes decoded inside aliases. */
  throughAliases: number;
}

/** go-yaml's allowed share of nodes decoded through aliases, for a count of decoded nodes. */
export function allowedAliasShare(decoded: number): number {
  const low = 400_000;
  const high = 4_000_000;
  if (decoded <= low) return 0.99;
  if (decoded >= high) return 0.1;
  return 0.99 - 0.89 * ((decoded - low) / (high - low));
}

function exceeds(throughAliases: number, decoded: number): boolean {
  return throughAliases > 100 && decoded > 1000 && throughAliases / decoded > allowedAliasShare(decoded);
}

const add = (a: number, b: number): number => Math.min(SATURATED, a + b);

type Node = AST.YAMLContent | AST.YAMLWithMeta | AST.YAMLPair | null;

function children(node: Exclude<Node, null>): Node[] {
  switch (node.type) {
    case "YAMLWithMeta":
      return [node.value];
    case "YAMLMapping":
      return node.pairs;
    case "YAMLPair":
      return [node.key, node.value];
    case "YAMLSequence":
      return node.entries;
    default:
      return [];
  }
}

const cache = new WeakMap<AST.YAMLDocument, ExcessiveAliasing | null>();

/**
 * The first alias of a document whose expansion makes go-yaml refuse it ("document contains
 * excessive aliasing"), or null when Compose can decode it. Cached per document; never throws.
 */
export function findExcessiveAliasing(document: AST.YAMLDocument): ExcessiveAliasing | null {
  if (cache.has(document)) return cache.get(document)!;
  let result: ExcessiveAliasing | null;
  try {
    result = measure(document);
  } catch {
    result = null;
  }
  cache.set(document, result);
  return result;
}

function measure(document: AST.YAMLDocument): ExcessiveAliasing | null {
  if (Object.keys(document.anchors).length === 0) return null;
  // Expanded size of each node already measured (the anchored nodes aliases point at).
  const sizes = new Map<object, number>();
  let decoded = 1; // the document node
  let throughAliases = 0;
  let lastAlias: AST.YAMLAlias | null = null;
  const tripped = (): ExcessiveAliasing | null => (lastAlias && exceeds(throughAliases, decoded) ? { alias: lastAlias, decoded, throughAliases } : null);
  // Post-order with an explicit stack: [node, childrenPushed].
  const stack: [Exclude<Node, null> | null, boolean][] = [[document.content, false]];
  const pending: number[] = [];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const [node, expanded] = top;
    if (!node) {
      // An empty value is a null scalar to go-yaml.
      stack.pop();
      decoded = add(decoded, 1);
      pending.push(1);
      if (tripped()) return tripped();
      continue;
    }
    if (!expanded) {
      top[1] = true;
      if (node.type === "YAMLAlias") {
        stack.pop();
        const anchor = findAnchor(node);
        const target = anchor?.parent;
        // An alias inside the node it names (a cycle) or naming nothing: go-yaml fails otherwise; count the alias alone.
        const size = target ? (sizes.get(target) ?? 0) : 0;
        decoded = add(decoded, 1 + size);
        throughAliases = add(throughAliases, size);
        pending.push(add(1, size));
        lastAlias = node;
        if (tripped()) return tripped();
        continue;
      }
      // Pairs and `!tag &anchor` wrappers are not nodes of their own to go-yaml.
      if (node.type !== "YAMLPair" && node.type !== "YAMLWithMeta") {
        decoded = add(decoded, 1);
        if (tripped()) return tripped();
      }
      pending.push(-1); // marks where this node's children's sizes start
      const list = children(node);
      for (let index = list.length - 1; index >= 0; index--) stack.push([list[index] ?? null, false]);
      continue;
    }
    stack.pop();
    let size = node.type === "YAMLPair" || node.type === "YAMLWithMeta" ? 0 : 1;
    while (pending.length > 0) {
      const child = pending.pop()!;
      if (child === -1) break;
      size = add(size, child);
    }
    sizes.set(node, size);
    pending.push(size);
  }
  return null;
}
