/**
 * The project as Compose assembles it: the project's `.env` (interpolation, `COMPOSE_FILE`), every YAML
 * document of a file, and `!reset`/`!override` in later layers, on fixture trees in temporary folders.
 */
import { utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { describeOrigins } from "../../lib/compose/model.js";
import {
  composeProfiles,
  effectivePath,
  effectiveValue,
  getComposeProject,
  mergedItems,
  projectDotEnv,
  readComposeFile,
  type ComposeProject,
  type ProjectService,
} from "../../lib/project/compose-project.js";
import { readDotEnv } from "../../lib/project/env-files.js";
import { FRESH_FOR_MS } from "../../lib/project/fs-snapshot.js";
import { dedent } from "../support/dedent.js";
import { fixtureTrees } from "../support/fixture-trees.js";

const { tree } = fixtureTrees("project-env");

/** The project of the file at `dir/name` as a rule sees it (model interpolated with the project's `.env`). */
function projectOf(dir: string, name = "compose.yaml"): ComposeProject {
  const file = path.join(dir, name);
  const model = readComposeFile(file);
  if (!model) throw new Error(`${name} does not parse`);
  return getComposeProject(model, file);
}

function service(project: ComposeProject, name: string): ProjectService {
  const found = project.services.get(name);
  if (!found) throw new Error(`no service ${name}`);
  return found;
}

describe("interpolation with the project's .env", () => {
  it("substitutes .env variables and says where each came from", () => {
    const dir = tree({ ".env": dedent`
      # images
      REGISTRY=ghcr.io/acme
      TAG=nightly
    `, "compose.yaml": dedent`
      services:
        api:
          image: \${REGISTRY}/api:\${TAG}
    ` });
    const image = projectOf(dir).model.services.get("api")!.image!;
    expect(image.resolved).toBe("ghcr.io/acme/api:nightly");
    expect(image.origins?.map((origin) => [origin.name, origin.line])).toEqual([
      ["REGISTRY", 2],
      ["TAG", 3],
    ]);
    expect(describeOrigins(image)).toBe(" (REGISTRY=ghcr.io/acme from .env line 2, TAG=nightly from .env line 3)");
  });

  it("applies defaults only when .env leaves the variable unset (or empty, for :-)", () => {
    const dir = tree({
      ".env": "SET=7.4.1\nEMPTY=\n",
      "compose.yaml":
        dedent`
          services:
            a:
              image: redis:\${SET:-latest}
            b:
              image: redis:\${EMPTY:-latest}
            c:
              image: redis:\${EMPTY-latest}
            d:
              image: redis:\${UNSET:-7.2}
            e:
              image: redis:\${UNSET}
            f:
              image: redis:\${SET:+pinned}
            g:
              image: redis:\${UNSET:?set it}
            h:
              image: $\${LITERAL}
        `,
    });
    const images = Object.fromEntries([...projectOf(dir).model.services].map(([name, s]) => [name, s.image?.resolved ?? null]));
    expect(images).toEqual({ a: "redis:7.4.1", b: "redis:latest", c: "redis:", d: "redis:7.2", e: null, f: "redis:pinned", g: null, h: "${LITERAL}" });
  });

  it("is the same in every shell: the process environment is never read", () => {
    const dir = tree({ "compose.yaml": dedent`
      services:
        a:
          image: app:\${DOCKER_POLICY_TEST_TAG}
    ` });
    process.env.DOCKER_POLICY_TEST_TAG = "from-the-shell";
    try {
      expect(projectOf(dir).model.services.get("a")!.image!.resolved).toBeNull();
    } finally {
      delete process.env.DOCKER_POLICY_TEST_TAG;
    }
  });

  it("does not take variables from a service's env_file", () => {
    const dir = tree({ "app.env": "TAG=9\n", "compose.yaml": dedent`
      services:
        a:
          image: app:\${TAG}
          env_file: app.env
    ` });
    expect(projectOf(dir).model.services.get("a")!.image!.resolved).toBeNull();
  });

  it("interpolates every field the model reads: volumes, ports, build, user, networks, environment lists", () => {
    const dir = tree({
      ".env": dedent`
        SOCK=/var/run/docker.sock
        PORT=8080
        DOCKERFILE=./src/api/Dockerfile
        UID=1000
        NET=backend
        LEVEL=debug
      `,
      "compose.yaml":
        dedent`
          services:
            a:
              build:
                context: ./
                dockerfile: \${DOCKERFILE}
              user: \${UID}
              volumes:
                - \${SOCK}:/var/run/docker.sock
              ports:
                - \${PORT}:80
              networks: [ '\${NET}' ]
              environment:
                - LOG_LEVEL=\${LEVEL}
        `,
    });
    const a = projectOf(dir).model.services.get("a")!;
    expect(a.build?.dockerfilePath).toBe("./src/api/Dockerfile");
    expect(a.user?.resolved).toBe("1000");
    expect(a.volumes[0]?.source).toBe("/var/run/docker.sock");
    expect(a.ports[0]?.hostPort).toBe("8080");
    expect(a.networks[0]?.name).toBe("backend");
    expect(a.environment[0]?.resolved).toBe("debug");
  });

  it("reads the .env of the base file's folder for an override and an overlay in a subfolder", () => {
    const dir = tree({
      ".env": "TAG=1.2\n",
      "compose.yaml": dedent`
        services:
          a:
            image: app:1
      `,
      "compose.override.yaml": dedent`
        services:
          a:
            image: app:\${TAG}
      `,
      "overrides/compose.dev.yaml": dedent`
        services:
          a:
            ports: ['\${TAG}:80']
      `,
    });
    expect(projectDotEnv(path.join(dir, "compose.override.yaml"))?.file).toBe(path.join(dir, ".env"));
    expect(projectOf(dir, "compose.override.yaml").model.services.get("a")!.image!.resolved).toBe("app:1.2");
    expect(projectDotEnv(path.join(dir, "overrides/compose.dev.yaml"))?.file).toBe(path.join(dir, ".env"));
    // The base file reads the override with the same `.env`.
    const merged = service(projectOf(dir), "a");
    expect(effectiveValue(merged, (s) => s.image, "image")?.value.resolved).toBe("app:1.2");
  });

  it("reads .env again when it changes, once the file-system snapshot is no longer fresh", () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    try {
      const dir = tree({ ".env": "TAG=1\n", "compose.yaml": dedent`
        services:
          a:
            image: app:\${TAG}
      ` });
      const image = () => projectOf(dir).model.services.get("a")!.image!.resolved;
      expect(image()).toBe("app:1");
      writeFileSync(path.join(dir, ".env"), "TAG=2.0\n");
      const later = new Date(Date.now() + 5000);
      utimesSync(path.join(dir, ".env"), later, later);
      vi.advanceTimersByTime(FRESH_FOR_MS);
      expect(image()).toBe("app:2.0");
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("COMPOSE_FILE, COMPOSE_PATH_SEPARATOR and COMPOSE_PROFILES in .env", () => {
  it("makes the listed files the project, in order, instead of the default override", () => {
    const dir = tree({
      ".env": "COMPOSE_FILE=compose.yaml:deploy/prod.yaml\n",
      "compose.yaml": dedent`
        services:
          web:
            image: app:1
      `,
      "compose.override.yaml": dedent`
        services:
          web:
            ports: ['80:80']
      `,
      "deploy/prod.yaml": dedent`
        services:
          web:
            restart: always
      `,
    });
    const web = service(projectOf(dir), "web");
    expect(web.layers.map((layer) => path.relative(dir, layer.file))).toEqual(["compose.yaml", path.join("deploy", "prod.yaml")]);
    // A file listed later has the files before it as its base.
    const prod = service(projectOf(dir, "deploy/prod.yaml"), "web");
    expect(prod.layers.map((layer) => path.relative(dir, layer.file))).toEqual(["compose.yaml", path.join("deploy", "prod.yaml")]);
  });

  it("splits on COMPOSE_PATH_SEPARATOR and reads COMPOSE_PROFILES", () => {
    const dir = tree({ ".env": dedent`
      COMPOSE_PATH_SEPARATOR=,
      COMPOSE_FILE=base.yaml,compose.yaml
      COMPOSE_PROFILES=debug, tools
    `, "base.yaml": dedent`
      services:
        web:
          image: app:1
    `, "compose.yaml": dedent`
      services:
        web:
          user: app
    ` });
    expect(service(projectOf(dir), "web").layers.map((layer) => path.basename(layer.file))).toEqual(["base.yaml", "compose.yaml"]);
    expect(composeProfiles(readDotEnv(dir))).toEqual(["debug", "tools"]);
  });
});

describe("every YAML document of a file", () => {
  it("merges the documents in order, each over the ones before", () => {
    const dir = tree({ "compose.yaml": dedent`
      services:
        web:
          image: nginx:1.27.0
          depends_on: [cache]
      ---
      services:
        cache:
          image: redis:7.4.1
        web:
          image: nginx:1.27.1
    ` });
    const project = projectOf(dir);
    expect([...project.services.keys()].sort()).toEqual(["cache", "web"]);
    const web = service(project, "web");
    expect(web.layers).toHaveLength(2);
    expect(effectiveValue(web, (s) => s.image, "image")?.value.resolved).toBe("nginx:1.27.1");
    // The first document's model owns its own layer only: the second document is judged on its own run.
    expect(web.layers.map((layer) => layer.own)).toEqual([true, false]);
  });

  it("defines networks and volumes of later documents", () => {
    const dir = tree({ "compose.yaml": dedent`
      services:
        a:
          image: x:1
          networks: [back]
      ---
      networks:
        back: {}
    ` });
    expect([...projectOf(dir).definitions.networks]).toEqual(["back"]);
  });

  it("lets a later document !reset a list of an earlier one", () => {
    const dir = tree({ "compose.yaml": dedent`
      services:
        a:
          image: x:1
          ports: ['8080:80']
      ---
      services:
        a:
          ports: !reset []
    ` });
    expect(mergedItems(service(projectOf(dir), "a"), ["ports"], (s) => s.ports)).toEqual([]);
  });
});

describe("!reset and !override in later layers", () => {
  const base = dedent`
    services:
      web:
        image: nginx:1.27.0
        ports: ['127.0.0.1:8080:80']
        volumes: ['./a:/a', './b:/b']
        security_opt: ['no-new-privileges:true']
        environment:
          A: '1'
          B: '2'
        deploy:
          resources:
            limits:
              memory: 512m
              cpus: '1'
  `;
  const withOverride = (override: string) => service(projectOf(tree({ "compose.yaml": base, "compose.override.yaml": `services:\n  web:\n${override}` })), "web");
  // compose-go's unicity of ports: the same binding is one entry.
  const ports = (web: ProjectService) =>
    mergedItems(web, ["ports"], (s) => s.ports, (port) => `${port.hostIp}|${port.hostPort}|${port.containerPort}|${port.protocol}`).map(({ item }) => item.hostPort);

  it("appends list items by default and merges the same entry into one", () => {
    expect(ports(withOverride("    ports: ['127.0.0.1:9090:80', '127.0.0.1:8080:80']\n"))).toEqual(["8080", "9090"]);
  });

  it("replaces a list with !override and empties it with !reset", () => {
    expect(ports(withOverride("    ports: !override ['127.0.0.1:9090:80']\n"))).toEqual(["9090"]);
    expect(ports(withOverride("    ports: !reset []\n"))).toEqual([]);
    const volumes = mergedItems(withOverride("    volumes: !override ['./c:/c']\n"), ["volumes"], (s) => s.volumes);
    expect(volumes.map(({ item }) => item.target)).toEqual(["/c"]);
    expect(mergedItems(withOverride("    security_opt: !reset []\n"), ["security_opt"], (s) => s.securityOpt)).toEqual([]);
  });

  it("replaces or removes mappings and the values inside them", () => {
    const environment = (web: ProjectService) => mergedItems(web, ["environment"], (s) => s.environment, (entry) => entry.key).map(({ item }) => `${item.key}=${item.resolved}`);
    expect(environment(withOverride("    environment:\n      B: '3'\n"))).toEqual(["A=1", "B=3"]);
    expect(environment(withOverride("    environment: !override\n      C: '3'\n"))).toEqual(["C=3"]);
    const memory = ["deploy", "resources", "limits", "memory"];
    expect(effectivePath(withOverride("    deploy:\n      resources:\n        limits:\n          memory: !reset null\n"), memory)).toBeNull();
    expect(effectivePath(withOverride("    deploy:\n      resources:\n        limits:\n          memory: !reset null\n"), ["deploy", "resources", "limits", "cpus"])).not.toBeNull();
    expect(effectivePath(withOverride("    deploy: !override\n      replicas: 2\n"), memory)).toBeNull();
    expect(effectivePath(withOverride("    deploy: !reset {}\n"), memory)).toBeNull();
    expect(effectivePath(withOverride("    deploy:\n      replicas: 2\n"), memory)?.field.node).toMatchObject({ value: "512m" });
    expect(effectivePath(withOverride("    deploy:\n      resources:\n        limits:\n          memory: 1g\n"), memory)?.layer.own).toBe(false);
  });

  it("removes a scalar with !reset, even when an earlier layer set it", () => {
    const web = withOverride("    image: !reset null\n");
    expect(effectiveValue(web, (s) => s.image, "image")).toBeNull();
    expect(effectivePath(web, ["image"])).toBeNull();
  });

  it("honours the tags in a service that extends another", () => {
    const dir = tree({ "compose.yaml": dedent`
      services:
        base:
          image: x:1
          ports: ['8080:80']
        web:
          extends: base
          ports: !override ['9090:80']
    ` });
    expect(ports(service(projectOf(dir), "web"))).toEqual(["9090"]);
  });

  it("honours the tags in an included file's service merged with the linted file's", () => {
    const dir = tree({
      "compose.yaml": dedent`
        include: [extra.yaml]
        services:
          web:
            image: x:1
            security_opt: ['no-new-privileges:false']
      `,
      "extra.yaml": dedent`
        services:
          web:
            security_opt: !override ['no-new-privileges:true']
      `,
    });
    const items = mergedItems(service(projectOf(dir), "web"), ["security_opt"], (s) => s.securityOpt).map(({ item }) => item.resolved);
    expect(items).toEqual(["no-new-privileges:true"]);
  });
});

describe("!reset and !override on a whole service", () => {
  it("removes a service with !reset and replaces it with !override", () => {
    const dir = tree({
      "compose.yaml": dedent`
        services:
          web:
            image: nginx:1.27.0
            ports: ['8080:80']
          debug:
            image: busybox:1.36
          all:
            image: a:1
      `,
      "compose.override.yaml": dedent`
        services:
          debug: !reset null
          web: !override
            image: nginx:1.27.1
      `,
    });
    const project = projectOf(dir);
    expect([...project.services.keys()].sort()).toEqual(["all", "web"]);
    const web = service(project, "web");
    expect(web.layers.map((layer) => path.basename(layer.file))).toEqual(["compose.override.yaml"]);
    expect(mergedItems(web, ["ports"], (s) => s.ports)).toEqual([]);
  });

  it("replaces every service with services: !override", () => {
    const dir = tree({ "compose.yaml": dedent`
      services:
        a:
          image: a:1
      ---
      services: !override
        b:
          image: b:1
    ` });
    expect([...projectOf(dir).services.keys()]).toEqual(["b"]);
  });
});
