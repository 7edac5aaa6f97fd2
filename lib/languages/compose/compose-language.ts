import type { File, Language, OkParseResult, ParseResult } from "@eslint/core";
import { parseForESLint, ParseError, VisitorKeys, type AST } from "yaml-eslint-parser";
import { findBinaryContent } from "../../utils/binary-content.js";
import { acceptAnyLanguageOptions, fileText } from "../shared/language-helpers.js";
import { ComposeSourceCode } from "./compose-source-code.js";

export function parseCompose(text: string): ParseResult<AST.YAMLProgram> {
  const binary = findBinaryContent(text);
  if (binary) return { ok: false, errors: [{ message: binary.message, line: binary.line, column: binary.column }] };
  try {
    return { ok: true, ast: parseForESLint(text, { defaultYAMLVersion: "1.2" }).ast };
  } catch (error) {
    if (error instanceof ParseError) {
      // yaml-eslint-parser counts columns from 0; ESLint shows them from 1.
      return { ok: false, errors: [{ message: error.message, line: error.lineNumber, column: error.column + 1 }] };
    }
    return { ok: false, errors: [{ message: `Cannot parse this compose file: ${String(error)}`, line: 1, column: 1 }] };
  }
}

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
    return parseCompose(fileText(file));
  },
  createSourceCode(file: File, parseResult: OkParseResult<AST.YAMLProgram>): ComposeSourceCode {
    return new ComposeSourceCode({ text: fileText(file), ast: parseResult.ast, hasBOM: file.bom });
  },
} satisfies Language<{ LangOptions: Record<string, unknown>; Code: ComposeSourceCode; RootNode: AST.YAMLProgram; Node: AST.YAMLNode }>;
