/**
 * `fromHadolintConfig` and `fromDclintConfig`: peers' config files in temporary folders, turned into config
 * objects, and those objects used by ESLint on real files (the mapping goes through the peer-check table).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin, { fromDclintConfig, fromHadolintConfig } from "../../lib/index.js";

const root = mkdtempSync(path.join(tmpdir(), "docker-policy-from-config-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let count = 0;
/** A fresh folder with these files. */
function folder(files: Record<string, string>): string {
  count += 1;
  const dir = path.join(root, String(count));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function rulesOf(configs: Linter.Config[]): Partial<Linter.RulesRecord> {
  expect(configs).toHaveLength(1);
  return configs[0]!.rules!;
}

describe("fromHadolintConfig", () => {
  it("returns nothing without a config file", () => {
    expect(fromHadolintConfig({ cwd: folder({}) })).toEqual([]);
  });

  it("throws for an explicit path that does not exist", () => {
    expect(() => fromHadolintConfig({ cwd: folder({}), path: "hadolint.yaml" })).toThrow(/no hadolint config/u);
  });

  it("turns ignored codes off, ShellCheck codes skipped, and scopes the config to Dockerfiles", () => {
    const configs = fromHadolintConfig({ cwd: folder({ ".hadolint.yaml": "ignored:\n  - DL3008\n  - DL3059\n  - SC2086\n" }) });
    expect(configs[0]!.files).toEqual([...plugin.files.dockerfile]);
    expect(rulesOf(configs)).toEqual({ "docker/pin-package-versions": "off", "docker/no-consecutive-run": "off" });
  });

  it("reads .hadolint.yml too, and a file given by path", () => {
    expect(rulesOf(fromHadolintConfig({ cwd: folder({ ".hadolint.yml": "ignored: [DL3002]\n" }) }))).toEqual({ "docker/no-root-user": "off" });
    expect(rulesOf(fromHadolintConfig({ cwd: folder({ "ci/hadolint.yaml": "ignored: [DL3002]\n" }), path: "ci/hadolint.yaml" }))).toEqual({ "docker/no-root-user": "off" });
  });

  it("gives overridden codes hadolint's verdict: error at or above failure-threshold, warn below it", () => {
    const yaml = "override:\n  error: [DL3057]\n  style: [DL3015]\n  info: [DL3047]\nfailure-threshold: warning\n";
    const rules = rulesOf(fromHadolintConfig({ cwd: folder({ ".hadolint.yaml": yaml }) }));
    expect(rules["docker/require-healthcheck"]).toBe("error");
    expect(rules["docker/no-install-recommends"]).toBe("warn");
    expect(rules["docker/wget-progress"]).toBe("warn");
    // failure-threshold: warning also moves every info rule below failing: DL3001 (info) → warn.
    expect(rules["docker/no-interactive-command"]).toBe("warn");
    // An error rule the file does not touch is left to the configs before it.
    expect(rules["docker/workdir-absolute"]).toBeUndefined();
  });

  it("the most severe override list wins, as in hadolint's fixSeverity", () => {
    const yaml = "override:\n  style: [DL3015]\n  error: [DL3015]\nfailure-threshold: error\n";
    expect(rulesOf(fromHadolintConfig({ cwd: folder({ ".hadolint.yaml": yaml }) }))["docker/no-install-recommends"]).toBe("error");
  });

  it("no-fail makes every finding a warning", () => {
    const rules = rulesOf(fromHadolintConfig({ cwd: folder({ ".hadolint.yaml": "no-fail: true\n" }) }));
    expect(rules["docker/no-root-user"]).toBe("warn");
    expect(rules["docker/workdir-absolute"]).toBe("warn");
    expect(rules["docker/require-healthcheck"]).toBeUndefined();
  });

  it("a rule covering several codes takes the strongest, and is off when one of them is ignored", () => {
    const strongest = rulesOf(fromHadolintConfig({ cwd: folder({ ".hadolint.yaml": "override:\n  style: [DL3008]\n" }) }));
    expect(strongest["docker/pin-package-versions"]).toBe("error");
    const ignored = rulesOf(fromHadolintConfig({ cwd: folder({ ".hadolint.yaml": "ignored: [DL3013]\noverride:\n  error: [DL3008]\n" }) }));
    expect(ignored["docker/pin-package-versions"]).toBe("off");
  });

  it("trustedRegistries become allowed-registries, hub.docker.com standing for unqualified names", () => {
    const rules = rulesOf(fromHadolintConfig({ cwd: folder({ ".hadolint.yaml": "trustedRegistries:\n  - hub.docker.com\n  - '*.corp.example'\n  - ghcr.io\n" }) }));
    expect(rules["docker/allowed-registries"]).toEqual(["error", { registries: ["docker.io", "*.corp.example", "ghcr.io"] }]);
    expect(fromHadolintConfig({ cwd: folder({ ".hadolint.yaml": "trustedRegistries: ['*']\n" }) })[0]!.rules).toEqual({});
    expect(() => fromHadolintConfig({ cwd: folder({ ".hadolint.yaml": "trustedRegistries: ['registry*']\n" }) })).toThrow(/only '\*' and '\*\.domain'/u);
  });

  it("label-schema and strict-labels become valid-label options", () => {
    const yaml = "label-schema:\n  author: text\n  url: url\n  version: semver\n  notes: ''\nstrict-labels: true\n";
    expect(rulesOf(fromHadolintConfig({ cwd: folder({ ".hadolint.yaml": yaml }) }))["docker/valid-label"]).toEqual([
      "error",
      { schema: { author: "text", url: "url", version: "semver", notes: "text" }, strictLabels: true },
    ]);
    expect(() => fromHadolintConfig({ cwd: folder({ ".hadolint.yaml": "label-schema:\n  a: number\n" }) })).toThrow(/label-schema 'a'/u);
  });

  it("disable-ignore-pragma turns peers' comments off", () => {
    expect(fromHadolintConfig({ cwd: folder({ ".hadolint.yaml": "disable-ignore-pragma: true\n" }) })[0]!.languageOptions).toEqual({ peerSuppressions: false });
  });

  it("rejects what hadolint rejects: a bad severity, a non-list", () => {
    expect(() => fromHadolintConfig({ cwd: folder({ ".hadolint.yaml": "failure-threshold: fatal\n" }) })).toThrow(/failure-threshold/u);
    expect(() => fromHadolintConfig({ cwd: folder({ ".hadolint.yaml": "ignored: DL3008\n" }) })).toThrow(/'ignored' must be a list/u);
    expect(() => fromHadolintConfig({ cwd: folder({ ".hadolint.yaml": "ignored: [\n" }) })).toThrow(/cannot read/u);
  });

  it("an empty file is hadolint's defaults: nothing to change", () => {
    expect(fromHadolintConfig({ cwd: folder({ ".hadolint.yaml": "" }) })).toEqual([]);
  });

  it("works in ESLint after the strict config: ignored rules silent, options applied", () => {
    const dir = folder({ ".hadolint.yaml": "ignored: [DL3002, DL3007]\ntrustedRegistries: [docker.io]\nlabel-schema:\n  maintainer: email\n" });
    const linter = new Linter({ configType: "flat", cwd: dir });
    const messages = linter.verify(
      "FROM ghcr.io/acme/base:latest\nLABEL maintainer=nobody\nUSER root\n",
      [...plugin.configs.strict, ...fromHadolintConfig({ cwd: dir })],
      { filename: path.join(dir, "Dockerfile") },
    );
    const ids = messages.map((message) => message.ruleId);
    expect(ids).not.toContain("docker/no-root-user");
    expect(ids).not.toContain("docker/require-image-tag");
    expect(ids).toContain("docker/allowed-registries");
    expect(messages.filter((message) => message.ruleId === "docker/valid-label").length).toBeGreaterThan(0);
    expect(messages.filter((message) => message.ruleId === null)).toEqual([]);
  });
});

describe("fromDclintConfig", () => {
  it("returns nothing without a config, and reads .dclintrc (YAML) in cwd", () => {
    expect(fromDclintConfig({ cwd: folder({}) })).toEqual([]);
    const configs = fromDclintConfig({ cwd: folder({ ".dclintrc": "rules:\n  no-version-field: 0\n  require-quotes-in-ports: [1, { quoteType: double }]\n  services-alphabetical-order: 2\n" }) });
    expect(configs[0]!.files).toEqual([...plugin.files.compose]);
    expect(rulesOf(configs)).toEqual({ "docker/no-obsolete-version": "off", "docker/require-quoted-ports": "warn", "docker/sort-services": "error" });
  });

  it("carries the orders of dclint's ordering rules over (its README's and fixtures' options)", () => {
    const config = {
      rules: {
        "service-keys-order": [1, { groups: { "Core Definitions": ["container_name", "build", "image"], Networking: ["extra_hosts", "ports"] }, groupOrder: ["Networking", "Core Definitions"] }],
        "top-level-properties-order": [2, { customOrder: ["version", "services", "volumes", "networks", "x-properties"] }],
        "services-alphabetical-order": [1, {}],
      },
    };
    expect(rulesOf(fromDclintConfig({ config }))).toEqual({
      "docker/sort-service-keys": ["warn", { order: ["extra_hosts", "ports", "container_name", "build", "image"] }],
      "docker/sort-top-level-keys": ["error", { order: ["version", "services", "volumes", "networks", "x-*"] }],
      "docker/sort-services": "warn",
    });
    // Groups alone keep dclint's group order; a group left out of `groups` keeps its default keys.
    const groupsOnly = rulesOf(fromDclintConfig({ config: { rules: { "service-keys-order": [2, { groups: { "Service Dependencies": ["depends_on", "links"] } }] } } }));
    expect(groupsOnly["docker/sort-service-keys"]).toEqual([
      "error",
      { order: ["image", "build", "container_name", "depends_on", "links", "volumes", "volumes_from", "configs", "secrets", "environment", "env_file", "ports", "networks", "network_mode", "extra_hosts", "command", "entrypoint", "working_dir", "restart", "healthcheck", "logging", "labels", "user", "isolation"] },
    ]);
  });

  it("reads .dclintrc.json, .config/dclintrc.yml, the dclint key of package.json, and an object", () => {
    expect(rulesOf(fromDclintConfig({ cwd: folder({ ".dclintrc.json": '{ "rules": { "no-unbound-port-interfaces": 1 } }' }) }))).toEqual({ "docker/no-unbound-port": "warn" });
    expect(rulesOf(fromDclintConfig({ cwd: folder({ ".config/dclintrc.yml": "rules:\n  no-duplicate-container-names: 0\n" }) }))).toEqual({ "docker/no-duplicate-container-name": "off" });
    const withKey = folder({ "package.json": '{ "name": "x", "dclint": { "rules": { "no-duplicate-exported-ports": 1 } } }' });
    expect(rulesOf(fromDclintConfig({ cwd: withKey }))).toEqual({ "docker/no-duplicate-published-port": "warn" });
    expect(fromDclintConfig({ cwd: folder({ "package.json": '{ "name": "x" }' }) })).toEqual([]);
    expect(rulesOf(fromDclintConfig({ config: { rules: { "service-image-require-explicit-tag": 2 } } }))).toEqual({ "docker/require-image-tag": "error" });
  });

  it("rejects what dclint rejects: an unknown rule, a bad level", () => {
    expect(() => fromDclintConfig({ config: { rules: { "no-such-rule": 1 } } })).toThrow(/dclint has no rule 'no-such-rule'/u);
    expect(() => fromDclintConfig({ config: { rules: { "no-version-field": 3 } } })).toThrow(/level must be 0, 1 or 2/u);
  });

  it("works in ESLint after the strict config, on compose files only", () => {
    const dir = folder({ ".dclintrc.yaml": "rules:\n  no-version-field: 0\n  service-image-require-explicit-tag: 1\n" });
    const linter = new Linter({ configType: "flat", cwd: dir });
    const config = [...plugin.configs.strict, ...fromDclintConfig({ cwd: dir })];
    const compose = linter.verify("version: '3.8'\nservices:\n  web:\n    image: nginx:latest\n", config, { filename: path.join(dir, "compose.yaml") });
    expect(compose.map((message) => message.ruleId)).not.toContain("docker/no-obsolete-version");
    expect(compose.filter((message) => message.ruleId === "docker/require-image-tag").map((message) => message.severity)).toEqual([1]);
    const dockerfile = linter.verify("FROM nginx:latest\n", config, { filename: path.join(dir, "Dockerfile") });
    expect(dockerfile.filter((message) => message.ruleId === "docker/require-image-tag").map((message) => message.severity)).toEqual([2]);
  });
});
