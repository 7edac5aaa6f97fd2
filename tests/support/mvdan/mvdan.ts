/**
 * Minimal typed access to `mvdan-sh` (the GopherJS build of mvdan.cc/sh/v3/syntax, v3.4 era).
 *
 * Only this folder touches mvdan-sh nodes; the rest of the plugin sees the plain-object model of
 * `./model.ts`. The package is CommonJS, ~1.5 MB, and costs ~90-110 ms to evaluate, so it is loaded
 * lazily with `createRequire` on the first parse (a Dockerfile with no RUN never pays for it), and one
 * parser per dialect is created once and reused.
 *
 * Facts established by probing the package (pinned by tests/shell/mvdan.test.ts):
 * - Positions are Go `syntax.Pos` values: `offs` (wrapper: `Offset()`) is a 0-based UTF-8 *byte* offset.
 * - Parse errors are thrown as GopherJS-wrapped Go values (not `Error` instances): `e.Error()` gives
 *   "line:col: text", `e.Text` the bare text, `e.Pos.Offset()` the byte offset, `e.Incomplete` a boolean.
 * - Operator tokens are plain numbers (the Go `token` iota values of this build).
 * - A heredoc body `Lit`'s `End()` runs to the end of the terminator line (use its value's length).
 */
import { createRequire } from "node:module";

/*
 * Speed: going through the package's JS wrappers (`js.MakeFullWrapper`) builds a fresh wrapper object
 * with every field and method for each property access (~10 µs each: 10 ms for a typical RUN). So
 * after `Parse` we take the wrapper's `__internal_object__` (the GopherJS Go value) and read Go fields
 * directly: slices are `{ $array, $offset, $length }`, strings are UTF-8 byte strings, nil pointers are
 * the type's `nil` sentinel, a nil interface is GopherJS's `$ifaceNil` (a plain object), and Go methods
 * (`Pos()`, `End()`) are callable on the objects. `checkInternals` verifies this shape once.
 */

/** A Go slice as GopherJS stores it. */
export interface GoSlice<T> {
  $array: T[];
  $offset: number;
  $length: number;
}

/** `syntax.Pos`: `offs` is the 0-based UTF-8 byte offset. */
export interface MvPos {
  offs: number;
  IsValid(): boolean;
}

export interface MvNode {
  Pos(): MvPos;
  End(): MvPos;
}

export interface MvLit extends MvNode {
  /** UTF-8 byte string: decode with `goString`. */
  Value: string;
}

export interface MvWord extends MvNode {
  Parts: GoSlice<MvNode>;
}

export interface MvSglQuoted extends MvNode {
  Dollar: boolean;
  Value: string;
}

export interface MvDblQuoted extends MvNode {
  Dollar: boolean;
  Parts: GoSlice<MvNode>;
}

export interface MvParamExp extends MvNode {
  Param: MvLit;
}

export interface MvCmdSubst extends MvNode {
  Stmts: GoSlice<MvStmt>;
  Backquotes: boolean;
}

export interface MvProcSubst extends MvNode {
  Stmts: GoSlice<MvStmt>;
}

export interface MvAssign extends MvNode {
  Append: boolean;
  Naked: boolean;
  Name: MvLit;
  Value: MvWord;
  Array: MvNode;
  Index: MvNode;
}

export interface MvRedirect extends MvNode {
  OpPos: MvPos;
  Op: number;
  N: MvLit;
  Word: MvWord;
  Hdoc: MvWord;
}

export interface MvStmt extends MvNode {
  /** A nil interface when the statement is only redirections. */
  Cmd: MvNode;
  Semicolon: MvPos;
  Negated: boolean;
  Background: boolean;
  Redirs: GoSlice<MvRedirect>;
}

export interface MvFile extends MvNode {
  Stmts: GoSlice<MvStmt>;
}

export interface MvCallExpr extends MvNode {
  Assigns: GoSlice<MvAssign>;
  Args: GoSlice<MvWord>;
}

export interface MvBinaryCmd extends MvNode {
  Op: number;
  X: MvStmt;
  Y: MvStmt;
}

export interface MvBlockLike extends MvNode {
  Stmts: GoSlice<MvStmt>;
}

export interface MvIfClause extends MvNode {
  Cond: GoSlice<MvStmt>;
  Then: GoSlice<MvStmt>;
  /** `elif` (non-empty Cond) or `else` (empty Cond) branch; nil pointer when absent. */
  Else: MvIfClause;
}

export interface MvWhileClause extends MvNode {
  Until: boolean;
  Cond: GoSlice<MvStmt>;
  Do: GoSlice<MvStmt>;
}

export interface MvForClause extends MvNode {
  Select: boolean;
  Loop: MvNode;
  Do: GoSlice<MvStmt>;
}

export interface MvCaseClause extends MvNode {
  Word: MvWord;
  Items: GoSlice<{ Patterns: GoSlice<MvWord>; Stmts: GoSlice<MvStmt> }>;
}

export interface MvFuncDecl extends MvNode {
  Body: MvStmt;
}

export interface MvDeclClause extends MvNode {
  Variant: MvLit;
  Args: GoSlice<MvAssign>;
}

export interface MvStmtHolder extends MvNode {
  Stmt: MvStmt;
}

export interface MvParseError {
  Error(): string;
  Text?: string;
  Pos?: { Offset(): number; IsValid?(): boolean };
  Incomplete?: boolean;
}

interface MvWrapper {
  __internal_object__?: unknown;
}

export interface MvParser {
  Parse(src: string, name: string): MvWrapper;
}

export interface MvSyntax {
  NewParser(...options: unknown[]): MvParser;
  Variant(lang: unknown): unknown;
  KeepComments(keep: boolean): unknown;
  LangBash: unknown;
  LangPOSIX: unknown;
  LangMirBSDKorn: unknown;
}

interface GoTyped {
  constructor?: { string?: string; nil?: unknown };
}

/** The node's Go type name without `*syntax.` (`CallExpr`), or "" for nil / non-nodes. */
export function nodeType(node: unknown): string {
  if (node === null || node === undefined) return "";
  const ctor = (node as GoTyped).constructor;
  const name = ctor?.string;
  if (name === undefined || ctor?.nil === node) return "";
  return name.startsWith("*syntax.") ? name.slice(8) : "";
}

/** True for a nil pointer or nil interface. */
export function isNil(node: unknown): boolean {
  return nodeType(node) === "";
}

/** A Go slice as a JS array (a fresh array; nil slices give []). */
export function goSlice<T>(slice: GoSlice<T> | null | undefined): T[] {
  if (!slice || !slice.$array) return [];
  const out: T[] = new Array<T>(slice.$length);
  for (let i = 0; i < slice.$length; i++) out[i] = slice.$array[slice.$offset + i]!;
  return out;
}

/** Byte offset where a node starts. */
export function posOf(node: MvNode): number {
  return node.Pos().offs;
}

/** Byte offset where a node ends. */
export function endOf(node: MvNode): number {
  return node.End().offs;
}

const NON_ASCII = /[\x80-\xff]/;

/** Decode a GopherJS Go string (one char per UTF-8 byte) to a JS string. */
export function goString(s: string): string {
  return NON_ASCII.test(s) ? Buffer.from(s, "latin1").toString("utf8") : s;
}

/** Find `$(…)`/`` `…` ``/`<(…)` nodes inside `node`, not descending into them. */
export function findSubstitutions(node: unknown, out: MvNode[] = []): MvNode[] {
  walkForSubsts(node, out, 0);
  return out;
}

function walkForSubsts(value: unknown, out: MvNode[], depth: number): void {
  if (value === null || typeof value !== "object" || depth > 200) return;
  const slice = value as Partial<GoSlice<unknown>>;
  if (slice.$array !== undefined) {
    for (let i = 0; i < (slice.$length ?? 0); i++) walkForSubsts(slice.$array[(slice.$offset ?? 0) + i], out, depth + 1);
    return;
  }
  const type = nodeType(value);
  if (type === "" || type === "Pos" || type === "Lit" || type === "SglQuoted" || type === "Comment") return;
  if (type === "CmdSubst" || type === "ProcSubst") {
    out.push(value as MvNode);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (key === "$val" || !Object.hasOwn(record, key)) continue;
    const v = record[key];
    if (v !== null && typeof v === "object") walkForSubsts(v, out, depth + 1);
  }
}

/** Binary command operators (`syntax.BinCmdOperator`) in this build. */
export const BIN_AND = 10; // &&
export const BIN_OR = 11; // ||
export const BIN_PIPE = 12; // |
export const BIN_PIPE_ALL = 13; // |&

/** Redirect operators (`syntax.RedirOperator`) in this build. */
export const REDIRECT_OPS: Readonly<Record<number, string>> = {
  54: ">",
  55: ">>",
  56: "<",
  57: "<>",
  58: "<&",
  59: ">&",
  60: ">|",
  61: "<<",
  62: "<<-",
  63: "<<<",
  64: "&>",
  65: "&>>",
};

let syntaxModule: MvSyntax | null = null;
const parsers = new Map<string, MvParser>();

/** Load mvdan-sh once (lazily). */
function loadSyntax(): MvSyntax {
  if (syntaxModule === null) {
    const require = createRequire(import.meta.url);
    const mod = require("mvdan-sh") as { syntax: MvSyntax };
    syntaxModule = mod.syntax;
  }
  return syntaxModule;
}

export type ShellDialect = "bash" | "posix" | "mksh";

/** Parse and return the Go `*syntax.File` behind the wrapper. Throws mvdan-sh's error values. */
export function parseToGo(dialect: ShellDialect, text: string): MvFile {
  const wrapper = getParser(dialect).Parse(text, "");
  const file = wrapper.__internal_object__;
  if (nodeType(file) !== "File" || typeof (file as MvFile).Stmts?.$length !== "number") {
    throw new TypeError("mvdan-sh: unsupported build (no GopherJS internal object behind the File wrapper)");
  }
  return file as MvFile;
}

/** One reusable parser per dialect. */
export function getParser(dialect: ShellDialect): MvParser {
  let parser = parsers.get(dialect);
  if (!parser) {
    const syntax = loadSyntax();
    const lang = dialect === "posix" ? syntax.LangPOSIX : dialect === "mksh" ? syntax.LangMirBSDKorn : syntax.LangBash;
    parser = syntax.NewParser(syntax.Variant(lang), syntax.KeepComments(false));
    parsers.set(dialect, parser);
  }
  return parser;
}

/** Extract message and byte offset from whatever mvdan-sh threw. */
export function describeParseError(error: unknown): { message: string; byteOffset: number | null; incomplete: boolean } {
  if (error !== null && typeof error === "object") {
    const e = error as Partial<MvParseError> & { message?: unknown; $val?: unknown };
    let byteOffset: number | null = null;
    try {
      if (e.Pos && typeof e.Pos.Offset === "function" && (typeof e.Pos.IsValid !== "function" || e.Pos.IsValid())) {
        byteOffset = e.Pos.Offset();
      }
    } catch {
      byteOffset = null;
    }
    const incomplete = e.Incomplete === true;
    if (typeof e.Text === "string" && e.Text !== "") return { message: e.Text, byteOffset, incomplete };
    if (typeof e.Error === "function") {
      try {
        const full = String(e.Error());
        return { message: full.replace(/^(?:[^:\n]*:)?\d+:\d+: /, ""), byteOffset, incomplete };
      } catch {
        // fall through
      }
    }
    if (typeof e.message === "string") return { message: e.message, byteOffset, incomplete };
    if (e.$val !== undefined && e.$val !== error) return describeParseError(e.$val);
  }
  return { message: String(error), byteOffset: null, incomplete: false };
}
