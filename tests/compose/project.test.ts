/**
 * The project view: what Compose loads with the linted file (default override/base file, overlays,
 * include, extends), on fixture trees built in temporary folders.
 */
import { utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { parseCompose } from "../../lib/compose/parse.js";
import { defaultPartner, effectiveField, getComposeProject } from "../../lib/project/compose-project.js";
import type { ComposeFile } from "../../lib/compose/types.js";
import { FRESH_FOR_MS } from "../../lib/project/fs-snapshot.js";
import { dedent } from "../support/dedent.js";
import { fixtureTrees } from "../support/fixture-trees.js";

const { tree } = fixtureTrees("project");

function modelOf(text: string): ComposeFile {
  const parsed = parseCompose(text);
  if (!parsed.ok || !parsed.model) throw new Error("fixture does not parse");
  return parsed.model;
}

describe("default override and base files", () => {
  it("merges compose.override.yaml over compose.yaml, the override last", () => {
    const dir = tree({ "compose.override.yaml": dedent`
      services:
        db:
          restart: always
          healthcheck:
            test: [CMD, pg_isready]
    ` });
    const project = getComposeProject(modelOf(dedent`
      services:
        db:
          image: postgres:16.2
          restart: 'no'
    `), path.join(dir, "compose.yaml"));
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
    const dir = tree({ "docker-compose.yml": dedent`
      services:
        web:
          image: nginx:1.27
    ` });
    const project = getComposeProject(modelOf(dedent`
      services:
        web:
          ports: ['80:80']
    `), path.join(dir, "docker-compose.override.yml"));
    const web = project.services.get("web")!;
    expect(web.layers.map((layer) => layer.own)).toEqual([false, true]);
    expect(effectiveField(web, "image")?.layer.file).toBe(path.join(dir, "docker-compose.yml"));
  });

  it("merges an overlay over the default file of its folder or the parent folder", () => {
    const dir = tree({ "compose.yaml": dedent`
      services:
        app:
          image: app:1
    ` });
    expect(defaultPartner(path.join(dir, "overrides/compose.proxy.yaml"))).toEqual({ role: "base", path: path.join(dir, "compose.yaml") });
    const partial = getComposeProject(modelOf(dedent`
      services:
        app:
          ports: ['80:80']
    `), path.join(dir, "overrides/compose.proxy.yaml"));
    expect(partial.services.get("app")!.layers.map((layer) => layer.own)).toEqual([false, true]);
    expect(partial.overlay).toBe(true);
    // Every service says what it runs: a file of its own (docker-compose.test.yml run alone), not merged.
    const standalone = getComposeProject(modelOf(dedent`
      services:
        app:
          build: .
    `), path.join(dir, "sub/docker-compose.test.yml"));
    expect(standalone.services.get("app")!.layers.length).toBe(1);
    const lone = tree({ "x.txt": "" });
    expect(defaultPartner(path.join(lone, "compose.prod.yaml"))).toBe("unknown");
  });

  it("honours !reset in a later layer", () => {
    const dir = tree({ "compose.override.yaml": dedent`
      services:
        web:
          healthcheck: !reset null
    ` });
    const project = getComposeProject(modelOf(dedent`
      services:
        web:
          healthcheck:
            test: [CMD, 'true']
    `), path.join(dir, "compose.yaml"));
    expect(effectiveField(project.services.get("web")!, "healthcheck")).toBeNull();
  });
});

describe("include and extends", () => {
  it("adds the services and definitions of included files, recursively, relative to each includer", () => {
    const dir = tree({
      "infra/infra.yaml": dedent`
        include:
          - path: [../more/more.yaml]
        services:
          db:
            image: postgres:16.2
        networks:
          backend:
      `,
      "more/more.yaml": dedent`
        services:
          cache:
            image: redis:7.2
        volumes:
          cache-data:
      `,
    });
    const project = getComposeProject(modelOf(dedent`
      include: [infra/infra.yaml]
      services:
        app:
          image: app:1
    `), path.join(dir, "main.yaml"));
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
    const dir = tree({ "base/base.yaml": dedent`
      services:
        common:
          extends: root
          restart: always
        root:
          read_only: true
    ` });
    const model = modelOf(dedent`
      services:
        app:
          extends:
            file: base/base.yaml
            service: common
        loop1:
          extends: loop2
        loop2:
          extends: loop1
    `);
    const project = getComposeProject(model, path.join(dir, "compose.yaml"));
    const app = project.services.get("app")!;
    expect(app.layers.map((layer) => `${path.basename(layer.file)}:${layer.service.name}`)).toEqual(["base.yaml:root", "base.yaml:common", "compose.yaml:app"]);
    expect(effectiveField(app, "read_only")?.layer.service.name).toBe("root");
    expect(project.services.get("loop1")!.layers.length).toBeLessThan(20);
  });

  it("reads a file again after it changes (mtime-keyed cache) once the file-system snapshot is no longer fresh", () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    try {
      const dir = tree({ "inc.yaml": dedent`
        services:
          one:
            image: a
      ` });
      const text = "include: [inc.yaml]\nservices: {}\n";
      const services = () => [...getComposeProject(modelOf(text), path.join(dir, "m.yaml")).services.keys()].sort();
      expect(services()).toEqual(["one"]);
      writeFileSync(path.join(dir, "inc.yaml"), dedent`
        services:
          two:
            image: b
          three:
            image: c
      `);
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
    const project = getComposeProject(modelOf(dedent`
      include: [x.yaml]
      services:
        a:
          extends: b
        b:
          image: x
    `), "<text>");
    expect(project.incomplete).toBe(true);
    expect(project.services.get("a")!.layers.length).toBe(2);
  });
});
