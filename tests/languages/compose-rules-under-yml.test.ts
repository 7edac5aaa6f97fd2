/**
 * Every compose rule reads only `sourceCode.ast` through the compose model, so under eslint-plugin-yml's
 * language it reports, fixes and suggests exactly what it does under docker/compose.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Linter } from "eslint";
import yml from "eslint-plugin-yml";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../lib/index.js";
import { rules } from "../../rules/index.js";
import { dedent } from "../support/dedent.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-yml-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, "compose.override.yaml"), dedent`
  services:
    db:
      healthcheck:
        test: [CMD, pg_isready]
`);

const composeRules = Object.entries(rules).filter(([, rule]) => (rule.meta.docs.fileKinds as readonly string[]).includes("compose")).map(([name]) => name);
const code = [
  "services:",
  "  app:",
  "    image: node:20",
  "    privileged: true",
  "    depend_on: [x]",
  "    depends_on:",
  "      - db",
  "    ports:",
  "      - 8080:80",
  "    volumes:",
  "      - /var/run/docker.sock:/var/run/docker.sock",
  "      - .:/app",
  "    environment:",
  "      DB: postgres://localhost:5432/app",
  "    env_file: missing.env",
  "    build:",
  "      context: .",
  "      target: nope",
  "    networks: [front]",
  "  db:",
  "    image: postgres:16.2",
  "    ports: ['5432:5432']",
  "    container_name: db",
  "    cap_add: [SYS_ADMIN]",
  "",
].join("\n");

function configs(language: "yml/yaml" | "docker/compose"): Linter.Config[] {
  return [{ files: ["**/*.yaml"], plugins: { yml: yml as never, docker: plugin as never }, language, rules: Object.fromEntries(composeRules.map((name) => [`docker/${name}`, "error"])) }];
}

describe("every compose rule under eslint-plugin-yml's language", () => {
  const linter = new Linter({ configType: "flat", cwd: dir });
  const filename = path.join(dir, "compose.yaml");
  const summary = (messages: Linter.LintMessage[]) =>
    messages.map((message) => ({ at: `${message.line}:${message.column}-${message.endLine}:${message.endColumn}`, rule: message.ruleId, fix: message.fix, suggestions: message.suggestions?.map((s) => s.fix) }));

  it("reports, fixes and suggests the same", () => {
    const ours = summary(linter.verify(code, configs("docker/compose"), { filename }));
    const theirs = summary(linter.verify(code, configs("yml/yaml"), { filename }));
    expect(ours.filter((message) => message.rule === null)).toEqual([]);
    // The sample trips most rules: the comparison is not vacuous.
    expect(new Set(ours.map((message) => message.rule)).size).toBeGreaterThan(15);
    expect(theirs).toEqual(ours);
    expect(linter.verifyAndFix(code, configs("yml/yaml"), { filename }).output).toBe(linter.verifyAndFix(code, configs("docker/compose"), { filename }).output);
  });
});
