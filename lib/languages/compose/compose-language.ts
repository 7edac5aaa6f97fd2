import type { AST } from "yaml-eslint-parser";
import { yamlEslintParser } from "../../utils/yaml-parser.js";
import { parseComposeText } from "../../compose/parse.js";
import { EMPTY_COMPOSE_FILE } from "../../utils/file-kind.js";
import { createTextLanguage } from "../shared/create-language.js";
import { ComposeSourceCode } from "./compose-source-code.js";

/**
 * A file with no YAML content at all (empty, or only comments) gets no document. yaml-eslint-parser
 * gives it one empty document with no token, and rules that take a Program with a statement to have a
 * first token (core `indent-legacy`, reaching compose files from an unscoped config) throw on it.
 * `valid-compose-file` reports such a file from its Program instead. Under eslint-plugin-yml's own
 * language the document stays (and `indent-legacy` throws there as it always did).
 */
function withoutEmptyDocuments(program: AST.YAMLProgram): AST.YAMLProgram {
  if (program.tokens.length === 0 && program.body.every((document) => document.content === null)) {
    program.body = [];
    Object.defineProperty(program, EMPTY_COMPOSE_FILE, { value: true });
  }
  return program;
}

/** `docker/compose`: compose files, parsed by yaml-eslint-parser (eslint-plugin-yml's AST). */
export const composeLanguage = createTextLanguage<AST.YAMLProgram, AST.YAMLNode, ComposeSourceCode>({
  // Read when a compose file is linted, not when the plugin loads (see `yamlEslintParser`).
  get visitorKeys() {
    return yamlEslintParser().VisitorKeys;
  },
  parse(text) {
    const result = parseComposeText(text);
    if (!result.ok) return result;
    return { ok: true, ast: withoutEmptyDocuments(result.program) };
  },
  createSourceCode: (init) => new ComposeSourceCode(init),
});
