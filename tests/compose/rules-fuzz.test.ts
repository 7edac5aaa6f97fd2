/**
 * Every compose rule on random compose-like files (anchors, merges, tags, odd shapes; fast-check):
 * no rule throws, every report is inside the text, and `--fix` gives a file that still parses and
 * that a second pass leaves alone; every suggestion gives a file that parses.
 */
import { Linter } from "eslint";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import plugin from "../../lib/index.js";
import { rules } from "../../rules/index.js";
import { dedent } from "../support/dedent.js";

const composeRules = Object.entries(rules).filter(([, rule]) => (rule.meta.docs.fileKinds as readonly string[]).includes("compose")).map(([name]) => `docker/${name}`);
const config: Linter.Config[] = [...plugin.configs.base, { files: ["**/*.yaml"], rules: Object.fromEntries(composeRules.map((name) => [name, "error"])) }];

const value = fc.constantFrom(
  "", " ~", " nginx:1.27", " postgres:16.2", " ${IMAGE:-redis:7}", " [a, b]", " {a: 1}", " *a", " !reset []", " !override x", " 80", ' "8080:80"',
  " [8080:80, '127.0.0.1:53:53/udp', {target: 5432, published: 5432}]", " [db, web]", " {db: {condition: service_healthy}, web: {restart: true}}",
  " [KEY=value, 'URL=http://localhost:5432']", " {URL: 'postgres://localhost:5432', X: ~}", " {test: [CMD, 'true']}", " {test: [NONE]}",
  " [.:/app, /var/run/docker.sock:/var/run/docker.sock, {type: bind, source: /etc, target: /x}, /var/lib/postgresql/data]",
  " {context: ., target: prod}", " true", " host", " [SYS_ADMIN, ALL]", " ['seccomp:unconfined', no-new-privileges:false]", " app", " '10 seconds'",
);
const key = fc.constantFrom("image", "build", "healthcheck", "depends_on", "ports", "expose", "environment", "env_file", "volumes", "networks", "secrets", "<<", "x-a", "privileged", "network_mode", "cap_add", "security_opt", "container_name", "restart", "read_only", "extends", "imagee");
const service = fc.uniqueArray(fc.tuple(key, value), { maxLength: 6, selector: ([k]) => k });
const file = fc.tuple(fc.boolean(), fc.array(service, { maxLength: 3 }), fc.constantFrom("", "volumes:\n  data:\n", "networks: [x]\n", "version: '3'\n")).map(([anchor, services, tail]) => {
  let code = anchor ? dedent`
    x-base: &a
      image: postgres:16.2
      ports: ['5432:5432']
  ` : "";
  code += "services:\n";
  services.forEach((fields, index) => {
    code += `  s${index}:\n`;
    for (const [k, v] of fields) code += `    ${k}:${v}\n`;
    if (fields.length === 0) code += "    image: alpine:3.20\n";
  });
  return code + tail;
});

describe("compose rules on random files", () => {
  it("never throw, report inside the text, and fix to a stable, parsable file", () => {
    const linter = new Linter({ configType: "flat" });
    let linted = 0;
    fc.assert(
      fc.property(file, (code) => {
        const messages = linter.verify(code, config, { filename: "compose.yaml" });
        if (messages.some((message) => message.fatal)) return true;
        linted++;
        const lines = code.split("\n").length;
        for (const message of messages) {
          expect(message.ruleId).not.toBeNull();
          expect(message.line).toBeGreaterThanOrEqual(1);
          expect(message.line).toBeLessThanOrEqual(lines);
        }
        // Every suggestion gives a file that still parses.
        for (const message of messages) {
          for (const suggestion of message.suggestions ?? []) {
            const [start, end] = suggestion.fix.range;
            const suggested = code.slice(0, start) + suggestion.fix.text + code.slice(end);
            expect(linter.verify(suggested, [...plugin.configs.base], { filename: "compose.yaml" }).filter((m) => m.fatal), suggested).toEqual([]);
          }
        }
        const fixed = linter.verifyAndFix(code, config, { filename: "compose.yaml" });
        expect(fixed.messages.filter((message) => message.fatal)).toEqual([]);
        expect(linter.verifyAndFix(fixed.output, config, { filename: "compose.yaml" }).output).toBe(fixed.output);
        return true;
      }),
      { numRuns: 250, seed: 42 },
    );
    expect(linted).toBeGreaterThan(100);
  });
});
