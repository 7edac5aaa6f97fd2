/**
 * Checks a compose file against our encoding of the Compose Specification (`specification.ts`),
 * reporting every problem at its YAML node. Merge keys and aliases are resolved as Compose's YAML
 * loader resolves them; `!reset` entries are dropped (Compose removes them before validating).
 *
 * Problems are `schema` (the shape, type or allowed values the specification gives; the official
 * JSON schema finds the same) or `semantic` (formats the specification describes in prose and the
 * JSON schema types as plain strings: durations, byte sizes, restart policies, port and volume
 * short syntax).
 *
 * Aliases cost nothing extra: a node shared through an anchor is one node, checked once per shape
 * (its problems are reported once, named by the first path that reaches it), and list items are
 * compared by interned structural ids, never expanded. A document whose aliases expand past what
 * Compose's YAML library accepts gets that one problem (`aliasing.ts`), as Compose refuses it.
 */
import type { AST } from "yaml-eslint-parser";
import { closestMatch } from "../utils/did-you-mean.js";
import { parseGoDuration } from "../utils/go-duration.js";
import { parsePortSpec, parseVolumeSpec } from "./short-syntax.js";
import { COMPOSE_FILE, RESTART_POLICIES, type ScalarType, type Shape, type StringFormat } from "./specification.js";
import { findExcessiveAliasing, SATURATED } from "./aliasing.js";
import { getMappingEntries, getSequenceItems, resolveNode, type ResolvedNode } from "./yaml.js";

/**
 * The kinds of problem, each with its message (ESLint `{{placeholders}}`): valid-compose-file reports each
 * under its own message id, so that a configuration or a test can tell them apart.
 */
export const SPEC_PROBLEM_MESSAGES = {
  excessiveAliasing:
    'The aliases of this file expand to {{decoded}} YAML nodes, {{throughAliases}} of them through aliases: Compose refuses it ("document contains excessive aliasing", go-yaml\'s limit against alias bombs). Write the values out, or share fewer levels of aliases.',
  emptyFile: "The file has no content: a compose file is a mapping (services:, networks:, …).",
  notMapping: "A compose file must be a mapping (services:, networks:, …), not {{actual}}.",
  wrongType: "{{where}} must be {{expected}}, not {{actual}}.",
  notAllowed: "{{value}} is not allowed for {{where}}: use {{allowed}}{{didYouMean}}.",
  invalidValue: "{{value}} is not a valid value for {{where}}.",
  outOfRange: "{{where}} must be between {{minimum}} and {{maximum}}, not {{value}}.",
  duplicateItem: "{{where}} repeats item {{first}}: items must be unique.",
  unknownKey: "Unknown key {{key}} in {{where}}{{didYouMean}}",
  invalidName: '{{key}} is not a valid name in {{where}}: use letters, digits, ".", "_" and "-"{{didYouMean}}',
  missingKey: '{{where}} needs "{{required}}".',
  invalidDuration: "{{value}} is not a duration for {{where}}: write it like 10s, 1m30s or 500ms (units ns, us, ms, s, m, h).",
  invalidByteSize: "{{value}} is not a byte size for {{where}}: write it like 512m, 1g or 1048576 (units b, k, m, g, t, p).",
  invalidRestartPolicy: '{{value}} is not a restart policy: use "no", always, on-failure[:max-retries] or unless-stopped{{didYouMean}}.',
  invalidPort: "{{value}} is not a valid port for {{where}}: {{error}}.",
  invalidVolume: "{{value}} is not a valid volume for {{where}}: {{error}}.",
} as const;

export type SpecProblemId = keyof typeof SPEC_PROBLEM_MESSAGES;

export interface SpecProblem {
  kind: "schema" | "semantic";
  /** Which problem: its message is `SPEC_PROBLEM_MESSAGES[id]` filled with `data`. */
  id: SpecProblemId;
  data: Readonly<Record<string, string>>;
  /** Where to report: a key for unknown keys, the value otherwise. */
  node: AST.YAMLNode;
  /** The message, filled in. */
  message: string;
}

/** A message with its `{{placeholders}}` filled as ESLint fills them. */
function fill(id: SpecProblemId, data: Readonly<Record<string, string>>): string {
  return SPEC_PROBLEM_MESSAGES[id].replace(/\{\{([^{}]+)\}\}/gu, (whole, name: string) => data[name.trim()] ?? whole);
}

/** The suffix a near miss adds to a message: ` (did you mean x?)`, or nothing. */
function didYouMean(guess: string | null): string {
  return guess ? ` (did you mean ${guess}?)` : "";
}

const cache = new WeakMap<AST.YAMLProgram, SpecProblem[]>();

/**
 * Problems of the file's first document (Compose's own loader refuses a file whose first document is
 * not a mapping). Cached per program; never throws.
 */
export function validateComposeFile(program: AST.YAMLProgram): SpecProblem[] {
  let problems = cache.get(program);
  if (!problems) {
    problems = [];
    try {
      new Validator(problems).document(program);
    } catch {
      // A malformed AST: report nothing rather than crash the lint.
    }
    cache.set(program, problems);
  }
  return problems;
}

type Kind = ScalarType | "mapping" | "sequence";

function kindOf(node: ResolvedNode["node"]): Kind {
  if (!node) return "null";
  if (node.type === "YAMLMapping") return "mapping";
  if (node.type === "YAMLSequence") return "sequence";
  const value = node.value;
  if (value === null) return "null";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return "string";
}

const KIND_WORDS: Record<Kind, string> = {
  string: "a string",
  number: "a number",
  integer: "an integer",
  boolean: "a boolean",
  null: "empty",
  mapping: "a mapping",
  sequence: "a list",
};

function accepts(types: readonly ScalarType[], kind: Kind): boolean {
  return types.includes(kind as ScalarType) || (kind === "integer" && types.includes("number"));
}

/** Whether the shape could describe a value of this kind (how `oneOf` picks its alternative). */
function fits(shape: Shape, kind: Kind): boolean {
  switch (shape.kind) {
    case "any":
      return true;
    case "scalar":
      return accepts(shape.types, kind);
    case "list":
      return kind === "sequence";
    case "object":
      return kind === "mapping" || (kind === "null" && shape.nullable === true);
    case "oneOf":
      return shape.options.some((option) => fits(option, kind));
  }
}

function describe(shape: Shape): string[] {
  switch (shape.kind) {
    case "any":
      return ["anything"];
    case "scalar":
      return shape.types.map((type) => KIND_WORDS[type]);
    case "list":
      return ["a list"];
    case "object":
      return shape.nullable ? ["a mapping", "empty"] : ["a mapping"];
    case "oneOf":
      return [...new Set(shape.options.flatMap(describe))];
  }
}

function orList(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}

/** docker/go-units `RAMInBytes` syntax (compose-go `UnitBytes`). */
const BYTES = /^\d+(?:\.\d+)* ?[kmgtp]?i?b?$/iu;
/** A restart policy of the specification's list; only `on-failure` takes a retry count (`on-failure:3`). */
function isRestartPolicy(text: string): boolean {
  const match = /^([a-z-]+)(?::(\d+))?$/u.exec(text);
  return match !== null && (RESTART_POLICIES as readonly string[]).includes(match[1]!) && (match[2] === undefined || match[1] === "on-failure");
}

class Validator {
  private readonly seen = new Set<string>();
  /** The shapes each collection node was already checked against (a node shared through aliases is one node). */
  private readonly checked = new WeakMap<object, Set<Shape>>();
  private readonly ids = new StructuralIds();

  constructor(private readonly problems: SpecProblem[]) {}

  private report(kind: SpecProblem["kind"], node: AST.YAMLNode, id: SpecProblemId, data: Readonly<Record<string, string>>, where?: string): void {
    const message = fill(id, data);
    // A value shared through an anchor is met once per service that merges it: one node, one report
    // (named by the first path that reached it).
    const key = `${node.range[0]}:${node.range[1]}:${where ? message.split(where).join("") : message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.problems.push({ kind, id, data, node, message });
  }

  document(program: AST.YAMLProgram): void {
    const document = program.body.find((doc) => resolveNode(doc.content).node?.type === "YAMLMapping") ?? program.body[0];
    if (!document) return;
    const excessive = findExcessiveAliasing(document);
    if (excessive) {
      const count = (n: number) => (n >= SATURATED ? `more than ${SATURATED.toExponential()}` : n.toLocaleString("en-US"));
      this.report("schema", excessive.alias, "excessiveAliasing", { decoded: count(excessive.decoded), throughAliases: count(excessive.throughAliases) });
      return;
    }
    const content = resolveNode(document.content);
    if (content.node?.type !== "YAMLMapping") {
      const kind = kindOf(content.node);
      if (kind === "null") this.report("schema", content.node ?? document, "emptyFile", {});
      else this.report("schema", content.node ?? document, "notMapping", { actual: KIND_WORDS[kind] });
      return;
    }
    this.check(COMPOSE_FILE, content, "the file", content.node);
  }

  /** Checks `value` against `shape`. `where` names the value in messages; `at` is the node to report a missing value on. */
  private check(shape: Shape, value: ResolvedNode, where: string, at: AST.YAMLNode): void {
    const node = value.node;
    if (node && node.type !== "YAMLScalar") {
      const shapes = this.checked.get(node) ?? new Set<Shape>();
      if (shapes.has(shape)) return;
      shapes.add(shape);
      this.checked.set(node, shapes);
    }
    const kind = kindOf(node);
    const reportAt = node ?? at;
    switch (shape.kind) {
      case "any":
        return;
      case "oneOf": {
        const option = shape.options.find((candidate) => fits(candidate, kind));
        if (!option) {
          this.report("schema", reportAt, "wrongType", { where, expected: orList(describe(shape)), actual: KIND_WORDS[kind] }, where);
          return;
        }
        this.check(option, value, where, at);
        return;
      }
      case "scalar": {
        if (!accepts(shape.types, kind)) {
          this.report("schema", reportAt, "wrongType", { where, expected: orList(describe(shape)), actual: KIND_WORDS[kind] }, where);
          return;
        }
        if (!node || node.type !== "YAMLScalar") return;
        const scalar = node.value;
        if (shape.enum && !shape.enum.includes(scalar as string)) {
          const guess = typeof scalar === "string" ? closestMatch(scalar, shape.enum.map(String)) : null;
          this.report("schema", node, "notAllowed", { value: JSON.stringify(scalar), where, allowed: orList(shape.enum.map(String)), didYouMean: didYouMean(guess) }, where);
          return;
        }
        if (typeof scalar === "string" && shape.pattern && !shape.pattern.test(scalar)) {
          this.report("schema", node, "invalidValue", { value: JSON.stringify(scalar), where }, where);
          return;
        }
        if (typeof scalar === "number" && ((shape.minimum !== undefined && scalar < shape.minimum) || (shape.maximum !== undefined && scalar > shape.maximum))) {
          this.report("schema", node, "outOfRange", { where, minimum: String(shape.minimum ?? "-∞"), maximum: String(shape.maximum ?? "∞"), value: String(scalar) }, where);
          return;
        }
        if (shape.format && typeof scalar === "string" && !scalar.includes("$")) this.format(shape.format, node, scalar, where);
        return;
      }
      case "list": {
        if (node?.type !== "YAMLSequence") {
          this.report("schema", reportAt, "wrongType", { where, expected: "a list", actual: KIND_WORDS[kind] }, where);
          return;
        }
        const items = getSequenceItems(node);
        const seen = new Map<number, number>();
        items.forEach((item, index) => {
          this.check(shape.items, item, `${where}[${index}]`, item.node ?? node);
          if (shape.unique) {
            const key = this.ids.of(item.node, 0);
            if (seen.has(key)) this.report("schema", item.node ?? node, "duplicateItem", { where: `${where}[${index}]`, first: String(seen.get(key)) }, where);
            else seen.set(key, index);
          }
        });
        return;
      }
      case "object": {
        if (kind === "null" && shape.nullable) return;
        if (node?.type !== "YAMLMapping") {
          this.report("schema", reportAt, "wrongType", { where, expected: orList(describe(shape)), actual: KIND_WORDS[kind] }, where);
          return;
        }
        const entries = getMappingEntries(node);
        for (const [key, entry] of entries) {
          if (entry.reset) continue;
          const child = `${where === "the file" ? "" : `${where}.`}${key}`;
          const field = Object.prototype.hasOwnProperty.call(shape.fields, key) ? shape.fields[key] : undefined;
          if (field) {
            this.check(field, entry.value, child, entry.keyNode);
          } else if (shape.extensions && key.startsWith("x-")) {
            continue;
          } else if (shape.keys && shape.values && shape.keys.test(key)) {
            this.check(shape.values, entry.value, child, entry.keyNode);
          } else if (shape.closed) {
            const names = Object.keys(shape.fields);
            const guess = closestMatch(key, names);
            const id = shape.keys && names.length === 0 ? "invalidName" : "unknownKey";
            this.report("schema", entry.keyNode, id, { key: JSON.stringify(key), where, didYouMean: guess ? `; did you mean ${JSON.stringify(guess)}?` : "." }, where);
          }
        }
        for (const required of shape.required ?? []) {
          const entry = entries.get(required);
          if (!entry || entry.reset) this.report("schema", at, "missingKey", { where, required }, where);
        }
        return;
      }
    }
  }

  private format(format: StringFormat, node: AST.YAMLScalar, text: string, where: string): void {
    switch (format) {
      case "duration":
        if (parseGoDuration(text) === null) this.report("semantic", node, "invalidDuration", { value: JSON.stringify(text), where }, where);
        return;
      case "bytes":
        if (!BYTES.test(text)) this.report("semantic", node, "invalidByteSize", { value: JSON.stringify(text), where }, where);
        return;
      case "restart":
        if (!isRestartPolicy(text)) {
          const guess = closestMatch(text, [...RESTART_POLICIES]);
          this.report("semantic", node, "invalidRestartPolicy", { value: JSON.stringify(text), didYouMean: didYouMean(guess) });
        }
        return;
      case "port": {
        const error = parsePortSpec(text).error;
        if (error) this.report("semantic", node, "invalidPort", { value: JSON.stringify(text), where, error }, where);
        return;
      }
      case "volume": {
        const error = parseVolumeSpec(text).error;
        if (error) this.report("semantic", node, "invalidVolume", { value: JSON.stringify(text), where, error }, where);
        return;
      }
    }
  }
}

/**
 * Equal plain values (merge keys applied) get equal small integers: a node's id is interned from its
 * children's ids, so comparing list items costs the nodes as written, not their expansion through
 * aliases. Past 200 levels a node gets an id of its own (compared as different: no report).
 */
class StructuralIds {
  private readonly byNode = new WeakMap<object, number>();
  private readonly byKey = new Map<string, number>();

  of(node: ResolvedNode["node"], depth: number): number {
    if (!node) return this.intern("null");
    const known = this.byNode.get(node);
    if (known !== undefined) return known;
    let key: string;
    if (depth > 200) key = `unique:${this.byKey.size}`;
    else if (node.type === "YAMLScalar") key = `s:${typeof node.value}:${String(node.value)}`;
    else if (node.type === "YAMLSequence") key = `q:${getSequenceItems(node).map((item) => this.of(item.node, depth + 1)).join(",")}`;
    else key = `m:${[...getMappingEntries(node)].map(([name, entry]) => `${JSON.stringify(name)}=${this.of(entry.value.node, depth + 1)}`).sort().join(",")}`;
    const id = this.intern(key);
    this.byNode.set(node, id);
    return id;
  }

  private intern(key: string): number {
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.byKey.size;
      this.byKey.set(key, id);
    }
    return id;
  }
}
