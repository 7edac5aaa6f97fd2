/**
 * Reordering the entries of one YAML collection (a mapping's pairs, a sequence's items) in a compose
 * file, for the sort rules: whether the entries are in the wanted order, and the one text edit that puts
 * them there while keeping the file's layout.
 *
 * A block collection is moved as whole lines. Each entry takes along the comment lines directly above
 * it (no blank line between) and the comment lines right below it that are indented deeper than its
 * key or dash (a note closing its nested block); blank lines and comments separated from an entry by a
 * blank line stay where they are, as separators. The first key of a document's top-level mapping takes
 * no comment from above: those lines are the file's header (`# yaml-language-server: $schema=…`). A
 * flow collection (`[b, a]`, `{b: 1, a: 2}`) has its entries' texts swapped in their places, and is
 * left alone when a comment sits inside it.
 *
 * The edit is refused (null; the rule then reports without a fix) when it could change what the file
 * means or cannot keep its layout: an alias that would come before its anchor, or name another anchor
 * of the same name (YAML resolves an alias to the latest anchor before it); an entry that does not
 * start its own line (`- a: 1` then `  b: 2`, the first key after a `- `); a block scalar that keeps its
 * trailing blank lines (`|+`, `>+`), which belong to its value; mixed line breaks in the collection.
 * Offsets are UTF-16 indices into the source text.
 */
import type { AST } from "yaml-eslint-parser";
import { resolveNode, scalarText } from "./yaml.js";

const COLLATOR = new Intl.Collator("en");
const NUMERIC_COLLATOR = new Intl.Collator("en", { numeric: true });

/**
 * Alphabetical order as dclint's ordering rules sort (`String#localeCompare`), with the locale fixed to
 * English so every machine sorts alike, and code-point order between strings the collator calls equal.
 */
export function alphabetical(a: string, b: string): number {
  return COLLATOR.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * A comparator for keys with a configured order: keys by their place in `order` (a key `group` maps to an
 * entry of `order` counts as that entry, e.g. every `x-` key as `x-*`), keys not listed after all listed
 * ones, ties alphabetical.
 */
export function listedOrder(order: readonly string[], group: (key: string) => string | undefined = () => undefined): (a: string, b: string) => number {
  const rank = new Map(order.map((key, index) => [key, index]));
  const rankOf = (key: string): number => {
    const listed = rank.get(key);
    if (listed !== undefined) return listed;
    const grouped = group(key);
    return (grouped === undefined ? undefined : rank.get(grouped)) ?? order.length;
  };
  return (a, b) => rankOf(a) - rankOf(b) || alphabetical(a, b);
}

/** Alphabetical with digit runs compared as numbers (`79` < `443` < `8080`), as dclint sorts ports. */
export function numericAlphabetical(a: string, b: string): number {
  return NUMERIC_COLLATOR.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The key of a mapping pair as the sort rules read it: its text, `null` for the merge key `<<` (it
 * keeps its place), `undefined` for a key that is not a scalar written in place (an alias, a complex key).
 */
export function pairSortKey(entry: SortEntry): string | null | undefined {
  if (entry.type !== "YAMLPair") return undefined;
  const key = entry.key?.type === "YAMLWithMeta" ? entry.key.value : entry.key;
  if (!key || key.type !== "YAMLScalar") return undefined;
  if (key.style === "plain" && key.strValue === "<<") return null;
  return scalarText(key);
}

/** The text of a sequence item that is a scalar (through tags, anchors and aliases), else undefined. */
export function itemScalarText(entry: SortEntry): string | undefined {
  if (entry.type === "YAMLPair") return undefined;
  const node = resolveNode(entry).node;
  return node?.type === "YAMLScalar" ? scalarText(node) : undefined;
}

/** One entry of a collection: a mapping's pair or a sequence's item. */
export type SortEntry = AST.YAMLPair | AST.YAMLContent | AST.YAMLWithMeta;

/**
 * How the rule sees one entry: the key it sorts by, `null` for an entry that keeps its place (a merge
 * key `<<`), or `undefined` when the rule cannot tell (an alias, a complex key): the collection is not judged.
 */
export type SortKeyOf = (entry: SortEntry) => string | null | undefined;

/** An unsorted collection: where to report, the order wanted, and the edit (null when no safe edit exists). */
export interface UnsortedCollection {
  /** The first entry not in its place. */
  misplaced: SortEntry;
  /** The keys of the entries that sort (pinned ones left out), in the wanted order. */
  expected: string[];
  /** Replace `range` with `text`; null when the fix is refused (see the module comment). */
  edit: { range: [number, number]; text: string } | null;
}

/**
 * Judges `collection` with `keyOf` and `compare` (a stable sort: entries comparing equal keep their
 * order, so the answer is the same after the fix). Returns null when the collection is sorted, has fewer
 * than two entries, holds an empty item (`-` alone), an entry `keyOf` cannot read, or a key twice.
 */
export function findUnsorted(
  text: string,
  collection: AST.YAMLMapping | AST.YAMLSequence,
  keyOf: SortKeyOf,
  compare: (a: string, b: string) => number,
): UnsortedCollection | null {
  const entries: SortEntry[] = [];
  for (const entry of collection.type === "YAMLMapping" ? collection.pairs : collection.entries) {
    if (!entry) return null;
    entries.push(entry);
  }
  if (entries.length < 2) return null;
  const keys: (string | null)[] = [];
  for (const entry of entries) {
    const key = keyOf(entry);
    if (key === undefined) return null;
    keys.push(key);
  }
  const sortable = keys.flatMap((key, index) => (key === null ? [] : [index]));
  // A key written twice: which one wins depends on the order, so moving them could change the file.
  if (collection.type === "YAMLMapping" && new Set(sortable.map((index) => keys[index])).size !== sortable.length) return null;
  const sorted = [...sortable].sort((a, b) => compare(keys[a]!, keys[b]!));
  if (sorted.every((index, position) => index === sortable[position])) return null;
  // The new order: pinned entries keep their slot, the others fill the remaining slots in sorted order.
  const order: number[] = [];
  let next = 0;
  for (let slot = 0; slot < entries.length; slot++) order.push(keys[slot] === null ? slot : sorted[next++]!);
  const misplacedSlot = order.findIndex((index, slot) => index !== slot);
  return {
    misplaced: entries[misplacedSlot]!,
    expected: sorted.map((index) => keys[index]!),
    edit: collection.style === "flow" ? flowEdit(text, collection, entries, order) : blockEdit(text, collection, entries, order),
  };
}

/** A span of the old text and where it starts in the new one. */
interface Move {
  from: number;
  to: number;
  length: number;
}

function flowEdit(text: string, collection: AST.YAMLMapping | AST.YAMLSequence, entries: readonly SortEntry[], order: readonly number[]): UnsortedCollection["edit"] {
  const program = programOf(collection);
  if (!program) return null;
  // A comment inside `[…]` belongs to the text around it: swapping entries would strand it.
  if (program.comments.some((comment) => comment.range[0] >= collection.range[0] && comment.range[1] <= collection.range[1])) return null;
  const start = entries[0]!.range[0];
  let out = "";
  const moves: Move[] = [];
  for (let slot = 0; slot < entries.length; slot++) {
    const entry = entries[order[slot]!]!;
    if (slot > 0) out += text.slice(entries[slot - 1]!.range[1], entries[slot]!.range[0]);
    moves.push({ from: entry.range[0], to: start + out.length, length: entry.range[1] - entry.range[0] });
    out += text.slice(entry.range[0], entry.range[1]);
  }
  if (!aliasesKeepAnchors(collection, moves)) return null;
  return { range: [start, entries.at(-1)!.range[1]], text: out };
}

function blockEdit(text: string, collection: AST.YAMLMapping | AST.YAMLSequence, entries: readonly SortEntry[], order: readonly number[]): UnsortedCollection["edit"] {
  const program = programOf(collection);
  if (!program) return null;
  const lines = lineIndex(program, text);
  const isSequence = collection.type === "YAMLSequence";
  const rootOfDocument = collection.parent.type === "YAMLDocument";
  // Each entry's own lines: [first, last] and the column of its key or dash.
  const spans: { first: number; last: number; column: number }[] = [];
  for (const entry of entries) {
    const start = entry.range[0];
    const line = lines.lineOf(start);
    const prefix = text.slice(lines.starts[line], start);
    if (!(isSequence ? /^[ \t]*-[ \t]+$/u : /^[ \t]*$/u).test(prefix)) return null;
    const column = prefix.length - prefix.trimStart().length;
    const last = lines.lineOf(Math.max(start, entry.range[1] - 1));
    if (spans.length > 0 && line <= spans.at(-1)!.last) return null;
    spans.push({ first: line, last, column });
  }
  // Comment lines below an entry indented deeper than it are its own; comment lines directly above are the next one's.
  const chunks = spans.map((span, index) => {
    let last = span.last;
    const limit = index + 1 < spans.length ? spans[index + 1]!.first : lines.count;
    while (last + 1 < limit && lines.commentAt(last + 1) && lines.indent(text, last + 1) > span.column) last++;
    return { first: span.first, last };
  });
  for (let index = 0; index < chunks.length; index++) {
    if (index === 0 && rootOfDocument) continue;
    const floor = index > 0 ? chunks[index - 1]!.last : -1;
    while (chunks[index]!.first - 1 > floor && lines.commentAt(chunks[index]!.first - 1)) chunks[index]!.first--;
  }
  const regionStart = lines.starts[chunks[0]!.first]!;
  const regionEnd = lines.contentEnd(text, chunks.at(-1)!.last);
  const region = text.slice(regionStart, regionEnd);
  const breaks = new Set(region.match(/\r\n|\r|\n/gu) ?? []);
  if (breaks.size > 1) return null;
  // `|+` / `>+` keep the blank lines after the text as part of the value; those lines are a gap here.
  if (/[|>][1-9]?\+/u.test(region)) return null;
  const eol = [...breaks][0] ?? "\n";
  const lineText = (first: number, last: number) => text.slice(lines.starts[first], lines.contentEnd(text, last));
  let out = "";
  const moves: Move[] = [];
  for (let slot = 0; slot < chunks.length; slot++) {
    if (slot > 0) {
      out += eol;
      const gapFirst = chunks[slot - 1]!.last + 1;
      const gapLast = chunks[slot]!.first - 1;
      if (gapFirst <= gapLast) out += lineText(gapFirst, gapLast) + eol;
    }
    const chunk = chunks[order[slot]!]!;
    const from = lines.starts[chunk.first]!;
    moves.push({ from, to: regionStart + out.length, length: lines.contentEnd(text, chunk.last) - from });
    out += lineText(chunk.first, chunk.last);
  }
  if (!aliasesKeepAnchors(collection, moves)) return null;
  return { range: [regionStart, regionEnd], text: out };
}

interface LineIndex {
  /** Offset where each line starts. */
  starts: number[];
  count: number;
  lineOf(offset: number): number;
  contentEnd(text: string, line: number): number;
  /** Whether the line holds a comment and nothing before it. */
  commentAt(line: number): boolean;
  indent(text: string, line: number): number;
}

const lineIndexes = new WeakMap<AST.YAMLProgram, LineIndex>();

/** Line starts (a `\r\n`, `\n` or lone `\r` ends a line, as YAML reads them) and whole-line comments; once per parsed file. */
function lineIndex(program: AST.YAMLProgram, text: string): LineIndex {
  const cached = lineIndexes.get(program);
  if (cached) return cached;
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/gu)) starts.push(match.index + match[0].length);
  const lineOf = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const commentLines = new Set<number>();
  for (const comment of program.comments) {
    const line = lineOf(comment.range[0]);
    if (text.slice(starts[line], comment.range[0]).trim() === "") commentLines.add(line);
  }
  const index: LineIndex = {
    starts,
    count: starts.length,
    lineOf,
    contentEnd(source, line) {
      let end = line + 1 < starts.length ? starts[line + 1]! : source.length;
      while (end > starts[line]! && (source[end - 1] === "\n" || source[end - 1] === "\r")) end--;
      return end;
    },
    commentAt: (line) => commentLines.has(line),
    indent(source, line) {
      const content = source.slice(starts[line], index.contentEnd(source, line));
      return content.length - content.trimStart().length;
    },
  };
  lineIndexes.set(program, index);
  return index;
}

function programOf(node: AST.YAMLNode): AST.YAMLProgram | null {
  let current: AST.YAMLNode | null = node;
  while (current && current.type !== "Program") current = current.parent as AST.YAMLNode | null;
  return current?.type === "Program" ? current : null;
}

function documentOf(node: AST.YAMLNode): AST.YAMLDocument | null {
  let current: AST.YAMLNode | null = node;
  while (current && current.type !== "YAMLDocument") current = current.parent as AST.YAMLNode | null;
  return current?.type === "YAMLDocument" ? current : null;
}

/** The anchors and aliases of a document, in source order, and by name. */
interface AnchorIndex {
  anchors: AST.YAMLAnchor[];
  aliases: AST.YAMLAlias[];
  anchorsByName: Map<string, AST.YAMLAnchor[]>;
  aliasesByName: Map<string, AST.YAMLAlias[]>;
}

const anchorIndexes = new WeakMap<AST.YAMLDocument, AnchorIndex>();

function anchorIndex(document: AST.YAMLDocument): AnchorIndex {
  const cached = anchorIndexes.get(document);
  if (cached) return cached;
  const anchors: AST.YAMLAnchor[] = [];
  const aliases: AST.YAMLAlias[] = [];
  const stack: (AST.YAMLNode | null)[] = [document.content];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) continue;
    if (node.type === "YAMLAlias") aliases.push(node);
    else if (node.type === "YAMLWithMeta") {
      if (node.anchor) anchors.push(node.anchor);
      stack.push(node.value);
    } else if (node.type === "YAMLMapping") for (const pair of node.pairs) stack.push(pair.key, pair.value);
    else if (node.type === "YAMLSequence") stack.push(...node.entries);
  }
  anchors.sort((a, b) => a.range[0] - b.range[0]);
  aliases.sort((a, b) => a.range[0] - b.range[0]);
  const group = <T extends { name: string }>(items: readonly T[]) => {
    const byName = new Map<string, T[]>();
    for (const item of items) {
      const list = byName.get(item.name);
      if (list) list.push(item);
      else byName.set(item.name, [item]);
    }
    return byName;
  };
  const index = { anchors, aliases, anchorsByName: group(anchors), aliasesByName: group(aliases) };
  anchorIndexes.set(document, index);
  return index;
}

/** The index of the first item starting at or after `offset` (items sorted by start). */
function firstAtOrAfter(items: readonly { range: [number, number] }[], offset: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (items[middle]!.range[0] < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The last item of `items` (sorted) starting before `offset`, or null. */
function lastBefore<T extends { range: [number, number] }>(items: readonly T[] | undefined, offset: number): T | null {
  if (!items) return null;
  const index = firstAtOrAfter(items, offset);
  return index > 0 ? items[index - 1]! : null;
}

/**
 * Whether every alias of the document still names the same anchor (the latest of its name before it)
 * once the spans in `moves` are moved. The moves tile one collection; text outside it does not move,
 * and each span moves whole, so only the order of spans changes: the anchors and aliases inside are
 * replayed in the new order of spans (linear in what the collection holds, for 5,000-service files).
 */
function aliasesKeepAnchors(collection: AST.YAMLNode, moves: readonly Move[]): boolean {
  const document = documentOf(collection);
  if (!document) return false;
  const index = anchorIndex(document);
  if (index.aliases.length === 0) return true;
  const byStart = [...moves].sort((a, b) => a.from - b.from);
  const regionStart = byStart[0]!.from;
  const regionEnd = byStart.at(-1)!.from + byStart.at(-1)!.length;
  const insideAnchors = index.anchors.slice(firstAtOrAfter(index.anchors, regionStart), firstAtOrAfter(index.anchors, regionEnd));
  const insideAliases = index.aliases.slice(firstAtOrAfter(index.aliases, regionStart), firstAtOrAfter(index.aliases, regionEnd));
  if (insideAnchors.length === 0 && insideAliases.length === 0) return true;
  // Which span each anchor and alias sits in (none: a gap, which holds no node; refuse to be safe).
  const spanOf = (offset: number): number => {
    let low = 0;
    let high = byStart.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const move = byStart[middle]!;
      if (offset < move.from) high = middle - 1;
      else if (offset >= move.from + move.length) low = middle + 1;
      else return middle;
    }
    return -1;
  };
  const items: (AST.YAMLAnchor | AST.YAMLAlias)[][] = byStart.map(() => []);
  for (const item of [...insideAnchors, ...insideAliases].sort((a, b) => a.range[0] - b.range[0])) {
    const span = spanOf(item.range[0]);
    if (span < 0) return false;
    items[span]!.push(item);
  }
  // Replay the spans in their new order: the latest anchor of each name seen so far.
  const latest = new Map<string, AST.YAMLAnchor | null>();
  const latestOf = (name: string) => (latest.has(name) ? latest.get(name)! : lastBefore(index.anchorsByName.get(name), regionStart));
  const newOrder = byStart.map((move, span) => ({ to: move.to, span })).sort((a, b) => a.to - b.to);
  for (const { span } of newOrder) {
    for (const item of items[span]!) {
      if (item.type === "YAMLAnchor") latest.set(item.name, item);
      else if (latestOf(item.name) !== lastBefore(index.anchorsByName.get(item.name), item.range[0])) return false;
    }
  }
  // An alias after the collection names the collection's last anchor of its name, unless another comes between.
  for (const name of new Set(insideAnchors.map((anchor) => anchor.name))) {
    const before = lastBefore(insideAnchors.filter((anchor) => anchor.name === name), regionEnd);
    if (latestOf(name) === before) continue;
    const alias = index.aliasesByName.get(name)?.find((candidate) => candidate.range[0] >= regionEnd);
    if (!alias) continue;
    const anchorAfter = index.anchorsByName.get(name)?.find((candidate) => candidate.range[0] >= regionEnd);
    if (!anchorAfter || alias.range[0] < anchorAfter.range[0]) return false;
  }
  return true;
}

/** The wanted order for a message: the keys quoted, the first 12 of a longer list then `…`. */
export function orderText(keys: readonly string[]): string {
  const shown = keys.slice(0, 12).map((key) => `'${key}'`);
  return keys.length > 12 ? `${shown.join(", ")}, …` : shown.join(", ");
}
