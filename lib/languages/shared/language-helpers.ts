import type { File } from "@eslint/core";

/** ESLint hands text languages the file body without its BOM; decode defensively all the same. */
export function fileText(file: File): string {
  return typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
}

/**
 * Our languages take no `languageOptions` of their own. Unknown keys are accepted on purpose: a user's
 * unscoped `{ languageOptions: { globals } }` reaches every file, ours too, and must not fail the run.
 */
export function acceptAnyLanguageOptions(): void {}

/**
 * Core JavaScript rules read `context.languageOptions.parserOptions.ecmaFeatures` without checking the
 * language (`strict`, `no-eval`): keep `parserOptions` an object, as ESLint's JavaScript language does.
 */
export function withParserOptions(options: Record<string, unknown>): Record<string, unknown> {
  const parserOptions = options["parserOptions"];
  return { ...options, parserOptions: typeof parserOptions === "object" && parserOptions !== null ? parserOptions : {} };
}
