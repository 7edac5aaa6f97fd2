import type { File, Language, OkParseResult, ParseResult } from "@eslint/core";
import { VisitorKeys, type AST } from "yaml-eslint-parser";
import { parseComposeText } from "../../compose/parse.js";
import { acceptAnyLanguageOptions, fileText } from "../shared/language-helpers.js";
import { ComposeSourceCode } from "./compose-source-code.js";

/** `docker/compose`: compose files, parsed by yaml-eslint-parser (eslint-plugin-yml's AST). */
export const composeLanguage = {
  fileType: "text",
  lineStart: 1,
  columnStart: 0,
  nodeTypeKey: "type",
  visitorKeys: VisitorKeys,
  defaultLanguageOptions: {},
  validateLanguageOptions: acceptAnyLanguageOptions,
  parse(file: File): ParseResult<AST.YAMLProgram> {
    const result = parseComposeText(fileText(file));
    return result.ok ? { ok: true, ast: result.program } : result;
  },
  createSourceCode(file: File, parseResult: OkParseResult<AST.YAMLProgram>): ComposeSourceCode {
    return new ComposeSourceCode({ text: fileText(file), ast: parseResult.ast, hasBOM: file.bom });
  },
} satisfies Language<{ LangOptions: Record<string, unknown>; Code: ComposeSourceCode; RootNode: AST.YAMLProgram; Node: AST.YAMLNode }>;
