/**
 * yaml-eslint-parser, loaded on first use. It and the `yaml` library under it are 70-odd modules that
 * took about a third of the plugin's import time (a CPU profile of `import`), and a process that lints
 * only Dockerfiles (a pre-commit hook given one file, an editor's first Dockerfile) never needs them.
 * `require` of an ES module is synchronous from Node 20.19 and 22.12 on (the versions `engines`
 * allows), so the parse functions stay synchronous.
 */
import { createRequire } from "node:module";
import type * as YamlEslintParserModule from "yaml-eslint-parser";

type YamlEslintParser = typeof YamlEslintParserModule;

let loaded: YamlEslintParser | undefined;

/** The yaml-eslint-parser module (loaded once, on the first call). */
export function yamlEslintParser(): YamlEslintParser {
  return (loaded ??= createRequire(import.meta.url)("yaml-eslint-parser") as YamlEslintParser);
}
