import { defineConfig } from "vitest/config";

/**
 * The fast loop and the full run. `npm run test:unit` runs the `unit*` projects: rule, language, parser,
 * model and semantics tests, in memory, with vitest's default 5 s timeout. `full` holds the rest, which
 * `npm test` and CI run as well (a plain `vitest run` runs every project): the corpus, the oracles against
 * other parsers, the fuzzers, the bounded-time checks, the docs' samples and the tests that load the built
 * package through the ESLint API and CLI.
 */
const SLOW = [
  // The shared corpus (../shared/corpus), read whole.
  "tests/**/corpus-*.test.ts",
  // Oracles: our parsers against mvdan-sh and the compose specification's JSON schema, on generated inputs.
  "tests/**/*-oracle.test.ts",
  "tests/shell/mvdan.test.ts",
  "tests/dockerignore/glob-program.test.ts",
  // ShellCheck (when installed) over the corpus RUN bodies, against each shell rule.
  "tests/shell-oracle/**/*.test.ts",
  "tests/support/shellcheck.test.ts",
  // Property-based tests (fast-check) and adversarial inputs sized to find super-linear time.
  "tests/**/*fuzz*.test.ts",
  "tests/**/bounded*.test.ts",
  "tests/dockerignore/adversarial.test.ts",
  "tests/languages/large-input.test.ts",
  // Every fixable rule's fixes re-parsed and re-run under --fix.
  "tests/rules/fix-safety.test.ts",
  "tests/rules/hygiene-fix-safety.test.ts",
  // Every doc sample linted, the generated sources regenerated, `npm run new` type-checked, the repository's files scanned.
  "tests/docs.test.ts",
  "tests/generated-sources.test.ts",
  "tests/new-rule.test.ts",
  "tests/line-ends.test.ts",
  "tests/schema-to-type.test.ts",
  // The built package (dist/) through the ESLint API and CLI, as a user's project loads it.
  "tests/integration/**/*.test.ts",
  "tests/languages/unscoped-rules.test.ts",
];

/** Test files that vi.mock a module of the plugin. */
const MOCKS = ["tests/compose/model-error.test.ts"];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: [...SLOW, ...MOCKS],
          // One module graph for all the files of a worker: each file would otherwise load the plugin (every rule,
          // parser and table) again, which is most of the CPU of a rule test. The tests share no mutable
          // state (fake timers are restored after each use).
          isolate: false,
        },
      },
      {
        // A file that replaces a module with vi.mock needs its own module graph.
        test: { name: "unit-mocks", include: MOCKS },
      },
      {
        test: {
          name: "full",
          include: SLOW,
          globalSetup: ["tests/support/global-setup.ts"],
          // These lint hundreds of files or run the CLI in a child process; the default 5 s is too tight on 2 cores.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
