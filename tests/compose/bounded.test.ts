/**
 * Compose inputs of issue 12: long merge chains resolve once per node without recursion, deep nesting
 * gets a fatal message that names the limit, and nothing is silently dropped.
 */
import path from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { getMappingDiagnostics, getMappingEntries } from "../../lib/compose/yaml.js";
import { findExcessiveNesting, findExcessiveWidth, MAX_COMPOSE_ENTRIES, MAX_COMPOSE_NESTING } from "../../lib/compose/nesting.js";
import { parseComposeText } from "../../lib/compose/parse.js";
import plugin from "../../lib/index.js";
import { model, parse } from "./helpers.js";
import { dedent } from "../support/dedent.js";

const dir = path.resolve(import.meta.dirname, "../fixtures/projects/dockerignore/empty");

function lint(code: string) {
  const linter = new Linter({ configType: "flat", cwd: dir });
  return linter.verify(code, plugin.configs.strict, { filename: path.join(dir, "compose.yaml") });
}

/** `x-m0` … `x-m<links>`, each merging the previous, then two services with untagged images. */
function mergeChain(links: number): string {
  let code = "x-m0: &m0 {a0: 0}\n";
  for (let index = 1; index <= links; index++) code += `x-m${index}: &m${index} {<<: *m${index - 1}, a${index}: ${index}}\n`;
  return `${code}services:\n  web:\n    <<: *m${links}\n    image: nginx\n  web2:\n    image: nginx\n`;
}

describe("merge chains", () => {
  it.each([100, 1200, 2000, 5000])("a chain of %i links resolves and the compose rules report", (links) => {
    const messages = lint(mergeChain(links));
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    // The merged keys (a0…) are no service keys: valid-compose-file rightly reports them; the point here is
    // that the rules reading the resolved services still report.
    expect(messages.filter((message) => message.ruleId === "docker/require-image-tag").map((message) => message.line)).toEqual([links + 5, links + 7]);
    const web = model(mergeChain(links)).services.get("web")!;
    expect(getMappingEntries(web.node!).size).toBe(links + 2);
    expect(getMappingEntries(web.node!).get("a0")?.merged).toBe(true);
    expect(getMappingEntries(web.node!).get("a0")?.mergeVia?.name).toBe(`m${links}`);
  });

  it("keeps go-yaml's precedence through a diamond: explicit keys, then sources in order, each with its own merges", () => {
    const code = [
      "x-base: &base {a: base, b: base, c: base}",
      "x-left: &left {<<: *base, a: left}",
      "x-right: &right {<<: *base, b: right, d: right}",
      "services:",
      "  s:",
      "    <<: [*left, *right]",
      "    image: x",
      "",
    ].join("\n");
    const entries = getMappingEntries(model(code).services.get("s")!.node!);
    const values = Object.fromEntries([...entries].map(([key, entry]) => [key, entry.value.node?.type === "YAMLScalar" ? entry.value.node.value : null]));
    expect(values).toEqual({ image: "x", a: "left", b: "base", c: "base", d: "right" });
    expect([...entries.keys()]).toEqual(["image", "a", "b", "c", "d"]);
    expect(entries.get("d")?.mergeVia?.name).toBe("right");
  });

  it("reports a cycle once and still resolves the rest", () => {
    const program = parse("a: &a {x: 1, <<: *a}\n");
    const mapping = (program.body[0]!.content as { pairs: { value: { value: unknown } }[] }).pairs[0]!.value.value as Parameters<typeof getMappingEntries>[0];
    expect([...getMappingEntries(mapping).keys()]).toEqual(["x"]);
    expect(getMappingDiagnostics(mapping).map((diagnostic) => diagnostic.kind)).toEqual(["merge-cycle"]);
  });
});

describe("deep nesting", () => {
  it.each([
    ["flow sequences", (depth: number) => `services:\n  web:\n    image: nginx\n    labels: ${"[".repeat(depth)}${"]".repeat(depth)}\n`],
    ["flow mappings", (depth: number) => `services:\n  web:\n    image: nginx\n    labels: ${"{a: ".repeat(depth)}${"}".repeat(depth)}\n`],
    ["block mappings", (depth: number) => `services:\n  web:\n    image: nginx\n    x-deep:\n${Array.from({ length: depth }, (_, index) => `${" ".repeat(6 + index)}k:`).join("\n")} 1\n`],
    ["block sequences", (depth: number) => `services:\n  web:\n    image: nginx\n    x-deep:\n      ${"- ".repeat(depth)}1\n`],
  ])("%s: a fatal message naming the limit past it, normal findings below it", (_kind, make) => {
    for (const depth of [800, 900]) {
      const messages = lint(make(depth));
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ fatal: true, ruleId: null });
      // Where the nesting first passes the limit.
      expect(messages[0]!.line).toBeGreaterThanOrEqual(4);
      expect(messages[0]!.message).toContain(`over ${MAX_COMPOSE_NESTING} levels are not linted`);
    }
    const messages = lint(make(MAX_COMPOSE_NESTING - 10));
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    expect(messages.map((message) => message.ruleId)).toContain("docker/require-image-tag");
  });

  it("does not count brackets in quotes, comments, plain words or block scalars", () => {
    const deep = "[".repeat(1000);
    const code = [
      "services:",
      `  a:`,
      `    image: "${deep}"`,
      `    command: '${deep}'`,
      `    entrypoint: x${deep}`,
      `    # ${deep}`,
      "    healthcheck:",
      "      test: |",
      `        ${deep}`,
      `        ${deep}`,
      "    labels: {a: [b, {c: d}]}",
      "",
    ].join("\n");
    expect(findExcessiveNesting(code)).toBeNull();
    expect(parseComposeText(code).ok).toBe(true);
  });

  it("measures block and flow levels together", () => {
    expect(findExcessiveNesting(dedent`
      a:
        b:
          c: [[1]]
    `, 4)).toEqual({ depth: 5, line: 3 });
    expect(findExcessiveNesting(dedent`
      a:
        b:
          c: [[1]]
    `, 5)).toBeNull();
    expect(findExcessiveNesting("- - - - x\n", 3)).toEqual({ depth: 4, line: 1 });
  });
});

describe("wide collections (the YAML library's duplicate-key check is quadratic in a mapping's keys)", () => {
  const services = (count: number) => `services:\n${Array.from({ length: count }, (_, index) => `  s${index}:\n    image: redis\n`).join("")}`;

  it.each([
    ["a block mapping of services", (count: number) => services(count)],
    ["a flow mapping", (count: number) => `services:\n  web:\n    image: nginx\n    labels: {${Array.from({ length: count }, (_, index) => `k${index}: v`).join(", ")}}\n`],
    ["a block sequence", (count: number) => `services:\n  web:\n    image: nginx\n    environment:\n${Array.from({ length: count }, (_, index) => `      - K${index}=v\n`).join("")}`],
    ["a flow sequence over several lines", (count: number) => `services:\n  web:\n    image: nginx\n    ports: [\n${Array.from({ length: count }, (_, index) => `      "${index}",\n`).join("")}    ]\n`],
  ])("%s: a fatal message naming the limit past it, normal findings below it", (_kind, make) => {
    const messages = lint(make(MAX_COMPOSE_ENTRIES + 10));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ fatal: true, ruleId: null, message: expect.stringContaining(`more than ${MAX_COMPOSE_ENTRIES.toLocaleString("en-US")} entries`) });
    expect(messages[0]!.line).toBeGreaterThan(1);
    const below = lint(make(200));
    expect(below.filter((message) => message.fatal)).toEqual([]);
    expect(below.map((message) => message.ruleId)).toContain("docker/require-image-tag");
  });

  it("counts the entries of one collection, not the file's: many services of many keys each lint", () => {
    const code = `services:\n${Array.from({ length: 3000 }, (_, index) => `  s${index}:\n    image: redis:7.2\n    environment: {A: "1", B: "2", C: "3", D: "4"}\n    labels:\n      a: b\n      c: d\n`).join("")}`;
    expect(findExcessiveWidth(code, 3000)).toBeNull();
    expect(findExcessiveWidth(code, 2999)).toEqual({ entries: 3000, line: 1 + 2999 * 6 + 1 });
    // Block scalars, comments, quoted text and nested levels are not entries of the mapping around them.
    const noise = `a:\n  b: |\n    x\n    y\n  # c\n  d: "e,\n    f, g"\n  h:\n    i: 1\n    j: 2\n`;
    expect(findExcessiveWidth(noise, 3)).toBeNull();
    expect(findExcessiveWidth(noise, 2)).toEqual({ entries: 3, line: 8 });
  });
});
