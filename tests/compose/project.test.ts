/**
 * The project view: what Compose loads with the linted file (default override/base file, overlays,
 * include, extends), on fixture trees built in temporary folders.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { parseCompose } from "../../lib/compose/parse.js";
import { defaultPartner, effectiveField, getComposeProject } from "../../lib/project/compose-project.js";
import type { ComposeFile } from "../../lib/compose/types.js";
import { FRESH_FOR_MS } from "../../lib/project/fs-snapshot.js";

const root = mkdtempSync(path.join(tmpdir(), "docker-policy-project-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
function tree(files: Record<string, string>): string {
  const dir = path.join(root, `t${counter++}`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function modelOf(text: string): ComposeFile {
  const parsed = parseCompose(text);
  if (!parsed.ok || !parsed.model) throw new Error("fixture does not parse");
  return parsed.model;
}

describe("default override and base files", () => {
  it("merges compose.override.yaml over compose.yaml, the override last", () => {
    const dir = tree({ "compose.override.yaml": "services:\n  db:\n    restart: always\n    healthcheck:\n      test: [CMD, pg_isready]\n" });
    const project = getComposeProject(modelOf("services:\n  db:\n    image: postgres:16.2\n    restart: 'no'\n"), path.join(dir, "compose.yaml"));
    const db = project.services.get("db")!;
    expect(db.layers.map((layer) => path.basename(layer.file))).toEqual(["compose.yaml", "compose.override.yaml"]);
    expect(effectiveField(db, "restart")?.layer.own).toBe(false);
    expect(effectiveField(db, "image")?.layer.own).toBe(true);
    expect(effectiveField(db, "healthcheck")).not.toBeNull();
  });

  it("follows Compose's order of names: compose.yaml wins over docker-compose.yml, any override name applies", () => {
    const dir = tree({ "compose.yaml": "services: {}\n", "docker-compose.yml": "services: {}\n", "docker-compose.override.yml": "services: {}\n" });
    expect(defaultPartner(path.join(dir, "compose.yaml"))).toEqual({ role: "override", path: path.join(dir, "docker-compose.override.yml") });
    // docker-compose.yml is not the file Compose picks here: nothing is merged with it.
    expect(defaultPartner(path.join(dir, "docker-compose.yml"))).toBeNull();
    expect(defaultPartner(path.join(dir, "docker-compose.override.yml"))).toEqual({ role: "base", path: path.join(dir, "compose.yaml") });
  });

  it("puts the base file first when the override is linted", () => {
    const dir = tree({ "docker-compose.yml": "services:\n  web:\n    image: nginx:1.27\n" });
    const project = getComposeProject(modelOf("services:\n  web:\n    ports: ['80:80']\n"), path.join(dir, "docker-compose.override.yml"));
    const web = project.services.get("web")!;
    expect(web.layers.map((layer) => layer.own)).toEqual([false, true]);
    expect(effectiveField(web, "image")?.layer.file).toBe(path.join(dir, "docker-compose.yml"));
  });

  it("merges an overlay over the default file of its folder or the parent folder", () => {
    const dir = tree({ "compose.yaml": "services:\n  app:\n    image: app:1\n" });
    expect(defaultPartner(path.join(dir, "overrides/compose.proxy.yaml"))).toEqual({ role: "base", path: path.join(dir, "compose.yaml") });
    const partial = getComposeProject(modelOf("services:\n  app:\n    ports: ['80:80']\n"), path.join(dir, "overrides/compose.proxy.yaml"));
    expect(partial.services.get("app")!.layers.map((layer) => layer.own)).toEqual([false, true]);
    expect(partial.overlay).toBe(true);
    // Every service says what it runs: a file of its own (docker-compose.test.yml run alone), not merged.
    const standalone = getComposeProject(modelOf("services:\n  app:\n    build: .\n"), path.join(dir, "sub/docker-compose.test.yml"));
    expect(standalone.services.get("app")!.layers.length).toBe(1);
    const lone = tree({ "x.txt": "" });
    expect(defaultPartner(path.join(lone, "compose.prod.yaml"))).toBe("unknown");
  });

  it("honours !reset in a later layer", () => {
    const dir = tree({ "compose.override.yaml": "services:\n  web:\n    healthcheck: !reset null\n" });
    const project = getComposeProject(modelOf("services:\n  web:\n    healthcheck:\n      test: [CMD, 'true']\n"), path.join(dir, "compose.yaml"));
    expect(effectiveField(project.services.get("web")!, "healthcheck")).toBeNull();
  });
});

describe("include and extends", () => {
  it("adds the services and definitions of included files, recursively, relative to each includer", () => {
    const dir = tree({
      "infra/infra.yaml": "include:\n  - path: [../more/more.yaml]\nservices:\n  db:\n    image: postgres:16.2\nnetworks:\n  backend:\n",
      "more/more.yaml": "services:\n  cache:\n    image: redis:7.2\nvolumes:\n  cache-data:\n",
    });
    const project = getComposeProject(modelOf("include: [infra/infra.yaml]\nservices:\n  app:\n    image: app:1\n"), path.join(dir, "main.yaml"));
    expect([...project.services.keys()].sort()).toEqual(["app", "cache", "db"]);
    expect([...project.definitions.networks]).toEqual(["backend"]);
    expect([...project.definitions.volumes]).toEqual(["cache-data"]);
    expect(project.incomplete).toBe(false);
  });

  it("is incomplete when an included file is missing or does not parse", () => {
    const dir = tree({ "bad.yaml": "services: [\n" });
    expect(getComposeProject(modelOf("include: [bad.yaml]\nservices: {}\n"), path.join(dir, "a.yaml")).incomplete).toBe(true);
    expect(getComposeProject(modelOf("include: [none.yaml]\nservices: {}\n"), path.join(dir, "b.yaml")).incomplete).toBe(true);
    expect(getComposeProject(modelOf("include: ['${FILE}']\nservices: {}\n"), path.join(dir, "c.yaml")).incomplete).toBe(true);
  });

  it("stacks extends chains (same file and file:) below the service, and survives cycles", () => {
    const dir = tree({ "base/base.yaml": "services:\n  common:\n    extends: root\n    restart: always\n  root:\n    read_only: true\n" });
    const model = modelOf("services:\n  app:\n    extends:\n      file: base/base.yaml\n      service: common\n  loop1:\n    extends: loop2\n  loop2:\n    extends: loop1\n");
    const project = getComposeProject(model, path.join(dir, "compose.yaml"));
    const app = project.services.get("app")!;
    expect(app.layers.map((layer) => `${path.basename(layer.file)}:${layer.service.name}`)).toEqual(["base.yaml:root", "base.yaml:common", "compose.yaml:app"]);
    expect(effectiveField(app, "read_only")?.layer.service.name).toBe("root");
    expect(project.services.get("loop1")!.layers.length).toBeLessThan(20);
  });

  it("reads a file again after it changes (mtime-keyed cache) once the file-system snapshot is no longer fresh", () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    try {
      const dir = tree({ "inc.yaml": "services:\n  one:\n    image: a\n" });
      const text = "include: [inc.yaml]\nservices: {}\n";
      const services = () => [...getComposeProject(modelOf(text), path.join(dir, "m.yaml")).services.keys()].sort();
      expect(services()).toEqual(["one"]);
      writeFileSync(path.join(dir, "inc.yaml"), "services:\n  two:\n    image: b\n  three:\n    image: c\n");
      const later = new Date(Date.now() + 5000);
      utimesSync(path.join(dir, "inc.yaml"), later, later);
      // Within the window the stat is reused (one lint run asks about the same files again and again).
      expect(services()).toEqual(["one"]);
      vi.advanceTimersByTime(FRESH_FOR_MS);
      expect(services()).toEqual(["three", "two"]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("sees only the file itself for text not on disk", () => {
    const project = getComposeProject(modelOf("include: [x.yaml]\nservices:\n  a:\n    extends: b\n  b:\n    image: x\n"), "<text>");
    expect(project.incomplete).toBe(true);
    expect(project.services.get("a")!.layers.length).toBe(2);
  });
});
