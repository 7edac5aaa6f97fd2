import type { File, Language, OkParseResult, ParseResult, SourceCode } from "@eslint/core";
import { acceptAnyLanguageOptions, fileText, withParserOptions } from "./language-helpers.js";
import { ParseCache } from "./parse-cache.js";
import type { VisitorKeys } from "./syntax.js";

export interface TextLanguageSpec<Root, Code> {
  /** Child keys per node type; ESLint types them as mutable arrays but never writes to them. */
  visitorKeys: VisitorKeys;
  /** Text (BOM removed) to an AST, or located errors (1-based line and column); never throws. */
  parse(text: string): { ok: true; ast: Root } | { ok: false; errors: { message: string; line: number; column: number }[] };
  /** `languageOptions` are the file's (our configs add `dockerPolicyRunId`; `peerSuppressions: false` is a user's setting). */
  createSourceCode(init: { text: string; ast: Root; hasBOM: boolean; languageOptions: Record<string, unknown> }): Code;
  /**
   * Give back the same AST for the same path and text, from a cache of this many files and UTF-16 code
   * units of text (parse-cache.ts). Only for a language whose models keyed by its AST follow from the
   * text and the path, or check the file-system facts' version for what they read around the file.
   */
  reuseParses?: { entries: number; bytes: number };
}

/** The ESLint Language object our three languages share: text files, lines from 1, columns from 0. */
export function createTextLanguage<Root, Node, Code extends SourceCode>(
  spec: TextLanguageSpec<Root, Code>,
): Language<{ LangOptions: Record<string, unknown>; Code: Code; RootNode: Root; Node: Node }> {
  const parses = spec.reuseParses ? new ParseCache<Root>(spec.reuseParses) : null;
  return {
    fileType: "text",
    lineStart: 1,
    columnStart: 0,
    nodeTypeKey: "type",
    // A getter: the compose language loads its parser (and its keys) on first use.
    get visitorKeys() {
      return spec.visitorKeys;
    },
    defaultLanguageOptions: {},
    validateLanguageOptions: acceptAnyLanguageOptions,
    normalizeLanguageOptions: withParserOptions,
    parse(file: File): ParseResult<Root> {
      const text = fileText(file);
      if (!parses) return spec.parse(text);
      const known = parses.get(file.path, text);
      if (known) return { ok: true, ast: known };
      const result = spec.parse(text);
      if (result.ok) parses.set(file.path, text, result.ast);
      return result;
    },
    createSourceCode(file: File, parseResult: OkParseResult<Root>, context?: { languageOptions?: Record<string, unknown> }): Code {
      return spec.createSourceCode({ text: fileText(file), ast: parseResult.ast, hasBOM: file.bom, languageOptions: context?.languageOptions ?? {} });
    },
  };
}
