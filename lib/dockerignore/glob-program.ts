/**
 * A linear-time matcher for the expressions `moby/patternmatcher` builds from `.dockerignore`
 * patterns (see pattern.ts, `compileToGoRegExp`).
 *
 * Docker matches a pattern by compiling it to a Go regular expression, and Go's `regexp` (RE2) runs
 * in time linear in pattern × path. JavaScript's RegExp backtracks: `*` repeated 16,384 times took
 * seconds, 12,291 `?` overflowed the stack, 131,072 `*` hit "Too many captures", 65,536 backslashes
 * "Regular expression too large". So the expression is never handed to RegExp. It is parsed here,
 * with Go's `regexp/syntax` rules for the constructs it can contain (literals, `.`, classes with
 * ranges, negation, escapes, POSIX `[:name:]`, Perl `\d\s\w`, Unicode `\p{..}`; `^ $ \A \z \b \B`;
 * `\Q…\E`; the group `(.*\/)?` that stands for `**\/`; `*`, `+`, `?`), into a small automaton, and
 * the path is run through it as a set of states advanced one character at a time (a dynamic
 * programme over (state, position): no backtracking, no recursion). Time: O(states × path length);
 * memory: O(states). Parsing is one pass over the expression.
 *
 * Source of the syntax rules: Go's `regexp/syntax/parse.go` (flags `syntax.Perl`: `ClassNL`,
 * `OneLine`, `PerlX`, `UnicodeGroups`; so `^`/`$` are the ends of the text, `.` is any character but
 * `\n`, and negated classes match `\n`).
 */

/** Why Go's regexp parser would refuse the expression (Docker then fails the build). */
export interface GlobProgramError {
  message: string;
}

/** A compiled automaton; opaque outside this module. */
export interface GlobProgram {
  readonly kind: "glob-program";
  /** Number of automaton states (about two per character of the expression). */
  readonly size: number;
}

// --- character sets --------------------------------------------------------------------------------

type Predicate = (codePoint: number) => boolean;

interface CharSet {
  negated: boolean;
  /** Inclusive ranges, flattened: [lo0, hi0, lo1, hi1, …]. */
  ranges: number[];
  predicates: Predicate[];
}

function inSet(set: CharSet, codePoint: number): boolean {
  let found = false;
  const ranges = set.ranges;
  for (let index = 0; index < ranges.length; index += 2) {
    if (codePoint >= ranges[index]! && codePoint <= ranges[index + 1]!) {
      found = true;
      break;
    }
  }
  if (!found) {
    for (const predicate of set.predicates) {
      if (predicate(codePoint)) {
        found = true;
        break;
      }
    }
  }
  return found !== set.negated;
}

const rangesPredicate =
  (ranges: readonly number[], negated: boolean): Predicate =>
  (codePoint) => {
    for (let index = 0; index < ranges.length; index += 2) {
      if (codePoint >= ranges[index]! && codePoint <= ranges[index + 1]!) return !negated;
    }
    return negated;
  };

const code = (char: string) => char.codePointAt(0)!;

/** Go's Perl classes (`regexp/syntax/perl_groups.go`): ASCII only. */
const PERL_CLASSES: Readonly<Record<string, readonly number[]>> = {
  d: [code("0"), code("9")],
  s: [9, 10, 12, 13, 32, 32],
  w: [code("0"), code("9"), code("A"), code("Z"), code("_"), code("_"), code("a"), code("z")],
};

/** Go's POSIX classes (`regexp/syntax/perl_groups.go`, `posixGroup`). */
const POSIX_CLASSES: Readonly<Record<string, readonly number[]>> = {
  alnum: [48, 57, 65, 90, 97, 122],
  alpha: [65, 90, 97, 122],
  ascii: [0, 0x7f],
  blank: [9, 9, 32, 32],
  cntrl: [0, 0x1f, 0x7f, 0x7f],
  digit: [48, 57],
  graph: [0x21, 0x7e],
  lower: [97, 122],
  print: [0x20, 0x7e],
  punct: [0x21, 0x2f, 0x3a, 0x40, 0x5b, 0x60, 0x7b, 0x7e],
  space: [9, 13, 32, 32],
  upper: [65, 90],
  word: [48, 57, 65, 90, 95, 95, 97, 122],
  xdigit: [48, 57, 65, 70, 97, 102],
};

const unicodeClassCache = new Map<string, Predicate | null>();

/**
 * Go's `\p{Name}`: a general category (one or two letters: `L`, `Lu`), a script (`Greek`), or `Any`.
 * The test of one character is delegated to a fixed one-character JavaScript class (constant time).
 */
function unicodeClass(name: string): Predicate | null {
  if (name === "Any") return () => true;
  if (unicodeClassCache.has(name)) return unicodeClassCache.get(name)!;
  let predicate: Predicate | null = null;
  const candidates = /^[A-Z][a-z]?$/u.test(name) ? [name] : /^[A-Za-z_]+$/u.test(name) ? [`Script=${name}`] : [];
  for (const candidate of candidates) {
    try {
      const expression = new RegExp(`^\\p{${candidate}}$`, "u");
      predicate = (codePoint) => expression.test(String.fromCodePoint(codePoint));
      break;
    } catch {
      // not a name JavaScript knows either
    }
  }
  unicodeClassCache.set(name, predicate);
  return predicate;
}

// --- the expression's syntax tree -------------------------------------------------------------------

type Node =
  | { type: "char"; codePoint: number }
  | { type: "set"; set: CharSet }
  | { type: "any-not-nl" }
  | { type: "assert"; kind: "begin" | "end" | "word" | "not-word" }
  | { type: "group"; items: Node[] }
  | { type: "repeat"; kind: "*" | "+" | "?"; node: Node };

/** A key for nodes without predicates (equal keys: equal languages), or null. */
function nodeKey(node: Node): string | null {
  switch (node.type) {
    case "char":
      return `c${node.codePoint}`;
    case "any-not-nl":
      return ".";
    case "set":
      return node.set.predicates.length === 0 ? `s${node.set.negated ? "^" : ""}${node.set.ranges.join(",")}` : null;
    case "group": {
      const keys = node.items.map((item) => nodeKey(item));
      return keys.includes(null) ? null : `(${keys.join(" ")})`;
    }
    case "repeat": {
      const key = nodeKey(node.node);
      return key === null ? null : `${key}${node.kind}`;
    }
    case "assert":
      return `@${node.kind}`;
  }
}

/** The `(.*\/)?` patternmatcher writes for `**\/`: any run of folders, none included. */
const DIRS_KEY = "(.* c47)";

/** Does `before` followed by `after` match exactly what `before` alone matches? */
function absorbs(before: Node, after: Extract<Node, { type: "repeat" }>): boolean {
  if (before.type !== "repeat") return false;
  const key = nodeKey(after.node);
  if (key === null || key !== nodeKey(before.node)) return false;
  if (before.kind === "*") return after.kind === "*" || after.kind === "?";
  // (.*/)?(.*/)? = (.*/)?: two runs of folders are one run of folders.
  return before.kind === "?" && after.kind === "?" && key === DIRS_KEY;
}

function isHex(char: string | undefined): boolean {
  return char !== undefined && /^[\da-f]$/iu.test(char);
}

function isAlnum(char: string): boolean {
  return /^[0-9A-Za-z]$/u.test(char);
}

interface Cursor {
  source: string;
  index: number;
}

/** The next code point (a lone surrogate counts as one, as JavaScript's `u` mode reads it). */
function nextCodePoint(cursor: Cursor): number {
  const value = cursor.source.codePointAt(cursor.index)!;
  cursor.index += value > 0xffff ? 2 : 1;
  return value;
}

/** Go's parseEscape (one character, in or out of a class); `cursor` is at the backslash. */
function parseEscape(cursor: Cursor): number | GlobProgramError {
  const { source } = cursor;
  const start = cursor.index;
  cursor.index++;
  if (cursor.index >= source.length) return { message: "trailing backslash at end of expression" };
  const value = nextCodePoint(cursor);
  const char = String.fromCodePoint(value);
  const invalid = () => ({ message: `invalid escape sequence: \`${source.slice(start, cursor.index)}\`` });
  if (value < 0x80 && !isAlnum(char)) return value;
  if (char >= "1" && char <= "7") {
    // A lone \1-\7 would be a backreference, which RE2 does not support.
    const following = source[cursor.index];
    if (following === undefined || following < "0" || following > "7") return invalid();
  }
  if (char >= "0" && char <= "7") {
    let result = value - 48;
    for (let digit = 1; digit < 3; digit++) {
      const following = source[cursor.index];
      if (following === undefined || following < "0" || following > "7") break;
      result = result * 8 + (code(following) - 48);
      cursor.index++;
    }
    return result;
  }
  switch (char) {
    case "x": {
      if (cursor.index >= source.length) return invalid();
      if (source[cursor.index] === "{") {
        cursor.index++;
        let result = 0;
        let digits = 0;
        for (;;) {
          if (cursor.index >= source.length) return invalid();
          const digit = source[cursor.index++]!;
          if (digit === "}") break;
          if (!isHex(digit)) return invalid();
          result = result * 16 + Number.parseInt(digit, 16);
          if (result > 0x10ffff) return invalid();
          digits++;
        }
        return digits === 0 ? invalid() : result;
      }
      const high = source[cursor.index];
      const low = source[cursor.index + 1];
      cursor.index += Math.min(2, source.length - cursor.index);
      if (!isHex(high) || !isHex(low)) return invalid();
      return Number.parseInt(high! + low!, 16);
    }
    case "a":
      return 7;
    case "f":
      return 12;
    case "n":
      return 10;
    case "r":
      return 13;
    case "t":
      return 9;
    case "v":
      return 11;
    default:
      return invalid();
  }
}

/** Go's parsePerlClassEscape and parseUnicodeClass; null when the cursor is at neither. */
function parseClassEscape(cursor: Cursor): Predicate | GlobProgramError | null {
  const { source, index } = cursor;
  if (source[index] !== "\\") return null;
  const letter = source[index + 1];
  if (letter === "p" || letter === "P") {
    let negated = letter === "P";
    let name: string;
    if (source[index + 2] === "{") {
      const close = source.indexOf("}", index + 3);
      if (close < 0) return { message: `invalid character class range: \`${source.slice(index)}\`` };
      name = source.slice(index + 3, close);
      cursor.index = close + 1;
    } else {
      if (index + 2 >= source.length) return { message: "invalid character class range: `\\p`" };
      cursor.index = index + 2;
      name = String.fromCodePoint(nextCodePoint(cursor));
    }
    if (name.startsWith("^")) {
      negated = !negated;
      name = name.slice(1);
    }
    const predicate = unicodeClass(name);
    if (!predicate) return { message: `invalid character class range: \`\\p{${name}}\`` };
    return negated ? (codePoint) => !predicate(codePoint) : predicate;
  }
  if (letter !== undefined && "dDsSwW".includes(letter)) {
    cursor.index = index + 2;
    return rangesPredicate(PERL_CLASSES[letter.toLowerCase()]!, letter !== letter.toLowerCase());
  }
  return null;
}

/** Go's parseClass; `cursor` is at the `[`. */
function parseClass(cursor: Cursor): CharSet | GlobProgramError {
  const { source } = cursor;
  const missing = { message: "missing closing ]" };
  cursor.index++;
  const set: CharSet = { negated: false, ranges: [], predicates: [] };
  if (source[cursor.index] === "^") {
    set.negated = true;
    cursor.index++;
  }
  let first = true;
  while (cursor.index >= source.length || source[cursor.index] !== "]" || first) {
    if (cursor.index >= source.length) return missing;
    first = false;
    if (source[cursor.index] === "[" && source[cursor.index + 1] === ":") {
      const close = source.indexOf(":]", cursor.index + 2);
      if (close >= 0) {
        let name = source.slice(cursor.index + 2, close);
        const negated = name.startsWith("^");
        if (negated) name = name.slice(1);
        const ranges = Object.hasOwn(POSIX_CLASSES, name) ? POSIX_CLASSES[name]! : null;
        if (!ranges) return { message: `invalid character class range: \`[:${negated ? "^" : ""}${name}:]\`` };
        set.predicates.push(rangesPredicate(ranges, negated));
        cursor.index = close + 2;
        continue;
      }
    }
    const escape = parseClassEscape(cursor);
    if (escape) {
      if ("message" in escape) return escape;
      set.predicates.push(escape);
      continue;
    }
    const low = source[cursor.index] === "\\" ? parseEscape(cursor) : nextCodePoint(cursor);
    if (typeof low !== "number") return low;
    let high = low;
    if (source[cursor.index] === "-" && cursor.index + 1 < source.length && source[cursor.index + 1] !== "]") {
      cursor.index++;
      const end = source[cursor.index] === "\\" ? parseEscape(cursor) : nextCodePoint(cursor);
      if (typeof end !== "number") return end;
      if (end < low) return { message: "invalid character class range" };
      high = end;
    }
    set.ranges.push(low, high);
  }
  cursor.index++;
  return set;
}

/** Parses the whole expression (no recursion: groups use an explicit stack). */
function parseExpression(source: string): Node[] | GlobProgramError {
  const cursor: Cursor = { source, index: 0 };
  const stack: Node[][] = [[]];
  const top = () => stack[stack.length - 1]!;
  let lastWasRepeat = false;
  let repeatStart = 0;
  while (cursor.index < source.length) {
    const char = source[cursor.index]!;
    if (char !== "*" && char !== "+" && char !== "?") lastWasRepeat = false;
    switch (char) {
      case "(": {
        if (source[cursor.index + 1] === "?") return { message: "unsupported group flags" };
        cursor.index++;
        stack.push([]);
        continue;
      }
      case ")": {
        if (stack.length === 1) return { message: "unexpected )" };
        const items = stack.pop()!;
        top().push({ type: "group", items });
        cursor.index++;
        continue;
      }
      case "|":
        // patternmatcher escapes every `|`; the only groups it writes have no alternation.
        return { message: "unsupported alternation" };
      case "*":
      case "+":
      case "?": {
        const items = top();
        const previous = items[items.length - 1];
        cursor.index++;
        // Go (PerlX): `x*?` is a lazy `x*` (same language); `x**` is "invalid nested repetition".
        if (source[cursor.index] === "?") cursor.index++;
        if (lastWasRepeat) return { message: `invalid nested repetition operator: \`${source.slice(repeatStart, cursor.index)}\`` };
        if (!previous) return { message: `missing argument to repetition operator: \`${char}\`` };
        const repeated: Node = { type: "repeat", kind: char as "*" | "+" | "?", node: previous };
        const before = items[items.length - 2];
        // `x*x*` and `x*x?` are `x*`; `(.*\/)?(.*\/)?` is `(.*\/)?`: drop the repeat, so that
        // `*` written 131,072 times is one state, not 131,072 states all active at once.
        if (before && absorbs(before, repeated)) items.pop();
        else items[items.length - 1] = repeated;
        repeatStart = cursor.index - 1;
        lastWasRepeat = true;
        continue;
      }
      case "{":
        // Escaped by patternmatcher; a raw `{` that is not a valid repetition is a literal in Go.
        return { message: "unsupported repetition" };
      case "^":
        top().push({ type: "assert", kind: "begin" });
        cursor.index++;
        continue;
      case "$":
        top().push({ type: "assert", kind: "end" });
        cursor.index++;
        continue;
      case ".":
        top().push({ type: "any-not-nl" });
        cursor.index++;
        continue;
      case "[": {
        const set = parseClass(cursor);
        if ("message" in set) return set;
        top().push({ type: "set", set });
        continue;
      }
      case "\\": {
        const letter = source[cursor.index + 1];
        if (letter === "A" || letter === "z" || letter === "b" || letter === "B") {
          const kind = letter === "A" ? "begin" : letter === "z" ? "end" : letter === "b" ? "word" : "not-word";
          top().push({ type: "assert", kind });
          cursor.index += 2;
          continue;
        }
        if (letter === "C") return { message: "invalid escape sequence: `\\C`" };
        if (letter === "Q") {
          // \Q…\E: everything up to \E (or the end) is literal.
          const close = source.indexOf("\\E", cursor.index + 2);
          const end = close < 0 ? source.length : close;
          const quoted: Cursor = { source: source.slice(0, end), index: cursor.index + 2 };
          while (quoted.index < end) top().push({ type: "char", codePoint: nextCodePoint(quoted) });
          cursor.index = close < 0 ? source.length : close + 2;
          continue;
        }
        const escape = parseClassEscape(cursor);
        if (escape) {
          if ("message" in escape) return escape;
          top().push({ type: "set", set: { negated: false, ranges: [], predicates: [escape] } });
          continue;
        }
        const value = parseEscape(cursor);
        if (typeof value !== "number") return value;
        top().push({ type: "char", codePoint: value });
        continue;
      }
      default:
        top().push({ type: "char", codePoint: nextCodePoint(cursor) });
    }
  }
  if (stack.length !== 1) return { message: "missing closing )" };
  return stack[0]!;
}

// --- the automaton ------------------------------------------------------------------------------------

const OP_CHAR = 0;
const OP_SET = 1;
const OP_ANY_NOT_NL = 2;
const OP_SPLIT = 3;
const OP_JUMP = 4;
const OP_ASSERT = 5;
const OP_MATCH = 6;

const ASSERT_BEGIN = 0;
const ASSERT_END = 1;
const ASSERT_WORD = 2;
const ASSERT_NOT_WORD = 3;

interface Program extends GlobProgram {
  start: number;
  op: Int32Array;
  /** Next state (or first branch of a split). */
  next: Int32Array;
  /** Second branch of a split; the code point of a char; the assertion kind. */
  arg: Int32Array;
  sets: CharSet[];
}

interface Builder {
  op: number[];
  next: number[];
  arg: number[];
  sets: CharSet[];
}

function emit(builder: Builder, op: number, next: number, arg: number): number {
  builder.op.push(op);
  builder.next.push(next);
  builder.arg.push(arg);
  return builder.op.length - 1;
}

/**
 * Compiles a list of nodes so that it continues to state `exit`; returns its entry state. States
 * are built back to front, so every transition points at a state that already exists. The only
 * recursion is into groups, which patternmatcher nests one level deep at most (and `(` cannot come
 * from a user's text: it is escaped).
 */
function compileSequence(builder: Builder, items: readonly Node[], exit: number, depth: number): number {
  let next = exit;
  for (let index = items.length - 1; index >= 0; index--) {
    next = compileNode(builder, items[index]!, next, depth);
  }
  return next;
}

function compileNode(builder: Builder, node: Node, exit: number, depth: number): number {
  switch (node.type) {
    case "char":
      return emit(builder, OP_CHAR, exit, node.codePoint);
    case "set":
      builder.sets.push(node.set);
      return emit(builder, OP_SET, exit, builder.sets.length - 1);
    case "any-not-nl":
      return emit(builder, OP_ANY_NOT_NL, exit, 0);
    case "assert": {
      const kind = { begin: ASSERT_BEGIN, end: ASSERT_END, word: ASSERT_WORD, "not-word": ASSERT_NOT_WORD }[node.kind];
      return emit(builder, OP_ASSERT, exit, kind);
    }
    case "group":
      if (depth > 64) throw new RangeError("group nesting");
      return compileSequence(builder, node.items, exit, depth + 1);
    case "repeat": {
      if (node.kind === "?") {
        const body = compileNode(builder, node.node, exit, depth);
        return emit(builder, OP_SPLIT, body, exit);
      }
      // x* : loop = split(body → loop, exit); x+ : body → loop.
      const loop = emit(builder, OP_SPLIT, -1, exit);
      const body = compileNode(builder, node.node, loop, depth);
      builder.next[loop] = body;
      return node.kind === "*" ? loop : body;
    }
  }
}

/**
 * Parses and compiles the Go (RE2) expression patternmatcher builds for a pattern. Returns an error
 * where Go's `regexp.Compile` would fail. Never throws.
 */
export function compileGlobProgram(expression: string): GlobProgram | GlobProgramError {
  const items = parseExpression(expression);
  if ("message" in items) return items;
  const builder: Builder = { op: [], next: [], arg: [], sets: [] };
  const match = emit(builder, OP_MATCH, -1, 0);
  let start: number;
  try {
    start = compileSequence(builder, items, match, 0);
  } catch {
    return { message: "expression nests too deeply" };
  }
  const program: Program = {
    kind: "glob-program",
    start,
    size: builder.op.length,
    op: Int32Array.from(builder.op),
    next: Int32Array.from(builder.next),
    arg: Int32Array.from(builder.arg),
    sets: builder.sets,
  };
  return program;
}

function isWordChar(codePoint: number): boolean {
  return (codePoint >= 48 && codePoint <= 57) || (codePoint >= 65 && codePoint <= 90) || codePoint === 95 || (codePoint >= 97 && codePoint <= 122);
}

/**
 * Does the expression match somewhere in `text` (Go's `Regexp.MatchString`: a search; the
 * expressions patternmatcher builds anchor themselves with `^…$`)? Time O(states × text length).
 */
export function runGlobProgram(compiled: GlobProgram, text: string): boolean {
  const program = compiled as Program;
  const { op, next, arg, sets, start } = program;
  const size = program.size;
  const codePoints: number[] = [];
  for (let index = 0; index < text.length; ) {
    const value = text.codePointAt(index)!;
    codePoints.push(value);
    index += value > 0xffff ? 2 : 1;
  }
  const length = codePoints.length;
  let current = new Int32Array(size);
  let currentCount = 0;
  let following = new Int32Array(size);
  let followingCount: number;
  // `seen[state] === generation` marks a state already in the list being built.
  const seen = new Int32Array(size).fill(-1);
  const stack = new Int32Array(size * 2 + 2);
  let generation = 0;

  /** Adds `state` and everything reachable from it without reading a character (at `position`). */
  const addClosure = (list: Int32Array, count: number, state: number, position: number): number => {
    let top = 0;
    stack[top++] = state;
    while (top > 0) {
      const current = stack[--top]!;
      if (current < 0 || seen[current] === generation) continue;
      seen[current] = generation;
      switch (op[current]) {
        case OP_JUMP:
          stack[top++] = next[current]!;
          break;
        case OP_SPLIT:
          stack[top++] = arg[current]!;
          stack[top++] = next[current]!;
          break;
        case OP_ASSERT: {
          const before = position > 0 ? codePoints[position - 1]! : -1;
          const after = position < length ? codePoints[position]! : -1;
          let holds: boolean;
          switch (arg[current]) {
            case ASSERT_BEGIN:
              holds = position === 0;
              break;
            case ASSERT_END:
              holds = position === length;
              break;
            default: {
              const boundary = (before >= 0 && isWordChar(before)) !== (after >= 0 && isWordChar(after));
              holds = arg[current] === ASSERT_WORD ? boundary : !boundary;
            }
          }
          if (holds) stack[top++] = next[current]!;
          break;
        }
        default:
          list[count++] = current;
      }
    }
    return count;
  };

  for (let position = 0; ; position++) {
    // A search: a match may start at any position (the `^` assertion pins patternmatcher's).
    currentCount = addClosure(current, currentCount, start, position);
    for (let index = 0; index < currentCount; index++) {
      if (op[current[index]!] === OP_MATCH) return true;
    }
    if (position === length) return false;
    const value = codePoints[position]!;
    generation++;
    followingCount = 0;
    for (let index = 0; index < currentCount; index++) {
      const state = current[index]!;
      let advances: boolean;
      switch (op[state]) {
        case OP_CHAR:
          advances = arg[state] === value;
          break;
        case OP_SET:
          advances = inSet(sets[arg[state]!]!, value);
          break;
        case OP_ANY_NOT_NL:
          advances = value !== 10;
          break;
        default:
          advances = false;
      }
      if (advances) followingCount = addClosure(following, followingCount, next[state]!, position + 1);
    }
    [current, following] = [following, current];
    currentCount = followingCount;
  }
}
