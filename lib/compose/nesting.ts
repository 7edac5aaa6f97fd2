/**
 * How deeply a YAML text nests its collections, and how many entries its widest collection holds,
 * measured in one linear pass before parsing.
 *
 * yaml-eslint-parser (and the `yaml` library under it) build the AST recursively, one call chain per
 * nesting level: around 800 levels of `[[[…]]]` exhaust JavaScript's stack inside an ESLint run and
 * the parse fails with "Maximum call stack size exceeded". Real compose files nest fewer than 15
 * levels, so a file deeper than `MAX_COMPOSE_NESTING` gets a clear fatal message naming the limit
 * instead of a stack overflow.
 *
 * The measure is an estimate that errs upward only where YAML is ambiguous without parsing: block
 * levels come from the indentation (an indentation stack, as for Python) plus `- ` entries that
 * open on the same line; flow levels count `[`/`{` that start a flow collection (at the start of a
 * value, after `:`, `-`, `,`, `?`, `[` or `{`), outside quotes, comments and block scalars.
 */

/** Deepest nesting of collections linted (block and flow levels together). */
export const MAX_COMPOSE_NESTING = 256;

export interface NestingExcess {
  /** The nesting reached (an estimate; at least `limit + 1`). */
  depth: number;
  /** 1-based line where the nesting first exceeds the limit. */
  line: number;
}

const FLOW_OPENS_AFTER = new Set([":", "-", ",", "?", "[", "{"]);

/**
 * Most entries in one collection linted. The `yaml` library under yaml-eslint-parser checks each new
 * mapping key against every earlier key of its mapping (`mapIncludes`, an `Array#some` per key), so a
 * mapping of n keys costs n²/2 comparisons: 10,000 keys are about 50 million (~1 s here), 66,000 keys
 * (2 MB of one-line services) took 150 s. Real compose files have at most a few thousand services in
 * their widest mapping; everything else in a parse and a lint grows linearly with the file.
 */
export const MAX_COMPOSE_ENTRIES = 10_000;

export interface WidthExcess {
  /** Entries counted in the collection when it passed the limit (an estimate; at least `limit + 1`). */
  entries: number;
  /** 1-based line of the entry that passed the limit. */
  line: number;
}

/** Where `text` first nests deeper than `limit` levels, or null when it never does. */
export function findExcessiveNesting(text: string, limit = MAX_COMPOSE_NESTING): NestingExcess | null {
  return measureCollections(text, limit, Number.POSITIVE_INFINITY).nesting;
}

/**
 * Where one collection of `text` first holds more than `limit` entries, or null. Block entries are the
 * lines that start at a collection's indentation (a `- ` sequence entry written at its key's
 * indentation counts with that mapping's keys, and a key after a `- ` with the next lines' level: the
 * estimate errs by an entry or so); flow entries are the commas of one `[…]`/`{…}` plus one.
 */
export function findExcessiveWidth(text: string, limit = MAX_COMPOSE_ENTRIES): WidthExcess | null {
  return measureCollections(text, Number.POSITIVE_INFINITY, limit).width;
}

/** Both measures in one pass, stopping at the first excess of either (null for a measure not exceeded). */
export function measureCollections(text: string, nestingLimit = MAX_COMPOSE_NESTING, widthLimit = MAX_COMPOSE_ENTRIES): { nesting: NestingExcess | null; width: WidthExcess | null } {
  const none = { nesting: null, width: null };
  const limit = nestingLimit;
  const lines = text.split(/\r\n|\r|\n/u);
  const indents: number[] = [];
  /** Entries seen so far at each block level (parallel to `indents`) and in each open flow collection. */
  const blockEntries: number[] = [];
  const flowEntries: number[] = [];
  let flowDepth = 0;
  let quote: "'" | '"' | null = null;
  /** Indentation of the line that opened a block scalar (`|`, `>`), while inside its content. */
  let blockScalarIndent: number | null = null;
  for (const [lineIndex, line] of lines.entries()) {
    let indent = 0;
    while (indent < line.length && line[indent] === " ") indent++;
    const blank = indent === line.length || line[indent] === "#";
    if (blockScalarIndent !== null) {
      if (blank || indent > blockScalarIndent) continue;
      blockScalarIndent = null;
    }
    if (blank && quote === null) continue;
    let blockDepth = indents.length;
    if (flowDepth === 0 && quote === null) {
      while (indents.length > 0 && indents[indents.length - 1]! > indent) {
        indents.pop();
        blockEntries.pop();
      }
      if (indents.length === 0 || indents[indents.length - 1]! < indent) {
        indents.push(indent);
        blockEntries.push(0);
      }
      blockDepth = indents.length;
      const entries = ++blockEntries[blockEntries.length - 1]!;
      if (entries > widthLimit) return { ...none, width: { entries, line: lineIndex + 1 } };
    }
    let previous = "";
    let lastSignificant = "";
    // Inside a plain scalar of block context (`x[[`, `echo {a}`): brackets there are text, up to
    // the `: ` that starts a value.
    let plain = false;
    let index: number = quote === null ? indent : 0;
    for (; index < line.length; index++) {
      const char: string = line[index]!;
      if (quote === '"') {
        if (char === "\\") index++;
        else if (char === '"') quote = null;
        previous = char;
        continue;
      }
      if (quote === "'") {
        if (char === "'" && line[index + 1] === "'") index++;
        else if (char === "'") quote = null;
        previous = char;
        continue;
      }
      if (char === "#" && (previous === "" || previous === " " || previous === "\t")) break;
      const spaceFollows = index + 1 === line.length || line[index + 1] === " " || line[index + 1] === "\t";
      if (plain) {
        if (char === ":" && spaceFollows) {
          plain = false;
          lastSignificant = ":";
        }
        previous = char;
        continue;
      }
      const valueStart = lastSignificant === "" || FLOW_OPENS_AFTER.has(lastSignificant);
      if (char === '"' || char === "'") {
        if (valueStart) quote = char;
        else if (flowDepth === 0) plain = true;
      } else if (char === "-" && flowDepth === 0 && (lastSignificant === "" || lastSignificant === "-") && spaceFollows) {
        // `- - - x`: each sequence entry opened on this line is one more block level.
        blockDepth++;
      } else if ((char === "[" || char === "{") && (flowDepth > 0 || valueStart)) {
        flowDepth++;
        flowEntries.push(1);
      } else if ((char === "]" || char === "}") && flowDepth > 0) {
        flowDepth--;
        flowEntries.pop();
      } else if (char === "," && flowDepth > 0) {
        const entries = ++flowEntries[flowEntries.length - 1]!;
        if (entries > widthLimit) return { ...none, width: { entries, line: lineIndex + 1 } };
      } else if (flowDepth === 0 && char !== " " && char !== "\t" && !((char === ":" || char === "?") && spaceFollows)) {
        plain = true;
      }
      if (blockDepth + flowDepth > limit) return { ...none, nesting: { depth: blockDepth + flowDepth, line: lineIndex + 1 } };
      if (char !== " " && char !== "\t") lastSignificant = char;
      previous = char;
    }
    if (flowDepth === 0 && quote === null && endsWithBlockScalarHeader(line, index)) blockScalarIndent = indent;
  }
  return none;
}

/** Does `line[0, end)` end with a block scalar header (`|`, `>-`, `|+2`…) after a space or at its start? */
function endsWithBlockScalarHeader(line: string, end: number): boolean {
  let index = end - 1;
  while (index >= 0 && (line[index] === " " || line[index] === "\t")) index--;
  while (index >= 0 && (line[index] === "-" || line[index] === "+" || (line[index]! >= "0" && line[index]! <= "9"))) index--;
  if (index < 0 || (line[index] !== "|" && line[index] !== ">")) return false;
  return index === 0 || line[index - 1] === " " || line[index - 1] === "\t";
}
