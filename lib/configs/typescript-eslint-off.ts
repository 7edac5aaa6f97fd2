import type { Linter } from "eslint";

/**
 * typescript-eslint's rules that need type information, by name: the rules its `disableTypeChecked`
 * config turns off, which are the rules whose `meta.docs.requiresTypeChecking` is true (typescript-eslint
 * 8.74.0, `packages/eslint-plugin/src/configs/flat/disable-type-checked.ts`;
 * tests/languages/unscoped-rules.test.ts fails when the installed version's list differs).
 *
 * Each of them stops the whole run on a file without a TypeScript program ("You have used a rule which
 * requires type information"), and no file of ours has one. A user who spreads a type-checked config
 * without `files`, as typescript-eslint's docs do, reaches our files with them; `base` turns them off
 * there, so that with our configs after theirs the run goes on. ESLint accepts "off" for a rule of a
 * plugin that a config does not register, so this costs nothing where typescript-eslint is absent.
 * The names assume typescript-eslint's own namespace, `@typescript-eslint`.
 */
export const TYPE_CHECKED_TYPESCRIPT_ESLINT_RULES: readonly string[] = [
  "await-thenable",
  "consistent-return",
  "consistent-type-exports",
  "dot-notation",
  "naming-convention",
  "no-array-delete",
  "no-base-to-string",
  "no-confusing-void-expression",
  "no-deprecated",
  "no-duplicate-type-constituents",
  "no-floating-promises",
  "no-for-in-array",
  "no-generated-empty-object-type",
  "no-implied-eval",
  "no-meaningless-void-operator",
  "no-misused-promises",
  "no-misused-spread",
  "no-mixed-enums",
  "no-redundant-type-constituents",
  "no-unnecessary-boolean-literal-compare",
  "no-unnecessary-condition",
  "no-unnecessary-qualifier",
  "no-unnecessary-template-expression",
  "no-unnecessary-type-arguments",
  "no-unnecessary-type-assertion",
  "no-unnecessary-type-conversion",
  "no-unnecessary-type-parameters",
  "no-unsafe-argument",
  "no-unsafe-assignment",
  "no-unsafe-call",
  "no-unsafe-class-instance-assignment",
  "no-unsafe-enum-assignment",
  "no-unsafe-enum-comparison",
  "no-unsafe-member-access",
  "no-unsafe-return",
  "no-unsafe-type-assertion",
  "no-unsafe-unary-minus",
  "no-useless-default-assignment",
  "non-nullable-type-assertion-style",
  "only-throw-error",
  "prefer-destructuring",
  "prefer-find",
  "prefer-includes",
  "prefer-nullish-coalescing",
  "prefer-optional-chain",
  "prefer-promise-reject-errors",
  "prefer-readonly",
  "prefer-readonly-parameter-types",
  "prefer-reduce-type-parameter",
  "prefer-regexp-exec",
  "prefer-return-this-type",
  "prefer-string-starts-ends-with",
  "promise-function-async",
  "related-getter-setter-pairs",
  "require-array-sort-compare",
  "require-await",
  "restrict-plus-operands",
  "restrict-template-expressions",
  "return-await",
  "strict-boolean-expressions",
  "strict-void-return",
  "switch-exhaustiveness-check",
  "unbound-method",
  "use-unknown-in-catch-callback-variable",
];

/** `TYPE_CHECKED_TYPESCRIPT_ESLINT_RULES`, each `@typescript-eslint/<name>: "off"`, for `base`. */
export const typeCheckedRulesOffForDockerFiles: Linter.RulesRecord = Object.fromEntries(
  TYPE_CHECKED_TYPESCRIPT_ESLINT_RULES.map((name) => [`@typescript-eslint/${name}`, "off"]),
);
