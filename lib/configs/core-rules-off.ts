import type { Linter } from "eslint";

/**
 * Core rules that a user's unscoped JavaScript config also runs on our files, and that judge these files
 * by JavaScript's conventions. Every core rule runs on our languages without an exception, in any order
 * (tests/languages/unscoped-rules.test.ts); this list only keeps JavaScript's style out of Docker files
 * when `base` comes after the user's config. The rest stay on, and some do what a user would want
 * everywhere (`no-warning-comments` finds a TODO in a Dockerfile comment too).
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
  // JavaScript's directive prologues and `eval`: nothing to find in our files.
  "lines-around-directive": "off",
  "no-eval": "off",
  strict: "off",
};
