/**
 * A recursive-descent parser for RUN bodies that builds the shell model (`../model.ts`) as it reads:
 * POSIX `sh` (Shell Command Language, §2) plus the bash extensions found in Dockerfiles, read the way
 * mvdan/sh's `syntax` package reads them (that package is the test oracle: tests/shell/parser-oracle.test.ts
 * and tests/shell/mvdan.test.ts).
 *
 * One `ShellParser` reads one string (the RUN's `ShellText.text`, or the script of an `sh -c` word,
 * mapped to the outer text by its `Frame`). Words, parts, assignments and redirects are model objects
 * from the start; statements become list items as they are read. Errors are thrown as
 * `ShellSyntaxError` and turned into a `ShellParseFailure` by `./index.ts`. Nesting is bounded
 * (`MAX_NESTING`) so adversarial input fails cleanly instead of exhausting the stack.
 */
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
  ShellRedirect,
  ShellWord,
  ShellWordPart,
} from "../model.js";
import { decodeAnsiC, hasUnquotedGlob, unescapeDoubleQuoted, unescapeUnquoted } from "../quoting.js";
import type { ShellText } from "../shell-text.js";
import { toSourceOffset, toSourceStartOffset } from "../shell-text.js";
import { WRAPPER_COMMANDS, findShellStringArgument, wordBaseName } from "../commands.js";
import { innerScript } from "../shell-string.js";
import { MULTI_CALL_SHELL, POSIX_SHELLS } from "../shells.js";
import {
  AMP,
  AT,
  BACKQUOTE,
  BACKSLASH,
  BANG,
  DOLLAR,
  DQUOTE,
  GT,
  HASH,
  LBRACE,
  LBRACK,
  LPAREN,
  LT,
  MINUS,
  NL,
  PIPE,
  PLUS,
  QUEST,
  RBRACE,
  RBRACK,
  RPAREN,
  SEMI,
  SPACE,
  SQUOTE,
  STAR,
  TAB,
  EQ,
  ShellSyntaxError,
  isDigit,
  isName,
  isNameChar,
  isNameStart,
  isOrdinary,
  isSpecialParam,
  isWordBreak,
} from "./scan.js";
import type { Sink } from "./sink.js";
import type { SourceMapper } from "./source-map.js";
import { append, newSink, reserve } from "./sink.js";

/** Deepest nesting of blocks, substitutions and quotes accepted (each level is a few stack frames). */
const MAX_NESTING = 100;
/** Maximum nesting of `sh -c "sh -c '…'"` strings that are parsed. */
const MAX_SHELL_STRING_DEPTH = 3;

/** How offsets of the string being parsed map to offsets of the RUN's `ShellText.text`. */
export interface Frame {
  src: string;
  /** Start / end offset mapping; null for the RUN text itself (identity). */
  start: ((offset: number) => number) | null;
  end: ((offset: number) => number) | null;
  /** 0 for the RUN text, n for the script of an `sh -c` string nested n deep. */
  depth: number;
}

/** Flags of the commands of a block (see `ShellCommand`). */
export interface State {
  context: readonly ShellContext[];
  inSubstitution: boolean;
  inCondition: boolean;
  conditional: boolean;
  fromShellString: boolean;
}

export const ROOT_STATE: State = { context: [], inSubstitution: false, inCondition: false, conditional: false, fromShellString: false };

/** What every parser of one RUN writes to (the RUN text's parser and its `sh -c` parsers). */
export interface Output {
  shell: ShellText;
  dialect: "bash" | "posix";
  parseShellStrings: boolean;
  commands: ShellCommand[];
  failures: ShellParseFailure[];
  /** Lists with no statement: their range is the owner's start, known once the owner is read. */
  emptyLists: ShellList[];
  /** Text → source offsets of `shell`. */
  mapper: SourceMapper;
}

type Closer = 0 | typeof RPAREN | typeof BACKQUOTE;

/** A heredoc whose body starts after the current line. */
interface PendingHeredoc {
  redirect: ShellRedirect;
  delimiter: string;
  stripTabs: boolean;
  expand: boolean;
  state: State;
  slot: Sink;
  /** Items open when the redirect was read: commands substituted in the body belong to them. */
  items: ShellListItem[];
}

/** Where a leaf (one statement of a pipeline) ends: with its redirects, and as mvdan/sh's `Stmt.End()` computes it. */
interface LeafEnd {
  start: number;
  end: number;
  /** The end waits for a heredoc body read later (a fixup updates `end`). */
  pending: boolean;
  cmdEnd: number;
  redirect: ShellRedirect | null;
  redirectEnd: number;
}

/** Bits of `ShellParser.wordFlags`: what the word being read contains (`ShellWord`'s booleans). */
const HAS_EXPANSION = 1;
const QUOTED = 2;
const HAS_GLOB = 4;

const NO_STOPS: ReadonlySet<string> = new Set();
const STOP_THEN = new Set(["then"]);
const STOP_IF_BODY = new Set(["fi", "elif", "else"]);
const STOP_FI = new Set(["fi"]);
const STOP_DO = new Set(["do"]);
const STOP_DONE = new Set(["done"]);
const STOP_ESAC = new Set(["esac"]);
const STOP_BRACE = new Set(["}"]);
const DECLARATIONS = new Set(["export", "local", "readonly", "typeset", "nameref", "declare"]);
/**
 * Reserved words that are an error where a command starts (they only close or continue a construct).
 * A Map, not an object: a command named `constructor` or `toString` must not find `Object.prototype`'s.
 */
const MISPLACED: ReadonlyMap<string, string> = new Map([
  ["}", '"}" can only be used to close a block'],
  ["then", '"then" can only be used in an if'],
  ["elif", '"elif" can only be used in an if'],
  ["else", '"else" can only be used in an if'],
  ["fi", '"fi" can only be used to end an if'],
  ["do", '"do" can only be used in a loop'],
  ["done", '"done" can only be used to end a loop'],
  ["esac", '"esac" can only be used to end a case'],
]);

export class ShellParser {
  private pos = 0;
  private readonly src: string;
  private readonly n: number;
  private readonly identity: boolean;
  /** State of the command whose words are being read (for the commands substituted in them). */
  private state: State = ROOT_STATE;
  private closer: Closer = 0;
  private inCaseArm = false;
  private nesting = 0;
  private heredocs: PendingHeredoc[] = [];
  private readonly openItems: ShellListItem[] = [];
  /**
   * The parts of the words being read, as a stack (`partTop` its height): a word's parts are
   * `partStack[base..partTop)` and the word copies them out at their exact size. One array per parser
   * instead of one grown per word (a word in a `$(…)` of another word reads its parts above them).
   */
  private readonly partStack: ShellWordPart[] = [];
  private partTop = 0;
  /** `HAS_EXPANSION | QUOTED | HAS_GLOB` of the word being read (saved and restored around a nested word). */
  private wordFlags = 0;
  /** Where each word of the commands being read starts in `src` (a stack like `partStack`; for `sh -c` words). */
  private readonly wordStarts: number[] = [];
  private wordTop = 0;
  /** The arguments of the commands being read (a stack like `partStack`). */
  private readonly argStack: ShellWord[] = [];
  private argTop = 0;

  constructor(
    private readonly out: Output,
    private readonly frame: Frame,
    private readonly posix: boolean,
    private sink: Sink,
  ) {
    this.src = flat(frame.src);
    this.n = frame.src.length;
    this.identity = frame.start === null;
  }

  /** Parse the whole string as a script into a list owned by `owner` (null at the top). */
  parseScript(state: State, owner: ShellContext | null): ShellList {
    const list = this.list(state, owner, NO_STOPS, 0, false);
    this.skipBlanks();
    if (this.pos < this.n) this.unexpected();
    if (this.heredocs.length > 0) this.readHeredocs();
    for (const fixup of this.fixups) fixup();
    return list;
  }

  // -------------------------------------------------------------------------------------------
  // Characters and ranges

  private at(offset: number): number {
    return offset < this.n ? this.src.charCodeAt(offset) : -1;
  }

  private fail(message: string, offset = this.pos, incomplete = false): never {
    throw new ShellSyntaxError(message, offset, incomplete || offset >= this.n);
  }

  private unexpected(): never {
    if (this.pos >= this.n) this.fail("unexpected end of input", this.pos, true);
    const c = this.src[this.pos]!;
    this.fail(`a command can only contain words and redirects; encountered ${c === "\n" ? "newline" : c}`);
  }

  private enter(): void {
    if (++this.nesting > MAX_NESTING) this.fail("nesting too deep");
  }

  private textRange(start: number, end: number): Range {
    if (this.identity) return [start, end < start ? start : end];
    const s = this.frame.start!(start);
    const e = this.frame.end!(end);
    return [s, e < s ? s : e];
  }

  private sourceRange(textRange: Range): Range {
    return this.out.mapper.range(textRange[0], textRange[1]);
  }

  private context(kind: ShellContextKind): ShellContext {
    return { kind, textRange: [0, 0], range: [0, 0] };
  }

  /** Set a context's range once its construct is read. */
  private close(ctx: ShellContext, start: number, end: number): void {
    ctx.textRange = this.textRange(start, end);
    ctx.range = this.sourceRange(ctx.textRange);
  }

  /**
   * Reads the word that ends a compound command (`}`, `done`, `esac`; `open` names its opener for the
   * error), closes the contexts it opened at `start`, and returns where it ends.
   */
  private endBlock(word: string, open: string, start: number, ...contexts: ShellContext[]): number {
    this.expectWord(word, open, start);
    for (const ctx of contexts) this.close(ctx, start, this.pos);
    return this.pos;
  }

  /** Steps over a reserved word of `length` characters at `pos` and the blanks after it; returns where it started. */
  private reservedWord(length: number): number {
    const start = this.pos;
    this.pos += length;
    this.skipBlanks();
    return start;
  }

  /** Skip blanks, `\`+newline and a comment (not the newline ending it). */
  private skipBlanks(): void {
    const src = this.src;
    for (;;) {
      const c = this.pos < this.n ? src.charCodeAt(this.pos) : -1;
      if (c === SPACE || c === TAB) this.pos++;
      else if (c === BACKSLASH && this.at(this.pos + 1) === NL) this.pos += 2;
      else if (c === HASH) {
        const nl = src.indexOf("\n", this.pos);
        this.pos = nl === -1 ? this.n : nl;
      } else return;
    }
  }

  /** Skip blanks, comments and newlines (reading heredoc bodies due after each newline). Returns whether a newline was seen. */
  private skipNewlines(): boolean {
    let seen = false;
    for (;;) {
      this.skipBlanks();
      if (this.at(this.pos) !== NL) return seen;
      this.pos++;
      seen = true;
      if (this.heredocs.length > 0) this.readHeredocs();
    }
  }

  /** The unquoted literal word at `pos` if the whole word is one (`if`, `{`, `export`), else null. */
  private peekLitWord(): string | null {
    const src = this.src;
    let i = this.pos;
    for (; i < this.n; i++) {
      const c = src.charCodeAt(i);
      if (isOrdinary(c)) continue;
      if (isWordBreak(c)) break;
      if (c === SQUOTE || c === DQUOTE || c === DOLLAR || c === BACKSLASH || c === BACKQUOTE) return null;
      if (!this.posix && c === LBRACK && i > this.pos && src.charCodeAt(this.pos) !== LBRACK) return null;
      if (!this.posix && (c === QUEST || c === STAR || c === PLUS || c === AT || c === BANG) && this.at(i + 1) === LPAREN) return null;
    }
    if (i === this.pos) return null;
    const c = this.at(i);
    if ((c === LT || c === GT) && this.at(i + 1) === LPAREN && !this.posix) return null;
    return src.slice(this.pos, i);
  }

  private isLitWord(word: string): boolean {
    // Most calls ask about a word that does not start here: no slice for them.
    return this.at(this.pos) === word.charCodeAt(0) && this.peekLitWord() === word;
  }

  /** At a token that ends a simple command (`;`, `&`, `|`, newline, `)`, end of input…). */
  private atStop(): boolean {
    const c = this.at(this.pos);
    if (c === -1 || c === NL || c === SEMI || c === PIPE || c === RPAREN) return true;
    if (c === AMP) return this.at(this.pos + 1) !== GT || this.posix;
    if (c === BACKQUOTE) return this.closer === BACKQUOTE;
    return false;
  }

  // -------------------------------------------------------------------------------------------
  // Lists

  /**
   * Statements up to a stop word (`fi`, `done`…), a closer (`)` or a backquote), a case-arm terminator
   * or the end. `follow`: the list follows a keyword (`then`, `do`…): a leading `;` ends it at once,
   * and it must not be empty unless a newline came first.
   */
  private list(state: State, owner: ShellContext | null, stops: ReadonlySet<string>, closer: Closer, follow: boolean, caseArm = false, keyword = ""): ShellList {
    this.enter();
    const list: ShellList = { items: [], owner, textRange: [0, 0], range: [0, 0] };
    this.sink.lists.push(list);
    const savedCloser = this.closer;
    const savedCaseArm = this.inCaseArm;
    this.closer = closer;
    this.inCaseArm = caseArm;
    let first = -1;
    let lastEnd = -1;
    let gotEnd = true;
    let terminator: ShellOperator = "newline";
    let previous: ShellListItem | null = null;
    let sawNewline = false;
    /** The last leaf of the last statement when that statement joins several (see `statementEnd`). */
    let lastBinary: LeafEnd | null = null;
    let lastLeaf: LeafEnd | null = null;
    if (follow) {
      this.skipBlanks();
      if (this.at(this.pos) === SEMI && this.at(this.pos + 1) !== SEMI && this.at(this.pos + 1) !== AMP) {
        this.pos++;
        return this.endList(list, first, lastEnd, savedCloser, savedCaseArm);
      }
    }
    for (let count = 0; ; count++) {
      const newline = this.skipNewlines();
      if (count === 0) sawNewline = newline;
      const c = this.at(this.pos);
      if (c === -1) break;
      if (c === RPAREN && closer === RPAREN) break;
      if (c === BACKQUOTE && closer === BACKQUOTE) break;
      if (c === SEMI && (this.at(this.pos + 1) === SEMI || this.at(this.pos + 1) === AMP || this.at(this.pos + 1) === PIPE)) {
        if (caseArm) break;
        this.fail(`${this.src.slice(this.pos, this.pos + 2)} can only be used in a case clause`);
      }
      if (stops.size > 0) {
        const word = this.peekLitWord();
        if (word !== null && stops.has(word)) break;
      }
      if (!newline && !gotEnd) this.fail("statements must be separated by &, ; or a newline");
      if (previous) this.setOperator(previous, terminator);
      const itemStart = list.items.length;
      const start = this.pos;
      const info = this.andOr(list, state);
      const end = this.andOrEnd;
      const binary = this.andOrBinary;
      if (first === -1) first = start;
      lastEnd = end;
      lastBinary = binary ? info : null;
      lastLeaf = info;
      this.skipBlanks();
      const t = this.at(this.pos);
      const t1 = this.at(this.pos + 1);
      terminator = "newline";
      gotEnd = false;
      if (t === SEMI && t1 !== SEMI && t1 !== AMP && !(t1 === PIPE && caseArm)) {
        this.pos++;
        terminator = ";";
        gotEnd = true;
      } else if (t === AMP && t1 !== AMP && (t1 !== GT || this.posix)) {
        this.pos++;
        terminator = "&";
        gotEnd = true;
        for (let i = itemStart; i < list.items.length; i++) {
          const item = list.items[i]!;
          item.background = true;
          if (item.command) item.command.background = true;
        }
      } else if (t === NL) gotEnd = true;
      previous = list.items[list.items.length - 1] ?? null;
    }
    if (follow && first === -1 && !sawNewline) this.fail(`"${keyword}" must be followed by a statement list`);
    const binary = lastBinary;
    const leaf = lastLeaf;
    if ((binary && this.awaitsHeredoc(binary)) || leaf?.pending) {
      this.fixups.push(() => {
        list.textRange = this.textRange(first, binary ? this.statementEnd(binary) : leaf!.end);
        list.range = this.sourceRange(list.textRange);
      });
    }
    return this.endList(list, first, binary ? this.statementEnd(binary) : lastEnd, savedCloser, savedCaseArm);
  }

  private endList(list: ShellList, first: number, lastEnd: number, closer: Closer, caseArm: boolean): ShellList {
    this.closer = closer;
    this.inCaseArm = caseArm;
    this.nesting--;
    if (first === -1) this.out.emptyLists.push(list);
    else {
      list.textRange = this.textRange(first, lastEnd);
      list.range = this.sourceRange(list.textRange);
    }
    return list;
  }

  private setOperator(item: ShellListItem, op: ShellOperator): void {
    item.operator = op;
    if (item.command) item.command.nextOperator = op;
  }

  /** Where the last and-or list read ends (without its terminator), and whether it joins several leaves. */
  private andOrEnd = 0;
  private andOrBinary = false;
  /** Where the last pipeline read ends, and its number of elements. */
  private pipeEnd = 0;
  private pipeCount = 0;

  /**
   * `a && b || c` from `pos`: returns where its last leaf ends; sets `andOrEnd` (the statement's end,
   * without its terminator) and `andOrBinary` (whether it joins several leaves). Results in fields, not
   * a tuple: this runs for every statement.
   */
  private andOr(list: ShellList, state: State): LeafEnd {
    let pipeState = state;
    let leaves = 0;
    for (;;) {
      const last = this.pipe(list, pipeState, true);
      const e = this.pipeEnd;
      leaves += this.pipeCount;
      this.skipBlanks();
      const c = this.at(this.pos);
      if ((c === AMP || c === PIPE) && this.at(this.pos + 1) === c) {
        const op = c === AMP ? "&&" : "||";
        this.setOperator(last, op);
        this.pos += 2;
        this.skipNewlines();
        if (this.atStop() || this.pos >= this.n) this.fail(`${op} must be followed by a statement`, this.pos - 2, this.pos >= this.n);
        pipeState = op === "||" && !state.conditional ? { ...state, conditional: true } : state;
        continue;
      }
      this.andOrEnd = e;
      this.andOrBinary = leaves > 1;
      return this.leafEnd;
    }
  }

  /**
   * `[!] a | b |& c` from `pos`: returns its last element; sets `pipeEnd` and `pipeCount`. mvdan/sh
   * attaches `!` to the first element only; so does the model.
   */
  private pipe(list: ShellList, state: State, allowBang: boolean): ShellListItem {
    const start = this.pos;
    let negated = false;
    if (allowBang && this.isLitWord("!")) {
      negated = true;
      this.pos++;
      this.skipBlanks();
      if (this.atStop()) this.fail('"!" cannot form a statement alone', start);
      if (this.isLitWord("!")) this.fail("cannot negate a command multiple times", start);
    }
    // A pipeline comes before its elements' pipelines in the model's order: it is inserted at the place
    // they started from (most statements are one element: no slot is reserved for them).
    const slot = this.sink.pipelines;
    const slotIndex = slot.length;
    let item = this.leaf(list, state, start, negated);
    /** The elements and operators, made once a `|` follows the first element. */
    let items: ShellListItem[] | null = null;
    let ops: ("|" | "|&")[] | null = null;
    let end: number;
    for (;;) {
      end = this.leafEnd.end;
      this.skipBlanks();
      const c = this.at(this.pos);
      const c1 = this.at(this.pos + 1);
      if (c === PIPE && c1 !== PIPE) {
        const op = c1 === AMP && !this.posix ? "|&" : "|";
        this.setOperator(item, op);
        (ops ??= []).push(op);
        this.pos += op.length;
        this.skipNewlines();
        if (this.atStop()) this.fail(`${op} must be followed by a statement`, this.pos, this.pos >= this.n);
        if (this.isLitWord("!")) this.fail('"!" can only be used in full statements');
        items ??= [item];
        item = this.leaf(list, state, this.pos, false);
        items.push(item);
        continue;
      }
      break;
    }
    if (items !== null && ops !== null) {
      const tr = this.textRange(start, end);
      const pipeline: ShellPipeline = { elements: [], operators: ops, negated, textRange: tr, range: this.sourceRange(tr) };
      slot.splice(slotIndex, 0, pipeline);
      const last = this.leafEnd;
      if (last.pending) {
        this.fixups.push(() => {
          pipeline.textRange = this.textRange(start, last.end);
          pipeline.range = this.sourceRange(pipeline.textRange);
        });
      }
      for (let i = 0; i < items.length; i++) {
        const element = items[i]!;
        const command = element.command;
        if (negated) {
          element.negated = true;
          if (command) command.negated = true;
        }
        if (command) {
          command.pipeline = pipeline;
          command.pipelineIndex = i;
          command.pipedTo = i < ops.length;
          command.pipedFrom = i > 0;
        }
        pipeline.elements.push({ command, commands: element.commands, textRange: element.textRange, range: element.range });
      }
    }
    this.pipeEnd = end;
    this.pipeCount = items === null ? 1 : items.length;
    return item;
  }

  /** Where the last leaf read ends. */
  private leafEnd: LeafEnd = { start: 0, end: 0, pending: false, cmdEnd: 0, redirect: null, redirectEnd: 0 };
  /** Where each heredoc's terminator line ends (src offsets). */
  private readonly heredocEnds = new Map<ShellRedirect, number>();

  /**
   * mvdan/sh's end of a statement (`Stmt.End()`): its command's end or its last redirect's, where a
   * heredoc redirect ends with its terminator line. The model uses it where mvdan/sh's end is read:
   * the range of a list whose last statement joins several leaves, and of a function or `time` body.
   */
  private awaitsHeredoc(leaf: LeafEnd): boolean {
    const op = leaf.redirect?.op;
    return (op === "<<" || op === "<<-") && !this.heredocEnds.has(leaf.redirect!);
  }

  private statementEnd(leaf: LeafEnd): number {
    if (!leaf.redirect) return leaf.cmdEnd;
    const end = this.heredocEnds.get(leaf.redirect) ?? leaf.redirectEnd;
    return end > leaf.cmdEnd ? end : leaf.cmdEnd;
  }

  /** One pipeline element: a simple command or a compound command with its redirects. */
  private leaf(list: ShellList, state: State, start: number, negated: boolean): ShellListItem {
    const listIndex = list.items.length;
    const prevOperator = listIndex > 0 ? list.items[listIndex - 1]!.operator : null;
    const item: ShellListItem = { kind: "command", command: null, commands: [], operator: null, negated, background: false, textRange: [0, 0], range: [0, 0] };
    list.items.push(item);
    const before = this.out.commands.length;
    this.openItems.push(item);
    const outer = this.current;
    const current: LeafEnd = { start, end: 0, pending: false, cmdEnd: 0, redirect: null, redirectEnd: 0 };
    this.current = current;
    const end = this.statement(item, list, listIndex, prevOperator, state, negated);
    this.current = outer;
    this.openItems.pop();
    item.commands = this.out.commands.slice(before);
    item.textRange = this.textRange(start, end);
    item.range = this.sourceRange(item.textRange);
    current.end = end;
    this.leafEnd = current;
    if (current.pending) {
      // A function whose body ends with a heredoc: its item ends where the heredoc does.
      this.fixups.push(() => {
        const tr = this.textRange(start, current.end);
        item.textRange[0] = tr[0];
        item.textRange[1] = tr[1];
        const r = this.sourceRange(tr);
        item.range[0] = r[0];
        item.range[1] = r[1];
      });
    }
    return item;
  }

  // -------------------------------------------------------------------------------------------
  // Statements

  private statement(item: ShellListItem, list: ShellList, listIndex: number, prevOperator: ShellOperator | null, state: State, negated: boolean): number {
    if (this.atStop()) this.unexpected();
    const word = this.peekLitWord();
    const c = this.at(this.pos);
    if (word !== null) {
      const misplaced = MISPLACED.get(word);
      if (misplaced !== undefined) this.fail(misplaced);
      switch (word) {
        case "{":
          return this.compound(item, "group", state, () => this.group(state));
        case "if":
          return this.compound(item, "if", state, () => this.ifClause(state));
        case "while":
        case "until":
          return this.compound(item, word, state, () => this.whileClause(state, word === "until"));
        case "for":
          return this.compound(item, "for", state, () => this.forClause(state, false));
        case "case":
          return this.compound(item, "case", state, () => this.caseClause(state));
        case "!":
          return this.fail('"!" can only be used in full statements');
      }
      if (!this.posix) {
        switch (word) {
          case "[[":
            return this.compound(item, "test", state, () => this.testClause(state));
          case "]]":
            return this.fail('"]]" can only be used to close a test');
          case "let":
            return this.compound(item, "let", state, () => this.letClause(state));
          case "function":
            return this.compound(item, "function", state, () => this.functionKeyword(state));
          case "time":
            return this.compound(item, "time", state, () => this.timeClause(state));
          case "select":
            return this.compound(item, "select", state, () => this.forClause(state, true));
          case "coproc":
            return this.fail("coproc is not supported");
        }
      }
    }
    if (c === LPAREN) {
      if (!this.posix && this.at(this.pos + 1) === LPAREN) return this.compound(item, "arithmetic", state, () => this.arithmeticCommand(state));
      return this.compound(item, "subshell", state, () => this.subshell(state));
    }
    if (word !== null && !this.assignmentAt(this.pos)) {
      // `name()`: a function definition.
      const save = this.pos;
      this.pos += word.length;
      this.skipBlanks();
      if (this.at(this.pos) === LPAREN) {
        if (this.posix && !isName(word)) this.fail("invalid func name", save);
        this.emptyParens(save);
        const fnStart = save;
        return this.compound(item, "function", state, () => this.functionBody(state, fnStart));
      }
      this.pos = save;
    }
    item.kind = "command";
    const command = this.simpleCommand(list, listIndex, prevOperator, state, negated, word !== null && !this.posix && DECLARATIONS.has(word));
    item.command = command;
    return this.simpleEnd;
  }

  /** Source end of the last simple command read (its words and redirects). */
  private simpleEnd = 0;
  /** The leaf being read: its command's end (without redirects) and last redirect. */
  private current: LeafEnd = { start: 0, end: 0, pending: false, cmdEnd: 0, redirect: null, redirectEnd: 0 };
  /** Range updates that wait for a heredoc body (read after its line). */
  private readonly fixups: (() => void)[] = [];

  /** A compound command and the redirects after it (their substitutions come first in the model's order). */
  private compound(item: ShellListItem, kind: ShellListItemKind, state: State, body: () => number): number {
    item.kind = kind;
    const redirectSlot = reserve(this.sink);
    let end = body();
    this.current.cmdEnd = end;
    const saved = this.sink;
    this.sink = redirectSlot;
    for (;;) {
      this.skipBlanks();
      if (!this.atRedirect()) break;
      this.state = state;
      const r = this.redirect();
      end = Math.max(end, r.end);
      this.current.redirect = r.redirect;
      this.current.redirectEnd = r.end;
    }
    this.sink = saved;
    return end;
  }

  private child(state: State, ctx: ShellContext, inCondition: boolean, conditional: boolean, inSubstitution = state.inSubstitution, fromShellString = state.fromShellString): State {
    return { context: [...state.context, ctx], inSubstitution, inCondition, conditional, fromShellString };
  }

  private expectWord(word: string, open: string, openAt: number): void {
    this.skipBlanks();
    if (!this.isLitWord(word)) {
      if (this.pos >= this.n) this.fail(`reached EOF without matching ${open} with ${word}`, openAt, true);
      this.fail(`${open} must be followed by ${word}`, this.pos);
    }
    this.pos += word.length;
  }

  private group(state: State): number {
    const start = this.pos;
    this.pos++;
    const ctx = this.context("group");
    this.list(this.child(state, ctx, state.inCondition, state.conditional), ctx, STOP_BRACE, this.closer, false);
    return this.endBlock("}", "{", start, ctx);
  }

  private subshell(state: State): number {
    const start = this.pos;
    this.pos++;
    const ctx = this.context("subshell");
    this.list(this.child(state, ctx, state.inCondition, state.conditional), ctx, NO_STOPS, RPAREN, false);
    this.skipBlanks();
    if (this.at(this.pos) !== RPAREN) {
      if (this.pos >= this.n) this.fail("reached EOF without matching ( with )", start, true);
      this.unexpected();
    }
    this.pos++;
    this.close(ctx, start, this.pos);
    return this.pos;
  }

  private ifClause(state: State): number {
    const start = this.pos;
    this.pos += 2;
    const whole = this.context("if-condition");
    const body = this.context("if-body");
    const elseBody = this.context("else-body");
    const condState = this.child(state, whole, true, true);
    const bodyState = this.child(state, body, false, true);
    this.list(condState, whole, STOP_THEN, this.closer, true, false, "if");
    this.expectWord("then", "if <cond>", start);
    this.list(bodyState, body, STOP_IF_BODY, this.closer, true, false, "then");
    while (this.isLitWord("elif")) {
      const at = this.pos;
      this.pos += 4;
      this.list(condState, whole, STOP_THEN, this.closer, true, false, "elif");
      this.expectWord("then", "elif <cond>", at);
      this.list(bodyState, body, STOP_IF_BODY, this.closer, true, false, "then");
    }
    if (this.isLitWord("else")) {
      this.pos += 4;
      this.list(this.child(state, elseBody, false, true), elseBody, STOP_FI, this.closer, true, false, "else");
    }
    return this.endBlock("fi", "if", start, whole, body, elseBody);
  }

  private whileClause(state: State, until: boolean): number {
    const start = this.pos;
    const keyword = until ? "until" : "while";
    this.pos += keyword.length;
    const cond = this.context(until ? "until-condition" : "while-condition");
    const body = this.context(until ? "until-body" : "while-body");
    this.list(this.child(state, cond, true, true), cond, STOP_DO, this.closer, true, false, keyword);
    this.expectWord("do", `${keyword} <cond>`, start);
    this.list(this.child(state, body, false, true), body, STOP_DONE, this.closer, true, false, "do");
    this.expectWord("done", keyword, start);
    this.close(cond, start, this.pos);
    this.close(body, start, this.pos);
    return this.pos;
  }

  private forClause(state: State, select: boolean): number {
    const start = this.pos;
    const keyword = select ? "select" : "for";
    this.pos += keyword.length;
    this.skipBlanks();
    this.state = state;
    if (!select && !this.posix && this.at(this.pos) === LPAREN && this.at(this.pos + 1) === LPAREN) {
      this.pos += 2;
      this.arithmetic(RPAREN, true);
      this.skipBlanks();
      if (this.at(this.pos) === SEMI) this.pos++;
      this.skipNewlines();
    } else {
      const name = this.peekLitWord();
      if (name === null) this.fail(`"${keyword}" must be followed by a literal`, start, this.pos >= this.n);
      this.pos += name.length;
      this.skipBlanks();
      if (this.at(this.pos) === SEMI) {
        this.pos++;
        this.skipNewlines();
      } else {
        this.skipNewlines();
        if (this.isLitWord("in")) {
          this.pos += 2;
          for (;;) {
            this.skipBlanks();
            if (this.atStop()) break;
            this.state = state;
            if (this.word() === null) this.fail("word list can only contain words");
          }
          if (this.at(this.pos) === SEMI && this.at(this.pos + 1) !== SEMI) this.pos++;
          this.skipNewlines();
        } else if (!this.isLitWord("do")) {
          this.fail(`"${keyword} foo" must be followed by "in", "do", ;, or a newline`, start, this.pos >= this.n);
        }
      }
    }
    const body = this.context(select ? "select-body" : "for-body");
    this.expectWord("do", `${keyword} foo [in words]`, start);
    this.list(this.child(state, body, false, true), body, STOP_DONE, this.closer, true, false, "do");
    return this.endBlock("done", keyword, start, body);
  }

  private caseClause(state: State): number {
    const start = this.reservedWord(4);
    this.state = state;
    if (this.word() === null) this.fail('"case" must be followed by a word', start, this.pos >= this.n);
    this.skipNewlines();
    this.expectWord("in", "case x", start);
    const body = this.context("case-body");
    const armState = this.child(state, body, false, true);
    for (;;) {
      this.skipNewlines();
      if (this.isLitWord("esac")) break;
      if (this.pos >= this.n) this.fail("reached EOF without matching case with esac", start, true);
      if (this.at(this.pos) === LPAREN) this.pos++;
      for (;;) {
        this.skipBlanks();
        this.state = state;
        if (this.word() === null) this.fail("case patterns must consist of words", this.pos, this.pos >= this.n);
        this.skipBlanks();
        const c = this.at(this.pos);
        if (c === RPAREN) {
          this.pos++;
          break;
        }
        if (c !== PIPE) this.fail("case patterns must be separated with |", this.pos, this.pos >= this.n);
        this.pos++;
      }
      this.list(armState, body, STOP_ESAC, 0, false, true);
      this.skipBlanks();
      if (this.at(this.pos) === SEMI) {
        const c1 = this.at(this.pos + 1);
        if (c1 === SEMI) this.pos += this.at(this.pos + 2) === AMP ? 3 : 2;
        else if (c1 === AMP || c1 === PIPE) this.pos += 2;
        continue;
      }
      break;
    }
    return this.endBlock("esac", "case", start, body);
  }

  private functionKeyword(state: State): number {
    const start = this.reservedWord(8);
    const name = this.peekLitWord();
    if (name === null) this.fail('"function" must be followed by a name', start, this.pos >= this.n);
    this.pos += name.length;
    this.skipBlanks();
    if (this.at(this.pos) === LPAREN) this.emptyParens(start);
    return this.functionBody(state, start);
  }

  /** The `()` after a function's name (at `pos`, on its `(`). */
  private emptyParens(nameStart: number): void {
    this.pos++;
    this.skipBlanks();
    if (this.at(this.pos) !== RPAREN) this.fail('"foo(" must be followed by )', nameStart);
    this.pos++;
  }

  /** The body statement of a function (mvdan/sh reads a whole and-or list there). */
  private functionBody(state: State, start: number): number {
    this.skipNewlines();
    if (this.atStop()) this.fail('"foo()" must be followed by a statement', start, this.pos >= this.n);
    const ctx = this.context("function-body");
    const list: ShellList = { items: [], owner: ctx, textRange: [0, 0], range: [0, 0] };
    this.sink.lists.push(list);
    this.enter();
    const s = this.pos;
    const last = this.andOr(list, this.child(state, ctx, false, true));
    const e = this.andOrEnd;
    const binary = this.andOrBinary;
    this.nesting--;
    const end = this.statementEnd(last);
    list.textRange = this.textRange(s, binary ? end : e);
    list.range = this.sourceRange(list.textRange);
    this.close(ctx, start, end);
    if (this.awaitsHeredoc(last) || last.pending) {
      // mvdan/sh ends a function at its body's last heredoc, read after this line.
      const leaf = this.current;
      leaf.pending = true;
      this.fixups.push(() => {
        const later = last.pending ? last.end : this.statementEnd(last);
        list.textRange = this.textRange(s, binary ? later : last.pending ? later : e);
        list.range = this.sourceRange(list.textRange);
        this.close(ctx, start, later);
        leaf.end = Math.max(leaf.end, later);
        leaf.cmdEnd = Math.max(leaf.cmdEnd, later);
      });
    }
    return end;
  }

  private timeClause(state: State): number {
    const start = this.reservedWord(4);
    if (this.isLitWord("-p")) {
      this.pos += 2;
      this.skipBlanks();
    }
    if (this.atStop()) return start + 4;
    const ctx = this.context("time");
    const list: ShellList = { items: [], owner: ctx, textRange: [0, 0], range: [0, 0] };
    this.sink.lists.push(list);
    this.enter();
    const s = this.pos;
    this.pipe(list, this.child(state, ctx, state.inCondition, state.conditional), false);
    const e = this.pipeEnd;
    const count = this.pipeCount;
    this.nesting--;
    const end = this.statementEnd(this.leafEnd);
    list.textRange = this.textRange(s, count > 1 ? end : e);
    list.range = this.sourceRange(list.textRange);
    this.close(ctx, start, end);
    return end;
  }

  private arithmeticCommand(state: State): number {
    this.pos += 2;
    this.state = state;
    this.arithmetic(RPAREN, false);
    return this.pos;
  }

  private testClause(state: State): number {
    const start = this.pos;
    this.pos += 2;
    this.state = state;
    for (;;) {
      this.skipNewlines();
      const c = this.at(this.pos);
      if (c === -1) this.fail("reached EOF without matching [[ with ]]", start, true);
      if (this.isLitWord("]]")) {
        this.pos += 2;
        return this.pos;
      }
      const c1 = this.at(this.pos + 1);
      if ((c === AMP && c1 === AMP) || (c === PIPE && c1 === PIPE)) {
        this.pos += 2;
        continue;
      }
      if (c === LPAREN || c === RPAREN || c === LT || c === GT || c === BANG) {
        this.pos++;
        continue;
      }
      if (this.isLitWord("=~")) {
        this.pos += 2;
        this.skipBlanks();
        this.regex();
        continue;
      }
      if (this.word() === null) this.unexpected();
    }
  }

  /** The right side of `=~`: up to a blank outside parentheses; `( ) |` are part of the pattern. */
  private regex(): void {
    let depth = 0;
    while (this.pos < this.n) {
      const c = this.src.charCodeAt(this.pos);
      if (c === LPAREN) depth++;
      else if (c === RPAREN) {
        if (depth === 0) return;
        depth--;
      } else if ((c === SPACE || c === TAB || c === NL) && depth === 0) return;
      else if (this.stepOverQuoting(c)) continue;
      this.pos++;
    }
  }

  /**
   * At a `\`, a quote, `$` or a backquote inside text scanned for its end (arithmetic, a test
   * operand): steps over the escape, or reads the quoted or expanded part as a word part so that
   * substitutions in it are parsed. Returns whether it stepped.
   */
  private stepOverQuoting(c: number): boolean {
    if (c === BACKSLASH) {
      this.pos += 2;
      return true;
    }
    if (c === SQUOTE || c === DQUOTE || c === DOLLAR || c === BACKQUOTE) {
      this.wordPart(false);
      return true;
    }
    return false;
  }

  private letClause(state: State): number {
    this.pos += 3;
    let end = this.pos;
    for (;;) {
      this.skipBlanks();
      if (this.atStop() || this.atRedirect()) break;
      this.state = state;
      const w = this.word();
      if (w === null) this.unexpected();
      end = this.pos;
    }
    return end;
  }

  /**
   * Skip an arithmetic expression up to its closing `))` (`close` = `)`) or `]` (for `$[…]`), reading
   * the substitutions in it. `forLoop`: the `((init; cond; post))` of a C-style for.
   */
  private arithmetic(close: number, forLoop: boolean): void {
    void forLoop;
    const start = this.pos;
    this.enter();
    let depth = 0;
    while (this.pos < this.n) {
      const c = this.src.charCodeAt(this.pos);
      if (c === LPAREN) depth++;
      else if (c === RPAREN && close === RPAREN) {
        if (depth === 0) {
          if (this.at(this.pos + 1) !== RPAREN) this.fail("arithmetic expression must end with ))");
          this.pos += 2;
          this.nesting--;
          return;
        }
        depth--;
      } else if (c === RBRACK && close === RBRACK && depth === 0) {
        this.pos++;
        this.nesting--;
        return;
      } else if (this.stepOverQuoting(c)) continue;
      this.pos++;
    }
    this.fail("reached EOF without matching (( with ))", start, true);
  }

  // -------------------------------------------------------------------------------------------
  // Simple commands

  /** `name=` / `name+=` / `name[` at `offset` (an assignment word). */
  private assignmentAt(offset: number): boolean {
    if (!isNameStart(this.at(offset))) return false;
    let i = offset + 1;
    while (isNameChar(this.at(i))) i++;
    const c = this.at(i);
    if (c === EQ) return true;
    if (this.posix) return false;
    if (c === PLUS && this.at(i + 1) === EQ) return true;
    return c === LBRACK;
  }

  private atRedirect(): boolean {
    let i = this.pos;
    let c = this.at(i);
    while (isDigit(c)) c = this.at(++i);
    if (c === LT || c === GT) {
      if (i === this.pos && this.at(i + 1) === LPAREN && !this.posix) return false;
      return true;
    }
    return i === this.pos && c === AMP && this.at(i + 1) === GT && !this.posix;
  }

  private simpleCommand(list: ShellList, listIndex: number, prevOperator: ShellOperator | null, state: State, negated: boolean, declaration: boolean): ShellCommand {
    // Substitutions in words go straight to the sink; those in redirects come after them in the
    // model's order, so they wait in their own slot (created on the first redirect).
    const outer = this.sink;
    let redirectSlot: Sink | null = null;
    let name: ShellWord | null = null;
    // The arguments and where each word (name, then arguments) starts go on the parser's stacks
    // (`argStack`, `wordStarts`): the command copies its arguments out at their exact size.
    const argBase = this.argTop;
    const startsBase = this.wordTop;
    const assignments: ShellAssignment[] = [];
    const redirects: ShellRedirect[] = [];
    // The command's extent: its first and furthest offsets (words and redirects, heredoc bodies excluded).
    let start = -1;
    let end = -1;
    let wordsEnd = -1;
    if (declaration) {
      const s = this.pos;
      const variant = this.peekLitWord()!;
      this.pos += variant.length;
      name = this.literalWord(s, this.pos);
      start = s;
      end = this.pos;
      wordsEnd = this.pos;
    }
    let afterRedirect = false;
    let indexedPrefix = false;
    for (;;) {
      this.skipBlanks();
      if (this.atStop()) {
        if (this.at(this.pos) === RPAREN && this.closer !== RPAREN) this.unexpected();
        break;
      }
      this.state = state;
      if (this.atRedirect()) {
        this.sink = redirectSlot ??= newSink();
        const r = this.redirect();
        this.sink = outer;
        redirects.push(r.redirect);
        if (start === -1 || r.start < start) start = r.start;
        if (r.end > end) end = r.end;
        afterRedirect = true;
        this.current.redirect = r.redirect;
        this.current.redirectEnd = r.end;
        continue;
      }
      const c = this.at(this.pos);
      if (c === LPAREN) this.unexpected();
      if (declaration && afterRedirect) this.fail("statements must be separated by &, ; or a newline");
      const s = this.pos;
      if (declaration) {
        if (this.assignmentAt(s)) {
          const a = this.assignment();
          assignments.push(a.assignment);
          this.argStack[this.argTop++] = this.assignmentWord(a.assignment, s, a.valueStart, a.value);
        } else {
          this.checkDeclarationName(s);
          const lit = this.peekLitWord();
          if (lit !== null && isName(lit)) {
            this.pos += lit.length;
            this.argStack[this.argTop++] = this.literalWord(s, this.pos);
          } else {
            const w = this.word();
            if (w === null) this.unexpected();
            this.argStack[this.argTop++] = w;
          }
        }
      } else if (name === null && this.assignmentAt(s)) {
        const a = this.assignment();
        assignments.push(a.assignment);
        if (a.indexed) indexedPrefix = true;
      } else {
        const w = this.word();
        if (w === null) this.unexpected();
        if (name === null) name = w;
        else this.argStack[this.argTop++] = w;
        this.wordStarts[this.wordTop++] = s;
      }
      this.sink = outer;
      if (start === -1 || s < start) start = s;
      if (this.pos > end) end = this.pos;
      wordsEnd = this.pos;
    }
    this.sink = outer;
    if (redirectSlot) append(outer, redirectSlot, true);
    if (start === -1) {
      start = this.pos;
      end = this.pos;
    }
    // Arrays are not allowed as prefixes of a command (bash: "inline variables cannot be arrays").
    if (name !== null && !declaration && (indexedPrefix || assignments.some((a) => a.isArray))) this.fail("inline variables cannot be arrays", start);
    this.simpleEnd = end;
    this.current.cmdEnd = wordsEnd === -1 ? start : wordsEnd;
    const textRange = this.textRange(start, end);
    const command: ShellCommand = {
      kind: declaration ? "declaration" : "simple",
      name,
      // Exact size: the model lives as long as the file's AST (see `word`).
      args: this.argStack.slice(argBase, this.argTop),
      assignments,
      redirects,
      textRange,
      range: this.sourceRange(textRange),
      index: -1,
      pipeline: null,
      pipelineIndex: -1,
      pipedTo: false,
      pipedFrom: false,
      list,
      listIndex,
      nextOperator: null,
      prevOperator,
      negated,
      background: false,
      context: state.context,
      inSubstitution: state.inSubstitution,
      inCondition: state.inCondition,
      conditional: state.conditional,
      fromShellString: state.fromShellString,
    };
    this.argTop = argBase;
    this.out.commands.push(command);
    if (this.out.parseShellStrings && this.frame.depth < MAX_SHELL_STRING_DEPTH && !declaration && name !== null && mayRunShellString(name)) {
      this.shellString(command, state, startsBase);
    }
    this.wordTop = startsBase;
    return command;
  }

  /** `export 1x=…`: mvdan/sh rejects an invalid name before `=` in a declaration. */
  private checkDeclarationName(s: number): void {
    let i = s;
    for (; i < this.n; i++) {
      const c = this.src.charCodeAt(i);
      if (isWordBreak(c) || c === SQUOTE || c === DQUOTE || c === DOLLAR || c === BACKQUOTE) return;
      if (c === BACKSLASH) {
        i++;
        continue;
      }
      if (c === EQ) {
        if (i > s) this.fail("invalid var name", s);
        return;
      }
    }
  }

  /** `name=value`, `name+=value`, `name=(a b)`, `name[i]=value` at `pos`. */
  private assignment(): { assignment: ShellAssignment; valueStart: number; value: ShellWord | null; indexed: boolean } {
    const start = this.pos;
    while (isNameChar(this.at(this.pos))) this.pos++;
    const nameEnd = this.pos;
    const name = this.src.slice(start, nameEnd);
    let append = false;
    let isArray = false;
    let indexed = false;
    if (this.at(this.pos) === LBRACK) {
      indexed = true;
      this.pos++;
      this.arithmetic(RBRACK, false);
      if (this.at(this.pos) === PLUS && this.at(this.pos + 1) === EQ) {
        append = true;
        this.pos++;
      }
      if (this.at(this.pos) !== EQ) this.fail("expected = after an array index", start);
    } else if (this.at(this.pos) === PLUS) {
      append = true;
      this.pos++;
    }
    const eqAt = this.pos;
    this.pos++; // `=`
    const valueStart = this.pos;
    let value: ShellWord | null = null;
    let end = indexed ? eqAt + 1 : nameEnd + 1;
    const c = this.at(this.pos);
    if (c === LPAREN && !this.posix) {
      if (indexed) this.fail("arrays cannot be nested", this.pos);
      isArray = true;
      this.pos++;
      this.enter();
      for (;;) {
        this.skipNewlines();
        const d = this.at(this.pos);
        if (d === RPAREN) break;
        if (d === -1) this.fail("reached EOF without matching ( with )", valueStart, true);
        if (this.word() === null) this.fail("array element values must be words");
      }
      this.nesting--;
      this.pos++;
      end = this.pos;
    } else if (!isWordBreak(c) && !(c === BACKQUOTE && this.closer === BACKQUOTE)) {
      value = this.word();
      if (value) end = this.pos;
    }
    const textRange = this.textRange(start, end);
    return {
      assignment: { name, value, append, isArray, raw: this.src.slice(start, end), textRange, range: this.sourceRange(textRange) },
      valueStart,
      value,
      indexed,
    };
  }

  /** `export A=1`: the operand as one word (value `A=1` when static). */
  private assignmentWord(assignment: ShellAssignment, start: number, valueStart: number, value: ShellWord | null): ShellWord {
    const prefix = assignment.name + (assignment.append ? "+=" : "=");
    const nameEnd = value ? valueStart : start + assignment.raw.length;
    const ptr = this.textRange(start, nameEnd);
    const namePart: ShellWordPart = { kind: "literal", value: prefix, raw: this.src.slice(start, nameEnd), textRange: ptr, range: this.sourceRange(ptr) };
    const v = assignment.value;
    return {
      value: assignment.isArray ? null : v ? (v.value === null ? null : prefix + v.value) : prefix,
      raw: assignment.raw,
      textRange: assignment.textRange,
      range: assignment.range,
      hasExpansion: v?.hasExpansion ?? assignment.isArray,
      quoted: v?.quoted ?? false,
      hasGlob: v?.hasGlob ?? false,
      parts: v ? [namePart, ...v.parts] : [namePart],
    };
  }

  /** A word of one unquoted literal (a declaration's keyword or bare name). */
  private literalWord(start: number, end: number): ShellWord {
    const raw = this.src.slice(start, end);
    const textRange = this.textRange(start, end);
    const range = this.sourceRange(textRange);
    const value = unescapeUnquoted(raw);
    return {
      value,
      raw,
      textRange,
      range,
      hasExpansion: false,
      quoted: hasEscape(raw),
      hasGlob: hasUnquotedGlob(raw),
      parts: [{ kind: "literal", value, raw, textRange, range }],
    };
  }

  // -------------------------------------------------------------------------------------------
  // Redirects and heredocs

  private redirect(): { redirect: ShellRedirect; start: number; end: number } {
    const start = this.pos;
    let fd: string | null = null;
    while (isDigit(this.at(this.pos))) this.pos++;
    if (this.pos > start) fd = this.src.slice(start, this.pos);
    const c = this.at(this.pos);
    const c1 = this.at(this.pos + 1);
    const c2 = this.at(this.pos + 2);
    let op: string;
    if (c === LT) {
      if (c1 === LT) op = c2 === LT && !this.posix ? "<<<" : c2 === MINUS ? "<<-" : "<<";
      else if (c1 === AMP) op = "<&";
      else if (c1 === GT) op = "<>";
      else op = "<";
    } else if (c === GT) {
      if (c1 === GT) op = ">>";
      else if (c1 === AMP) op = ">&";
      else if (c1 === PIPE) op = ">|";
      else op = ">";
    } else op = c2 === GT ? "&>>" : "&>";
    this.pos += op.length;
    this.skipBlanks();
    if (this.atStop() || this.atRedirect() || this.at(this.pos) === LPAREN && !(op === "<" || op === ">")) this.fail(`${op} must be followed by a word`, this.pos, this.pos >= this.n);
    const target = this.word();
    if (target === null) this.fail(`${op} must be followed by a word`, this.pos, this.pos >= this.n);
    const end = this.pos;
    const textRange = this.textRange(start, end);
    const redirect: ShellRedirect = { op, fd, target, heredoc: null, raw: this.src.slice(start, end), textRange, range: this.sourceRange(textRange) };
    if (op === "<<" || op === "<<-") {
      const w = target;
      this.heredocs.push({
        redirect,
        delimiter: w.value ?? heredocDelimiter(w.raw),
        stripTabs: op === "<<-",
        expand: !w.quoted,
        state: this.state,
        slot: reserve(this.sink),
        items: this.openItems.slice(),
      });
    }
    return { redirect, start, end };
  }

  /** Read the bodies of the heredocs started on the line that just ended (at `pos`, after its newline). */
  private readHeredocs(): void {
    const pending = this.heredocs;
    this.heredocs = [];
    for (const h of pending) {
      const bodyStart = this.pos;
      let lineStart = this.pos;
      let bodyEnd = -1;
      while (lineStart < this.n) {
        let nl = this.src.indexOf("\n", lineStart);
        if (nl === -1) nl = this.n;
        let s = lineStart;
        if (h.stripTabs) while (this.src.charCodeAt(s) === TAB) s++;
        if (nl - s === h.delimiter.length && this.src.startsWith(h.delimiter, s)) {
          // With `<<-` the terminator's tabs stay in the body's range (as mvdan/sh reports it).
          bodyEnd = s;
          this.heredocEnds.set(h.redirect, nl);
          this.pos = nl < this.n ? nl + 1 : nl;
          break;
        }
        lineStart = nl + 1;
      }
      if (bodyEnd === -1) this.fail(`unclosed here-document '${h.delimiter}'`, bodyStart, true);
      if (bodyEnd === bodyStart) continue; // an empty body: no heredoc text
      const textRange = this.textRange(bodyStart, bodyEnd);
      h.redirect.heredoc = { raw: this.src.slice(bodyStart, bodyEnd), textRange, range: this.sourceRange(textRange) };
      if (h.expand && bodyEnd > bodyStart) this.heredocExpansions(h, bodyStart, bodyEnd);
    }
  }

  /** Read the substitutions of an unquoted heredoc body (commands in `$(…)` run when the redirect does). */
  private heredocExpansions(h: PendingHeredoc, start: number, end: number): void {
    const savedPos = this.pos;
    const savedSink = this.sink;
    const savedState = this.state;
    const before = this.out.commands.length;
    this.sink = h.slot;
    this.state = h.state;
    this.pos = start;
    while (this.pos < end) {
      const c = this.src.charCodeAt(this.pos);
      if (c === BACKSLASH) this.pos += 2;
      else if (c === DOLLAR || c === BACKQUOTE) this.wordPart(false, true);
      else this.pos++;
    }
    const added = this.out.commands.slice(before);
    if (added.length > 0) for (const item of h.items) if (!this.openItems.includes(item)) item.commands.push(...added);
    this.pos = savedPos;
    this.sink = savedSink;
    this.state = savedState;
  }

  // -------------------------------------------------------------------------------------------
  // Words

  /**
   * The word at `pos` (null if none starts here). Substitutions in it are read as commands of `this.state`.
   * Its parts go on `partStack` and its flags into `wordFlags` (a field, not an object per word).
   */
  private word(): ShellWord | null {
    const start = this.pos;
    const base = this.partTop;
    const outerFlags = this.wordFlags;
    this.wordFlags = 0;
    while (this.pos < this.n) {
      if (!this.wordPart(true)) break;
    }
    const flags = this.wordFlags;
    this.wordFlags = outerFlags;
    const count = this.partTop - base;
    if (count === 0) return null;
    const stack = this.partStack;
    this.partTop = base;
    if (count === 1) {
      // One part: the word's ranges are the part's (shared arrays, fewer allocations), and its parts an
      // array of one (`[]` grown by `push` holds room for 16: 184 bytes a word, for as long as the model).
      const only = stack[base]!;
      return { value: only.value, raw: only.raw, textRange: only.textRange, range: only.range, hasExpansion: (flags & HAS_EXPANSION) !== 0, quoted: (flags & QUOTED) !== 0, hasGlob: (flags & HAS_GLOB) !== 0, parts: [only] };
    }
    let value: string | null = "";
    for (let i = base; i < base + count; i++) {
      const partValue = stack[i]!.value;
      if (partValue === null) {
        value = null;
        break;
      }
      value += partValue;
    }
    const textRange = this.textRange(start, this.pos);
    return {
      value,
      raw: this.src.slice(start, this.pos),
      textRange,
      range: this.sourceRange(textRange),
      hasExpansion: (flags & HAS_EXPANSION) !== 0,
      quoted: (flags & QUOTED) !== 0,
      hasGlob: (flags & HAS_GLOB) !== 0,
      parts: stack.slice(base, base + count),
    };
  }

  /** A part from `start` to `pos` on the part stack. */
  private part(kind: ShellWordPart["kind"], start: number, value: string | null): void {
    const textRange = this.textRange(start, this.pos);
    this.partStack[this.partTop++] = { kind, value, raw: this.src.slice(start, this.pos), textRange, range: this.sourceRange(textRange) };
  }

  /** A `parameter` part (same fields as `part` gives, then `parameter`). */
  private parameterPart(start: number, parameter: string): void {
    const textRange = this.textRange(start, this.pos);
    this.partStack[this.partTop++] = { kind: "parameter", value: null, raw: this.src.slice(start, this.pos), textRange, range: this.sourceRange(textRange), parameter };
  }

  /**
   * Read one part of an unquoted word at `pos`; false at the end of the word. With `record` false the
   * part is only read for its substitutions (inside `${…}`, `$((…))`, `[[ =~ ]]`, heredoc bodies): no
   * part is made and `wordFlags` is left alone. `heredoc`: only `$` and backquotes are special.
   */
  private wordPart(record: boolean, heredoc = false): boolean {
    const src = this.src;
    const start = this.pos;
    const c = src.charCodeAt(start);
    const c1 = this.at(start + 1);
    switch (c) {
      case SQUOTE: {
        const close = src.indexOf("'", start + 1);
        if (close === -1) this.fail("reached EOF without closing quote '", start, true);
        this.pos = close + 1;
        if (record) {
          this.wordFlags |= QUOTED;
          this.part("single-quoted", start, src.slice(start + 1, close));
        }
        return true;
      }
      case DQUOTE:
        this.doubleQuoted(record, start, start + 1);
        return true;
      case BACKQUOTE:
        if (this.closer === BACKQUOTE && record) return false;
        this.substitution(record, "command-substitution", start, 1, BACKQUOTE);
        return true;
      case DOLLAR:
        return this.dollar(record, start, c1, heredoc);
      case LT:
      case GT:
        if (c1 === LPAREN && !this.posix) {
          this.substitution(record, "process-substitution", start, 2, RPAREN);
          return true;
        }
        return false;
    }
    if (!this.posix && (c === QUEST || c === STAR || c === PLUS || c === AT || c === BANG) && c1 === LPAREN) {
      this.pos += 2;
      this.balanced(start);
      if (record) {
        this.wordFlags |= HAS_GLOB;
        this.part("extglob", start, src.slice(start, this.pos));
      }
      return true;
    }
    if (isWordBreak(c)) return false;
    // A literal run: up to a quote, `$`, backquote, word break, extglob or (bash) a `[` after the run's
    // first character. The same scan notes an escape (a backslash not before a newline: quoting) and an
    // unescaped glob character, so the run is not scanned again for them.
    let escaped = false;
    let escape = false;
    let glob = false;
    let i = start;
    for (; i < this.n; i++) {
      const d = src.charCodeAt(i);
      if (isOrdinary(d)) continue;
      if (d === BACKSLASH) {
        escaped = true;
        if (src.charCodeAt(i + 1) !== NL) escape = true;
        i++;
        continue;
      }
      if (isWordBreak(d) || d === SQUOTE || d === DQUOTE || d === DOLLAR || d === BACKQUOTE) break;
      if (!this.posix) {
        if (d === LBRACK && i > start && c !== LBRACK) break;
        if ((d === QUEST || d === STAR || d === PLUS || d === AT || d === BANG) && this.at(i + 1) === LPAREN) break;
      }
      if (d === STAR || d === QUEST || d === LBRACK) glob = true;
    }
    if (i > this.n) i = this.n;
    this.pos = i;
    if (record) {
      if (escape) this.wordFlags |= QUOTED;
      if (glob) this.wordFlags |= HAS_GLOB;
      const raw = src.slice(start, i);
      const textRange = this.textRange(start, i);
      this.partStack[this.partTop++] = { kind: "literal", value: escaped ? unescapeUnquoted(raw) : raw, raw, textRange, range: this.sourceRange(textRange) };
    }
    return true;
  }

  /** Skip to the `)` closing the `(` before `pos` (extglob patterns). */
  private balanced(start: number): void {
    let depth = 0;
    while (this.pos < this.n) {
      const c = this.src.charCodeAt(this.pos);
      if (c === BACKSLASH) this.pos++;
      else if (c === LPAREN) depth++;
      else if (c === RPAREN) {
        if (depth === 0) {
          this.pos++;
          return;
        }
        depth--;
      }
      this.pos++;
    }
    this.fail("reached EOF without matching ( with )", start, true);
  }

  private doubleQuoted(record: boolean, start: number, open: number): void {
    const src = this.src;
    this.pos = open;
    this.enter();
    let value: string | null = "";
    let chunk = open;
    for (;;) {
      if (this.pos >= this.n) this.fail('reached EOF without closing quote "', start, true);
      const c = src.charCodeAt(this.pos);
      if (c === DQUOTE) break;
      if (c === BACKSLASH) {
        this.pos += 2;
        continue;
      }
      if (c === DOLLAR || c === BACKQUOTE) {
        const at = this.pos;
        if (c === DOLLAR && !this.startsExpansion(this.at(at + 1), true)) {
          this.pos++;
          continue;
        }
        this.wordPart(false);
        value = null;
        if (record) this.wordFlags |= HAS_EXPANSION;
        chunk = this.pos;
        continue;
      }
      this.pos++;
    }
    if (value !== null) value += unescapeDoubleQuoted(src.slice(chunk, this.pos));
    this.pos++;
    this.nesting--;
    if (record) {
      this.wordFlags |= QUOTED;
      this.part("double-quoted", start, value);
    }
  }

  /** `$` followed by `c` starts an expansion (else the `$` is a literal character). */
  private startsExpansion(c: number, quoted: boolean): boolean {
    if (c === LBRACE || c === LPAREN || isNameStart(c) || isSpecialParam(c)) return true;
    if (c === LBRACK) return !this.posix;
    if (!quoted && (c === SQUOTE || c === DQUOTE)) return !this.posix;
    return false;
  }

  private dollar(record: boolean, start: number, c1: number, heredoc: boolean): boolean {
    const src = this.src;
    if (!this.startsExpansion(c1, heredoc)) {
      this.pos = start + 1;
      if (record) this.part("literal", start, "$");
      return true;
    }
    if (c1 === SQUOTE) {
      let i = start + 2;
      for (; i < this.n; i++) {
        const d = src.charCodeAt(i);
        if (d === BACKSLASH) i++;
        else if (d === SQUOTE) break;
      }
      if (i >= this.n) this.fail("reached EOF without closing quote '", start, true);
      this.pos = i + 1;
      if (record) {
        this.wordFlags |= QUOTED;
        this.part("ansi-c-quoted", start, decodeAnsiC(src.slice(start + 2, i)));
      }
      return true;
    }
    if (c1 === DQUOTE) {
      this.doubleQuoted(record, start, start + 2);
      return true;
    }
    if (record) this.wordFlags |= HAS_EXPANSION;
    if (c1 === LPAREN) {
      if (this.at(start + 2) === LPAREN) {
        this.pos = start + 3;
        this.arithmetic(RPAREN, false);
        if (record) this.part("arithmetic", start, null);
        return true;
      }
      this.substitution(record, "command-substitution", start, 2, RPAREN);
      return true;
    }
    if (c1 === LBRACK) {
      this.pos = start + 2;
      this.arithmetic(RBRACK, false);
      if (record) this.part("arithmetic", start, null);
      return true;
    }
    if (c1 === LBRACE) {
      const name = this.braced(start);
      if (record) this.parameterPart(start, name);
      return true;
    }
    // `$name`, `$1`, `$@`…
    let i = start + 2;
    if (isNameStart(c1)) while (isNameChar(this.at(i))) i++;
    this.pos = i;
    if (record) this.parameterPart(start, src.slice(start + 1, i));
    return true;
  }

  /** `${…}` from `$` at `start`; returns the parameter's name. */
  private braced(start: number): string {
    const src = this.src;
    this.pos = start + 2;
    this.enter();
    let c = this.at(this.pos);
    // `${#x}` length, `${!x}` indirection; `${#}` and `${!}` are the special parameters.
    if ((c === HASH || (c === BANG && !this.posix)) && this.at(this.pos + 1) !== RBRACE) {
      const d = this.at(this.pos + 1);
      if (isNameStart(d) || isDigit(d) || (isSpecialParam(d) && d !== HASH) || (c === HASH && d === HASH && this.at(this.pos + 2) === RBRACE)) {
        this.pos++;
        c = d;
      }
    }
    const nameStart = this.pos;
    if (this.pos >= this.n) this.fail("reached EOF without matching ${ with }", start, true);
    let name: string;
    try {
      if (isNameStart(c)) {
        while (isNameChar(this.at(this.pos))) this.pos++;
      } else if (isDigit(c)) {
        while (isDigit(this.at(this.pos))) this.pos++;
      } else if (isSpecialParam(c)) this.pos++;
      else this.fail("invalid parameter name");
      name = src.slice(nameStart, this.pos);
      if (this.at(this.pos) === LBRACK) {
        if (this.posix) this.fail("arrays are a bash feature");
        this.pos++;
        this.arithmetic(RBRACK, false);
      }
      const op = this.at(this.pos);
      if (this.posix && (op === SLASH_CODE || op === 94 || op === 44 || op === AT || (op === 58 && !":-=?+".includes(src[this.pos + 1] ?? "")))) {
        this.fail("this expansion operator is a bash feature");
      }
    } catch (error) {
      // bash and dash read a `${…}` to its closing brace and judge its name, index and operator only when
      // they expand it ("bad substitution" at run time, `bash -n` and `dash -n` accept `${}`, `${x[}`): the
      // failure is marked so that a rule does not call the script invalid shell syntax.
      if (error instanceof ShellSyntaxError) throw new ShellSyntaxError(error.message, error.offset, error.incomplete, true);
      throw error;
    }
    // The rest up to the closing brace: operators and words, with quotes and nested expansions.
    for (;;) {
      if (this.pos >= this.n) this.fail("reached EOF without matching ${ with }", start, true);
      const d = src.charCodeAt(this.pos);
      if (d === RBRACE) break;
      if (d === BACKSLASH) {
        this.pos += 2;
        continue;
      }
      if (d === SQUOTE || d === DQUOTE || d === DOLLAR || d === BACKQUOTE) {
        this.wordPart(false);
        continue;
      }
      this.pos++;
    }
    this.pos++;
    this.nesting--;
    return name;
  }

  /** `$(…)`, `` `…` ``, `<(…)`, `>(…)`: their statements are commands in a substitution context. */
  private substitution(record: boolean, kind: "command-substitution" | "process-substitution", start: number, open: number, closer: typeof RPAREN | typeof BACKQUOTE): void {
    this.pos = start + open;
    const ctx = this.context(kind);
    const outerState = this.state;
    this.list(this.child(outerState, ctx, outerState.inCondition, outerState.conditional, true), ctx, NO_STOPS, closer, false);
    this.state = outerState;
    this.skipBlanks();
    if (this.at(this.pos) !== closer) {
      if (this.pos >= this.n) this.fail(closer === BACKQUOTE ? "reached EOF without closing quote `" : "reached EOF without matching ( with )", start, true);
      this.unexpected();
    }
    this.pos++;
    this.close(ctx, start, this.pos);
    if (record) {
      this.wordFlags |= HAS_EXPANSION;
      this.part(kind, start, null);
    }
  }

  // -------------------------------------------------------------------------------------------
  // sh -c strings

  /** Parse the script of the command's `sh -c` word; its words' starts in `src` are `wordStarts[startsBase…]`. */
  private shellString(command: ShellCommand, state: State, startsBase: number): void {
    const arg = findShellStringArgument(command);
    if (!arg) return;
    const word = arg.word;
    const index = word === command.name ? 0 : command.args.indexOf(word) + 1;
    if (index < 0 || startsBase + index >= this.wordTop) return;
    // The parts of a word are contiguous in `src`: each starts where the one before it ends.
    const starts = new Array<number>(word.parts.length);
    let at = this.wordStarts[startsBase + index]!;
    for (let i = 0; i < word.parts.length; i++) {
      starts[i] = at;
      at += word.parts[i]!.raw.length;
    }
    const script = innerScript(word, starts);
    const inner = script.text;
    let frame: Frame;
    if (script.segments) {
      const map: ShellText = { text: inner, segments: script.segments };
      const parent = this.frame;
      frame = parent.start === null
        ? { src: inner, start: (o) => toSourceStartOffset(map, o), end: (o) => toSourceOffset(map, o), depth: parent.depth + 1 }
        : { src: inner, start: (o) => parent.start!(toSourceStartOffset(map, o)), end: (o) => parent.end!(toSourceOffset(map, o)), depth: parent.depth + 1 };
    } else {
      const [ts, te] = word.textRange;
      frame = { src: inner, start: () => ts, end: () => te, depth: this.frame.depth + 1 };
    }
    parseShellString(this.out, this.sink, frame, word, state, arg.dialect === "posix" && this.out.dialect === "posix");
  }
}

/**
 * Parse the script of an `sh -c` word (or an exec-form RUN's script string) in `frame`, a
 * `shell-string` context at `word`; its lists go to `sink`. A script that does not parse (as bash,
 * then POSIX; or POSIX first with `posixFirst`) adds a failure to `out.failures` and no command.
 */
export function parseShellString(out: Output, sink: Sink, frame: Frame, word: ShellWord, state: State, posixFirst: boolean): void {
  const ctx: ShellContext = { kind: "shell-string", textRange: word.textRange, range: word.range };
  const innerState: State = { context: [...state.context, ctx], inSubstitution: state.inSubstitution, inCondition: state.inCondition, conditional: state.conditional, fromShellString: true };
  let firstError: ShellSyntaxError | null = null;
  for (const posix of posixFirst ? [true, false] : [false, true]) {
    const commandsBefore = out.commands.length;
    const emptyBefore = out.emptyLists.length;
    const slot = newSink();
    try {
      const list = new ShellParser(out, frame, posix, slot).parseScript(innerState, ctx);
      if (list.items.length > 0) append(sink, slot);
      else out.emptyLists.length = emptyBefore;
      return;
    } catch (error) {
      out.commands.length = commandsBefore;
      out.emptyLists.length = emptyBefore;
      // Defensive: an unexpected state must not crash a lint run; it counts as a script not parsed.
      firstError ??= error instanceof ShellSyntaxError ? error : new ShellSyntaxError(`internal shell model error: ${error instanceof Error ? error.message : String(error)}`, 0);
    }
  }
  const textOffset = frame.start === null ? firstError!.offset : frame.start(firstError!.offset);
  out.failures.push({ ok: false, message: firstError!.message, offset: toSourceStartOffset(out.shell, textOffset), textOffset, incomplete: firstError!.incomplete, ...(firstError!.inParameterExpansion ? { inParameterExpansion: true } : {}) });
}

const SLASH_CODE = 47;

/** Commands that can be, or wrap, `sh -c`/`su -c` (see `findShellStringArgument`): others skip that search. */
const SHELL_STRING_COMMANDS = new Set([...Object.keys(POSIX_SHELLS), MULTI_CALL_SHELL, "su", "runuser", ...Object.keys(WRAPPER_COMMANDS)]);

function mayRunShellString(name: ShellWord): boolean {
  const base = wordBaseName(name);
  return base === null || SHELL_STRING_COMMANDS.has(base);
}

/**
 * `text` as a string whose characters are in one flat buffer. A RUN's `ShellText.text` is built by
 * concatenation (the Dockerfile parser joins continued lines; `innerScript` the pieces of an `sh -c`
 * word), so V8 holds it as a tree of pieces (a cons string), and every `charCodeAt` of the scan pays for
 * that (measured: the parse of the corpus bodies ~15 % faster once they are flat). Slicing a
 * concatenation copies it into one buffer; the copy costs one pass over the text.
 */
function flat(text: string): string {
  return (" " + text).slice(1);
}

/** A backslash escape other than a line continuation (`\`+newline is removed, not quoting). */
function hasEscape(raw: string): boolean {
  for (let i = raw.indexOf("\\"); i !== -1 && i < raw.length; i = raw.indexOf("\\", i + 2)) {
    if (raw.charCodeAt(i + 1) !== NL) return true;
  }
  return false;
}

/** The delimiter of `<<$X`-like words (expansions kept as written): the raw text without quotes. */
function heredocDelimiter(raw: string): string {
  return raw;
}
