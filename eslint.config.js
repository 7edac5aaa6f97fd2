// The project lints itself: TypeScript sources, the rules (eslint-plugin-eslint-plugin checks their
// meta and fixers) and the regular expressions (eslint-plugin-regexp). `examples/` is linted by
// `npm run example` with its own config, as a user's project would be.
import js from "@eslint/js";
import eslintPlugin from "eslint-plugin-eslint-plugin";
import globals from "globals";
import regexp from "eslint-plugin-regexp";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // .tmp-tests/: the integration tests' scratch projects (each with its own eslint.config), left behind by an interrupted run.
  { name: "project/ignores", ignores: ["dist/", "examples/", "node_modules/", "coverage/", ".tmp-tests/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  regexp.configs["flat/recommended"],
  {
    name: "project/rules",
    files: ["rules/**/*.ts"],
    ...eslintPlugin.configs.rules,
  },
  {
    name: "project/tests",
    files: ["tests/rules/**/*.ts"],
    ...eslintPlugin.configs.tests,
  },
  {
    name: "project/node-scripts",
    files: ["**/*.js"],
    languageOptions: { globals: globals.node },
  },
  {
    name: "project/typescript",
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
