import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Linter } from "eslint";
import { afterAll, describe, expect, it, vi } from "vitest";
import plugin from "../../lib/index.js";
import { FRESH_FOR_MS } from "../../lib/project/fs-snapshot.js";
import rule from "../../rules/no-healthcheck-less-dependency.js";
import { makeTree } from "../support/fix-safety.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

// The dependency is judged as Compose runs it: the project's files merged (override, extends, include).
const tree = makeTree({
  "override/compose.override.yaml": dedent`
    services:
      db:
        healthcheck:
          test: [CMD, pg_isready]
      off:
        healthcheck:
          disable: true
  `,
  "override/compose.yaml": "",
  "extends/common.yaml": dedent`
    services:
      checked:
        image: mysql:8.4
        healthcheck:
          test: [CMD, mysqladmin, ping]
  `,
  "extends/compose.yaml": "",
  "include/infra.yaml": dedent`
    services:
      db:
        image: postgres:16.4
  `,
  "include/compose.yaml": "",
});
afterAll(tree.cleanup);
const inTree = (folder: string) => path.join(tree.root, folder, "compose.yaml");

const project = path.resolve(import.meta.dirname, "../fixtures/projects/healthcheck");
const filename = path.join(project, "compose.yaml");

function compose(dependency: string, service: string): string {
  return `services:\n  client:\n    image: alpine:3.20\n    depends_on:\n      ${dependency}:\n        condition: service_healthy\n${service}`;
}

ruleTester("compose").run("no-healthcheck-less-dependency", rule, {
  valid: [
    // A compose healthcheck.
    { filename, code: compose("db", "  db:\n    image: postgres:16.2\n    healthcheck:\n      test: [CMD, pg_isready]\n") },
    // The Dockerfile the service builds has a HEALTHCHECK.
    { filename, code: compose("web", "  web:\n    build: ./web\n") },
    // Inherited from an earlier stage.
    { filename, code: compose("app", "  app:\n    build:\n      context: ./multi\n      target: app\n") },
    // Timings only in compose: the image's test still applies.
    { filename, code: compose("web", "  web:\n    build: ./web\n    healthcheck:\n      interval: 5s\n") },
    // An image we cannot see into.
    { filename, code: compose("cache", "  cache:\n    image: ghcr.io/acme/cache:1.0\n") },
    { filename, code: compose("svc", "  svc:\n    build: ./vendor\n") },
    // Files we cannot find or values we cannot know: silence.
    { filename, code: compose("svc", "  svc:\n    build: ./missing\n") },
    { filename, code: compose("svc", "  svc:\n    build: ${CONTEXT}\n") },
    { filename, code: compose("svc", "  svc:\n    image: postgres:16\n    extends:\n      file: base.yaml\n      service: db\n") },
    // compose.override.yaml adds the health check (compose-project case b1).
    { filename: inTree("override"), code: compose("db", "  db:\n    image: postgres:16.4\n") },
    // Through extends, in another file and in this one.
    { filename: inTree("extends"), code: compose("db", "  db:\n    extends:\n      file: common.yaml\n      service: checked\n") },
    { filename, code: compose("db", "  base:\n    image: postgres:16.4\n    healthcheck:\n      test: [CMD, pg_isready]\n  db:\n    extends: base\n") },
    // Other conditions do not need a health check.
    { filename, code: dedent`
      services:
        client:
          image: alpine:3.20
          depends_on:
            db:
              condition: service_started
        db:
          image: postgres:16.2
    ` },
    { filename, code: dedent`
      services:
        client:
          image: alpine:3.20
          depends_on: [db]
        db:
          image: postgres:16.2
    ` },
    // An undefined dependency is not this rule's finding.
    { filename, code: compose("nowhere", "") },
  ],
  invalid: [
    {
      // The override turns a health check off.
      filename: inTree("override"),
      code: compose("off", "  off:\n    image: postgres:16.4\n    healthcheck:\n      test: [CMD, pg_isready]\n"),
      errors: [{ messageId: "noHealthcheck", line: 6, data: { dependent: "client", service: "off", why: "its compose healthcheck is disabled" } }],
    },
    {
      // A dependency defined in an included file is judged too.
      filename: inTree("include"),
      code: `include: [infra.yaml]\n${compose("db", "")}`,
      errors: [{ messageId: "noHealthcheck", line: 7, data: { dependent: "client", service: "db", why: "no healthcheck in compose, and the official image 'postgres:16.4' ships none" } }],
    },
    {
      filename,
      code: compose("db", "  db:\n    image: postgres:16.2\n"),
      errors: [{ messageId: "noHealthcheck", line: 6, column: 20, endColumn: 35, data: { dependent: "client", service: "db", why: "no healthcheck in compose, and the official image 'postgres:16.2' ships none" } }],
    },
    {
      filename,
      code: compose("api", "  api:\n    build:\n      context: ./api\n"),
      errors: [{ messageId: "noHealthcheck", line: 6, data: { dependent: "client", service: "api", why: `no healthcheck in compose, and no HEALTHCHECK in ${path.join("api", "Dockerfile")} or its base image` } }],
    },
    {
      filename,
      code: compose("quiet", "  quiet:\n    build:\n      context: multi\n      target: quiet\n"),
      errors: [{ messageId: "noHealthcheck", data: { dependent: "client", service: "quiet", why: `${path.join("multi", "Dockerfile")} turns it off with HEALTHCHECK NONE (line 8)` } }],
    },
    {
      filename,
      code: compose("bare", "  bare:\n    build:\n      context: multi\n      target: bare\n"),
      errors: [{ messageId: "noHealthcheck", line: 6 }],
    },
    {
      // dockerfile_inline is read too.
      filename,
      code: compose("inline", "  inline:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM redis:7.2\n        CMD [\"redis-server\"]\n"),
      errors: [{ messageId: "noHealthcheck", line: 6 }],
    },
    {
      filename,
      code: compose("db", "  db:\n    build: ./web\n    healthcheck:\n      disable: true\n"),
      errors: [{ messageId: "noHealthcheck", data: { dependent: "client", service: "db", why: "its compose healthcheck is disabled" } }],
    },
  ],
});

describe("the project model never serves a stale Dockerfile", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-healthcheck-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("sees a HEALTHCHECK added after the first lint, once the file-system snapshot is no longer fresh", () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    try {
      cpSync(path.join(project, "api"), path.join(dir, "api"), { recursive: true });
      const code = compose("api", "  api:\n    build: ./api\n");
      const linter = new Linter({ configType: "flat", cwd: dir });
      const config = [...plugin.configs.base, { files: ["**/compose.yaml"], rules: { "docker/no-healthcheck-less-dependency": "error" as const } }];
      const lint = () => linter.verify(code, config, { filename: path.join(dir, "compose.yaml") }).map((message) => message.ruleId);
      expect(lint()).toEqual(["docker/no-healthcheck-less-dependency"]);
      writeFileSync(path.join(dir, "api/Dockerfile"), "FROM node:20.11-alpine\nHEALTHCHECK CMD wget -qO- http://localhost:3000/ || exit 1\n");
      vi.advanceTimersByTime(FRESH_FOR_MS);
      expect(lint()).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
