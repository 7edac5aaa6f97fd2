import { RuleTester } from "eslint";
import { afterAll, describe, it } from "vitest";
import plugin from "../../lib/index.js";
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

/** A RuleTester whose cases are files of one of our languages. */
export function ruleTester(kind: FileKind): RuleTester {
  return new RuleTester({ plugins: { docker: plugin }, language: LANGUAGES[kind] } as never);
}
