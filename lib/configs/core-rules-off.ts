import type { Linter } from "eslint";

/**
 * Core rules that a user's unscoped JavaScript config also runs on our files, and that have no business
 * there. tests/languages/core-rules.test.ts runs every core rule on each language: these are the ones
 * that crash on a non-JavaScript AST or judge these files by JavaScript's conventions. The rest run
 * harmlessly, and some do what a user would want everywhere (`no-warning-comments` finds a TODO in a
 * Dockerfile comment too), so they stay on.
 */
export const coreRulesOffForDockerFiles: Linter.RulesRecord = {
  // Tabs are meaningful in `<<-` heredocs, and indentation is not JavaScript's.
  "no-tabs": "off",
  indent: "off",
  "indent-legacy": "off",
  // Line length, comment placement and comment style are JavaScript conventions: a YAML value with a
  // trailing comment or a long RUN line is normal.
  "max-len": "off",
  "max-lines": "off",
  "capitalized-comments": "off",
  "multiline-comment-style": "off",
  "no-inline-comments": "off",
  "line-comment-position": "off",
  "lines-around-comment": "off",
  "spaced-comment": "off",
  // A BOM is harmless in these files (BuildKit and compose skip it).
  "unicode-bom": "off",
  // These read JavaScript parser options or statements that our ASTs do not have.
  "lines-around-directive": "off",
  "no-eval": "off",
  strict: "off",
};
