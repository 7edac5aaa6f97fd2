/**
 * dclint's own test fixtures for the checks it shares with this plugin, run through our rules.
 *
 * Source: zavoloklom/docker-compose-linter at c49696ea1803810813326ed5ec99a4967263a1f4,
 * `tests/rules/<check>-rule.spec.ts` (the compose texts each spec lints; trailing blanks dropped). For each
 * fixture, `dclint` is what that spec expects (the services its messages name, `file` for a file-level
 * message) and `ours` the lines our rule reports. Where the two answer differently, `difference` says why,
 * and the rule doc's "Differences from peers" names the dclint check (checked below). The fix tests of the
 * specs are the `fixes` at the end.
 *
 * dclint's five ordering checks (service-keys-order, services-alphabetical-order, …) are not here: the
 * sort rules test them. `service-container-name-regex` has no rule of ours (the regex is part of
 * `no-duplicate-container-name`'s `invalid` message, not a check of its own).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Linter } from "eslint";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../lib/index.js";
import { PEER_CHECKS } from "../../lib/peers/peer-checks.js";

const repoRoot = path.resolve(import.meta.dirname, "../..");
// Cross-file rules look around the linted file: an empty folder, so that only the fixture counts.
const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-dclint-fixtures-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ORDERING_CHECKS = new Set([
  "service-keys-order",
  "services-alphabetical-order",
  "service-ports-alphabetical-order",
  "service-dependencies-alphabetical-order",
  "top-level-properties-order",
]);

interface Fixture {
  /** The fixture's name in dclint's spec. */
  name: string;
  code: string;
  /** dclint's options for it (the spec's constructor argument), when they matter. */
  dclintOptions?: Record<string, unknown>;
  /** Our rule's options giving the same setting, when there is one. */
  options?: Record<string, unknown>;
  /** What dclint's spec expects: the service each message names (`file` for a message about the file). */
  dclint: string[];
  /** The lines our rule reports. */
  ours: number[];
  /** Why the answers differ (only when they do). */
  difference?: string;
}

interface Check {
  /** dclint's check name (its spec is `tests/rules/<check>-rule.spec.ts`). */
  check: string;
  rule: string;
  fixtures: Fixture[];
}

const CHECKS: Check[] = [
  {
    check: "no-build-and-image",
    rule: "no-build-and-image",
    fixtures: [
      { name: "yamlWithBuildAndImage", code: "\nservices:\n  web:\n    build: .\n    image: nginx\n  db:\n    build: ./db\n    image: postgres\n", dclint: ["web", "db"], ours: [4, 7] },
      {
        name: "yamlWithBuildImageAndPullPolicy",
        code: "\nservices:\n  web:\n    build: .\n    image: nginx\n    pull_policy: always\n  db:\n    build: ./db\n    image: postgres\n    pull_policy: always\n",
        dclint: [],
        ours: [],
      },
      {
        name: "yamlWithBuildImageAndPullPolicy, checkPullPolicy: false",
        code: "\nservices:\n  web:\n    build: .\n    image: nginx\n    pull_policy: always\n  db:\n    build: ./db\n    image: postgres\n    pull_policy: always\n",
        dclintOptions: { checkPullPolicy: false },
        options: { checkPullPolicy: false },
        dclint: ["web", "db"],
        ours: [4, 8],
      },
      { name: "yamlWithOnlyBuild", code: "\nservices:\n  web:\n    build: .\n  db:\n    build: ./db\n", dclint: [], ours: [] },
      { name: "yamlWithOnlyImage", code: "\nservices:\n  web:\n    image: nginx\n  db:\n    image: postgres\n", dclint: [], ours: [] },
    ],
  },
  {
    check: "no-duplicate-container-names",
    rule: "no-duplicate-container-name",
    fixtures: [
      {
        name: "yamlWithDuplicateContainerNames",
        code: "\nservices:\n  web:\n    image: nginx\n    container_name: my_container\n  db:\n    image: postgres\n    container_name: my_container\n",
        dclint: ["db"],
        ours: [8],
      },
      {
        name: "yamlWithUniqueContainerNames",
        code: "\nservices:\n  web:\n    image: nginx\n    container_name: web_container\n  db:\n    image: postgres\n    container_name: db_container\n",
        dclint: [],
        ours: [],
      },
    ],
  },
  {
    check: "no-duplicate-exported-ports",
    rule: "no-duplicate-published-port",
    fixtures: [
      {
        name: "yamlWithDuplicatePorts",
        code: [
          "",
          "services:",
          "  a-service:",
          "    image: nginx",
          "    ports:",
          "      - '8080'",
          "  b-service:",
          "    image: nginx",
          "    ports:",
          "      - 8080",
          "      - 9090",
          "  c-service:",
          "    image: nginx",
          "    ports:",
          "      - 8080:8080",
          "  d-service:",
          "    image: nginx",
          "    ports:",
          "      - 0.0.0.0:8080:8002",
          "  e-service:",
          "    image: nginx",
          "    ports:",
          '      - "127.0.0.1:8080:8001"',
          "  f-service:",
          "    image: nginx",
          "    ports:",
          "      - target: 1000",
          "        published: 8080",
          "        protocol: tcp",
          "        mode: host",
          "  g-service:",
          "    image: nginx:latest",
          "    ports:",
          '      - "$WEB_PORT:80"',
          '      - "$WEB_PORT:81"',
          '      - "$WEB_PORT-9000:80-81"',
          "",
        ].join("\n"),
        dclint: ["b-service", "c-service", "d-service", "e-service", "f-service"],
        // d, e and f against c-service's 8080:8080.
        ours: [19, 23, 27],
        difference:
          "`- '8080'` (a-service) and `- 8080` (b-service) are container ports that Docker publishes on random host ports: they conflict with nothing, so b-service is not reported and c, d, e, f clash with c-service's 8080:8080, not with a-service.",
      },
      {
        name: "yamlWithUniquePorts",
        code: [
          "",
          "services:",
          "  a-service:",
          "    image: nginx",
          "    ports:",
          "      - '8080'",
          "  b-service:",
          "    image: nginx",
          "    ports:",
          "      - 8081",
          "      - 9090",
          "  c-service:",
          "    image: nginx",
          "    ports:",
          "      - 8082:8082",
          "  d-service:",
          "    image: nginx",
          "    ports:",
          "      - 0.0.0.0:8083:8003",
          "  e-service:",
          "    image: nginx",
          "    ports:",
          '      - "127.0.0.1:8084:8004"',
          "  f-service:",
          "    image: nginx",
          "    ports:",
          "      - target: 1000",
          "        published: 8085",
          "        protocol: tcp",
          "        mode: host",
          "",
        ].join("\n"),
        dclint: [],
        ours: [],
      },
      {
        name: "yamlWithRangeOverlap",
        code: [
          "",
          "services:",
          "  a-service:",
          "    image: nginx",
          "    ports:",
          '      - "8093-9000:80"',
          "  b-service:",
          "    image: postgres",
          "    ports:",
          '      - "8094:5432"',
          "  c-service:",
          "    image: nginx",
          "    ports:",
          "      - target: 1000",
          "        published: 8080-8090",
          "        protocol: tcp",
          "        mode: host",
          "  d-service:",
          "    image: postgres",
          "    ports:",
          "      - 8000-8085",
          "",
        ].join("\n"),
        dclint: ["b-service", "d-service"],
        ours: [],
        difference:
          "a host range for one container port (`8093-9000:80`, `published: 8080-8090` for target 1000) is a pool Docker allocates one free port from, and `- 8000-8085` publishes container ports on random host ports: no fixed port clashes.",
      },
      {
        name: "yamlWithDifferentProtocols",
        code: [
          "",
          "services:",
          "  myservice:",
          "    ports:",
          "      - '127.0.0.1:8388:8388/tcp'",
          "      - '127.0.0.1:8388:8388/udp'",
          "      - '127.0.0.1:8888:8888/tcp'",
          "  another-service:",
          "    ports:",
          "      - '127.0.0.1:8080:8080/tcp'",
          "  one-more-service:",
          "    ports:",
          "      - '127.0.0.1:8080:8080/udp'",
          "",
        ].join("\n"),
        dclint: [],
        ours: [],
      },
    ],
  },
  {
    check: "no-quotes-in-volumes",
    rule: "no-quoted-volumes",
    fixtures: [
      {
        name: "correctYAML",
        code: "\nservices:\n  web:\n    volumes:\n      - data\n      - type: volume\n        source: db-data\n        target: /data\n        volume:\n          nocopy: true\n          subpath: sub\n",
        dclint: [],
        ours: [],
      },
      {
        name: "incorrectYAML",
        code: "\nservices:\n  web:\n    volumes:\n      - \"data\"\n      - type: volume\n        source: \"db-data\"\n        target: '/data'\n        volume:\n          nocopy: true\n          subpath: 'sub'\n",
        // dclint reads only the short-syntax items, as this rule does.
        dclint: ["web"],
        ours: [5],
      },
    ],
  },
  {
    check: "no-unbound-port-interfaces",
    rule: "no-unbound-port",
    fixtures: [
      {
        name: "yamlWithImplicitListenEverywherePorts",
        code: "\nservices:\n  a-service:\n    image: nginx\n    ports:\n      - 8080:80\n      - 8080\n  b-service:\n    image: nginx\n    ports:\n      - target: 1000\n        published: 8081\n        protocol: tcp\n        mode: host\n",
        dclint: ["a-service", "a-service", "b-service"],
        ours: [6, 7, 11],
      },
      {
        name: "yamlWithExplicitListenIPPorts",
        code: "\nservices:\n  a-service:\n    image: nginx\n    ports:\n      - 0.0.0.0:8080:8080\n  b-service:\n    image: nginx\n    ports:\n      - 127.0.0.1:8081:8081\n      - '[::1]:8082:8082'\n",
        dclint: [],
        ours: [],
      },
    ],
  },
  {
    check: "no-version-field",
    rule: "no-obsolete-version",
    fixtures: [
      { name: "yamlWithVersion", code: "\nversion: '3'\nservices:\n  web:\n    image: nginx\n", dclint: ["file"], ours: [2] },
      { name: "yamlWithoutVersion", code: "\nservices:\n  web:\n    image: nginx\n", dclint: [], ours: [] },
    ],
  },
  {
    check: "require-project-name-field",
    rule: "require-project-name",
    fixtures: [
      { name: "yamlWithName", code: "\nname: my-project\nservices:\n  web:\n    image: nginx\n", dclint: [], ours: [] },
      { name: "yamlWithoutName", code: "\nservices:\n  web:\n    image: nginx\n", dclint: ["file"], ours: [2] },
    ],
  },
  {
    check: "require-quotes-in-ports",
    rule: "require-quoted-ports",
    fixtures: [
      {
        name: "yamlWithoutQuotes",
        code: "\nservices:\n  web:\n    ports:\n      - 80\n      - 8080:80\n    expose:\n      - 3000\n",
        dclintOptions: { quoteType: "single" },
        dclint: ["web", "web", "web"],
        ours: [5, 6, 8],
      },
      {
        name: "yamlWithSingleQuotes",
        code: "\nservices:\n  web:\n    ports:\n      - '80'\n      - '8080:80'\n    expose:\n      - '3000'\n",
        dclintOptions: { quoteType: "single" },
        dclint: [],
        ours: [],
      },
      {
        name: "yamlWithDoubleQuotes",
        code: '\nservices:\n  web:\n    ports:\n      - "80"\n      - "8080:80"\n    expose:\n      - "3000"\n',
        dclintOptions: { quoteType: "double" },
        dclint: [],
        ours: [],
      },
      {
        // The spec's fix test: with quoteType single, dclint rewrites these double quotes (so reports them).
        name: "yamlWithDoubleQuotes, quoteType: single",
        code: '\nservices:\n  web:\n    ports:\n      - "80"\n      - "8080:80"\n    expose:\n      - "3000"\n',
        dclintOptions: { quoteType: "single" },
        dclint: ["web", "web", "web"],
        ours: [],
        difference: "this rule accepts either quote style: a quoted port reads as a string whatever the quotes (the style is `yml/quotes`' business).",
      },
      { name: "yamlWithoutPorts", code: "\nservices:\n  web:\n    image: nginx\n", dclint: [], ours: [] },
    ],
  },
  {
    check: "service-image-require-explicit-tag",
    rule: "require-image-tag",
    fixtures: [
      {
        name: "yamlWithoutTag",
        code: "\nservices:\n  a-service:\n    image: nginx\n  b-service:\n    image: library/nginx\n  c-service:\n    image: docker.io/library/nginx\n  d-service:\n    image: my_private.registry:5000/nginx\n",
        dclint: ["a-service", "b-service", "c-service", "d-service"],
        ours: [4, 6, 8, 10],
      },
      {
        name: "yamlWithLatestTag",
        code: "\nservices:\n  a-service:\n    image: nginx:latest\n  b-service:\n    image: library/nginx:latest\n  c-service:\n    image: docker.io/library/nginx:latest\n  d-service:\n    image: my_private.registry:5000/nginx:latest\n",
        dclint: ["a-service", "b-service", "c-service", "d-service"],
        ours: [4, 6, 8, 10],
      },
      {
        name: "yamlWithStableTag",
        code: "\nservices:\n  a-service:\n    image: nginx:stable\n  b-service:\n    image: library/nginx:stable\n  c-service:\n    image: docker.io/library/nginx:stable\n  d-service:\n    image: my_private.registry:5000/nginx:stable\n",
        dclint: ["a-service", "b-service", "c-service", "d-service"],
        ours: [4, 6, 8, 10],
      },
      {
        name: "yamlWithProhibitedTags",
        code: "\nservices:\n  a-service:\n    image: nginx:edge\n  b-service:\n    image: library/nginx:test\n  c-service:\n    image: docker.io/library/nginx:nightly\n  d-service:\n    image: my_private.registry:5000/nginx:dev\n  e-service:\n    image: library/nginx:beta\n  f-service:\n    image: library/nginx:canary\n",
        dclint: ["a-service", "b-service", "c-service", "d-service", "e-service", "f-service"],
        ours: [4, 6, 8, 10, 12, 14],
      },
      {
        name: "yamlWithCustomTags",
        code: "\nservices:\n  a-service:\n    image: nginx:unstable\n  b-service:\n    image: library/nginx:preview\n  c-service:\n    image: docker.io/library/nginx:1.21.0\n  d-service:\n    image: my_private.registry:5000/nginx:1.21.0\n",
        // dclint needs its prohibitedTags option for these two; this rule's table of floating tags has them.
        dclintOptions: { prohibitedTags: ["unstable", "preview"] },
        dclint: ["a-service", "b-service"],
        ours: [4, 6],
      },
      {
        name: "yamlWithSpecificVersion",
        code: "\nservices:\n  a-service:\n    image: nginx:1.21.0\n  b-service:\n    image: library/nginx:1.21.0\n  c-service:\n    image: docker.io/library/nginx:1.21.0\n  d-service:\n    image: my_private.registry:5000/nginx:1.21.0\n  e-service:\n    image: nginx@sha256:0ed5d5928d4737458944eb604cc8509e245c3e19d02ad83935398bc4b991aac7\n  f-service:\n    build:\n      context: .\n      dockerfile: Dockerfile\n",
        dclint: [],
        ours: [],
      },
    ],
  },
];

function lint(rule: string, code: string, options?: Record<string, unknown>): Linter.LintMessage[] {
  const linter = new Linter({ configType: "flat", cwd: dir });
  return linter.verify(code, [...plugin.configs.base, { files: ["**/*"], rules: { [`docker/${rule}`]: options ? ["error", options] : "error" } }], {
    filename: path.join(dir, "docker-compose.yml"),
  });
}

function fix(rule: string, code: string): Linter.FixReport {
  const linter = new Linter({ configType: "flat", cwd: dir });
  return linter.verifyAndFix(code, [...plugin.configs.base, { files: ["**/*"], rules: { [`docker/${rule}`]: "error" } }], {
    filename: path.join(dir, "docker-compose.yml"),
  });
}

describe.each(CHECKS.map((check) => [`dclint ${check.check} → ${check.rule}`, check] as const))("%s", (_, { check, rule, fixtures }) => {
  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))("fixture %s", (_, fixture) => {
    const messages = lint(rule, fixture.code, fixture.options);
    expect(messages.filter((message) => message.ruleId !== `docker/${rule}`)).toEqual([]);
    expect(messages.map((message) => message.line)).toEqual(fixture.ours);
    // Without a stated difference, as many findings as dclint's messages; with one, the answers do differ.
    if (fixture.difference === undefined) expect(fixture.ours.length).toBe(fixture.dclint.length);
    else expect(fixture.ours.length).not.toBe(fixture.dclint.length);
  });

  if (fixtures.some((fixture) => fixture.difference !== undefined)) {
    it("the rule doc names the dclint check among its differences from peers", () => {
      const doc = readFileSync(path.join(repoRoot, "docs/rules", `${rule}.md`), "utf8");
      const section = /## Differences from peers\n([\s\S]*?)\n## /u.exec(doc)?.[1] ?? "";
      expect(section).toContain(check);
    });
  }
});

it("covers every dclint check the peer table maps to a rule, but the ordering ones", () => {
  const mapped = PEER_CHECKS.filter((check) => check.tool === "dclint" && check.rules.length > 0 && !ORDERING_CHECKS.has(check.id));
  expect(CHECKS.map((check) => check.check).sort()).toEqual(mapped.map((check) => check.id).sort());
  for (const check of CHECKS) expect(mapped.find((peer) => peer.id === check.check)?.rules).toContain(check.rule);
});

// The specs' fix tests: what dclint's fix produces, as data (its output is re-serialized YAML, ours an edit).
describe("fixes", () => {
  it("no-version-field: the fix removes `version`, and leaves a file without it alone", () => {
    const fixed = fix("no-obsolete-version", "\nversion: '3'\nservices:\n  web:\n    image: nginx\n");
    expect(fixed.output).not.toContain("version:");
    expect(parse(fixed.output)).toEqual({ services: { web: { image: "nginx" } } });
    expect(fix("no-obsolete-version", "\nservices:\n  web:\n    image: nginx\n").fixed).toBe(false);
  });

  it("no-quotes-in-volumes: the fix unquotes `- \"data\"`, and leaves the correct fixture alone", () => {
    const fixed = fix("no-quoted-volumes", "\nservices:\n  web:\n    volumes:\n      - \"data\"\n      - type: volume\n        source: \"db-data\"\n");
    expect(fixed.output).toContain("- data\n");
    expect(fixed.output).not.toContain('"data"');
    expect(fix("no-quoted-volumes", "\nservices:\n  web:\n    volumes:\n      - data\n").fixed).toBe(false);
  });

  it("require-quotes-in-ports: the fix quotes every port (double quotes; dclint's default is single) and the data becomes strings", () => {
    const fixed = fix("require-quoted-ports", "\nservices:\n  web:\n    ports:\n      - 80\n      - 8080:80\n    expose:\n      - 3000\n");
    expect(fixed.output).toBe('\nservices:\n  web:\n    ports:\n      - "80"\n      - "8080:80"\n    expose:\n      - "3000"\n');
    expect(parse(fixed.output)).toEqual({ services: { web: { ports: ["80", "8080:80"], expose: ["3000"] } } });
  });
});
