/**
 * One health verdict per compose service, on the merged project: override files, `extends` (same file
 * and `file:`), `include`, `disable: true`, `!reset`/`!override`, else the image's HEALTHCHECK.
 */
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getComposeProject, readComposeFile } from "../../lib/project/compose-project.js";
import { declaresWhatRuns, serviceHealthcheck } from "../../lib/semantics/health/service-healthcheck.js";
import { makeTree } from "../support/fix-safety.js";
import { dedent } from "../support/dedent.js";

const HEALTHY = "    healthcheck:\n      test: [CMD, pg_isready]\n";
const tree = makeTree({
  // The override adds a health check (compose-project case b1).
  "override/compose.yaml": dedent`
    services:
      web:
        image: nginx:1.27.0
        depends_on:
          db:
            condition: service_healthy
      db:
        image: postgres:16.4
      cache:
        image: redis:7.4
  `,
  "override/compose.override.yaml": `services:\n  db:\n${HEALTHY}  cache:\n    environment:\n      A: "1"\n`,
  // The override turns the base's check off, or drops it with !reset; timings only keep the test.
  "disable/compose.yaml": `services:\n  db:\n    image: postgres:16.4\n${HEALTHY}  kv:\n    image: redis:7.4\n${HEALTHY}  timed:\n    image: postgres:16.4\n${HEALTHY}  none:\n    image: postgres:16.4\n${HEALTHY}`,
  "disable/compose.override.yaml": dedent`
    services:
      db:
        healthcheck:
          disable: true
      kv:
        healthcheck: !reset {}
      timed:
        healthcheck:
          interval: 5s
      none:
        healthcheck:
          test: [NONE]
  `,
  // !override replaces the whole mapping: the base's test is gone, only timings remain.
  "replace/compose.yaml": `services:\n  db:\n    image: postgres:16.4\n${HEALTHY}`,
  "replace/compose.override.yaml": dedent`
    services:
      db:
        healthcheck: !override
          interval: 5s
  `,
  // extends: same file, another file, and a file that cannot be read.
  "extends/compose.yaml": `services:\n  base:\n    image: postgres:16.4\n${HEALTHY}  db:\n    extends: base\n  other:\n    extends:\n      file: common.yaml\n      service: checked\n  lost:\n    extends:\n      file: missing.yaml\n      service: db\n    image: postgres:16.4\n`,
  "extends/common.yaml": `services:\n  checked:\n    image: mysql:8.4\n    healthcheck:\n      test: [CMD, mysqladmin, ping]\n`,
  // The image decides when compose says nothing: the Dockerfile the merged build names.
  "image/compose.yaml": dedent`
    services:
      app:
        build: ./app
      plain:
        build: ./plain
  `,
  "image/compose.override.yaml": dedent`
    services:
      plain:
        build:
          target: checked
  `,
  "image/app/Dockerfile": "FROM node:22.11-alpine\nHEALTHCHECK CMD wget -qO- http://localhost:3000/ || exit 1\n",
  "image/plain/Dockerfile": dedent`
    FROM alpine:3.20 AS checked
    HEALTHCHECK CMD true
    FROM alpine:3.20
  `,
});
afterAll(tree.cleanup);

function verdicts(folder: string): Record<string, string> {
  const file = path.join(tree.root, folder, "compose.yaml");
  const project = getComposeProject(readComposeFile(file)!, file);
  return Object.fromEntries([...project.services.values()].map((service) => [service.name, serviceHealthcheck(service).kind]));
}

describe("serviceHealthcheck on the merged project", () => {
  it("sees a health check that compose.override.yaml adds", () => {
    expect(verdicts("override")).toEqual({ web: "absent", db: "present", cache: "absent" });
  });
  it("merges the healthcheck mapping key by key: disable, !reset, timings only, test NONE", () => {
    expect(verdicts("disable")).toEqual({ db: "disabled", kv: "absent", timed: "present", none: "disabled" });
  });
  it("lets !override replace the whole mapping", () => {
    expect(verdicts("replace")).toEqual({ db: "absent" });
  });
  it("follows extends in the same file and in another file; an unreadable one leaves it unknown", () => {
    expect(verdicts("extends")).toEqual({ base: "present", db: "present", other: "present", lost: "unknown" });
  });
  it("asks the image the merged build names (build.target from the override)", () => {
    expect(verdicts("image")).toEqual({ app: "present", plain: "present" });
  });
  it("says which file declares what a service runs", () => {
    const file = path.join(tree.root, "override", "compose.override.yaml");
    const project = getComposeProject(readComposeFile(file)!, file);
    expect(declaresWhatRuns(project.services.get("cache")!)).toBe(false);
    const base = path.join(tree.root, "override", "compose.yaml");
    expect(declaresWhatRuns(getComposeProject(readComposeFile(base)!, base).services.get("cache")!)).toBe(true);
    // A service that gets its image through its own `extends` says what it runs.
    const extending = path.join(tree.root, "extends", "compose.yaml");
    expect(declaresWhatRuns(getComposeProject(readComposeFile(extending)!, extending).services.get("other")!)).toBe(true);
  });
});
