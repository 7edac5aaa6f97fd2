// The project lints itself: TypeScript sources, the rules (eslint-plugin-eslint-plugin checks their
// meta and fixers) and the regular expressions (eslint-plugin-regexp). `examples/` is linted by
// `npm run example` with its own config, as a user's project would be.
import js from "@eslint/js";
import eslintPlugin from "eslint-plugin-eslint-plugin";
import globals from "globals";
import regexp from "eslint-plugin-regexp";
import tseslint from "typescript-eslint";

// Layers run one way (docs/design.md, "Layers"): a folder of lib/ imports only the folders listed for it.
// A wrong-way import is a lint error (tests/layers.test.ts proves it on a fixture and checks the whole
// import graph for cycles).
const LAYER_IMPORTS = {
  utils: [],
  shell: ["utils"],
  dockerignore: ["utils"],
  compose: ["utils"],
  dockerfile: ["utils", "shell"],
  project: ["utils", "shell", "dockerignore", "compose", "dockerfile"],
  peers: ["utils", "dockerfile"],
  semantics: ["utils", "shell", "dockerignore", "compose", "dockerfile", "project"],
  languages: ["utils", "shell", "dockerignore", "compose", "dockerfile", "project", "peers", "semantics"],
  configs: ["utils", "peers"],
};
const LIB_FOLDERS = Object.keys(LAYER_IMPORTS);

/** The `no-restricted-imports` config of one lib/ folder: every other lib folder it may not import, the rules, the entry point. */
function layerConfig(folder) {
  const forbidden = LIB_FOLDERS.filter((other) => other !== folder && !LAYER_IMPORTS[folder].includes(other));
  const patterns = [
    {
      regex: `^\\.\\.?/(?:\\.\\./)*(?:${forbidden.join("|")})/`,
      message: `Wrong-way import: lib/${folder} may import only ${[folder, ...LAYER_IMPORTS[folder]].map((name) => `lib/${name}`).join(", ")} (docs/design.md, "Layers").`,
    },
    {
      regex: "^(?:\\.\\./)+(?:rules/|rule-options\\.js$)",
      message: "lib/ folders never import the rules (the plugin's entry point imports them).",
    },
  ];
  return {
    name: `project/layers/${folder}`,
    files: [`lib/${folder}/**/*.ts`],
    rules: { "no-restricted-imports": ["error", { patterns }] },
  };
}

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
  ...LIB_FOLDERS.map(layerConfig),
  {
    name: "project/layers/rules",
    files: ["rules/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: "^\\.\\./lib/(?:index|rule-options)\\.js$|^\\.\\./lib/configs/", message: "Rules sit below the plugin's entry point and configs (they import the rules)." }] }],
    },
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
