/**
 * The test oracle of our shell parser: ShellText → the shell model (`lib/shell/model.ts`) via mvdan-sh
 * (the GopherJS build of mvdan/sh's `syntax` package). This was the runtime converter until our own
 * parser (lib/shell/parser) replaced it; it stays here, unchanged in what it builds, so that
 * tests/shell/parser-oracle.test.ts can compare the two. Tests only: mvdan-sh is a devDependency.
 *
 * Dialect: bash first. Docker's default shell is `/bin/sh -c` (dash, busybox ash…), but RUN bodies are
 * full of bash-isms (`[[ ]]`, `$'…'`, arrays, `<(…)`, `set -o pipefail` under `SHELL ["/bin/bash"…]`),
 * and LangBash accepts a superset of POSIX syntax for everything a linter cares about. If bash parsing
 * fails, LangPOSIX is tried (it differs on e.g. `((cmd); cmd)` which bash reads as arithmetic); the bash
 * error is reported if both fail. Pass `dialect: "posix"` to try POSIX first.
 */
import {
  BIN_AND,
  BIN_OR,
  BIN_PIPE,
  BIN_PIPE_ALL,
  REDIRECT_OPS,
  describeParseError,
  endOf,
  findSubstitutions,
  goSlice,
  goString,
  isNil,
  nodeType,
  parseToGo,
  posOf,
} from "./mvdan.js";
import type {
  MvAssign,
  MvBinaryCmd,
  MvBlockLike,
  MvCallExpr,
  MvCaseClause,
  MvCmdSubst,
  MvDblQuoted,
  MvDeclClause,
  MvFile,
  MvForClause,
  MvFuncDecl,
  MvIfClause,
  MvLit,
  MvNode,
  MvParamExp,
  MvProcSubst,
  MvRedirect,
  MvSglQuoted,
  MvStmt,
  MvStmtHolder,
  MvWhileClause,
  MvWord,
} from "./mvdan.js";
import type {
  Range,
  ShellAssignment,
  ShellCommand,
  ShellContext,
  ShellContextKind,
  ShellList,
  ShellListItem,
  ShellListItemKind,
  ShellOperator,
  ShellParseFailure,
  ShellPipeline,
  ShellPipelineElement,
  ShellRedirect,
  ShellScript,
  ShellWord,
  ShellWordPart,
} from "../../../lib/shell/model.js";
import { byteToUtf16Mapper } from "./offsets.js";
import { decodeAnsiC, hasUnquotedGlob, unescapeDoubleQuoted, unescapeUnquoted } from "../../../lib/shell/quoting.js";
import type { ShellText } from "../../../lib/shell/shell-text.js";
import { toSourceOffset, toSourceRange, toSourceStartOffset } from "../../../lib/shell/shell-text.js";
import { findShellStringArgument } from "../../../lib/shell/commands.js";
import { innerScript } from "../../../lib/shell/shell-string.js";

export interface ParseShellOptions {
  /** Dialect tried first (default "bash"); the other one is tried if the first fails. */
  dialect?: "bash" | "posix";
  /** Parse the scripts of `sh -c '…'` & co. (default true). */
  parseShellStrings?: boolean;
}

/** Maximum nesting of `sh -c "sh -c '…'"` strings that are parsed. */
const MAX_SHELL_STRING_DEPTH = 3;

/** One parsed string and how its offsets map to the RUN's `ShellText.text`. */
/** Where a command sits in its list and pipeline: the fields of ShellCommand the builder decides first. */
type CommandPosition = Pick<ShellCommand, "list" | "listIndex" | "nextOperator" | "prevOperator" | "negated" | "background" | "pipeline" | "pipelineIndex">;

interface Frame {
  /** The string given to the parser. */
  src: string;
  /** UTF-8 byte offset in `src` → UTF-16 offset in `src`. */
  u: (byteOffset: number) => number;
  /** UTF-16 offset in `src` → offset in the outer `ShellText.text` (start / end semantics). */
  start: (offset: number) => number;
  end: (offset: number) => number;
  depth: number;
}

interface State {
  context: readonly ShellContext[];
  inSubstitution: boolean;
  inCondition: boolean;
  conditional: boolean;
  fromShellString: boolean;
}

/** Internal: where a word's parts lie in its frame's `src` (for building `sh -c` inner texts). */
interface WordInternals {
  frame: Frame;
  partSrcRanges: Range[];
}

const ROOT_STATE: State = {
  context: [],
  inSubstitution: false,
  inCondition: false,
  conditional: false,
  fromShellString: false,
};

/** Parse a RUN body. Never throws on bad shell syntax: returns a `ShellParseFailure`. */
export function parseShell(shell: ShellText, options: ParseShellOptions = {}): ShellScript | ShellParseFailure {
  const preferred = options.dialect ?? "bash";
  const order: ("bash" | "posix")[] = preferred === "posix" ? ["posix", "bash"] : ["bash", "posix"];
  let firstError: unknown = null;
  let file: MvFile | null = null;
  let dialect: "bash" | "posix" = preferred;
  for (const d of order) {
    try {
      file = parseToGo(d, shell.text);
      dialect = d;
      break;
    } catch (error) {
      if (firstError === null) firstError = error;
    }
  }
  const u = byteToUtf16Mapper(shell.text);
  if (file === null) {
    const { message, byteOffset, incomplete } = describeParseError(firstError);
    const textOffset = byteOffset === null ? shell.text.length : u(byteOffset);
    return { ok: false, message, offset: toSourceStartOffset(shell, textOffset), textOffset, incomplete };
  }
  const identity = (o: number): number => o;
  const frame: Frame = { src: shell.text, u, start: identity, end: identity, depth: 0 };
  try {
    return new Builder(shell, dialect, options.parseShellStrings !== false).build(file, frame);
  } catch (error) {
    // Defensive: an AST shape this model does not expect must not crash a lint run.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `internal shell model error: ${message}`, offset: toSourceStartOffset(shell, 0), textOffset: 0, incomplete: false };
  }
}

type Leaf = { stmt: MvStmt; negated: boolean };
type Pipe = { leaves: Leaf[]; ops: ("|" | "|&")[]; negated: boolean };
type AndOr = { pipes: Pipe[]; ops: ("&&" | "||")[] };

class Builder {
  /** Commands in creation (DFS) order; sorted into source order at the end. */
  private readonly commands: ShellCommand[] = [];
  private readonly pipelines: ShellPipeline[] = [];
  private readonly lists: ShellList[] = [];
  private readonly failures: ShellParseFailure[] = [];
  private readonly wordInternals = new WeakMap<ShellWord, WordInternals>();

  constructor(
    private readonly shell: ShellText,
    private readonly dialect: "bash" | "posix",
    private readonly parseShellStrings: boolean,
  ) {}

  build(file: MvFile, frame: Frame): ShellScript {
    const stmts = goSlice(file.Stmts);
    const [bs, be] = stmts.length > 0 ? [posOf(stmts[0]!), this.stmtEnd(stmts[stmts.length - 1]!)] : [0, 0];
    this.buildList(frame, stmts, ROOT_STATE, null, bs, be);
    const commands = this.commands.slice().sort((a, b) => a.textRange[0] - b.textRange[0]);
    commands.forEach((c, i) => {
      c.index = i;
    });
    for (const list of this.lists) for (const item of list.items) sortByStart(item.commands);
    for (const p of this.pipelines) for (const el of p.elements) sortByStart(el.commands);
    return {
      ok: true,
      commands,
      pipelines: this.pipelines,
      lists: this.lists,
      dialect: this.dialect,
      shellStringFailures: this.failures,
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Ranges

  private textRange(frame: Frame, byteStart: number, byteEnd: number): Range {
    const s = frame.start(frame.u(byteStart));
    const e = frame.end(frame.u(byteEnd));
    return [s, Math.max(s, e)];
  }

  private sourceRange(textRange: Range): Range {
    return toSourceRange(this.shell, textRange[0], textRange[1]);
  }

  private raw(frame: Frame, byteStart: number, byteEnd: number): string {
    return frame.src.slice(frame.u(byteStart), frame.u(byteEnd));
  }

  private ctx(frame: Frame, kind: ShellContextKind, node: MvNode, byteEnd?: number): ShellContext {
    const textRange = this.textRange(frame, posOf(node), byteEnd ?? endOf(node));
    return { kind, textRange, range: this.sourceRange(textRange) };
  }

  /** End of a statement without its `;`/`&` terminator. */
  private stmtEnd(stmt: MvStmt): number {
    let end = isNil(stmt.Cmd) ? posOf(stmt) : endOf(stmt.Cmd);
    for (const r of goSlice(stmt.Redirs)) {
      const re = redirectEnd(r);
      if (re > end) end = re;
    }
    return end;
  }

  // ---------------------------------------------------------------------------------------------
  // Lists

  private buildList(
    frame: Frame,
    stmts: readonly MvStmt[],
    state: State,
    owner: ShellContext | null,
    byteStart?: number,
    byteEnd?: number,
  ): ShellList {
    let textRange: Range;
    if (byteStart !== undefined && byteEnd !== undefined) textRange = this.textRange(frame, byteStart, byteEnd);
    else if (stmts.length > 0) textRange = this.textRange(frame, posOf(stmts[0]!), this.stmtEnd(stmts[stmts.length - 1]!));
    else textRange = owner ? [owner.textRange[0], owner.textRange[0]] : [0, 0];
    const list: ShellList = { items: [], owner, textRange, range: this.sourceRange(textRange) };
    this.lists.push(list);

    stmts.forEach((stmt, stmtIndex) => {
      const andOr = this.andOr(stmt);
      const background = stmt.Background;
      const terminator: ShellOperator | null =
        stmtIndex === stmts.length - 1 ? null : background ? "&" : stmt.Semicolon.IsValid() ? ";" : "newline";
      andOr.pipes.forEach((pipe, pipeIndex) => {
        const afterOr = pipeIndex > 0 && andOr.ops[pipeIndex - 1] === "||";
        const pipeState: State = afterOr && !state.conditional ? { ...state, conditional: true } : state;
        let pipeline: ShellPipeline | null = null;
        if (pipe.leaves.length > 1) {
          const first = pipe.leaves[0]!.stmt;
          const last = pipe.leaves[pipe.leaves.length - 1]!.stmt;
          const tr = this.textRange(frame, posOf(first), this.stmtEnd(last));
          pipeline = { elements: [], operators: pipe.ops, negated: pipe.negated, textRange: tr, range: this.sourceRange(tr) };
          this.pipelines.push(pipeline);
        }
        pipe.leaves.forEach((leaf, leafIndex) => {
          let operator: ShellOperator | null;
          if (leafIndex < pipe.leaves.length - 1) operator = pipe.ops[leafIndex]!;
          else if (pipeIndex < andOr.pipes.length - 1) operator = andOr.ops[pipeIndex]!;
          else operator = terminator;
          const prevOperator = list.items.length > 0 ? list.items[list.items.length - 1]!.operator : null;
          const negated = leaf.negated || pipe.negated;
          const tr = this.textRange(frame, posOf(leaf.stmt), this.stmtEnd(leaf.stmt));
          const item: ShellListItem = {
            kind: itemKind(leaf.stmt.Cmd),
            command: null,
            commands: [],
            operator,
            negated,
            background,
            textRange: tr,
            range: this.sourceRange(tr),
          };
          const listIndex = list.items.length;
          list.items.push(item);
          const before = this.commands.length;
          const command = this.buildLeaf(frame, leaf.stmt, pipeState, {
            list,
            listIndex,
            nextOperator: operator,
            prevOperator,
            negated,
            background,
            pipeline,
            pipelineIndex: pipeline ? leafIndex : -1,
          });
          item.command = command;
          item.commands = this.commands.slice(before);
          if (pipeline) {
            const element: ShellPipelineElement = {
              command,
              commands: item.commands,
              textRange: item.textRange,
              range: item.range,
            };
            pipeline.elements.push(element);
          }
        });
      });
    });
    return list;
  }

  private andOr(stmt: MvStmt): AndOr {
    const cmd = stmt.Cmd;
    if (nodeType(cmd) === "BinaryCmd") {
      const bin = cmd as MvBinaryCmd;
      if ((bin.Op === BIN_AND || bin.Op === BIN_OR) && !stmt.Negated) {
        const l = this.andOr(bin.X);
        const r = this.andOr(bin.Y);
        return { pipes: [...l.pipes, ...r.pipes], ops: [...l.ops, bin.Op === BIN_AND ? "&&" : "||", ...r.ops] };
      }
    }
    return { pipes: [this.pipe(stmt)], ops: [] };
  }

  private pipe(stmt: MvStmt): Pipe {
    const cmd = stmt.Cmd;
    if (nodeType(cmd) === "BinaryCmd") {
      const bin = cmd as MvBinaryCmd;
      if (bin.Op === BIN_PIPE || bin.Op === BIN_PIPE_ALL) {
        const l = this.pipe(bin.X);
        const r = this.pipe(bin.Y);
        const leaves = [...l.leaves, ...r.leaves];
        if (l.negated) leaves.forEach((lf, i) => i < l.leaves.length && (lf.negated = true));
        if (r.negated) leaves.forEach((lf, i) => i >= l.leaves.length && (lf.negated = true));
        return { leaves, ops: [...l.ops, bin.Op === BIN_PIPE ? "|" : "|&", ...r.ops], negated: stmt.Negated };
      }
      // A negated and-or (`! a && b` is parsed as `(! a) && b`; this is defensive).
    }
    return { leaves: [{ stmt, negated: stmt.Negated }], ops: [], negated: false };
  }

  // ---------------------------------------------------------------------------------------------
  // Statements

  private buildLeaf(
    frame: Frame,
    stmt: MvStmt,
    state: State,
    position: CommandPosition,
  ): ShellCommand | null {
    const type = nodeType(stmt.Cmd);
    const node = type === "" ? null : stmt.Cmd;
    if (!node || type === "CallExpr" || type === "DeclClause") {
      return this.buildCommand(frame, stmt, node, type, state, position);
    }
    // Compound command: redirects first (their substitutions run in the current context).
    for (const r of goSlice(stmt.Redirs)) this.walkSubsts(frame, r, state);
    this.buildCompound(frame, node, type, state);
    return null;
  }

  private child(state: State, ctx: ShellContext, extra: Partial<State> = {}): State {
    return {
      context: [...state.context, ctx],
      inSubstitution: state.inSubstitution,
      inCondition: state.inCondition,
      conditional: state.conditional,
      fromShellString: state.fromShellString,
      ...extra,
    };
  }

  private buildCompound(frame: Frame, node: MvNode, type: string, state: State): void {
    switch (type) {
      case "Subshell":
      case "Block": {
        const ctx = this.ctx(frame, type === "Subshell" ? "subshell" : "group", node);
        this.buildList(frame, goSlice((node as MvBlockLike).Stmts), this.child(state, ctx), ctx);
        return;
      }
      case "IfClause": {
        let clause: MvIfClause | null = node as MvIfClause;
        const whole = this.ctx(frame, "if-condition", node);
        const body: ShellContext = { ...whole, kind: "if-body" };
        const elseBody: ShellContext = { ...whole, kind: "else-body" };
        while (clause && !isNil(clause)) {
          const cond = goSlice(clause.Cond);
          const then = goSlice(clause.Then);
          if (cond.length > 0) {
            this.buildList(frame, cond, this.child(state, whole, { inCondition: true, conditional: true }), whole);
            this.buildList(frame, then, this.child(state, body, { inCondition: false, conditional: true }), body);
          } else {
            this.buildList(frame, then, this.child(state, elseBody, { inCondition: false, conditional: true }), elseBody);
          }
          clause = clause.Else;
        }
        return;
      }
      case "WhileClause": {
        const w = node as MvWhileClause;
        const cond = this.ctx(frame, w.Until ? "until-condition" : "while-condition", node);
        const body: ShellContext = { ...cond, kind: w.Until ? "until-body" : "while-body" };
        this.buildList(frame, goSlice(w.Cond), this.child(state, cond, { inCondition: true, conditional: true }), cond);
        this.buildList(frame, goSlice(w.Do), this.child(state, body, { inCondition: false, conditional: true }), body);
        return;
      }
      case "ForClause": {
        const f = node as MvForClause;
        this.walkSubsts(frame, f.Loop, state);
        const body = this.ctx(frame, f.Select ? "select-body" : "for-body", node);
        this.buildList(frame, goSlice(f.Do), this.child(state, body, { inCondition: false, conditional: true }), body);
        return;
      }
      case "CaseClause": {
        const c = node as MvCaseClause;
        this.walkSubsts(frame, c.Word, state);
        const body = this.ctx(frame, "case-body", node);
        for (const item of goSlice(c.Items)) {
          for (const p of goSlice(item.Patterns)) this.walkSubsts(frame, p, state);
          this.buildList(frame, goSlice(item.Stmts), this.child(state, body, { inCondition: false, conditional: true }), body);
        }
        return;
      }
      case "FuncDecl": {
        const f = node as MvFuncDecl;
        const body = this.ctx(frame, "function-body", node);
        this.buildList(frame, [f.Body], this.child(state, body, { inCondition: false, conditional: true }), body);
        return;
      }
      case "TimeClause":
      case "CoprocClause": {
        const holder = node as MvStmtHolder;
        if (!isNil(holder.Stmt)) {
          const ctx = this.ctx(frame, type === "TimeClause" ? "time" : "coproc", node);
          this.buildList(frame, [holder.Stmt], this.child(state, ctx), ctx);
        }
        return;
      }
      default:
        // TestClause, ArithmCmd, LetClause, and anything newer: only substitutions can hide commands.
        this.walkSubsts(frame, node, state);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Simple commands

  private buildCommand(
    frame: Frame,
    stmt: MvStmt,
    node: MvNode | null,
    type: string,
    state: State,
    position: CommandPosition,
  ): ShellCommand {
    const substs: MvNode[] = [];
    let name: ShellWord | null = null;
    const args: ShellWord[] = [];
    const assignments: ShellAssignment[] = [];
    let kind: ShellCommand["kind"] = "simple";
    if (node && type === "CallExpr") {
      const call = node as MvCallExpr;
      for (const a of goSlice(call.Assigns)) assignments.push(this.assignment(frame, a, substs));
      goSlice(call.Args).forEach((w, i) => {
        const word = this.word(frame, w, substs);
        if (i === 0) name = word;
        else args.push(word);
      });
    } else if (node && type === "DeclClause") {
      kind = "declaration";
      const decl = node as MvDeclClause;
      name = this.litWord(frame, decl.Variant);
      for (const a of goSlice(decl.Args)) {
        if (a.Naked) {
          if (!isNil(a.Name)) args.push(this.litWord(frame, a.Name));
          else if (!isNil(a.Value)) args.push(this.word(frame, a.Value, substs));
          continue;
        }
        const assignment = this.assignment(frame, a, substs);
        assignments.push(assignment);
        args.push(this.assignmentWord(frame, a, assignment));
      }
    }
    const redirs = goSlice(stmt.Redirs);
    const redirects = redirs.map((r) => this.redirect(frame, r, substs));

    // Range: the command's words and redirects (not the `!`, not the `;`/`&`).
    let bs = Number.POSITIVE_INFINITY;
    let be = Number.NEGATIVE_INFINITY;
    if (node) {
      bs = posOf(node);
      be = endOf(node);
    }
    for (const r of redirs) {
      const rs = isNil(r.N) ? r.OpPos.offs : posOf(r.N);
      if (rs < bs) bs = rs;
      const re = redirectEnd(r);
      if (re > be) be = re;
    }
    if (!Number.isFinite(bs)) {
      bs = posOf(stmt);
      be = bs;
    }
    const textRange = this.textRange(frame, bs, be);
    const command: ShellCommand = {
      kind,
      name,
      args,
      assignments,
      redirects,
      textRange,
      range: this.sourceRange(textRange),
      index: -1,
      pipeline: position.pipeline,
      pipelineIndex: position.pipelineIndex,
      pipedTo: position.pipeline !== null && position.pipelineIndex < position.pipeline.operators.length,
      pipedFrom: position.pipeline !== null && position.pipelineIndex > 0,
      list: position.list,
      listIndex: position.listIndex,
      nextOperator: position.nextOperator,
      prevOperator: position.prevOperator,
      negated: position.negated,
      background: position.background,
      context: state.context,
      inSubstitution: state.inSubstitution,
      inCondition: state.inCondition,
      conditional: state.conditional,
      fromShellString: state.fromShellString,
    };
    this.commands.push(command);

    // Commands inside substitutions of this command's words.
    for (const s of substs) this.substitution(frame, s, state);

    // sh -c '…'
    if (this.parseShellStrings && frame.depth < MAX_SHELL_STRING_DEPTH && kind === "simple" && name !== null) {
      this.shellString(frame, command, state);
    }
    return command;
  }

  private substitution(frame: Frame, node: MvNode, state: State): void {
    const isCmd = nodeType(node) === "CmdSubst";
    const ctx = this.ctx(frame, isCmd ? "command-substitution" : "process-substitution", node);
    const stmts = goSlice(isCmd ? (node as MvCmdSubst).Stmts : (node as MvProcSubst).Stmts);
    this.buildList(frame, stmts, this.child(state, ctx, { inSubstitution: true }), ctx);
  }

  /** Find `$(…)`/`<(…)` inside any node (not descending into them) and build their commands. */
  private walkSubsts(frame: Frame, node: MvNode | null, state: State): void {
    if (!node || isNil(node)) return;
    for (const s of findSubstitutions(node)) this.substitution(frame, s, state);
  }

  // ---------------------------------------------------------------------------------------------
  // sh -c strings

  private shellString(frame: Frame, command: ShellCommand, state: State): void {
    const arg = findShellStringArgument(command);
    if (!arg) return;
    const word = arg.word;
    const ctx: ShellContext = { kind: "shell-string", textRange: word.textRange, range: word.range };
    const internals = this.wordInternals.get(word);
    if (!internals) return;
    const script = innerScript(word, internals.partSrcRanges.map((r) => r[0]));
    const inner = script.text;
    let innerFrame: Frame;
    const u = byteToUtf16Mapper(inner);
    if (script.segments) {
      const parent = internals.frame;
      const map: ShellText = { text: inner, segments: script.segments };
      innerFrame = {
        src: inner,
        u,
        start: (o) => parent.start(toSourceStartOffset(map, o)),
        end: (o) => parent.end(toSourceOffset(map, o)),
        depth: frame.depth + 1,
      };
    } else {
      const [ts, te] = word.textRange;
      innerFrame = { src: inner, u, start: () => ts, end: () => te, depth: frame.depth + 1 };
    }
    const order: ("bash" | "posix")[] = arg.dialect === "posix" && this.dialect === "posix" ? ["posix", "bash"] : ["bash", "posix"];
    let file: MvFile | null = null;
    let firstError: unknown = null;
    for (const d of order) {
      try {
        file = parseToGo(d, inner);
        break;
      } catch (error) {
        if (firstError === null) firstError = error;
      }
    }
    if (!file) {
      const { message, byteOffset, incomplete } = describeParseError(firstError);
      const textOffset = byteOffset === null ? word.textRange[0] : innerFrame.start(u(byteOffset));
      this.failures.push({
        ok: false,
        message,
        offset: toSourceStartOffset(this.shell, textOffset),
        textOffset,
        incomplete,
      });
      return;
    }
    const innerState = this.child(state, ctx, { fromShellString: true });
    const stmts = goSlice(file.Stmts);
    if (stmts.length === 0) return;
    this.buildList(innerFrame, stmts, innerState, ctx);
  }

  // ---------------------------------------------------------------------------------------------
  // Words

  private litWord(frame: Frame, lit: MvLit): ShellWord {
    const bs = posOf(lit);
    const be = endOf(lit);
    const textRange = this.textRange(frame, bs, be);
    const range = this.sourceRange(textRange);
    const raw = this.raw(frame, bs, be);
    const litValue = goString(lit.Value);
    const value = unescapeUnquoted(litValue);
    const word: ShellWord = {
      value,
      raw,
      textRange,
      range,
      hasExpansion: false,
      quoted: litValue.includes("\\"),
      hasGlob: hasUnquotedGlob(litValue),
      parts: [{ kind: "literal", value, raw, textRange, range }],
    };
    this.wordInternals.set(word, { frame, partSrcRanges: [[frame.u(bs), frame.u(be)]] });
    return word;
  }

  private word(frame: Frame, w: MvWord, substs: MvNode[]): ShellWord {
    const bs = posOf(w);
    const be = endOf(w);
    const textRange = this.textRange(frame, bs, be);
    const parts: ShellWordPart[] = [];
    const partSrcRanges: Range[] = [];
    let hasExpansion = false;
    let quoted = false;
    let hasGlob = false;
    for (const p of goSlice(w.Parts)) {
      const ps = posOf(p);
      const pe = endOf(p);
      const ptr = this.textRange(frame, ps, pe);
      const part: ShellWordPart = {
        kind: "other",
        value: null,
        raw: this.raw(frame, ps, pe),
        textRange: ptr,
        range: this.sourceRange(ptr),
      };
      const t = nodeType(p);
      switch (t) {
        case "Lit": {
          const v = goString((p as MvLit).Value);
          part.kind = "literal";
          part.value = unescapeUnquoted(v);
          if (v.includes("\\")) quoted = true;
          if (hasUnquotedGlob(v)) hasGlob = true;
          break;
        }
        case "SglQuoted": {
          const q = p as MvSglQuoted;
          quoted = true;
          part.kind = q.Dollar ? "ansi-c-quoted" : "single-quoted";
          const v = goString(q.Value);
          part.value = q.Dollar ? decodeAnsiC(v) : v;
          break;
        }
        case "DblQuoted": {
          const q = p as MvDblQuoted;
          quoted = true;
          part.kind = "double-quoted";
          let value: string | null = "";
          for (const inner of goSlice(q.Parts)) {
            const it = nodeType(inner);
            if (it === "Lit") {
              if (value !== null) value += unescapeDoubleQuoted(goString((inner as MvLit).Value));
            } else {
              value = null;
              hasExpansion = true;
              if (it === "CmdSubst" || it === "ProcSubst") substs.push(inner);
              else findSubstitutions(inner, substs);
            }
          }
          part.value = value;
          break;
        }
        case "ParamExp": {
          hasExpansion = true;
          part.kind = "parameter";
          const param = (p as MvParamExp).Param;
          if (!isNil(param)) part.parameter = goString(param.Value);
          findSubstitutions(p, substs);
          break;
        }
        case "CmdSubst":
          hasExpansion = true;
          part.kind = "command-substitution";
          substs.push(p);
          break;
        case "ProcSubst":
          hasExpansion = true;
          part.kind = "process-substitution";
          substs.push(p);
          break;
        case "ArithmExp":
          hasExpansion = true;
          part.kind = "arithmetic";
          findSubstitutions(p, substs);
          break;
        case "ExtGlob":
          hasGlob = true;
          part.kind = "extglob";
          part.value = part.raw;
          break;
        default:
          // BraceExp only exists with SplitBraces (not used); keep the raw text.
          part.value = part.raw;
          findSubstitutions(p, substs);
      }
      parts.push(part);
      partSrcRanges.push([frame.u(ps), frame.u(pe)]);
    }
    let value: string | null = "";
    for (const part of parts) {
      if (part.value === null) {
        value = null;
        break;
      }
      value += part.value;
    }
    const word: ShellWord = {
      value,
      raw: this.raw(frame, bs, be),
      textRange,
      range: this.sourceRange(textRange),
      hasExpansion,
      quoted,
      hasGlob,
      parts,
    };
    this.wordInternals.set(word, { frame, partSrcRanges });
    return word;
  }

  private assignment(frame: Frame, a: MvAssign, substs: MvNode[]): ShellAssignment {
    const bs = posOf(a);
    const be = endOf(a);
    const textRange = this.textRange(frame, bs, be);
    const value = isNil(a.Value) ? null : this.word(frame, a.Value, substs);
    const isArray = !isNil(a.Array);
    if (isArray || !isNil(a.Index)) {
      findSubstitutions(a.Array, substs);
      findSubstitutions(a.Index, substs);
    }
    return {
      name: isNil(a.Name) ? "" : goString(a.Name.Value),
      value,
      append: a.Append,
      isArray,
      raw: this.raw(frame, bs, be),
      textRange,
      range: this.sourceRange(textRange),
    };
  }

  /** `export A=1`: the operand as one word (value `A=1` when static). */
  private assignmentWord(frame: Frame, a: MvAssign, assignment: ShellAssignment): ShellWord {
    const prefix = assignment.name + (assignment.append ? "+=" : "=");
    const bs = posOf(a);
    const nameEnd = isNil(a.Value) ? endOf(a) : posOf(a.Value);
    const ptr = this.textRange(frame, bs, nameEnd);
    const namePart: ShellWordPart = {
      kind: "literal",
      value: prefix,
      raw: this.raw(frame, bs, nameEnd),
      textRange: ptr,
      range: this.sourceRange(ptr),
    };
    const v = assignment.value;
    return {
      value: assignment.isArray ? null : v ? (v.value === null ? null : prefix + v.value) : prefix,
      raw: assignment.raw,
      textRange: assignment.textRange,
      range: assignment.range,
      hasExpansion: v?.hasExpansion ?? assignment.isArray,
      quoted: v?.quoted ?? false,
      hasGlob: v?.hasGlob ?? false,
      parts: [namePart, ...(v?.parts ?? [])],
    };
  }

  private redirect(frame: Frame, r: MvRedirect, substs: MvNode[]): ShellRedirect {
    const hasN = !isNil(r.N);
    const bs = hasN ? posOf(r.N) : r.OpPos.offs;
    const target = isNil(r.Word) ? null : this.word(frame, r.Word, substs);
    const be = redirectEnd(r);
    const textRange = this.textRange(frame, bs, be);
    let heredoc: ShellRedirect["heredoc"] = null;
    if (!isNil(r.Hdoc)) {
      const hs = posOf(r.Hdoc);
      const hparts = goSlice(r.Hdoc.Parts);
      const lastPart = hparts[hparts.length - 1];
      // A heredoc body Lit's End() runs to the end of the terminator line in this build: use its
      // value's length (Go strings are UTF-8 bytes here, so .length is the byte length).
      let he = hs;
      if (lastPart) he = nodeType(lastPart) === "Lit" ? posOf(lastPart) + (lastPart as MvLit).Value.length : endOf(lastPart);
      const htr = this.textRange(frame, hs, he);
      heredoc = { raw: this.raw(frame, hs, he), textRange: htr, range: this.sourceRange(htr) };
      findSubstitutions(r.Hdoc, substs);
    }
    return {
      op: REDIRECT_OPS[r.Op] ?? "?",
      fd: hasN ? goString(r.N.Value) : null,
      target,
      heredoc,
      raw: this.raw(frame, bs, be),
      textRange,
      range: this.sourceRange(textRange),
    };
  }
}

function redirectEnd(r: MvRedirect): number {
  return isNil(r.Word) ? r.OpPos.offs + 1 : endOf(r.Word);
}

function sortByStart(commands: ShellCommand[]): void {
  commands.sort((a, b) => a.textRange[0] - b.textRange[0]);
}

function itemKind(node: MvNode): ShellListItemKind {
  switch (nodeType(node)) {
    case "":
    case "CallExpr":
    case "DeclClause":
      return "command";
    case "Subshell":
      return "subshell";
    case "Block":
      return "group";
    case "IfClause":
      return "if";
    case "WhileClause":
      return (node as MvWhileClause).Until ? "until" : "while";
    case "ForClause":
      return (node as MvForClause).Select ? "select" : "for";
    case "CaseClause":
      return "case";
    case "FuncDecl":
      return "function";
    case "TestClause":
      return "test";
    case "ArithmCmd":
      return "arithmetic";
    case "LetClause":
      return "let";
    case "TimeClause":
      return "time";
    case "CoprocClause":
      return "coproc";
    default:
      return "other";
  }
}
