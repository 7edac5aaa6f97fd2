/**
 * SARIF for GitHub code scanning (docs/ci.md): ESLint with `@microsoft/eslint-formatter-sarif` on
 * `examples/`, through the CLI as in the docs, gives SARIF 2.1.0 whose rules are ours (`docker/<id>`) with
 * their help URLs (`meta.docs.url`) and whose results point at the examples' files.
 */
import path from "node:path";
import { expect, it } from "vitest";
import plugin from "../../lib/index.js";
import { repoRoot, runEslint } from "../support/eslint-cli.js";

interface Sarif {
  version: string;
  $schema: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri?: string; shortDescription?: { text: string } }[] } };
    results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
  }[];
}

it("eslint --format @microsoft/eslint-formatter-sarif on examples/ is SARIF 2.1.0 with our rule ids and help URLs", () => {
  const examples = path.join(repoRoot, "examples");
  const result = runEslint(examples, ["--format", "@microsoft/eslint-formatter-sarif", "."]);
  // 1: the examples' deliberate findings; 2 would be a crash or a bad config.
  expect(result.status).toBe(1);
  expect(result.stderr).toBe("");
  const sarif = JSON.parse(result.stdout) as Sarif;
  expect(sarif.version).toBe("2.1.0");
  expect(sarif.$schema).toMatch(/sarif-2\.1\.0/u);
  const [run] = sarif.runs;
  expect(run!.tool.driver.name).toBe("ESLint");

  const rules = run!.tool.driver.rules;
  expect(rules.length).toBeGreaterThan(5);
  for (const rule of rules) {
    expect(rule.id).toMatch(/^docker\/[a-z0-9-]+$/u);
    const ours = plugin.rules[rule.id.slice("docker/".length)];
    expect(ours, rule.id).toBeDefined();
    expect(rule.helpUri).toBe(ours!.meta.docs.url);
    expect(rule.shortDescription?.text).toBe(ours!.meta.docs.description);
  }

  expect(run!.results.length).toBeGreaterThan(0);
  const files = new Set<string>();
  for (const finding of run!.results) {
    expect(rules.map((rule) => rule.id)).toContain(finding.ruleId);
    const location = finding.locations[0]!.physicalLocation;
    expect(location.artifactLocation.uri.startsWith("file://")).toBe(true);
    expect(location.region.startLine).toBeGreaterThan(0);
    files.add(path.basename(new URL(location.artifactLocation.uri).pathname));
  }
  // All three file kinds are reported.
  expect([...files].sort()).toEqual(expect.arrayContaining([".dockerignore", "Dockerfile", "compose.yaml"]));
});
