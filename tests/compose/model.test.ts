import { describe, expect, it } from "vitest";
import type { AST } from "yaml-eslint-parser";
import {
  asBoolean,
  getComposeModel,
  parseCompose,
  getScalarSourceRange,
  getServiceField,
  getServicePath,
  getServiceScalar,
  getServiceScalarList,
} from "../../lib/compose/index.js";
import { model, parse, service, startOf, textOf } from "./helpers.js";
import { dedent } from "../support/dedent.js";

describe("anchors, aliases and merge keys", () => {
  const code = `x-defaults: &defaults
  restart: unless-stopped
  image: base:1.0
  environment:
    A: "1"
x-more: &more
  restart: always
  user: "1000"
  privileged: true
services:
  web:
    <<: [*defaults, *more]
    image: web:2.0
  worker:
    <<: *more
  api:
    <<: *defaults
    restart: "no"
  inline:
    <<: { image: inline:1, user: nobody }
    user: root
`;

  it("explicit keys win over merged ones", () => {
    const web = service(code, "web");
    expect(web.image?.text).toBe("web:2.0");
    expect(getServiceField(web, "image")?.merged).toBe(false);
    expect(service(code, "api").restart?.text).toBe("no");
    expect(service(code, "inline").user?.text).toBe("root");
    expect(service(code, "inline").image?.text).toBe("inline:1");
  });

  it("earlier sources of a merge list win", () => {
    const web = service(code, "web");
    expect(web.restart?.text).toBe("unless-stopped");
    expect(web.user?.text).toBe("1000");
    expect(web.privileged?.value).toBe(true);
    expect(web.environment.map((entry) => [entry.key, entry.value])).toEqual([["A", "1"]]);
  });

  it("a single merge source applies", () => {
    const worker = service(code, "worker");
    expect(worker.restart?.text).toBe("always");
    expect(worker.image).toBeNull();
  });

  it("merged values point at the anchored node and at the alias used", () => {
    const web = service(code, "web");
    const user = web.user!;
    expect(textOf(code, user.node)).toBe('"1000"');
    expect(startOf(user.node)).toBe("8:8");
    expect(user.via?.type).toBe("YAMLAlias");
    expect(textOf(code, user.via)).toBe("*more");
    expect(web.image?.via).toBeNull();
    const field = getServiceField(web, "restart")!;
    expect(field.merged).toBe(true);
    expect(textOf(code, field.keyNode)).toBe("restart");
    expect(startOf(field.keyNode)).toBe("2:2");
    // an inline merge source has no alias
    expect(service(code, "inline").image?.via).toBeNull();
  });

  it("resolves merges inside merge sources", () => {
    const nested = `x-a: &a
  image: a
  user: a
x-b: &b
  <<: *a
  user: b
services:
  s:
    <<: *b
  t:
    <<: [*b, *a]
    image: t
`;
    expect(service(nested, "s").image?.text).toBe("a");
    expect(service(nested, "s").user?.text).toBe("b");
    expect(service(nested, "t").user?.text).toBe("b");
    expect(service(nested, "t").image?.text).toBe("t");
  });

  it("follows aliases to whole services and to scalars", () => {
    const aliases = `x-img: &img nginx:1.25
services:
  base: &base
    image: *img
    user: app
  copy: *base
`;
    const file = model(aliases);
    const base = file.services.get("base")!;
    const copy = file.services.get("copy")!;
    expect(copy.node).toBe(base.node);
    expect(copy.image?.text).toBe("nginx:1.25");
    expect(textOf(aliases, copy.image?.via)).toBe("*base");
    expect(textOf(aliases, base.image?.via)).toBe("*img");
    expect(textOf(aliases, base.image?.node)).toBe("nginx:1.25");
    expect(textOf(aliases, copy.keyNode)).toBe("copy");
  });

  it("an alias refers to the most recent anchor of its name", () => {
    const redefined = `x-a: &v one
x-b: &v two
services:
  s:
    image: *v
`;
    expect(service(redefined, "s").image?.text).toBe("two");
  });

  it("reports unresolved aliases and invalid merges without throwing", () => {
    const bad = `services:
  s:
    <<: *missing
    image: *nope
  t:
    <<: [not-a-mapping]
    image: t
  u:
    <<: 42
`;
    const file = model(bad);
    expect(file.services.get("s")?.image).toBeNull();
    expect(file.services.get("t")?.image?.text).toBe("t");
    const kinds = file.diagnostics.map((d) => d.kind).sort();
    expect(kinds).toEqual(["invalid-merge", "invalid-merge", "unresolved-alias", "unresolved-alias"]);
  });

  it("survives a mapping that merges itself", () => {
    const cyclic = `x-a: &a
  image: a
  nested: &n
    <<: *a
services:
  s:
    <<: *n
`;
    expect(() => model(cyclic)).not.toThrow();
    expect(service(cyclic, "s").image?.text).toBe("a");
  });

  it("treats a quoted << as an ordinary key", () => {
    const quoted = `services:
  s:
    "<<": {image: nope}
    image: yes
`;
    expect(service(quoted, "s").image?.text).toBe("yes");
    expect(getServiceField(service(quoted, "s"), "<<")).toBeDefined();
  });
});

describe("compose merge tags", () => {
  const code = `x-base: &base
  ports: ["80:80"]
  user: root
  cap_add: [NET_ADMIN]
services:
  web:
    <<: *base
    ports: !reset []
    cap_add: !reset null
    image: !override nginx:1
`;

  it("!reset removes the field, also over a merged value", () => {
    const web = service(code, "web");
    expect(web.ports).toEqual([]);
    expect(web.capAdd).toEqual([]);
    expect(getServiceField(web, "ports")).toBeUndefined();
    expect(getServiceField(web, "cap_add")).toBeUndefined();
    expect(web.user?.text).toBe("root");
  });

  it("!override keeps the value", () => {
    const web = service(code, "web");
    expect(web.image?.text).toBe("nginx:1");
    expect(getServiceField(web, "image")?.tag).toBe("!override");
  });

  it("a service tagged !reset is removed", () => {
    expect(model(dedent`
      services:
        a: !reset {}
        b: {image: b}
    `).services.has("a")).toBe(false);
  });
});

describe("extension fields", () => {
  const code = `x-common: &common
  image: shared
services:
  x-template:
    image: not-a-service
  app:
    <<: *common
    x-note: ignored
    image: app
networks:
  x-meta: {}
  front: {}
`;

  it("ignores x- keys at the top level, under services and inside services", () => {
    const file = model(code);
    expect([...file.services.keys()]).toEqual(["app"]);
    expect([...file.extensions.keys()]).toEqual(["x-common"]);
    expect(file.fields.has("x-common")).toBe(false);
    const app = file.services.get("app")!;
    expect(getServiceField(app, "x-note")).toBeUndefined();
    expect([...app.fields.keys()]).toEqual(["image"]);
    expect([...file.networks.keys()]).toEqual(["front"]);
  });
});

describe("top-level fields", () => {
  const code = `version: "3.8"
name: my-project
services:
  web:
    image: nginx
networks:
  front:
  back:
    external: true
  legacy:
    external:
      name: real
volumes:
  data: {}
  named:
    name: actual-name
secrets:
  token:
    file: ./token.txt
configs:
  conf:
    external: "true"
`;

  it("models version, name and resources", () => {
    const file = model(code);
    expect(textOf(code, file.version)).toBe('version: "3.8"');
    expect(startOf(file.version!)).toBe("1:0");
    expect(file.name?.text).toBe("my-project");
    expect([...file.networks.keys()]).toEqual(["front", "back", "legacy"]);
    expect(file.networks.get("front")?.node).toBeNull();
    expect(file.networks.get("front")?.external).toBe(false);
    expect(file.networks.get("back")?.external).toBe(true);
    expect(file.networks.get("legacy")?.external).toBe(true);
    expect(file.volumes.get("named")?.realName?.text).toBe("actual-name");
    expect(textOf(code, file.secrets.get("token")?.keyNode)).toBe("token");
    expect(file.configs.get("conf")?.external).toBe(true);
    expect(file.documentIndex).toBe(0);
    expect(file.diagnostics).toEqual([]);
  });

  it("has no version pair when there is none", () => {
    expect(model("services: {}\n").version).toBeNull();
  });
});

describe("image, user, privileged and other scalars", () => {
  const code = `services:
  db:
    image: postgres:\${PG_TAG:-16.2}
    user: "0"
    privileged: true
    read_only: "true"
    restart: unless-stopped
    container_name: db
    network_mode: host
    pid: host
    ipc: host
    userns_mode: host
    working_dir: /srv
  unknown:
    image: \${IMAGE}
    privileged: "false"
  numeric:
    user: 1000
`;

  it("resolves interpolation defaults and keeps the exact node", () => {
    const db = service(code, "db");
    expect(db.image?.text).toBe("postgres:${PG_TAG:-16.2}");
    expect(db.image?.resolved).toBe("postgres:16.2");
    expect(db.image?.variables).toEqual(["PG_TAG"]);
    expect(textOf(code, db.image?.node)).toBe("postgres:${PG_TAG:-16.2}");
    expect(startOf(db.image!.node)).toBe("3:11");
    expect(service(code, "unknown").image?.resolved).toBeNull();
  });

  it("reads the other scalar fields", () => {
    const db = service(code, "db");
    expect(db.user?.text).toBe("0");
    expect(asBoolean(db.privileged)).toBe(true);
    expect(asBoolean(db.readOnly)).toBe(true);
    expect(asBoolean(service(code, "unknown").privileged)).toBe(false);
    expect(db.restart?.text).toBe("unless-stopped");
    expect(db.containerName?.text).toBe("db");
    expect([db.networkMode, db.pid, db.ipc, db.usernsMode].map((v) => v?.text)).toEqual(["host", "host", "host", "host"]);
    expect(db.workingDir?.text).toBe("/srv");
    expect(service(code, "numeric").user).toMatchObject({ text: "1000", value: 1000, resolved: "1000" });
  });

  it("reads YAML 1.1 booleans when the user's parser config asks for YAML 1.1", () => {
    const yes = dedent`
      services:
        s:
          privileged: yes
          ports:
            - 22:22
    `;
    const s11 = service(yes, "s", { defaultYAMLVersion: "1.1" });
    expect(s11.privileged?.value).toBe(true);
    expect(asBoolean(s11.privileged)).toBe(true);
    // `22:22` is a base-60 number in YAML 1.1; Compose (YAML 1.2) reads the string.
    expect(s11.ports[0]?.spec?.value).toBe(1342);
    expect(s11.ports[0]?.spec?.text).toBe("22:22");
    expect(s11.ports[0]?.hostPort).toBe("22");
    const s12 = service(yes, "s");
    expect(s12.privileged?.value).toBe("yes");
    expect(asBoolean(s12.privileged)).toBe(true);
  });
});

describe("build", () => {
  const code = `services:
  short:
    build: ./app
  long:
    build:
      context: ./api
      dockerfile: Dockerfile.prod
      target: runtime
      args:
        NODE_ENV: production
        VERSION:
        PORT: 8080
  listargs:
    build:
      dockerfile: other.Dockerfile
      args:
        - A=1
        - B
        - C=\${C:-x}
  inline:
    build:
      context: .
      dockerfile_inline: |
        FROM alpine
  vars:
    build: \${CTX}
`;

  it("short form", () => {
    const build = service(code, "short").build!;
    expect(build.form).toBe("short");
    expect(build.context?.text).toBe("./app");
    expect(build.contextPath).toBe("./app");
    expect(build.dockerfilePath).toBe("Dockerfile");
    expect(textOf(code, build.node)).toBe("./app");
    expect(textOf(code, build.keyNode)).toBe("build");
  });

  it("long form", () => {
    const build = service(code, "long").build!;
    expect(build.form).toBe("long");
    expect(build.contextPath).toBe("./api");
    expect(build.dockerfile?.text).toBe("Dockerfile.prod");
    expect(build.dockerfilePath).toBe("Dockerfile.prod");
    expect(build.target?.text).toBe("runtime");
    expect(startOf(build.target!.node)).toBe("8:14");
    expect(build.args.map((arg) => [arg.key, arg.value])).toEqual([
      ["NODE_ENV", "production"],
      ["VERSION", null],
      ["PORT", "8080"],
    ]);
  });

  it("long form defaults and list args", () => {
    const build = service(code, "listargs").build!;
    expect(build.context).toBeNull();
    expect(build.contextPath).toBe(".");
    expect(build.dockerfilePath).toBe("other.Dockerfile");
    expect(build.args.map((arg) => [arg.key, arg.value, arg.resolved, arg.valueIndex])).toEqual([
      ["A", "1", "1", 2],
      ["B", null, null, 1],
      ["C", "${C:-x}", "x", 2],
    ]);
  });

  it("dockerfile_inline and unknown contexts", () => {
    const inline = service(code, "inline").build!;
    expect(inline.dockerfileInline?.text).toBe("FROM alpine\n");
    expect(inline.dockerfilePath).toBeNull();
    expect(service(code, "vars").build?.contextPath).toBeNull();
  });
});

describe("healthcheck", () => {
  const code = `services:
  list:
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost"]
      interval: 10s
      timeout: 5s
      start_period: 30s
      start_interval: 1s
      retries: 3
  string:
    healthcheck:
      test: curl -f http://localhost || exit 1
  shell:
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U postgres"]
  none:
    healthcheck:
      test: ["NONE"]
  disabled:
    healthcheck:
      disable: true
  partial:
    healthcheck:
      interval: 1m
  odd:
    healthcheck:
      test: [curl, -f]
  empty:
    healthcheck:
`;

  it("list test", () => {
    const healthcheck = service(code, "list").healthcheck!;
    expect(healthcheck.disabled).toBe(false);
    expect(healthcheck.test?.form).toBe("list");
    expect(healthcheck.test?.kind).toBe("CMD");
    expect(healthcheck.test?.command.map((part) => part.text)).toEqual(["curl", "-f", "http://localhost"]);
    expect(healthcheck.test?.kindNode?.text).toBe("CMD");
    expect([healthcheck.interval, healthcheck.timeout, healthcheck.startPeriod, healthcheck.startInterval, healthcheck.retries].map((v) => v?.text)).toEqual(["10s", "5s", "30s", "1s", "3"]);
    expect(startOf(healthcheck.interval!.node)).toBe("5:16");
    expect(textOf(code, healthcheck.keyNode)).toBe("healthcheck");
  });

  it("string and CMD-SHELL tests", () => {
    const string = service(code, "string").healthcheck!;
    expect(string.test).toMatchObject({ form: "string", kind: "CMD-SHELL", kindNode: null });
    expect(string.test?.command.map((part) => part.text)).toEqual(["curl -f http://localhost || exit 1"]);
    expect(service(code, "shell").healthcheck?.test?.kind).toBe("CMD-SHELL");
  });

  it("NONE and disable: true disable the healthcheck", () => {
    expect(service(code, "none").healthcheck?.disabled).toBe(true);
    expect(service(code, "none").healthcheck?.test?.kind).toBe("NONE");
    expect(service(code, "disabled").healthcheck?.disabled).toBe(true);
    expect(service(code, "disabled").healthcheck?.test).toBeNull();
  });

  it("partial, odd and empty healthchecks", () => {
    expect(service(code, "partial").healthcheck).toMatchObject({ disabled: false, test: null });
    expect(service(code, "odd").healthcheck?.test?.kind).toBeNull();
    // an empty `healthcheck:` configures nothing
    expect(service(code, "empty").healthcheck).toBeNull();
    expect(getServiceField(service(code, "empty"), "healthcheck")).toBeDefined();
    expect(service(code, "odd").healthcheck).not.toBeNull();
    expect(model(code).services.get("list")?.healthcheck).not.toBeNull();
  });

  it("no healthcheck field gives null", () => {
    expect(service(dedent`
      services:
        s:
          image: x
    `, "s").healthcheck).toBeNull();
  });
});

describe("depends_on", () => {
  const code = `services:
  short:
    depends_on: [db, cache]
  long:
    depends_on:
      db:
        condition: service_healthy
        restart: true
      migrate:
        condition: service_completed_successfully
        required: false
      cache:
        required: true
      x-ignored:
        condition: service_started
`;

  it("short syntax", () => {
    const entries = service(code, "short").dependsOn;
    expect(entries.map((entry) => [entry.form, entry.service, entry.condition, entry.required])).toEqual([
      ["short", "db", "service_started", true],
      ["short", "cache", "service_started", true],
    ]);
    expect(startOf(entries[1]!.serviceNode)).toBe("3:21");
  });

  it("long syntax", () => {
    const entries = service(code, "long").dependsOn;
    expect(entries.map((entry) => [entry.form, entry.service, entry.condition, entry.required])).toEqual([
      ["long", "db", "service_healthy", true],
      ["long", "migrate", "service_completed_successfully", false],
      ["long", "cache", "service_started", true],
    ]);
    expect(textOf(code, entries[0]!.serviceNode)).toBe("db");
    expect(textOf(code, entries[0]!.conditionNode?.node)).toBe("service_healthy");
    expect(entries[0]!.restart?.value).toBe(true);
    expect(entries[2]!.conditionNode).toBeNull();
  });
});

describe("ports and expose", () => {
  const code = `services:
  web:
    ports:
      - "8080:80"
      - "127.0.0.1:8081:81"
      - "3000"
      - 9000
      - "[::1]:8443:443"
      - "8000-8010:80-90/udp"
      - "\${PORT:-5000}:5000"
      - "\${PORT}:5001"
      - "bad:port"
      - target: 80
        published: "8082"
        host_ip: 0.0.0.0
        protocol: UDP
        mode: host
      - target: 81
    expose:
      - "3000"
      - 4000
`;
  const ports = () => service(code, "web").ports;

  it("short syntax", () => {
    const summary = ports()
      .filter((port) => port.form === "short")
      .map((port) => [port.hostIp, port.hostPort, port.containerPort, port.protocol, port.unresolved, port.error !== null]);
    expect(summary).toEqual([
      [null, "8080", "80", "tcp", false, false],
      ["127.0.0.1", "8081", "81", "tcp", false, false],
      [null, null, "3000", "tcp", false, false],
      [null, null, "9000", "tcp", false, false],
      ["::1", "8443", "443", "tcp", false, false],
      [null, "8000-8010", "80-90", "udp", false, false],
      [null, "5000", "5000", "tcp", false, false],
      [null, null, null, "tcp", true, false],
      [null, "bad", "port", "tcp", false, true],
    ]);
    expect(textOf(code, ports()[0]!.node)).toBe('"8080:80"');
    expect(ports()[3]!.spec?.value).toBe(9000);
  });

  it("long syntax", () => {
    const long = ports().filter((port) => port.form === "long");
    expect(long.map((port) => [port.hostIp, port.hostPort, port.containerPort, port.protocol, port.error])).toEqual([
      ["0.0.0.0", "8082", "80", "udp", null],
      [null, null, "81", "tcp", null],
    ]);
    expect(long[0]!.mode?.text).toBe("host");
    expect(textOf(code, long[0]!.published?.node)).toBe('"8082"');
  });

  it("expose", () => {
    expect(service(code, "web").expose.map((value) => value.text)).toEqual(["3000", "4000"]);
  });
});

describe("environment, env_file and labels", () => {
  const code = `services:
  map:
    environment:
      DB_PASSWORD: secret
      EMPTY: ""
      INHERITED:
      NUMBER: 42
      URL: http://\${HOST:-localhost}:5432
    labels:
      com.example.team: web
    env_file: .env
  list:
    environment:
      - DB_PASSWORD=secret
      - INHERITED
      - URL=postgres://db:5432/x=y
    labels: ["a=b"]
    env_file:
      - .env
      - path: ./optional.env
        required: false
      - path: ./required.env
`;

  it("map form", () => {
    const entries = service(code, "map").environment;
    expect(entries.map((entry) => [entry.key, entry.value, entry.resolved, entry.form])).toEqual([
      ["DB_PASSWORD", "secret", "secret", "map"],
      ["EMPTY", "", "", "map"],
      ["INHERITED", null, null, "map"],
      ["NUMBER", "42", "42", "map"],
      ["URL", "http://${HOST:-localhost}:5432", "http://localhost:5432", "map"],
    ]);
    expect(textOf(code, entries[0]!.keyNode)).toBe("DB_PASSWORD");
    expect(textOf(code, entries[0]!.valueNode)).toBe("secret");
    expect(entries[2]!.valueNode?.value ?? null).toBeNull();
    expect(service(code, "map").labels.map((label) => [label.key, label.value])).toEqual([["com.example.team", "web"]]);
  });

  it("list form", () => {
    const entries = service(code, "list").environment;
    expect(entries.map((entry) => [entry.key, entry.value, entry.valueIndex, entry.form])).toEqual([
      ["DB_PASSWORD", "secret", 12, "list"],
      ["INHERITED", null, 9, "list"],
      ["URL", "postgres://db:5432/x=y", 4, "list"],
    ]);
    const first = entries[0]!;
    // the value's exact source range, for a fix that rewrites only the value
    const range = getScalarSourceRange(first.valueNode!, first.valueIndex, first.value!.length + first.valueIndex);
    expect(range && code.slice(...range)).toBe("secret");
  });

  it("env_file short, list and long forms", () => {
    expect(service(code, "map").envFile.map((entry) => [entry.form, entry.path, entry.required])).toEqual([["short", ".env", true]]);
    expect(service(code, "list").envFile.map((entry) => [entry.form, entry.path, entry.required])).toEqual([
      ["short", ".env", true],
      ["long", "./optional.env", false],
      ["long", "./required.env", true],
    ]);
    expect(textOf(code, service(code, "list").envFile[1]!.requiredNode?.node)).toBe("false");
  });
});

describe("volumes", () => {
  const code = `services:
  app:
    volumes:
      - .:/app
      - /app/node_modules
      - data:/var/lib/data:ro
      - /var/run/docker.sock:/var/run/docker.sock
      - ~/cache:/cache:rw,z
      - \${DATA_DIR:-./data}:/data
      - \${SOCK}:/sock
      - C:\\data:/data2
      - type: bind
        source: /etc
        target: /host-etc
        read_only: true
      - type: volume
        source: db
        target: /db
      - type: tmpfs
        target: /tmp
      - source: nope
`;

  it("short syntax", () => {
    const volumes = service(code, "app").volumes.filter((volume) => volume.form === "short");
    expect(volumes.map((volume) => [volume.type, volume.source, volume.target, volume.readOnly, volume.unresolved])).toEqual([
      ["bind", ".", "/app", false, false],
      ["volume", null, "/app/node_modules", false, false],
      ["volume", "data", "/var/lib/data", true, false],
      ["bind", "/var/run/docker.sock", "/var/run/docker.sock", false, false],
      ["bind", "~/cache", "/cache", false, false],
      ["bind", "./data", "/data", false, false],
      ["volume", "${SOCK}", "/sock", false, true],
      ["bind", "C:\\data", "/data2", false, false],
    ]);
    expect(volumes[4]!.parsed?.options).toEqual(["rw", "z"]);
  });

  it("long syntax", () => {
    const volumes = service(code, "app").volumes.filter((volume) => volume.form === "long");
    expect(volumes.map((volume) => [volume.type, volume.source, volume.target, volume.readOnly, volume.error])).toEqual([
      ["bind", "/etc", "/host-etc", true, null],
      ["volume", "db", "/db", false, null],
      ["tmpfs", null, "/tmp", false, null],
      [null, "nope", null, false, "a long-syntax volume needs a type"],
    ]);
    expect(textOf(code, volumes[0]!.sourceNode?.node)).toBe("/etc");
  });
});

describe("references: networks, secrets, configs, links, extends, volumes_from", () => {
  const code = `services:
  a:
    networks: [front, back]
    secrets:
      - token
      - source: cert
        target: /run/secrets/cert.pem
    configs: [conf]
    links: ["db:database", cache]
    extends: base
    volumes_from: [b, "container:c:ro"]
  b:
    networks:
      front:
        aliases: [bee]
      back:
    extends:
      service: base
      file: common.yml
`;

  it("reads names and nodes", () => {
    const a = service(code, "a");
    expect(a.networks.map((ref) => ref.name)).toEqual(["front", "back"]);
    expect(a.secrets.map((ref) => ref.name)).toEqual(["token", "cert"]);
    expect(textOf(code, a.secrets[1]!.node)).toBe("cert");
    expect(a.configs.map((ref) => ref.name)).toEqual(["conf"]);
    expect(a.links.map((link) => [link.name, link.alias])).toEqual([
      ["db", "database"],
      ["cache", null],
    ]);
    expect(a.extends).toMatchObject({ service: "base", file: null });
    expect(a.volumesFrom.map((value) => value.text)).toEqual(["b", "container:c:ro"]);
    const b = service(code, "b");
    expect(b.networks.map((ref) => ref.name)).toEqual(["front", "back"]);
    expect(textOf(code, b.networks[1]!.node)).toBe("back");
    expect(b.extends?.service).toBe("base");
    expect(b.extends?.file?.text).toBe("common.yml");
  });
});

describe("generic accessors", () => {
  const code = `x-sec: &sec
  cap_add: [SYS_ADMIN, NET_ADMIN]
  security_opt:
    - seccomp:unconfined
  deploy:
    resources:
      limits:
        memory: 512M
services:
  s:
    <<: *sec
    cap_drop: ALL
    command: ["npm", "start"]
    entrypoint: /entry.sh
    profiles: [debug]
`;

  it("getServiceField resolves merges", () => {
    const s = service(code, "s");
    const capAdd = getServiceField(s, "cap_add")!;
    expect(capAdd.merged).toBe(true);
    expect(capAdd.node?.type).toBe("YAMLSequence");
    expect(getServiceScalarList(s, "cap_add").map((value) => value.text)).toEqual(["SYS_ADMIN", "NET_ADMIN"]);
    expect(s.capAdd.map((value) => value.text)).toEqual(["SYS_ADMIN", "NET_ADMIN"]);
    expect(s.securityOpt.map((value) => value.text)).toEqual(["seccomp:unconfined"]);
    expect(textOf(code, s.securityOpt[0]!.via)).toBe("*sec");
    expect(s.capDrop.map((value) => value.text)).toEqual(["ALL"]);
    expect(getServiceScalar(s, "cap_drop")?.text).toBe("ALL");
    expect(getServiceField(s, "missing")).toBeUndefined();
  });

  it("getServicePath follows nested mappings", () => {
    const s = service(code, "s");
    const memory = getServicePath(s, ["deploy", "resources", "limits", "memory"]);
    expect(memory?.node?.type).toBe("YAMLScalar");
    expect(textOf(code, memory?.node)).toBe("512M");
    expect(getServicePath(s, ["deploy", "resources", "reservations"])).toBeUndefined();
    expect(getServicePath(s, ["cap_add", "x"])).toBeUndefined();
  });

  it("command, entrypoint and profiles", () => {
    const s = service(code, "s");
    expect(Array.isArray(s.command) && s.command.map((value) => value.text)).toEqual(["npm", "start"]);
    expect(!Array.isArray(s.entrypoint) && s.entrypoint?.text).toBe("/entry.sh");
    expect(s.profiles.map((value) => value.text)).toEqual(["debug"]);
  });
});

describe("odd inputs", () => {
  it("returns null without a mapping document", () => {
    for (const code of ["", "# just a comment\n", "just a string\n", "- a\n- b\n", "---\n...\n", "~\n"]) {
      expect(getComposeModel(parse(code)), JSON.stringify(code)).toBeNull();
    }
  });

  it("handles empty and odd sections", () => {
    expect(model("services:\n").services.size).toBe(0);
    expect(model("services: ~\n").services.size).toBe(0);
    const listServices = model("services: [a, b]\n");
    expect(listServices.services.size).toBe(0);
    expect(listServices.diagnostics.map((d) => d.kind)).toEqual(["invalid-section"]);
    expect(model("name: x\n").services.size).toBe(0);
  });

  it("keeps services whose value is empty or not a mapping", () => {
    const file = model(dedent`
      services:
        empty:
        scalar: nginx
        list: [1]
    `);
    expect([...file.services.keys()]).toEqual(["empty", "scalar", "list"]);
    expect(file.services.get("empty")?.node).toBeNull();
    expect(file.services.get("empty")?.image).toBeNull();
    expect(file.services.get("scalar")?.node).toBeNull();
    expect(file.diagnostics.map((d) => d.kind)).toEqual(["invalid-service", "invalid-service"]);
  });

  it("reads every mapping document, in order (Compose merges them)", () => {
    const code = dedent`
      services:
        a: {image: a}
      ---
      services:
        b: {image: b}
      ---
      - a list
      ---
      services:
        a: {image: c}
    `;
    const file = model(code);
    expect([...file.services.keys()]).toEqual(["a"]);
    expect(file.documentIndex).toBe(0);
    expect(file.diagnostics).toEqual([]);
    expect(file.documents.map((document) => document.documentIndex)).toEqual([0, 1, 3]);
    expect(file.documents[0]).toBe(file);
    expect(file.documents.map((document) => [...document.services.keys()])).toEqual([["a"], ["b"], ["a"]]);
    expect(file.documents[2]!.services.get("a")?.image?.resolved).toBe("c");
    const second = model(dedent`
      just text
      ---
      services:
        b: {image: b}
    `);
    expect(second.documentIndex).toBe(1);
    expect([...second.services.keys()]).toEqual(["b"]);
  });

  it("last duplicate key wins in hand-built ASTs", () => {
    // The parser rejects duplicate keys; a hand-built or tolerant AST may still have them.
    const program = parse(dedent`
      services:
        web: {image: first}
        other: {image: second}
    `);
    const services = ((program.body[0]!.content as AST.YAMLMapping).pairs[0]!.value as AST.YAMLMapping).pairs;
    const key = services[1]!.key as AST.YAMLPlainScalar;
    key.strValue = "web";
    key.value = "web";
    const file = getComposeModel(program)!;
    expect([...file.services.keys()]).toEqual(["web"]);
    expect(file.services.get("web")?.image?.text).toBe("second");
    expect(file.diagnostics.map((d) => d.kind)).toEqual(["duplicate-key"]);
  });

  it("reads YAML nulls as unset", () => {
    const s = service(dedent`
      services:
        s:
          image: ~
          user: null
          build: ~
          cap_add: [~, NET_ADMIN]
          healthcheck: ~
    `, "s");
    expect(s.image).toBeNull();
    expect(s.user).toBeNull();
    expect(s.build).toBeNull();
    expect(s.healthcheck).toBeNull();
    expect(s.capAdd.map((value) => value.text)).toEqual(["NET_ADMIN"]);
    expect(getServiceField(s, "image")?.node?.type).toBe("YAMLScalar");
  });

  it("unwraps standard tags", () => {
    const file = model(dedent`
      services: !!map
        web: !!map
          image: !!str 123
    `);
    expect(file.services.get("web")?.image?.text).toBe("123");
  });

  it("non-scalar keys are skipped", () => {
    const file = model(dedent`
      services:
        ? [a, b]
        : {image: x}
        ok: {image: y}
    `);
    expect([...file.services.keys()]).toEqual(["ok"]);
    expect(file.diagnostics.map((d) => d.kind)).toEqual(["non-scalar-key"]);
  });

  it("caches the model per program", () => {
    const program = parse("services:\n  a: {image: a}\n");
    expect(getComposeModel(program)).toBe(getComposeModel(program));
    const empty = parse("");
    expect(getComposeModel(empty)).toBeNull();
    expect(getComposeModel(empty)).toBeNull();
  });
});

describe("parseCompose (reading another compose file)", () => {
  it("parses and models, or reports the YAML error with 1-based positions", () => {
    const ok = parseCompose("\uFEFFservices:\n  a: {image: a}\n");
    expect(ok.ok && ok.model?.services.get("a")?.image?.text).toBe("a");
    expect(parseCompose("# nothing\n")).toMatchObject({ ok: true, model: null });
    expect(parseCompose("a: 1\na: 2\n")).toEqual({ ok: false, error: { message: "Map keys must be unique", line: 2, column: 1 } });
  });
});

describe("service resources", () => {
  it("reads deploy.resources, deploy.replicas, restart_policy and the service-level fields, through merge keys", () => {
    const web = service(
      dedent`
        x-limits: &limits
          limits:
            memory: 512M
        services:
          web:
            mem_reservation: 128m
            cpus: 1.5
            deploy:
              replicas: 2
              restart_policy:
                condition: on-failure
              resources:
                <<: *limits
                reservations:
                  cpus: '0.25'
      `,
      "web",
    );
    const { resources } = web;
    expect(resources.limits.memory?.text).toBe("512M");
    expect(resources.limits.memory?.via).not.toBeNull();
    expect(resources.limits.cpus).toBeNull();
    expect(resources.reservations.cpus?.text).toBe("0.25");
    expect(resources.replicas?.value).toBe(2);
    expect(resources.restartPolicy?.text).toBe("on-failure");
    expect(resources.memReservation?.text).toBe("128m");
    expect(resources.cpus?.value).toBe(1.5);
    expect(resources.deploy?.type).toBe("YAMLMapping");
  });

  it("is empty without deploy", () => {
    const { resources } = service(dedent`
      services:
        web:
          image: x
    `, "web");
    expect(resources.deploy).toBeNull();
    expect(resources.limits).toEqual({ cpus: null, memory: null, pids: null });
  });
});

describe("line ends", () => {
  it("a lone CR ends a line, as in YAML and Compose (go-yaml), with every range in the file as written", async () => {
    const { parseComposeText } = await import("../../lib/compose/parse.js");
    const text = "# stack\rservices:\r  web:\r    image: nginx:1.27\r    command: |\r      a\r      b\r";
    const parsed = parseComposeText(text);
    if (!parsed.ok) throw new Error("must parse");
    const web = getComposeModel(parsed.program)!.services.get("web")!;
    const image = web.image!.node;
    expect(text.slice(image.range[0], image.range[1])).toBe("nginx:1.27");
    expect(image.loc.start).toEqual({ line: 4, column: 11 });
  });
});
