/**
 * Alias bombs (issue 24): each anchored node is validated once, the expansion is measured without
 * expanding it, and a document Compose's YAML library refuses gets a finding, in bounded time.
 */
import path from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { allowedAliasShare, findExcessiveAliasing } from "../../lib/compose/aliasing.js";
import plugin from "../../lib/index.js";
import { parse } from "./helpers.js";
import { dedent } from "../support/dedent.js";

const dir = path.resolve(import.meta.dirname, "../fixtures/projects/dockerignore/empty");

function lint(code: string) {
  const linter = new Linter({ configType: "flat", cwd: dir });
  return linter.verify(code, plugin.configs.strict, { filename: path.join(dir, "compose.yaml") });
}

/** CPU milliseconds (user + system, as process.cpuUsage counts them) of `run`. */
function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** `levels` levels of `width` aliases of the level below, the last one used at `use` (a service field). */
function bomb(levels: number, width: number, use: string, leaf = '"lol"'): string {
  let code = `x-a0: &a0 [${Array.from({ length: width }, () => leaf).join(",")}]\n`;
  for (let level = 1; level <= levels; level++) code += `x-a${level}: &a${level} [${Array.from({ length: width }, () => `*a${level - 1}`).join(",")}]\n`;
  return `${code}services:\n  web:\n    image: nginx:1.27\n    ${use}: *a${levels}\n`;
}

const excessive = (message: { ruleId: string | null; message: string }) => message.ruleId === "docker/valid-compose-file" && /excessive aliasing/u.test(message.message);

describe("alias bombs", () => {
  it.each([
    ["the billion-laughs file (10^9 nodes)", bomb(9, 10, "environment")],
    ["a 1,000,000-item expansion as ports", bomb(6, 10, "ports")],
    ["a 1,000,000-item expansion as labels, of mappings", bomb(5, 10, "labels", "{a: b, c: d}")],
    ["an expansion under a merge key", `${bomb(6, 10, "x-z")}  db:\n    <<: [{volumes: *a6}]\n    image: redis:7\n`],
  ])("%s lints in well under a second of CPU, with a finding", (_name, code) => {
    let messages: Linter.LintMessage[] = [];
    const ms = cpuMs(() => {
      messages = lint(code);
    });
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    expect(messages.filter(excessive)).toHaveLength(1);
    expect(ms).toBeLessThan(1000);
  });

  // These two build documents of thousands of nodes: seconds on a busy 2-core machine, over the fast loop's 5 s default.
  it("a merge chain Compose expands quadratically is excessive; a short one is not", () => {
    const chain = (links: number) => {
      let code = "x-m0: &m0 {a0: 0}\n";
      for (let index = 1; index <= links; index++) code += `x-m${index}: &m${index} {<<: *m${index - 1}, a${index}: ${index}}\n`;
      return code;
    };
    expect(findExcessiveAliasing(parse(chain(2000)).body[0]!)).not.toBeNull();
    expect(findExcessiveAliasing(parse(chain(50)).body[0]!)).toBeNull();
  }, 30_000);

  it("shared defaults used by many services are no bomb, and a shared node's problem is reported once", () => {
    let code = dedent`
      x-defaults: &defaults
        restart: always
        logging: {driver: json-file}
        unknown_key: 1
      services:
    `;
    for (let index = 0; index < 200; index++) code += `  s${index}:\n    <<: *defaults\n    image: nginx:1.27\n`;
    expect(findExcessiveAliasing(parse(code).body[0]!)).toBeNull();
    const invalid = lint(code).filter((message) => message.ruleId === "docker/valid-compose-file");
    expect(invalid.map((message) => message.line)).toEqual([4]);
  }, 30_000);

  it("go-yaml's allowed share: 99 % up to 400,000 nodes, 10 % from 4,000,000", () => {
    expect(allowedAliasShare(1000)).toBe(0.99);
    expect(allowedAliasShare(4_000_000)).toBe(0.1);
    expect(allowedAliasShare(2_200_000)).toBeCloseTo(0.545);
  });

  it("list items that repeat are found through aliases without expanding them", () => {
    const code = `x-a: &a [1, 2]\nservices:\n  web:\n    image: nginx:1.27\n    dns_search: [a, a]\n    x-l: *a\n`;
    const messages = lint(code).filter((message) => message.ruleId === "docker/valid-compose-file");
    expect(messages.map((message) => message.message)).toEqual([expect.stringContaining("items must be unique")]);
  });
});
