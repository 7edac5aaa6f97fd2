/**
 * Generic helpers over the `yaml-eslint-parser` AST (the AST eslint-plugin-yml uses).
 *
 * They resolve what a YAML loader would resolve before Compose sees the data:
 * - tags and anchors (`YAMLWithMeta`) are unwrapped,
 * - aliases (`*name`) are followed to the node their anchor names (the most recent anchor of that
 *   name defined before the alias, as YAML specifies),
 * - merge keys (`<<: *a`, `<<: [*a, *b]`) are expanded with YAML 1.1 merge semantics, as go-yaml v3
 *   (the YAML library of compose-go) implements them: keys written in the mapping win over merged
 *   ones, and in a list of merge sources the earlier source wins.
 *
 * Nothing here throws on odd input: unresolvable aliases, merge values that are not mappings,
 * non-scalar keys and cycles are skipped and recorded as diagnostics.
 */
import type { AST } from "yaml-eslint-parser";

/** A node that can sit in a value position of the AST. */
export type YAMLValueNode = AST.YAMLContent | AST.YAMLWithMeta | null;

/** The value a YAML loader sees after unwrapping tags/anchors and following aliases. */
export interface ResolvedNode {
  /** The mapping, sequence or scalar; `null` for an empty value, or an alias that names no anchor. */
  node: AST.YAMLMapping | AST.YAMLSequence | AST.YAMLScalar | null;
  /** Local tag as written (`!reset`, `!override`, `!!str`…) on the value or on its anchored node, if any. */
  tag: string | null;
  /** The alias that was followed, when the value was reached through one. */
  via: AST.YAMLAlias | null;
  /** The alias when it names no anchor defined before it. */
  unresolvedAlias: AST.YAMLAlias | null;
}

/** One entry of a mapping after merge keys are applied. */
export interface MappingEntry {
  /** The key as a string (`80` and `"80"` both give `"80"`). */
  key: string;
  /** The key node to report on (it may sit in an anchored mapping merged into this one). */
  keyNode: AST.YAMLContent | AST.YAMLWithMeta;
  /** The pair holding the key and the value. */
  pair: AST.YAMLPair;
  /** The resolved value. */
  value: ResolvedNode;
  /** True when the entry comes from a `<<` merge source rather than from the mapping itself. */
  merged: boolean;
  /**
   * For merged entries: the alias written in *this* mapping's `<<` value through which the entry
   * arrived (`<<: *defaults` → the `*defaults` alias), or `null` when the merge source is an inline
   * mapping. Reporting on it puts the message in the mapping the user is looking at.
   */
  mergeVia: AST.YAMLAlias | null;
  /** The value is tagged `!reset` (compose ≥ 2.24): Compose removes the key. */
  reset: boolean;
  /** The value is tagged `!override` (compose ≥ 2.24). Within one file it is just the value. */
  override: boolean;
}

export type YAMLDiagnosticKind =
  | "unresolved-alias"
  | "invalid-merge"
  | "merge-cycle"
  | "duplicate-key"
  | "non-scalar-key";

export interface YAMLDiagnostic {
  kind: YAMLDiagnosticKind;
  message: string;
  node: AST.YAMLNode;
}

const NULL_RESOLVED: ResolvedNode = Object.freeze({
  node: null,
  tag: null,
  via: null,
  unresolvedAlias: null,
}) as ResolvedNode;

/** Finds the YAMLDocument that contains a node. */
function getDocument(node: AST.YAMLNode): AST.YAMLDocument | null {
  let current: AST.YAMLNode | null = node;
  for (let depth = 0; current && depth < 10_000; depth++) {
    if (current.type === "YAMLDocument") return current;
    if (current.type === "Program") return null;
    current = (current as { parent?: AST.YAMLNode | null }).parent ?? null;
  }
  return null;
}

/**
 * The anchor an alias refers to: the last anchor of that name that starts before the alias
 * (YAML allows redefining an anchor; an alias always refers to the most recent definition).
 */
export function findAnchor(alias: AST.YAMLAlias): AST.YAMLAnchor | null {
  const document = getDocument(alias);
  const anchors = document?.anchors[alias.name];
  if (!anchors || anchors.length === 0) return null;
  let found: AST.YAMLAnchor | null = null;
  for (const anchor of anchors) {
    if (anchor.range[0] < alias.range[0] && (!found || anchor.range[0] > found.range[0])) {
      found = anchor;
    }
  }
  return found;
}

function tagName(tag: AST.YAMLTag | null): string | null {
  if (!tag) return null;
  return tag.raw || tag.tag;
}

/** Unwraps tags/anchors and follows an alias. Never throws. */
export function resolveNode(node: YAMLValueNode | undefined): ResolvedNode {
  if (!node) return NULL_RESOLVED;
  let tag: string | null = null;
  let via: AST.YAMLAlias | null = null;
  let current: YAMLValueNode = node;
  // An alias resolves to a YAMLWithMeta whose value cannot be an alias, so two rounds suffice;
  // the bound only guards against malformed input.
  for (let round = 0; round < 4 && current; round++) {
    if (current.type === "YAMLWithMeta") {
      tag ??= tagName(current.tag);
      current = current.value;
      continue;
    }
    if (current.type === "YAMLAlias") {
      const anchor = findAnchor(current);
      via ??= current;
      if (!anchor) {
        return { node: null, tag, via, unresolvedAlias: current };
      }
      current = anchor.parent;
      continue;
    }
    return { node: current, tag, via, unresolvedAlias: null };
  }
  return { node: null, tag, via, unresolvedAlias: null };
}

/** The string a plain/quoted/block scalar stands for, as written (YAML typing aside). */
export function scalarText(node: AST.YAMLScalar): string {
  if (node.style === "plain") {
    // `strValue` is the text as written (folded over lines); `value` is typed (`8080` → 8080,
    // `yes` → true under YAML 1.1). Compose (go-yaml v3, YAML 1.2 core schema) reads strings.
    return node.strValue;
  }
  return node.value;
}

/** Is this key the YAML merge key `<<` (plain, not quoted)? */
function isMergeKey(key: AST.YAMLPair["key"]): boolean {
  const resolved = key && key.type === "YAMLWithMeta" ? key.value : key;
  return !!resolved && resolved.type === "YAMLScalar" && resolved.style === "plain" && resolved.strValue === "<<";
}

/** The string a mapping key stands for, or null for non-scalar/null keys. */
export function keyText(key: AST.YAMLPair["key"]): string | null {
  const resolved = resolveNode(key);
  if (!resolved.node || resolved.node.type !== "YAMLScalar") return null;
  return scalarText(resolved.node);
}

interface EntriesResult {
  entries: Map<string, MappingEntry>;
  diagnostics: YAMLDiagnostic[];
}

/** A mapping's own pairs (merge keys set aside), computed once per mapping node. */
interface OwnEntries {
  entries: Map<string, MappingEntry>;
  /** The `<<` pairs, in source order. */
  merges: AST.YAMLPair[];
  diagnostics: YAMLDiagnostic[];
}

const entriesCache = new WeakMap<AST.YAMLMapping, EntriesResult>();
const ownEntriesCache = new WeakMap<AST.YAMLMapping, OwnEntries>();
const mergeSourcesCache = new WeakMap<AST.YAMLMapping, { sources: MergeSource[]; diagnostics: YAMLDiagnostic[] }>();

/**
 * The entries of a mapping with merge keys applied, in a Map keyed by key text (insertion order:
 * explicit keys in source order, then merged keys). Cached per mapping node.
 *
 * Duplicate explicit keys (rejected by the parser, but possible in hand-built ASTs): the last one
 * wins, as in most YAML loaders, and a diagnostic is recorded.
 *
 * Cost: linear in the pairs of the mappings it merges, however they are chained: merge sources are
 * walked with an explicit stack (a chain of 10,000 `<<: *previous` links does not recurse) and each
 * source is visited once per requested mapping; intermediate links of a chain are not materialised
 * unless asked for themselves.
 */
export function getMappingEntries(mapping: AST.YAMLMapping): Map<string, MappingEntry> {
  return computeEntries(mapping).entries;
}

/** Diagnostics found while resolving the mapping's entries (merge problems, odd keys). */
export function getMappingDiagnostics(mapping: AST.YAMLMapping): readonly YAMLDiagnostic[] {
  return computeEntries(mapping).diagnostics;
}

function ownEntries(mapping: AST.YAMLMapping): OwnEntries {
  const cached = ownEntriesCache.get(mapping);
  if (cached) return cached;
  const entries = new Map<string, MappingEntry>();
  const diagnostics: YAMLDiagnostic[] = [];
  const merges: AST.YAMLPair[] = [];
  for (const pair of mapping.pairs) {
    if (isMergeKey(pair.key)) {
      merges.push(pair);
      continue;
    }
    if (!pair.key) {
      diagnostics.push({ kind: "non-scalar-key", message: "Mapping entry without a key.", node: pair });
      continue;
    }
    const key = keyText(pair.key);
    if (key === null) {
      diagnostics.push({ kind: "non-scalar-key", message: "Mapping key is not a scalar.", node: pair.key });
      continue;
    }
    if (entries.has(key)) {
      diagnostics.push({ kind: "duplicate-key", message: `Duplicate key "${key}" (the last one wins).`, node: pair.key });
      entries.delete(key);
    }
    const value = resolveNode(pair.value);
    if (value.unresolvedAlias) {
      diagnostics.push({
        kind: "unresolved-alias",
        message: `Alias "*${value.unresolvedAlias.name}" refers to no anchor defined before it.`,
        node: value.unresolvedAlias,
      });
    }
    entries.set(key, makeEntry(key, pair.key, pair, value, false, null));
  }
  const result = { entries, merges, diagnostics };
  ownEntriesCache.set(mapping, result);
  return result;
}

/** The merge sources of a mapping's own `<<` keys, in precedence order, and their problems. Cached. */
function mappingMergeSources(mapping: AST.YAMLMapping): { sources: MergeSource[]; diagnostics: YAMLDiagnostic[] } {
  const cached = mergeSourcesCache.get(mapping);
  if (cached) return cached;
  const diagnostics: YAMLDiagnostic[] = [];
  const sources = ownEntries(mapping).merges.flatMap((pair) => mergeSources(pair, diagnostics));
  const result = { sources, diagnostics };
  mergeSourcesCache.set(mapping, result);
  return result;
}

interface MergeFrame {
  sources: MergeSource[];
  next: number;
  mapping: AST.YAMLMapping;
}

function computeEntries(mapping: AST.YAMLMapping): EntriesResult {
  const cached = entriesCache.get(mapping);
  if (cached) return cached;
  const own = ownEntries(mapping);
  const entries = new Map(own.entries);
  const ownMerges = mappingMergeSources(mapping);
  const diagnostics: YAMLDiagnostic[] = [...own.diagnostics, ...ownMerges.diagnostics];
  // Merge semantics (go-yaml v3): explicit keys win, then the sources in order, each source with
  // its own merges applied. That is a depth-first, preorder walk of the merge graph where the first
  // entry seen for a key wins, so a source reached a second time adds nothing and is skipped.
  const visited = new Set<AST.YAMLMapping>([mapping]);
  const onPath = new Set<AST.YAMLMapping>([mapping]);
  const stack: MergeFrame[] = [{ sources: ownMerges.sources, next: 0, mapping }];
  // The alias written in the requested mapping's own `<<` through which the current source arrived.
  let topVia: AST.YAMLAlias | null = null;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.sources.length) {
      stack.pop();
      onPath.delete(frame.mapping);
      continue;
    }
    const source = frame.sources[frame.next++]!;
    if (stack.length === 1) topVia = source.via;
    if (onPath.has(source.mapping)) {
      // A merge cycle (`a: &a { <<: *a }`): the inner occurrence contributes nothing.
      diagnostics.push({ kind: "merge-cycle", message: "Merge key refers to a mapping that contains it.", node: source.mapping });
      continue;
    }
    if (visited.has(source.mapping)) continue;
    visited.add(source.mapping);
    onPath.add(source.mapping);
    for (const [key, entry] of ownEntries(source.mapping).entries) {
      if (entries.has(key)) continue; // explicit keys and earlier sources win
      entries.set(key, { ...entry, merged: true, mergeVia: topVia });
    }
    // Problems inside a merged mapping belong to that mapping (its own diagnostics), not to this one.
    stack.push({ sources: mappingMergeSources(source.mapping).sources, next: 0, mapping: source.mapping });
  }
  const result = { entries, diagnostics };
  entriesCache.set(mapping, result);
  return result;
}

function makeEntry(
  key: string,
  keyNode: AST.YAMLContent | AST.YAMLWithMeta,
  pair: AST.YAMLPair,
  value: ResolvedNode,
  merged: boolean,
  mergeVia: AST.YAMLAlias | null,
): MappingEntry {
  return {
    key,
    keyNode,
    pair,
    value,
    merged,
    mergeVia,
    reset: value.tag === "!reset",
    override: value.tag === "!override",
  };
}

interface MergeSource {
  mapping: AST.YAMLMapping;
  via: AST.YAMLAlias | null;
}

function mergeSources(pair: AST.YAMLPair, diagnostics: YAMLDiagnostic[]): MergeSource[] {
  const value = resolveNode(pair.value);
  const sources: MergeSource[] = [];
  const invalid = (node: AST.YAMLNode) =>
    diagnostics.push({
      kind: "invalid-merge",
      message: "A merge key (<<) value must be a mapping, an alias of one, or a list of those.",
      node,
    });
  if (value.unresolvedAlias) {
    diagnostics.push({
      kind: "unresolved-alias",
      message: `Alias "*${value.unresolvedAlias.name}" refers to no anchor defined before it.`,
      node: value.unresolvedAlias,
    });
    return sources;
  }
  if (!value.node) {
    invalid(pair);
    return sources;
  }
  if (value.node.type === "YAMLMapping") {
    sources.push({ mapping: value.node, via: value.via });
    return sources;
  }
  if (value.node.type === "YAMLSequence" && !value.via) {
    // `<<: [*a, *b]` — a sequence written in place (go-yaml rejects an alias to a sequence).
    for (const item of value.node.entries) {
      const resolved = resolveNode(item);
      if (resolved.unresolvedAlias) {
        diagnostics.push({
          kind: "unresolved-alias",
          message: `Alias "*${resolved.unresolvedAlias.name}" refers to no anchor defined before it.`,
          node: resolved.unresolvedAlias,
        });
        continue;
      }
      if (resolved.node?.type === "YAMLMapping") {
        sources.push({ mapping: resolved.node, via: resolved.via });
      } else {
        invalid(item ?? pair);
      }
    }
    return sources;
  }
  invalid(pair.value ?? pair);
  return sources;
}

/**
 * The entry for `key`, or undefined when the key is absent or its value is tagged `!reset`
 * (Compose removes such keys).
 */
export function getEntry(mapping: AST.YAMLMapping | null | undefined, key: string): MappingEntry | undefined {
  if (!mapping) return undefined;
  const entry = getMappingEntries(mapping).get(key);
  if (!entry || entry.reset) return undefined;
  return entry;
}


/** The resolved items of a sequence (aliases followed, `!reset` items dropped). */
export function getSequenceItems(sequence: AST.YAMLSequence): ResolvedNode[] {
  const items: ResolvedNode[] = [];
  for (const item of sequence.entries) {
    const resolved = resolveNode(item);
    if (resolved.tag === "!reset") continue;
    items.push(resolved);
  }
  return items;
}

/**
 * Maps offsets inside a scalar's string value to offsets in the source text, when the scalar is
 * written so that value characters and source characters correspond one to one: a single-line
 * plain scalar, a single-line single-quoted scalar without `''`, or a single-line double-quoted
 * scalar without escapes. Returns null otherwise (a fix must then replace the whole scalar).
 */
export function getScalarSourceRange(
  node: AST.YAMLScalar,
  start: number,
  end: number,
): [number, number] | null {
  if (node.style === "literal" || node.style === "folded") return null;
  const raw = node.raw;
  if (raw.includes("\n") || raw.includes("\r")) return null;
  const text = scalarText(node);
  let offset: number;
  if (node.style === "plain") {
    if (raw !== text) return null;
    offset = node.range[0];
  } else if (node.style === "single-quoted") {
    if (raw.slice(1, -1) !== text) return null;
    offset = node.range[0] + 1;
  } else {
    if (raw.includes("\\") || raw.slice(1, -1) !== text) return null;
    offset = node.range[0] + 1;
  }
  if (start < 0 || end < start || end > text.length) return null;
  return [offset + start, offset + end];
}

/** The range of a scalar's content without its quotes (for plain and block scalars: the whole node). */
export function getScalarContentRange(node: AST.YAMLScalar): [number, number] {
  if (node.style === "single-quoted" || node.style === "double-quoted") {
    return [node.range[0] + 1, node.range[1] - 1];
  }
  return [node.range[0], node.range[1]];
}
