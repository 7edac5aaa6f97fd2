/**
 * Parsing compose text: the one parser behind the `docker/compose` language and the cross-file rules
 * that read a compose file other than the one being linted. Never throws.
 */
import type { AST } from "yaml-eslint-parser";
import { findBinaryContent } from "../utils/binary-content.js";
import { getComposeModel } from "./model.js";
import { MAX_COMPOSE_ENTRIES, MAX_COMPOSE_NESTING, measureCollections } from "./nesting.js";
import { yamlEslintParser } from "../utils/yaml-parser.js";
import type { ComposeFile } from "./types.js";

export interface ComposeParseError {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/**
 * Compose files are kilobytes (the largest of the 153 in our corpus is 38 KB). Parsing and linting
 * grow linearly with the file except for the `yaml` library's duplicate-key check, which is quadratic
 * in the keys of one mapping: that is bounded by `MAX_COMPOSE_ENTRIES` (measured before parsing), so
 * this byte limit only bounds memory: yaml-eslint-parser keeps every token with its location, and a
 * `strict` lint peaks at ~0.3 GB per MB of YAML. A realistic 5,000-service file is 2 MB and lints in
 * linear time (`npm run bench` prints the series); twice that is allowed.
 */
const MAX_COMPOSE_BYTES = 4 * 1024 * 1024;

export type ParseComposeTextResult = { ok: true; program: AST.YAMLProgram } | { ok: false; errors: ComposeParseError[] };

/** YAML text (BOM already removed) to yaml-eslint-parser's AST, or a located error. */
export function parseComposeText(text: string): ParseComposeTextResult {
  const binary = findBinaryContent(text);
  if (binary) return { ok: false, errors: [{ message: binary.message, line: binary.line, column: binary.column }] };
  if (text.length > MAX_COMPOSE_BYTES) {
    const size = (text.length / 1024 / 1024).toFixed(1);
    return { ok: false, errors: [{ message: `This file is ${size} MB: compose files over ${MAX_COMPOSE_BYTES / 1024 / 1024} MB are not linted (their parsed YAML would take gigabytes of memory).`, line: 1, column: 1 }] };
  }
  const { nesting: tooDeep, width: tooWide } = measureCollections(text);
  if (tooDeep) return { ok: false, errors: [{ message: nestingMessage(`more than ${MAX_COMPOSE_NESTING}`), line: tooDeep.line, column: 1 }] };
  if (tooWide) {
    const message = `This file has a collection of more than ${MAX_COMPOSE_ENTRIES.toLocaleString("en-US")} entries: compose files with such a mapping are not linted (the YAML parser compares each key with every earlier key of its mapping, a time that grows with the square of the keys).`;
    return { ok: false, errors: [{ message, line: tooWide.line, column: 1 }] };
  }
  let program: AST.YAMLProgram;
  const { parseForESLint, ParseError } = yamlEslintParser();
  try {
    // Compose (go-yaml v3) reads YAML 1.2, plus `<<` merge keys, which the model resolves.
    program = parseForESLint(withLoneCarriageReturnsAsLineFeeds(text), { defaultYAMLVersion: "1.2" }).ast;
  } catch (error) {
    if (isStackOverflow(error)) {
      const line = error instanceof ParseError ? error.lineNumber : 1;
      return { ok: false, errors: [{ message: nestingMessage("too many"), line, column: 1 }] };
    }
    if (error instanceof ParseError) {
      // yaml-eslint-parser counts columns from 0; ESLint shows them from 1.
      return { ok: false, errors: [{ message: error.message, line: error.lineNumber, column: error.column + 1 }] };
    }
    return { ok: false, errors: [{ message: `Cannot parse this compose file: ${String(error)}`, line: 1, column: 1 }] };
  }
  // Build the shared model now (it is cached per program), so that a failure in it is this file's
  // fatal message instead of rules that silently find nothing.
  try {
    getComposeModel(program);
  } catch (error) {
    const message = isStackOverflow(error) ? nestingMessage("too many") : `Cannot read the structure of this compose file (a bug in eslint-plugin-docker-policy, please report it): ${String(error)}`;
    return { ok: false, errors: [{ message, line: 1, column: 1 }] };
  }
  return { ok: true, program };
}

/**
 * YAML ends a line at a lone `\r` (YAML 1.2, 5.4 "Line Break Characters"; go-yaml, Compose's YAML
 * library, does), the `yaml` library under yaml-eslint-parser does not: it reads `# note\rservices:`
 * as one comment, so a file Compose reads as services was linted as nearly empty, and a fix that
 * removed a line left text that no longer parsed. A lone `\r` becomes a `\n` of the same length
 * before parsing, so every range still points into the file as written; the line breaks inside
 * scalars are `\n` either way (YAML normalises them), and the SourceCode splits lines the same way
 * (`lib/utils/line-ends.ts`, model `"yaml"`).
 */
function withLoneCarriageReturnsAsLineFeeds(text: string): string {
  return text.includes("\r") ? text.replace(/\r(?!\n)/gu, "\n") : text;
}

function nestingMessage(levels: string): string {
  return `This file nests collections ${levels} levels deep: compose files nested over ${MAX_COMPOSE_NESTING} levels are not linted (the YAML parser recurses once per level).`;
}

/** JavaScript's stack overflow, whether thrown as is or wrapped by yaml-eslint-parser. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof Error && /Maximum call stack size exceeded/u.test(error.message);
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
