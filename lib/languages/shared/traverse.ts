import { CallMethodStep, VisitNodeStep } from "@eslint/plugin-kit";
import type { TraversalStep } from "@eslint/core";
import type { SyntaxElement, VisitorKeys } from "./syntax.js";

function isNode(value: unknown): value is SyntaxElement {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { type?: unknown }).type === "string" &&
    Array.isArray((value as { range?: unknown }).range)
  );
}

/** The child nodes of `node`, in source order, as its visitor keys name them. */
function childNodes(node: SyntaxElement, visitorKeys: VisitorKeys): SyntaxElement[] {
  const children: SyntaxElement[] = [];
  collectChildNodes(node, visitorKeys, children);
  return children;
}

function collectChildNodes(node: SyntaxElement, visitorKeys: VisitorKeys, children: SyntaxElement[]): void {
  const keys = visitorKeys[node.type];
  if (!keys) return;
  for (const key of keys) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const element of value) if (isNode(element)) children.push(element);
    } else if (isNode(value)) {
      children.push(value);
    }
  }
}

/**
 * The enter/leave steps ESLint replays for the rules. The code-path calls around them exist only so
 * that core JavaScript rules a user enables for every file (which listen for `onCodePathStart`/`End`)
 * run without crashing on our files; our own rules never listen for them.
 */
export function traversalSteps(root: SyntaxElement, visitorKeys: VisitorKeys): TraversalStep[] {
  const steps: TraversalStep[] = [];
  const fakeCodePath = { id: "s1", initialSegment: null, finalSegments: [], returnedSegments: [], thrownSegments: [], currentSegments: [], upper: null, childCodePaths: [] };
  steps.push(new CallMethodStep({ target: "onCodePathStart", args: [fakeCodePath, root] }));
  // An explicit stack, not recursion: a deeply nested file must not exhaust JavaScript's stack. Two
  // parallel arrays instead of an object per entry, and one `args` array shared by a node's enter and
  // leave steps (no rule edits it): this runs for every node of every linted file, with or without rules.
  const nodes: SyntaxElement[] = [root];
  /** For a leave entry, the `args` of the node's enter step; null for an enter entry. */
  const leaveArgs: ([SyntaxElement] | null)[] = [null];
  const children: SyntaxElement[] = [];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const shared = leaveArgs.pop()!;
    if (shared !== null) {
      steps.push(new VisitNodeStep({ target: node, phase: 2, args: shared }));
      continue;
    }
    const args: [SyntaxElement] = [node];
    steps.push(new VisitNodeStep({ target: node, phase: 1, args }));
    nodes.push(node);
    leaveArgs.push(args);
    children.length = 0;
    collectChildNodes(node, visitorKeys, children);
    for (let index = children.length - 1; index >= 0; index--) {
      nodes.push(children[index]!);
      leaveArgs.push(null);
    }
  }
  steps.push(new CallMethodStep({ target: "onCodePathEnd", args: [fakeCodePath, root] }));
  return steps;
}

/** The innermost node whose range contains `index`, or null outside the root. */
export function nodeAtIndex(root: SyntaxElement, visitorKeys: VisitorKeys, index: number): SyntaxElement | null {
  const contains = (node: SyntaxElement): boolean => node.range[0] <= index && index < node.range[1];
  if (!contains(root)) return null;
  let node = root;
  for (;;) {
    const child = childNodes(node, visitorKeys).find(contains);
    if (!child) return node;
    node = child;
  }
}
