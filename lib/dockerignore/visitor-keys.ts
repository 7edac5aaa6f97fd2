/**
 * Child keys of `.dockerignore` nodes, for ESLint's traversal. Comments are not traversed (as in
 * JavaScript); they are in `Program.comments`. Typed as ESLint's `Language.visitorKeys` expects.
 */
export const visitorKeys: Record<string, string[]> = {
  Program: ["patterns"],
  Pattern: [],
  Comment: [],
};
