/**
 * Random compose-like YAML assembled from fragments (anchors, merges, tags, odd values): whatever
 * parses must give a model without throwing, and every scalar the model reports on must be a node
 * of the parsed text.
 */
import { describe, expect, it } from "vitest";
import { parseForESLint } from "yaml-eslint-parser";
import { getComposeModel, interpolate, parsePortSpec, parseVolumeSpec } from "../../lib/compose/index.js";

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const VALUES = [
  "",
  " ~",
  " nginx",
  " ${IMAGE:-x}",
  " [a, b]",
  " {a: 1}",
  " *a",
  " *b",
  " !reset []",
  " !override x",
  " &a {image: y, <<: *b}",
  " &b [1, 2]",
  " 80",
  ' "8080:80"',
  " [{target: 80}, '1:1', ~]",
  " {db: {condition: service_healthy}, x-y: ~}",
  " [KEY=value, KEY2]",
  " {test: [NONE]}",
  " {test: 'curl x', disable: yes}",
  " [.:/app, {type: bind, source: /, target: /x}]",
  " {context: ., args: [A=1]}",
  " [*a]",
];
const KEYS = ["image", "build", "healthcheck", "depends_on", "ports", "environment", "env_file", "volumes", "networks", "secrets", "<<", "x-a", "user", "extends", "links", "labels", "expose"];

describe("fuzz", () => {
  it("never throws and reports on nodes of the text", () => {
    const next = random(7);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    let models = 0;
    for (let round = 0; round < 400; round++) {
      let code = next() < 0.5 ? "x-base: &a\n  image: base\n" : "";
      code += next() < 0.9 ? "services:\n" : "services:" + pick(VALUES) + "\n";
      const serviceCount = Math.floor(next() * 3);
      for (let s = 0; s < serviceCount; s++) {
        code += `  s${s}:${next() < 0.2 ? pick(VALUES) : ""}\n`;
        const fieldCount = Math.floor(next() * 5);
        const used = new Set<string>();
        for (let f = 0; f < fieldCount; f++) {
          const key = pick(KEYS);
          if (used.has(key)) continue;
          used.add(key);
          code += `    ${key}:${pick(VALUES)}\n`;
        }
      }
      let program;
      try {
        program = parseForESLint(code).ast;
      } catch {
        continue;
      }
      const model = getComposeModel(program);
      if (!model) continue;
      models++;
      for (const service of model.services.values()) {
        const nodes = [
          service.image?.node,
          service.user?.node,
          ...service.ports.map((port) => port.node),
          ...service.volumes.map((volume) => volume.node),
          ...service.environment.map((entry) => entry.keyNode),
          ...service.dependsOn.map((entry) => entry.serviceNode),
        ];
        for (const node of nodes) {
          if (!node) continue;
          expect(node.range[0]).toBeGreaterThanOrEqual(0);
          expect(node.range[1]).toBeLessThanOrEqual(code.length);
        }
      }
    }
    expect(models).toBeGreaterThan(100);
  });

  it("short-syntax parsers and interpolation never throw", () => {
    const next = random(11);
    const chars = ["1", "8", ":", "/", "-", "[", "]", ".", "$", "{", "}", "a", ",", "\\", "~", "C", "udp"];
    for (let round = 0; round < 2000; round++) {
      let text = "";
      const length = Math.floor(next() * 16);
      for (let index = 0; index < length; index++) text += chars[Math.floor(next() * chars.length)];
      expect(() => parsePortSpec(text)).not.toThrow();
      expect(() => parseVolumeSpec(text)).not.toThrow();
      expect(() => interpolate(text)).not.toThrow();
      expect(() => interpolate(text, { a: "1", C: "" })).not.toThrow();
    }
  });
});
