/**
 * The official Compose Specification JSON schema (../shared/reference/compose-spec.json, outside the
 * repository) as a test oracle for our own encoding (lib/compose/specification.ts): on every compose
 * file of the shared corpus and on generated documents, our schema-level verdict (valid or not) is
 * the one Ajv gives with that schema. Skipped with a printed reason when ../shared is absent.
 */
import fs from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import type { AST } from "yaml-eslint-parser";
import { parseComposeText } from "../../lib/compose/parse.js";
import { validateComposeFile } from "../../lib/compose/validate.js";
import { resolveNode } from "../../lib/compose/yaml.js";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const schemaFile = path.resolve(repoRoot, "../shared/reference/compose-spec.json");
const corpusRoot = path.resolve(repoRoot, "../shared/corpus");
const available = fs.existsSync(schemaFile);
if (!available) console.log(`spec-oracle: skipped, the official schema is not at ${schemaFile}`);

function officialValidator(): (data: unknown) => boolean {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")) as object);
  return (data) => validate(data) as boolean;
}

/** The document both sides judge: the first whose content is a mapping, else the first. */
function judgedDocument(program: AST.YAMLProgram): AST.YAMLDocument | undefined {
  return program.body.find((doc) => resolveNode(doc.content).node?.type === "YAMLMapping") ?? program.body[0];
}

function verdicts(text: string, official: (data: unknown) => boolean): { ours: boolean; theirs: boolean; problems: string[] } | null {
  const parsed = parseComposeText(text);
  if (!parsed.ok) return null;
  const document = judgedDocument(parsed.program);
  // The oracle reads the file with the `yaml` library itself (merge keys on, as go-yaml v3 under
  // Compose), not with our AST helpers.
  const index = document ? parsed.program.body.indexOf(document) : 0;
  const data = parseAllDocuments(text, { merge: true, version: "1.2" }).at(index)?.toJS({ maxAliasCount: -1 }) ?? null;
  const problems = validateComposeFile(parsed.program).filter((problem) => problem.kind === "schema");
  return { ours: problems.length === 0, theirs: official(data), problems: problems.map((problem) => `${problem.node.loc.start.line}: ${problem.message}`) };
}

function composeFilesUnder(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) composeFilesUnder(full, out);
    else if (/\.ya?ml$/u.test(entry.name) && /compose/u.test(entry.name)) out.push(full);
  }
  return out;
}

describe.skipIf(!available)("valid-compose-file agrees with the official schema", () => {
  const official = available ? officialValidator() : () => true;

  it("on every compose file of the corpus", () => {
    const files = [...composeFilesUnder(path.join(corpusRoot, "compose")), ...composeFilesUnder(path.join(corpusRoot, "projects/docker__awesome-compose"))];
    expect(files.length).toBeGreaterThan(100);
    const disagreements: string[] = [];
    for (const file of files) {
      const result = verdicts(fs.readFileSync(file, "utf8").replace(/^\uFEFF/u, ""), official);
      if (result && result.ours !== result.theirs) disagreements.push(`${path.relative(corpusRoot, file)}: ours ${result.ours}, official ${result.theirs} ${result.problems.join("; ")}`);
    }
    expect(disagreements).toEqual([]);
  });

  it("accepts every awesome-compose file without a single problem", () => {
    const files = composeFilesUnder(path.join(corpusRoot, "projects/docker__awesome-compose"));
    const reported: string[] = [];
    for (const file of files) {
      const parsed = parseComposeText(fs.readFileSync(file, "utf8"));
      if (!parsed.ok) continue;
      for (const problem of validateComposeFile(parsed.program)) reported.push(`${path.relative(corpusRoot, file)}:${problem.node.loc.start.line} ${problem.message}`);
    }
    expect(reported).toEqual([]);
  });

  const agree = (data: unknown, counts: { valid: number; invalid: number }) => {
    // JSON is YAML: the document goes through the same parser as a compose file.
    const result = verdicts(JSON.stringify(data), official);
    if (!result) return;
    if (result.theirs) counts.valid++;
    else counts.invalid++;
    expect({ data, ours: result.ours, problems: result.problems }).toEqual({ data, ours: result.theirs, problems: result.problems });
  };

  it("on generated documents: valid ones and one-mistake mutations of them", () => {
    const name = fc.constantFrom("web", "db", "api");
    const service = fc.record(
      {
        image: fc.constantFrom("nginx:1.27", "postgres:16.2", "${IMAGE:-redis:7}"),
        ports: fc.uniqueArray(fc.constantFrom<unknown>("8080:80", "127.0.0.1:53:53/udp", 80, { target: 80, published: "8080", protocol: "tcp" }), { maxLength: 3, selector: (v) => JSON.stringify(v) }),
        environment: fc.oneof(fc.dictionary(fc.constantFrom("A", "B_C"), fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 2 }), fc.uniqueArray(fc.constantFrom("A=1", "B"), { maxLength: 2 })),
        depends_on: fc.oneof(fc.uniqueArray(name, { maxLength: 2 }), fc.dictionary(name, fc.record({ condition: fc.constantFrom("service_started", "service_healthy", "service_completed_successfully"), required: fc.boolean() }, { requiredKeys: ["condition"] }), { maxKeys: 2 })),
        healthcheck: fc.record({ test: fc.oneof(fc.constant(["CMD", "true"]), fc.constant("curl -f http://localhost/")), interval: fc.constantFrom("10s", "1m30s"), retries: fc.integer({ min: 0, max: 5 }), disable: fc.boolean() }, { requiredKeys: [] }),
        restart: fc.constantFrom("always", "unless-stopped", "no"),
        volumes: fc.uniqueArray(fc.constantFrom<unknown>("data:/data", "./src:/app:ro", { type: "volume", source: "data", target: "/d" }, { type: "tmpfs", target: "/tmp", tmpfs: { size: 1000 } }), { maxLength: 2, selector: (v) => JSON.stringify(v) }),
        deploy: fc.constantFrom<unknown>({ resources: { limits: { memory: "512M", cpus: 0.5 } } }, null, { replicas: 2, restart_policy: { condition: "on-failure" } }),
        build: fc.constantFrom<unknown>(".", { context: ".", target: "prod", args: { A: "1" } }),
        privileged: fc.constantFrom<unknown>(true, "${PRIV:-false}"),
        cpu_count: fc.integer({ min: 0, max: 8 }),
        command: fc.constantFrom<unknown>(null, "npm start", ["npm", "start"]),
        "x-meta": fc.anything({ maxDepth: 1 }),
      },
      { requiredKeys: [] },
    );
    const base = fc.record(
      {
        name: fc.constant("demo"),
        services: fc.dictionary(name, service, { minKeys: 1, maxKeys: 2 }),
        networks: fc.dictionary(fc.constantFrom("front", "back"), fc.constantFrom<unknown>(null, { driver: "bridge" }, { external: true }), { maxKeys: 2 }),
        volumes: fc.dictionary(fc.constantFrom("data"), fc.constantFrom<unknown>(null, { name: "app-data" }), { maxKeys: 1 }),
        "x-defaults": fc.constant({ restart: "always" }),
      },
      { requiredKeys: ["services"] },
    );
    type Doc = { services: Record<string, Record<string, unknown>> } & Record<string, unknown>;
    /** One mistake each, the kinds a user makes. */
    const mutations: ((doc: Doc, svc: Record<string, unknown>) => void)[] = [
      (_doc, svc) => { svc.imagee = svc.image ?? "x"; },
      (_doc, svc) => { svc.depend_on = ["db"]; },
      (_doc, svc) => { svc.ports = "8080:80"; },
      (_doc, svc) => { svc.restart = 5; },
      (_doc, svc) => { svc.depends_on = { db: { condition: "service_healty" } }; },
      (_doc, svc) => { svc.depends_on = { db: { required: true } }; },
      (_doc, svc) => { svc.volumes = [{ source: "data", target: "/d" }]; },
      (_doc, svc) => { svc.environment = ["A=1", "A=1"]; },
      (_doc, svc) => { svc.healthcheck = { test: ["CMD", "true"], interval: 10 }; },
      (_doc, svc) => { svc.cpu_count = -1; },
      (_doc, svc) => { svc.build = { context: ".", dockerfle: "Dockerfile" }; },
      (doc) => { doc.services["bad name"] = { image: "x" }; },
      (doc) => { doc.services.empty = null as never; },
      (doc) => { doc.service = {}; },
      (doc) => { doc.networks = ["front"]; },
      (_doc, svc) => { svc.deploy = { resources: { limits: { memory: 512 } } }; },
    ];
    const counts = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(base, fc.option(fc.nat(mutations.length - 1), { freq: 2 }), (generated, mutation) => {
        const doc = structuredClone(generated) as Doc;
        if (mutation !== null) {
          const first = Object.values(doc.services)[0]!;
          mutations[mutation]!(doc, first);
        }
        agree(doc, counts);
        return true;
      }),
      { numRuns: 300, seed: 20_261_130 },
    );
    // Both verdicts occur often enough for the agreement to mean something.
    expect(counts.valid).toBeGreaterThan(60);
    expect(counts.invalid).toBeGreaterThan(60);
  });

  it("on generated documents: random shapes", () => {
    const scalar = fc.oneof(
      fc.constantFrom("nginx:1.27", "8080:80", "10s", "512m", "always", "", "service_healthy", "service_healty", "x", "${VAR:-1}", "bind", "volume", "tmpfs", "all"),
      fc.integer({ min: -2000, max: 70_000 }),
      fc.constantFrom(0.5, 1.5),
      fc.boolean(),
      fc.constant(null),
    );
    const leaf = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));
    const keysOf = (names: string[]) => fc.constantFrom(...names);
    const nested = (names: string[]) => fc.dictionary(keysOf(names), leaf, { maxKeys: 3 });
    const serviceKeys = [
      "image", "build", "ports", "expose", "volumes", "environment", "depends_on", "healthcheck", "restart", "command",
      "cap_add", "privileged", "read_only", "deploy", "networks", "labels", "env_file", "extends", "container_name",
      "cpu_count", "oom_score_adj", "pid", "gpus", "ulimits", "use_api_socket", "tmpfs", "x-meta", "imagee", "depend_on", "Ports",
    ];
    const value = fc.oneof(
      { weight: 3, arbitrary: leaf },
      { weight: 1, arbitrary: nested(["condition", "required", "restart", "test", "interval", "type", "source", "target", "service", "file", "context", "resources", "limits", "memory", "x-a", "conditon"]) },
      { weight: 1, arbitrary: fc.dictionary(keysOf(["db", "web", "bad name"]), nested(["condition", "required", "restart", "conditon"]), { maxKeys: 2 }) },
      { weight: 1, arbitrary: fc.array(nested(["type", "source", "target", "read_only", "published", "protocol", "path", "required", "capabilities"]), { maxLength: 2 }) },
    );
    const service = fc.dictionary(keysOf(serviceKeys), value, { maxKeys: 4 });
    const document = fc.record(
      {
        services: fc.oneof(fc.dictionary(keysOf(["web", "db", "api", "bad name", "x-web"]), fc.oneof({ weight: 5, arbitrary: service }, { weight: 1, arbitrary: scalar }), { maxKeys: 3 }), scalar),
        networks: fc.dictionary(keysOf(["front", "back"]), fc.oneof(fc.constant(null), nested(["driver", "external", "name", "internal", "drivr"])), { maxKeys: 2 }),
        volumes: fc.dictionary(keysOf(["data", "x-v"]), fc.oneof(fc.constant(null), nested(["driver", "external", "name"])), { maxKeys: 2 }),
        name: scalar,
        "x-anchors": leaf,
        service: leaf,
      },
      { requiredKeys: [] },
    );
    const counts = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(document, (data) => {
        agree(data, counts);
        return true;
      }),
      { numRuns: 300, seed: 20_261_130 },
    );
    expect(counts.invalid).toBeGreaterThan(100);
  });
});
