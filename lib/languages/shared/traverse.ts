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
export function childNodes(node: SyntaxElement, visitorKeys: VisitorKeys): SyntaxElement[] {
  const children: SyntaxElement[] = [];
  for (const key of visitorKeys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const element of value) if (isNode(element)) children.push(element);
    } else if (isNode(value)) {
      children.push(value);
    }
  }
  return children;
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
  // An explicit stack, not recursion: a deeply nested file must not exhaust JavaScript's stack.
  const stack: { node: SyntaxElement; leaving: boolean }[] = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    steps.push(new VisitNodeStep({ target: node, phase: leaving ? 2 : 1, args: [node] }));
    if (leaving) continue;
    stack.push({ node, leaving: true });
    const children = childNodes(node, visitorKeys);
    for (let index = children.length - 1; index >= 0; index--) stack.push({ node: children[index]!, leaving: false });
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
