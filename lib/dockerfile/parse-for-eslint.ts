/**
 * The classic ESLint parser protocol (`languageOptions.parser`), for tools that run Dockerfiles
 * through ESLint's JavaScript language instead of the `docker/dockerfile` language.
 *
 * - Fatal errors are thrown as a SyntaxError with 1-based `lineNumber` and `column` (what ESLint
 *   turns into a "Parsing error" message).
 * - `comments` holds a copy of each `#` comment with type `Block`: ESLint's JavaScript SourceCode
 *   honours only `eslint-disable-line`/`eslint-disable-next-line` in `Line` comments, while
 *   `eslint-disable`/`eslint-enable` ranges and `eslint` rule configuration need `Block` comments.
 *   A `#` comment is a whole line, so a Block comment on one line behaves the same for all of them.
 *   The copies have no `parent` (ESLint's comments never do); `Program.comments` is the only place
 *   they appear.
 * - `tokens` is empty (a Dockerfile has no JavaScript tokens) and `body` is an empty array so that
 *   ESLint's scope analysis (eslint-scope), which reads `Program.body`, finds an empty global scope.
 * - ESLint's JavaScript language rewrites a `#!` first line to `//` before calling the parser; a
 *   first line starting with `//` (which would be an unknown instruction in a Dockerfile) is read
 *   back as that shebang comment, and its copy gets the value ESLint expects to mark it `Shebang`.
 */
import type { DockerfileProgram, SourceLocation } from "./ast.js";
import { parseDockerfile } from "./parse.js";
import { visitorKeys } from "./visitor-keys.js";
import { name as packageName, version as packageVersion } from "../utils/meta.js";

/**
 * Names the parser, so that ESLint can serialize a config that uses the whole module as its parser
 * (`import * as parser from "eslint-plugin-docker-policy/parser"`), which `--cache` and
 * `--print-config` need; without it ESLint rejects the module's function-valued exports.
 */
export const meta: { name: string; version: string } = { name: `${packageName}/parser`, version: packageVersion };

/** A comment as ESLint's JavaScript SourceCode expects it. */
export interface ESLintComment {
  type: "Block" | "Shebang";
  value: string;
  range: [number, number];
  loc: SourceLocation;
}

export type ESLintDockerfileProgram = Omit<DockerfileProgram, "comments"> & {
  comments: ESLintComment[];
  tokens: [];
  body: [];
  sourceType: "script";
};

export interface ParseForESLintResult {
  ast: ESLintDockerfileProgram;
  visitorKeys: typeof visitorKeys;
  services: Record<string, never>;
}

/** A parse error in the shape ESLint reads from a throwing parser. */
export class DockerfileParseError extends SyntaxError {
  readonly lineNumber: number;
  readonly column: number;
  /** 0-based offset is not known for all errors; ESLint only reads lineNumber/column. */
  constructor(message: string, lineNumber: number, column: number) {
    super(message);
    this.name = "SyntaxError";
    this.lineNumber = lineNumber;
    this.column = column;
  }
}

/** @param _options ESLint's parser options (ecmaVersion, sourceType, …); not used. */
export function parseForESLint(code: string, _options?: unknown): ParseForESLintResult {
  const restoredShebang = code.startsWith("//");
  const text = restoredShebang ? `#!${code.slice(2)}` : code;
  const result = parseDockerfile(text);
  if (!result.ok) {
    const error = result.errors[0] ?? { message: "parse error", line: 1, column: 1 };
    throw new DockerfileParseError(error.message, error.line, error.column);
  }
  const program = result.ast;
  const comments: ESLintComment[] = program.comments.map((comment) => {
    const isShebang = restoredShebang && comment.range[0] === 0;
    return {
      type: "Block",
      value: isShebang ? comment.value.slice(1) : comment.value,
      range: [comment.range[0], comment.range[1]],
      loc: { start: { ...comment.loc.start }, end: { ...comment.loc.end } },
    };
  });
  const ast = program as unknown as ESLintDockerfileProgram;
  ast.comments = comments;
  ast.tokens = [];
  ast.body = [];
  ast.sourceType = "script";
  return { ast, visitorKeys, services: {} };
}

/** The AST alone (throws like `parseForESLint`). */
export function parse(code: string, options?: unknown): ESLintDockerfileProgram {
  return parseForESLint(code, options).ast;
}
