import { RuleTester } from "eslint";
import { afterAll, describe, it } from "vitest";
import plugin from "../../lib/index.js";
import type { AnyDockerRule } from "../../lib/utils/create-rule.js";
import type { FileKind } from "../../lib/utils/rule-docs.js";

// ESLint's RuleTester defines its own describe/it unless given the test framework's (as
// eslint-plugin-eslint-plugin wires it for vitest).
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
(RuleTester as unknown as { afterAll: typeof afterAll }).afterAll = afterAll;

const LANGUAGES: Record<FileKind, string> = {
  dockerfile: "docker/dockerfile",
  compose: "docker/compose",
  dockerignore: "docker/dockerignore",
};

type RuleTests = Parameters<RuleTester["run"]>[2];

/** A RuleTester whose cases are files of one of our languages. */
export function ruleTester(kind: FileKind): { run(name: string, rule: AnyDockerRule, tests: RuleTests): void } {
  // The "Disable docker/<id>" suggestion every finding carries is tested once, in
  // tests/integration/disable-suggestion.test.ts; here it would add one suggestion to every case.
  const tester = new RuleTester({ plugins: { docker: plugin }, language: LANGUAGES[kind], languageOptions: { suggestDisable: false } } as never);
  return {
    run(name, rule, tests) {
      // ESLint's RuleTester is typed for JavaScript rules; ours are typed with our own ASTs.
      tester.run(name, rule as unknown as Parameters<RuleTester["run"]>[1], tests);
    },
  };
}
