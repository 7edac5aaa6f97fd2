/**
 * The sort rules' fixes on random compose files (fast-check, seeded): random services with random keys,
 * values, comments (above entries, at the end of lines, indented under an entry, after blank lines),
 * anchors and aliases (some aliases come before the anchor they would name after a sort), a merge key,
 * block and flow styles. For each sort rule alone and all five together: `--fix` leaves a file that
 * parses, a second `--fix` changes nothing, and the YAML is the same data (mappings compared without
 * order; sequences as multisets, since sort-ports and sort-dependencies reorder items).
 */
import { Linter } from "eslint";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import plugin from "../../lib/index.js";

const SORT_RULES = ["sort-services", "sort-service-keys", "sort-ports", "sort-dependencies", "sort-top-level-keys"] as const;

type Value =
  | { kind: "scalar"; text: string }
  | { kind: "alias"; name: string; fallback: string }
  | { kind: "map"; flow: boolean; entries: Entry[] }
  | { kind: "seq"; flow: boolean; items: Value[] };

interface Entry {
  key: string;
  value: Value;
  anchor: string | null;
  commentAbove: boolean;
  trailing: boolean;
  deepComment: boolean;
  blankBefore: boolean;
}

const SERVICE_NAMES = ["api", "web", "db", "cache", "worker", "Auth", "app-2", "app_3", "app10", "zeta"];
const SERVICE_KEYS = ["image", "build", "container_name", "depends_on", "volumes", "environment", "ports", "networks", "command", "restart", "labels", "user", "x-meta", "read_only", "<<"];
const TOP_KEYS = ["services", "version", "name", "networks", "volumes", "x-b", "x-a", "configs"];
const PORTS = ["80:80", "8080:80", "127.0.0.1:443:443", "53:53/udp", "'9000'", '"${P:-81}:80"', "'[::1]:8053:53'", "3000-3001:3000-3001"];
const SCALARS = ["nginx", "'quoted # not a comment'", '"x: y"', "42", "true", "~", "|\n  line one\n\n  line two", ">-\n  folded"];
const ANCHORS = ["a1", "a2"];

const scalar = fc.constantFrom(...SCALARS).map((text): Value => ({ kind: "scalar", text }));
const maybeAlias = (inner: fc.Arbitrary<Value>) =>
  fc.oneof({ weight: 5, arbitrary: inner }, { weight: 1, arbitrary: fc.record({ name: fc.constantFrom(...ANCHORS), fallback: fc.constant("fallback") }).map((alias): Value => ({ kind: "alias", ...alias })) });

const entryOf = (key: string, value: fc.Arbitrary<Value>) =>
  fc.record({
    key: fc.constant(key),
    value,
    anchor: fc.option(fc.constantFrom(...ANCHORS), { freq: 5 }),
    commentAbove: fc.boolean(),
    trailing: fc.boolean(),
    deepComment: fc.boolean(),
    blankBefore: fc.boolean(),
  });

const ports = fc.record({
  flow: fc.boolean(),
  items: fc.array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...PORTS).map((text): Value => ({ kind: "scalar", text })) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 9999 }).map((published): Value => ({ kind: "map", flow: true, entries: [plainEntry("target", "80"), plainEntry("published", String(published))] })) },
    ),
    { minLength: 0, maxLength: 5 },
  ),
});

function plainEntry(key: string, text: string): Entry {
  return { key, value: { kind: "scalar", text }, anchor: null, commentAbove: false, trailing: false, deepComment: false, blankBefore: false };
}

const dependsOn = fc.oneof(
  fc.record({ flow: fc.boolean(), items: fc.array(fc.constantFrom(...SERVICE_NAMES).map((text): Value => ({ kind: "scalar", text })), { maxLength: 4 }) }).map((seq): Value => ({ kind: "seq", ...seq })),
  fc
    .record({ flow: fc.boolean(), names: fc.uniqueArray(fc.constantFrom(...SERVICE_NAMES), { maxLength: 4 }) })
    .map(({ flow, names }): Value => ({ kind: "map", flow, entries: names.map((name) => plainEntry(name, "{condition: service_started}")) })),
);

function serviceValue(key: string): fc.Arbitrary<Value> {
  if (key === "ports") return maybeAlias(ports.map((seq): Value => ({ kind: "seq", ...seq })));
  if (key === "depends_on") return maybeAlias(dependsOn);
  if (key === "environment" || key === "labels") {
    return fc
      .record({ flow: fc.boolean(), keys: fc.uniqueArray(fc.constantFrom("B", "A", "c"), { minLength: 1, maxLength: 3 }) })
      .map(({ flow, keys }): Value => ({ kind: "map", flow, entries: keys.map((name) => plainEntry(name, "v")) }));
  }
  return maybeAlias(scalar);
}

const service = fc
  .record({ flow: fc.boolean(), keys: fc.uniqueArray(fc.constantFrom(...SERVICE_KEYS), { minLength: 0, maxLength: 6 }) })
  .chain(({ flow, keys }) => fc.tuple(...keys.map((key) => entryOf(key, serviceValue(key)))).map((entries): Value => ({ kind: "map", flow, entries })));

const services = fc
  .record({ flow: fc.boolean(), names: fc.uniqueArray(fc.constantFrom(...SERVICE_NAMES), { minLength: 0, maxLength: 5 }) })
  .chain(({ flow, names }) => fc.tuple(...names.map((name) => entryOf(name, service))).map((entries): Value => ({ kind: "map", flow, entries })));

const topLevel = fc
  .uniqueArray(fc.constantFrom(...TOP_KEYS), { minLength: 1, maxLength: 6 })
  .chain((keys) =>
    fc.tuple(
      ...keys.map((key) =>
        entryOf(key, key === "services" ? services : key.startsWith("x-") ? fc.constant<Value>({ kind: "map", flow: false, entries: [plainEntry("restart", "always")] }) : scalar),
      ),
    ),
  );

/**
 * Renders the plan as YAML text; an alias to an anchor not yet written, or inside the value its anchor
 * is on, is written as a plain value, and a merge key without a mapping anchor before it is left out.
 */
function render(entries: readonly Entry[]): string {
  const defined = new Set<string>();
  const mapAnchors = new Set<string>();
  // An alias inside the value its anchor is written on would be a cycle: written plain instead.
  const open = new Set<string>();
  const flowValue = (value: Value): string => {
    if (value.kind === "scalar") return value.text.includes("\n") ? "plain" : value.text;
    if (value.kind === "alias") return defined.has(value.name) && !open.has(value.name) ? `*${value.name}` : value.fallback;
    if (value.kind === "seq") return `[${value.items.map(flowValue).join(", ")}]`;
    return `{${value.entries.filter((entry) => entry.key !== "<<").map((entry) => `${entry.key}: ${flowValue(entry.value)}`).join(", ")}}`;
  };
  const lines: string[] = [];
  const blockMap = (mapEntries: readonly Entry[], indent: string) => {
    for (const entry of mapEntries) {
      if (entry.blankBefore) lines.push("");
      if (entry.commentAbove) lines.push(`${indent}# about ${entry.key}`);
      const trailing = entry.trailing ? " # note" : "";
      if (entry.key === "<<") {
        const source = [...mapAnchors].filter((name) => !open.has(name)).at(-1);
        if (source) lines.push(`${indent}<<: *${source}${trailing}`);
        continue;
      }
      const anchor = entry.anchor && entry.value.kind !== "alias" ? `&${entry.anchor} ` : "";
      const value = entry.value;
      if (anchor) open.add(entry.anchor!);
      if (value.kind === "map" && !value.flow && value.entries.length > 0) {
        lines.push(`${indent}${entry.key}: ${anchor}${trailing}`.trimEnd());
        blockMap(value.entries, `${indent}  `);
      } else if (value.kind === "seq" && !value.flow && value.items.length > 0) {
        lines.push(`${indent}${entry.key}: ${anchor}${trailing}`.trimEnd());
        for (const item of value.items) {
          if (item.kind === "map") {
            const [first, ...rest] = item.entries;
            lines.push(`${indent}  - ${first!.key}: ${flowValue(first!.value)}`);
            for (const other of rest) lines.push(`${indent}    ${other.key}: ${flowValue(other.value)}`);
          } else lines.push(`${indent}  - ${flowValue(item)}${entry.trailing ? " # item" : ""}`);
        }
      } else if (value.kind === "scalar" && value.text.includes("\n")) {
        const [header, ...body] = value.text.split("\n");
        lines.push(`${indent}${entry.key}: ${anchor}${header}`);
        for (const line of body) lines.push(line === "" ? "" : `${indent}  ${line}`);
      } else {
        lines.push(`${indent}${entry.key}: ${anchor}${flowValue(value)}${trailing}`);
      }
      if (anchor) open.delete(entry.anchor!);
      if (entry.deepComment) lines.push(`${indent}  # under ${entry.key}`);
      if (entry.anchor && entry.value.kind !== "alias") {
        defined.add(entry.anchor);
        if (value.kind === "map") mapAnchors.add(entry.anchor);
        else mapAnchors.delete(entry.anchor);
      }
    }
  };
  blockMap(entries, "");
  return `# header\n${lines.join("\n")}\n`;
}

/** A canonical string for YAML data: mappings by sorted key, sequences as sorted multisets. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(",")}]`;
  if (value instanceof Map) return canonical(Object.fromEntries([...value].map(([key, item]) => [String(key), item])));
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/** The file's documents as data, or null when `yaml` finds an error. */
function data(text: string): string | null {
  const documents = parseAllDocuments(text, { merge: true, uniqueKeys: true });
  if (!Array.isArray(documents) || documents.some((document) => document.errors.length > 0)) return null;
  return documents.map((document) => canonical(document.toJS({ maxAliasCount: -1 }))).join("\n---\n");
}

const linter = new Linter({ configType: "flat" });
const configFor = (rules: readonly string[]): Linter.Config[] => [
  ...plugin.configs.base,
  { files: ["**/*.yaml"], rules: Object.fromEntries(rules.map((rule) => [`docker/${rule}`, "error"])) },
];
const CONFIGS = [...SORT_RULES.map((rule) => [rule]), [...SORT_RULES]].map(configFor);

describe("sort rules' fixes on random compose files", () => {
  it("parse, converge in one --fix, and keep the data", () => {
    let fixed = 0;
    let unfixable = 0;
    fc.assert(
      fc.property(topLevel, fc.nat({ max: CONFIGS.length - 1 }), (entries, which) => {
        const text = render(entries);
        const before = data(text);
        fc.pre(before !== null);
        const config = CONFIGS[which]!;
        const first = linter.verifyAndFix(text, config, { filename: "compose.yaml" });
        expect(first.messages.filter((message) => message.fatal), text).toEqual([]);
        if (first.fixed) fixed++;
        if (first.messages.length > 0) unfixable++;
        expect(data(first.output), `${text}\n=== fixed ===\n${first.output}`).toBe(before);
        const second = linter.verifyAndFix(first.output, config, { filename: "compose.yaml" });
        expect(second.fixed, `${text}\n=== fixed ===\n${first.output}\n=== again ===\n${second.output}`).toBe(false);
      }),
      { seed: 22, numRuns: 300 },
    );
    // The generator reaches the fixes and the refused ones (alias before anchor, comments in flow, `<<`).
    expect(fixed).toBeGreaterThan(60);
    expect(unfixable).toBeGreaterThan(0);
  }, 60_000);
});
