/**
 * Parsing compose text: the one parser behind the `docker/compose` language and the cross-file rules
 * that read a compose file other than the one being linted. Never throws.
 */
import { parseForESLint, ParseError, type AST } from "yaml-eslint-parser";
import { findBinaryContent } from "../utils/binary-content.js";
import { getComposeModel } from "./model.js";
import type { ComposeFile } from "./types.js";

export interface ComposeParseError {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/**
 * Compose files are kilobytes (the largest of the 153 in our corpus is 38 KB). The YAML library under
 * yaml-eslint-parser checks each mapping key against every earlier key of its mapping, so time grows
 * with the square of the keys: 2 MB of services takes 150 s (bench/large-file.js). Past 512 KB
 * (about 4 s at worst) a file gets a clear fatal message instead.
 */
export const MAX_COMPOSE_BYTES = 512 * 1024;

export type ParseComposeTextResult = { ok: true; program: AST.YAMLProgram } | { ok: false; errors: ComposeParseError[] };

/** YAML text (BOM already removed) to yaml-eslint-parser's AST, or a located error. */
export function parseComposeText(text: string): ParseComposeTextResult {
  const binary = findBinaryContent(text);
  if (binary) return { ok: false, errors: [{ message: binary.message, line: binary.line, column: binary.column }] };
  if (text.length > MAX_COMPOSE_BYTES) {
    const size = (text.length / 1024 / 1024).toFixed(1);
    return { ok: false, errors: [{ message: `This file is ${size} MB: compose files over 512 KB are not linted (YAML parsing time grows with the square of the keys).`, line: 1, column: 1 }] };
  }
  try {
    // Compose (go-yaml v3) reads YAML 1.2, plus `<<` merge keys, which the model resolves.
    return { ok: true, program: parseForESLint(text, { defaultYAMLVersion: "1.2" }).ast };
  } catch (error) {
    if (error instanceof ParseError) {
      // yaml-eslint-parser counts columns from 0; ESLint shows them from 1.
      return { ok: false, errors: [{ message: error.message, line: error.lineNumber, column: error.column + 1 }] };
    }
    return { ok: false, errors: [{ message: `Cannot parse this compose file: ${String(error)}`, line: 1, column: 1 }] };
  }
}

export type ParseComposeResult =
  | { ok: true; program: AST.YAMLProgram; model: ComposeFile | null }
  | { ok: false; error: ComposeParseError };

/** A compose file read from disk (BOM allowed) to its AST and model. */
export function parseCompose(text: string): ParseComposeResult {
  const parsed = parseComposeText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!parsed.ok) return { ok: false, error: parsed.errors[0]! };
  return { ok: true, program: parsed.program, model: getComposeModel(parsed.program) };
}
