/**
 * Builds the compose model from a `yaml-eslint-parser` AST. It works on any AST from that parser,
 * whether our `docker/compose` language or a user's eslint-plugin-yml config produced it.
 */
import type { AST } from "yaml-eslint-parser";
import path from "node:path";
import type { DotEnv } from "./env-file.js";
import { interpolate } from "./interpolate.js";
import { parsePortSpec, parseVolumeSpec } from "./short-syntax.js";
import { VOLUME_TYPES as SPECIFIED_VOLUME_TYPES } from "./specification.js";
import type {
  ComposeBuild,
  ComposeDiagnostic,
  ComposeFile,
  ComposeHealthcheck,
  ComposeResource,
  ComposeResources,
  ComposeService,
  DependsOnEntry,
  EnvFileEntry,
  ExtendsEntry,
  HealthcheckTest,
  HealthcheckTestKind,
  KeyValueEntry,
  LinkEntry,
  NameReference,
  PortEntry,
  ScalarValue,
  ServiceField,
  VariableOrigin,
  VolumeEntry,
} from "./types.js";
import {
  getEntry,
  getMappingDiagnostics,
  getMappingEntries,
  getSequenceItems,
  resolveNode,
  scalarText,
  type MappingEntry,
  type ResolvedNode,
} from "./yaml.js";

const modelCache = new WeakMap<AST.YAMLProgram, Map<DotEnv | null, readonly ComposeFile[]>>();

/**
 * The compose model of a parsed file's first mapping document, or null when the file has none (empty
 * file, documents that are scalars or lists). Its `documents` holds the models of every mapping
 * document (Compose merges them in order). Values are interpolated with `dotEnv`, the project's
 * `.env` (see `projectDotEnv` in project.ts); without it, variables that have no default are unknown.
 * Cached per program object and `.env` version: every rule gets the same model.
 *
 * Throws only on a defect of the builder (never swallowed: see parseComposeText).
 */
export function getComposeModel(program: AST.YAMLProgram, dotEnv: DotEnv | null = null): ComposeFile | null {
  return getComposeDocuments(program, dotEnv)[0] ?? null;
}

/** The models of every mapping document of the file, in file order (empty when there is none). */
export function getComposeDocuments(program: AST.YAMLProgram, dotEnv: DotEnv | null = null): readonly ComposeFile[] {
  let byEnv = modelCache.get(program);
  if (!byEnv) {
    byEnv = new Map();
    modelCache.set(program, byEnv);
  }
  let documents = byEnv.get(dotEnv);
  if (!documents) {
    // The builder is written not to throw. If it ever does, the error propagates: parseComposeText
    // turns it into the file's fatal message, and under eslint-plugin-yml's language ESLint reports
    // it, where swallowing it would leave every compose rule silently reporting nothing.
    documents = buildDocuments(program, dotEnv);
    byEnv.set(dotEnv, documents);
  }
  return documents;
}

/** Is this a Compose extension key (`x-…`)? Extension fields are ignored by Compose. */
export function isExtensionKey(key: string): boolean {
  return key.startsWith("x-");
}

/** Reads a Compose boolean: YAML booleans and the strings `true`/`false` (any case, after interpolation; YAML 1.1 `yes`/`no`/`on`/`off` too). */
export function asBoolean(value: ScalarValue | null | undefined): boolean | null {
  if (!value) return null;
  if (typeof value.value === "boolean") return value.value;
  const text = value.resolved?.trim().toLowerCase();
  if (text === undefined) return null;
  if (["true", "yes", "y", "on"].includes(text)) return true;
  if (["false", "no", "n", "off"].includes(text)) return false;
  return null;
}

/** Makes a ScalarValue from a resolved node, or null when it is not a scalar. */
export function toScalarValue(resolved: ResolvedNode, via: AST.YAMLAlias | null = null, dotEnv: DotEnv | null = null): ScalarValue | null {
  const node = resolved.node;
  if (!node || node.type !== "YAMLScalar") return null;
  const text = scalarText(node);
  const isString = typeof node.value === "string";
  let resolvedText: string | null = text;
  let variables: string[] = [];
  let origins: VariableOrigin[] = [];
  if (isString && text.includes("$")) {
    const result = interpolate(text, dotEnv?.environment);
    resolvedText = result.value;
    variables = result.usedVariables;
    origins = variableOrigins(variables, dotEnv);
  }
  return {
    node,
    value: node.value,
    text,
    resolved: resolvedText,
    variables,
    origins,
    via: via ?? resolved.via,
  };
}

/** The `.env` lines that set the variables a value uses (variables the file does not set are left out). */
function variableOrigins(variables: readonly string[], dotEnv: DotEnv | null): VariableOrigin[] {
  if (!dotEnv) return [];
  const origins: VariableOrigin[] = [];
  for (const name of variables) {
    const variable = dotEnv.variables.get(name);
    if (variable) origins.push({ name, value: variable.expanded, file: dotEnv.file, line: variable.line });
  }
  return origins;
}

/**
 * Where an interpolated value came from, for a message: ` (TAG=nightly from .env line 3)` (each `.env`
 * variable the value uses, `?` for a value set from the shell), or "" when it uses none.
 */
export function describeOrigins(value: { origins?: readonly VariableOrigin[] } | null | undefined): string {
  const origins = value?.origins ?? [];
  if (origins.length === 0) return "";
  const parts = origins.map((origin) => `${origin.name}=${origin.value ?? "?"} from ${path.basename(origin.file)} line ${origin.line}`);
  return ` (${parts.join(", ")})`;
}

/** A field's scalar value; null when absent, not a scalar, or YAML null (`key: ~`), which Compose reads as unset. */
function fieldToScalar(field: ServiceField | MappingEntry | undefined, dotEnv: DotEnv | null = null): ScalarValue | null {
  if (!field) return null;
  const value =
    "entry" in field ? toScalarValue(field.entry.value, field.via, field.environment) : toScalarValue(field.value, field.mergeVia ?? field.value.via, dotEnv);
  return value && value.value !== null ? value : null;
}

/** The field of a service (merge keys resolved), or undefined when absent, `!reset`, or an `x-` field. */
export function getServiceField(service: ComposeService, name: string): ServiceField | undefined {
  return service.fields.get(name);
}

/** The scalar value of a service field, or null when absent, not a scalar, or YAML null. */
export function getServiceScalar(service: ComposeService, name: string): ScalarValue | null {
  return fieldToScalar(service.fields.get(name));
}

/**
 * The scalars of a list field (`cap_add: [SYS_ADMIN]`); a lone scalar counts as a one-item list.
 * Non-scalar and null items are skipped.
 */
export function getServiceScalarList(service: ComposeService, name: string): ScalarValue[] {
  return scalarList(service.fields.get(name));
}

/** A nested field of a service: `getServicePath(service, ["deploy", "resources", "limits", "memory"])`. */
export function getServicePath(service: ComposeService, path: readonly string[]): ServiceField | undefined {
  const [first, ...rest] = path;
  if (first === undefined) return undefined;
  let field = service.fields.get(first);
  for (const key of rest) {
    if (!field || !field.node || field.node.type !== "YAMLMapping") return undefined;
    const entry = getEntry(field.node, key);
    if (!entry) return undefined;
    field = toServiceField(entry, field.via, field.environment);
  }
  return field;
}

/** The `ServiceField` of a mapping entry reached through `outerVia` (the alias the service reached it by, if any), with the `.env` it was interpolated with. */
export function toServiceField(entry: MappingEntry, outerVia: AST.YAMLAlias | null, environment: DotEnv | null): ServiceField {
  return {
    environment,
    name: entry.key,
    keyNode: entry.keyNode,
    pair: entry.pair,
    node: entry.value.node,
    tag: entry.value.tag,
    merged: entry.merged,
    via: outerVia ?? entry.mergeVia ?? entry.value.via,
    entry,
  };
}

function scalarList(field: ServiceField | undefined): ScalarValue[] {
  if (!field || !field.node) return [];
  if (field.node.type === "YAMLScalar") {
    const value = fieldToScalar(field);
    return value ? [value] : [];
  }
  if (field.node.type !== "YAMLSequence") return [];
  const values: ScalarValue[] = [];
  for (const item of getSequenceItems(field.node)) {
    const value = toScalarValue(item, field.via, field.environment);
    if (value && value.value !== null) values.push(value);
  }
  return values;
}

// ---------------------------------------------------------------------------------------------

class Builder {
  readonly diagnostics: ComposeDiagnostic[] = [];
  /** The project's `.env` every value is interpolated with. */
  readonly env: DotEnv | null;

  constructor(env: DotEnv | null) {
    this.env = env;
  }

  private readonly seenMappings = new WeakSet<AST.YAMLMapping>();

  /** Entries of a mapping, recording its diagnostics once. */
  entries(mapping: AST.YAMLMapping): Map<string, MappingEntry> {
    if (!this.seenMappings.has(mapping)) {
      this.seenMappings.add(mapping);
      for (const diagnostic of getMappingDiagnostics(mapping)) this.diagnostics.push(diagnostic);
    }
    return getMappingEntries(mapping);
  }

  /** Non-extension, non-reset entries. */
  fields(mapping: AST.YAMLMapping, skipExtensions = true): Map<string, MappingEntry> {
    const result = new Map<string, MappingEntry>();
    for (const [key, entry] of this.entries(mapping)) {
      if (entry.reset) continue;
      if (skipExtensions && isExtensionKey(key)) continue;
      result.set(key, entry);
    }
    return result;
  }

  note(kind: ComposeDiagnostic["kind"], message: string, node: AST.YAMLNode): void {
    this.diagnostics.push({ kind, message, node });
  }
}

function buildDocuments(program: AST.YAMLProgram, dotEnv: DotEnv | null): readonly ComposeFile[] {
  const documents: ComposeFile[] = [];
  for (const [index, document] of program.body.entries()) {
    const content = resolveNode(document.content);
    if (content.node?.type === "YAMLMapping") documents.push(buildModel(document, index, content.node, documents, dotEnv));
  }
  return documents;
}

function buildModel(document: AST.YAMLDocument, documentIndex: number, root: AST.YAMLMapping, documents: readonly ComposeFile[], dotEnv: DotEnv | null): ComposeFile {
  const builder = new Builder(dotEnv);
  const all = builder.entries(root);
  const fields = builder.fields(root);
  const extensions = new Map<string, MappingEntry>();
  for (const [key, entry] of all) {
    if (isExtensionKey(key) && !entry.reset) extensions.set(key, entry);
  }

  const services = new Map<string, ComposeService>();
  const servicesEntry = fields.get("services");
  const servicesMapping = sectionMapping(builder, servicesEntry, "services");
  if (servicesMapping) {
    for (const [name, entry] of builder.fields(servicesMapping)) {
      services.set(name, buildService(builder, name, entry));
    }
  }

  return {
    document,
    documentIndex,
    root,
    fields,
    version: fields.get("version")?.pair ?? null,
    name: fieldToScalar(fields.get("name"), builder.env),
    services,
    networks: buildResources(builder, fields.get("networks"), "networks"),
    volumes: buildResources(builder, fields.get("volumes"), "volumes"),
    secrets: buildResources(builder, fields.get("secrets"), "secrets"),
    configs: buildResources(builder, fields.get("configs"), "configs"),
    extensions,
    diagnostics: builder.diagnostics,
    documents,
    environment: dotEnv,
  };
}

function sectionMapping(builder: Builder, entry: MappingEntry | undefined, name: string): AST.YAMLMapping | null {
  if (!entry) return null;
  const node = entry.value.node;
  if (!node) return null; // `services:` with no value
  if (node.type !== "YAMLMapping") {
    builder.note("invalid-section", `"${name}" must be a mapping.`, entry.pair.value ?? entry.pair);
    return null;
  }
  return node;
}

function buildResources(
  builder: Builder,
  entry: MappingEntry | undefined,
  name: string,
): Map<string, ComposeResource> {
  const resources = new Map<string, ComposeResource>();
  const mapping = sectionMapping(builder, entry, name);
  if (!mapping) return resources;
  for (const [key, item] of builder.fields(mapping)) {
    const node = item.value.node?.type === "YAMLMapping" ? item.value.node : null;
    let external = false;
    let realName: ScalarValue | null = null;
    if (node) {
      const itemFields = builder.fields(node);
      const externalEntry = itemFields.get("external");
      if (externalEntry) {
        external =
          externalEntry.value.node?.type === "YAMLMapping" ||
          asBoolean(toScalarValue(externalEntry.value, null, builder.env)) === true;
      }
      realName = fieldToScalar(itemFields.get("name"), builder.env);
    }
    resources.set(key, { name: key, keyNode: item.keyNode, pair: item.pair, node, external, realName });
  }
  return resources;
}

function buildService(builder: Builder, name: string, entry: MappingEntry): ComposeService {
  const value = entry.value;
  let node: AST.YAMLMapping | null = null;
  if (value.node?.type === "YAMLMapping") node = value.node;
  else if (value.node) builder.note("invalid-service", `Service "${name}" must be a mapping.`, entry.pair.value ?? entry.pair);

  const fields = new Map<string, ServiceField>();
  if (node) {
    const serviceVia = entry.mergeVia ?? value.via;
    for (const [key, fieldEntry] of builder.fields(node)) {
      fields.set(key, toServiceField(fieldEntry, serviceVia, builder.env));
    }
  }

  const service: ComposeService = {
    name,
    keyNode: entry.keyNode,
    pair: entry.pair,
    node,
    fields,
    image: null,
    build: null,
    healthcheck: null,
    dependsOn: [],
    ports: [],
    expose: [],
    environment: [],
    envFile: [],
    labels: [],
    user: null,
    privileged: null,
    readOnly: null,
    restart: null,
    containerName: null,
    networkMode: null,
    pid: null,
    ipc: null,
    usernsMode: null,
    workingDir: null,
    capAdd: [],
    capDrop: [],
    securityOpt: [],
    profiles: [],
    volumes: [],
    volumesFrom: [],
    networks: [],
    secrets: [],
    configs: [],
    links: [],
    extends: null,
    command: null,
    entrypoint: null,
    resources: buildResourcesOf(builder, fields),
  };
  const scalar = (key: string) => fieldToScalar(fields.get(key));
  const list = (key: string) => scalarList(fields.get(key));

  service.image = scalar("image");
  service.user = scalar("user");
  service.privileged = scalar("privileged");
  service.readOnly = scalar("read_only");
  service.restart = scalar("restart");
  service.containerName = scalar("container_name");
  service.networkMode = scalar("network_mode");
  service.pid = scalar("pid");
  service.ipc = scalar("ipc");
  service.usernsMode = scalar("userns_mode");
  service.workingDir = scalar("working_dir");
  service.capAdd = list("cap_add");
  service.capDrop = list("cap_drop");
  service.securityOpt = list("security_opt");
  service.profiles = list("profiles");
  service.expose = list("expose");
  service.volumesFrom = list("volumes_from");
  service.command = commandValue(fields.get("command"));
  service.entrypoint = commandValue(fields.get("entrypoint"));
  service.build = buildBuild(builder, fields.get("build"));
  service.healthcheck = buildHealthcheck(builder, fields.get("healthcheck"));
  service.dependsOn = buildDependsOn(builder, fields.get("depends_on"));
  service.ports = buildPorts(builder, fields.get("ports"));
  service.environment = buildKeyValues(builder, fields.get("environment"));
  service.labels = buildKeyValues(builder, fields.get("labels"));
  service.envFile = buildEnvFile(builder, fields.get("env_file"));
  service.volumes = buildVolumes(builder, fields.get("volumes"));
  service.networks = buildNetworks(builder, fields.get("networks"));
  service.secrets = buildFileReferences(builder, fields.get("secrets"));
  service.configs = buildFileReferences(builder, fields.get("configs"));
  service.links = buildLinks(fields.get("links"));
  service.extends = buildExtends(builder, fields.get("extends"));
  return service;
}

function buildResourcesOf(builder: Builder, fields: ReadonlyMap<string, ServiceField>): ComposeResources {
  const deployField = fields.get("deploy");
  const deploy = deployField?.node?.type === "YAMLMapping" ? deployField.node : null;
  /** A scalar at `path` under `deploy:`, merge keys applied at every level (the first alias on the way is its `via`). */
  const at = (path: string[]): ScalarValue | null => {
    let mapping: AST.YAMLMapping | null = deploy;
    let via = deployField?.via ?? null;
    for (const [index, key] of path.entries()) {
      if (!mapping) return null;
      if (index === path.length - 1) return subScalar(builder, mapping, key, via);
      const entry = builder.fields(mapping).get(key);
      via = via ?? entry?.mergeVia ?? entry?.value.via ?? null;
      mapping = entry?.value.node?.type === "YAMLMapping" ? entry.value.node : null;
    }
    return null;
  };
  const scalar = (key: string) => fieldToScalar(fields.get(key));
  return {
    deploy,
    replicas: at(["replicas"]),
    restartPolicy: at(["restart_policy", "condition"]),
    limits: { cpus: at(["resources", "limits", "cpus"]), memory: at(["resources", "limits", "memory"]), pids: at(["resources", "limits", "pids"]) },
    reservations: { cpus: at(["resources", "reservations", "cpus"]), memory: at(["resources", "reservations", "memory"]) },
    memLimit: scalar("mem_limit"),
    memReservation: scalar("mem_reservation"),
    cpus: scalar("cpus"),
    cpuQuota: scalar("cpu_quota"),
    pidsLimit: scalar("pids_limit"),
  };
}

function commandValue(field: ServiceField | undefined): ScalarValue | ScalarValue[] | null {
  if (!field || !field.node) return null;
  if (field.node.type === "YAMLScalar") return fieldToScalar(field);
  if (field.node.type === "YAMLSequence") return scalarList(field);
  return null;
}

/** Sub-fields of a field whose value is a mapping, as ScalarValues carrying the field's `via`. */
function subScalar(
  builder: Builder,
  mapping: AST.YAMLMapping,
  key: string,
  via: AST.YAMLAlias | null,
): ScalarValue | null {
  const entry = builder.fields(mapping).get(key);
  if (!entry) return null;
  const value = toScalarValue(entry.value, via ?? entry.mergeVia ?? entry.value.via, builder.env);
  return value && value.value !== null ? value : null;
}

/** A field with no value (`key:`) or a YAML null (`key: ~`): Compose reads it as unset. */
function isNullField(field: ServiceField | undefined): boolean {
  return !field || !field.node || (field.node.type === "YAMLScalar" && field.node.value === null);
}

function buildBuild(builder: Builder, field: ServiceField | undefined): ComposeBuild | null {
  if (!field || !field.node || isNullField(field)) return null;
  if (field.node.type === "YAMLScalar") {
    const context = fieldToScalar(field);
    return {
      node: field.node,
      keyNode: field.keyNode,
      form: "short",
      context,
      dockerfile: null,
      dockerfileInline: null,
      target: null,
      args: [],
      labels: [],
      additionalContexts: [],
      secrets: [],
      contextPath: context?.resolved ?? null,
      dockerfilePath: "Dockerfile",
    };
  }
  if (field.node.type !== "YAMLMapping") return null;
  const mapping = field.node;
  const sub = (key: string) => subScalar(builder, mapping, key, field.via);
  const subFields = builder.fields(mapping);
  const context = sub("context");
  const dockerfile = sub("dockerfile");
  const dockerfileInline = sub("dockerfile_inline");
  const subField = (key: string) => {
    const entry = subFields.get(key);
    return entry ? toServiceField(entry, field.via, builder.env) : undefined;
  };
  return {
    node: mapping,
    keyNode: field.keyNode,
    form: "long",
    context,
    dockerfile,
    dockerfileInline,
    target: sub("target"),
    args: buildKeyValues(builder, subField("args")),
    labels: buildKeyValues(builder, subField("labels")),
    additionalContexts: buildKeyValues(builder, subField("additional_contexts")),
    secrets: buildFileReferences(builder, subField("secrets")),
    contextPath: context ? context.resolved : ".",
    dockerfilePath: dockerfileInline ? null : dockerfile ? dockerfile.resolved : "Dockerfile",
  };
}

function buildHealthcheck(builder: Builder, field: ServiceField | undefined): ComposeHealthcheck | null {
  if (!field || isNullField(field)) return null;
  const mapping = field.node?.type === "YAMLMapping" ? field.node : null;
  const healthcheck: ComposeHealthcheck = {
    node: mapping,
    keyNode: field.keyNode,
    disabled: false,
    disable: null,
    test: null,
    interval: null,
    timeout: null,
    startPeriod: null,
    startInterval: null,
    retries: null,
  };
  if (!mapping) return healthcheck;
  const sub = (key: string) => subScalar(builder, mapping, key, field.via);
  healthcheck.disable = sub("disable");
  healthcheck.interval = sub("interval");
  healthcheck.timeout = sub("timeout");
  healthcheck.startPeriod = sub("start_period");
  healthcheck.startInterval = sub("start_interval");
  healthcheck.retries = sub("retries");
  const testEntry = builder.fields(mapping).get("test");
  const testNode = testEntry?.value.node;
  const testVia = field.via ?? testEntry?.mergeVia ?? testEntry?.value.via ?? null;
  if (testEntry && testNode?.type === "YAMLScalar" && testNode.value !== null) {
    const command = toScalarValue(testEntry.value, testVia, builder.env);
    healthcheck.test = { form: "string", kind: "CMD-SHELL", node: testNode, kindNode: null, command: command ? [command] : [] };
  } else if (testEntry && testNode?.type === "YAMLSequence") {
    const items = getSequenceItems(testNode).map((item) => toScalarValue(item, testVia, builder.env));
    const first = items[0] ?? null;
    const kindText = first?.resolved ?? null;
    const kind: HealthcheckTestKind | null =
      kindText === "CMD" || kindText === "CMD-SHELL" || kindText === "NONE" ? kindText : null;
    const test: HealthcheckTest = {
      form: "list",
      kind,
      node: testNode,
      kindNode: first,
      command: items.slice(1).filter((item): item is ScalarValue => item !== null),
    };
    healthcheck.test = test;
  }
  healthcheck.disabled = asBoolean(healthcheck.disable) === true || healthcheck.test?.kind === "NONE";
  return healthcheck;
}

const DEFAULT_CONDITION = "service_started";

function buildDependsOn(builder: Builder, field: ServiceField | undefined): DependsOnEntry[] {
  const entries: DependsOnEntry[] = [];
  if (!field || !field.node) return entries;
  if (field.node.type === "YAMLSequence") {
    for (const item of getSequenceItems(field.node)) {
      const value = toScalarValue(item, field.via, builder.env);
      if (!value) continue;
      entries.push({
        form: "short",
        service: value.resolved ?? value.text,
        serviceNode: value.node,
        condition: DEFAULT_CONDITION,
        conditionNode: null,
        required: true,
        requiredNode: null,
        restart: null,
        node: value.node,
      });
    }
  } else if (field.node.type === "YAMLMapping") {
    for (const [name, entry] of builder.fields(field.node)) {
      const keyNode = resolveNode(entry.keyNode).node;
      if (!keyNode || keyNode.type !== "YAMLScalar") continue;
      const mapping = entry.value.node?.type === "YAMLMapping" ? entry.value.node : null;
      const via = field.via ?? entry.mergeVia ?? entry.value.via;
      const conditionNode = mapping ? subScalar(builder, mapping, "condition", via) : null;
      const requiredNode = mapping ? subScalar(builder, mapping, "required", via) : null;
      entries.push({
        form: "long",
        service: name,
        serviceNode: keyNode,
        condition: conditionNode?.resolved ?? DEFAULT_CONDITION,
        conditionNode,
        required: asBoolean(requiredNode) ?? true,
        requiredNode,
        restart: mapping ? subScalar(builder, mapping, "restart", via) : null,
        node: mapping,
      });
    }
  }
  return entries;
}

function buildPorts(builder: Builder, field: ServiceField | undefined): PortEntry[] {
  const ports: PortEntry[] = [];
  if (!field || field.node?.type !== "YAMLSequence") return ports;
  for (const item of getSequenceItems(field.node)) {
    const via = field.via ?? item.via;
    if (item.node?.type === "YAMLScalar") {
      const spec = toScalarValue(item, via, builder.env);
      if (!spec) continue;
      const parsed = spec.resolved === null ? null : parsePortSpec(spec.resolved);
      ports.push({
        form: "short",
        node: item.node,
        spec,
        parsed,
        target: null,
        published: null,
        hostIpNode: null,
        protocolNode: null,
        mode: null,
        name: null,
        hostIp: parsed?.hostIp ?? null,
        hostPort: parsed?.hostPort ?? null,
        containerPort: parsed?.containerPort || null,
        protocol: parsed?.protocol ?? "tcp",
        unresolved: parsed === null,
        error: parsed?.error ?? null,
      });
    } else if (item.node?.type === "YAMLMapping") {
      const mapping = item.node;
      const sub = (key: string) => subScalar(builder, mapping, key, via);
      const target = sub("target");
      const published = sub("published");
      const hostIpNode = sub("host_ip");
      const protocolNode = sub("protocol");
      const parts = [target, published, hostIpNode, protocolNode].filter((v): v is ScalarValue => v !== null);
      ports.push({
        form: "long",
        node: mapping,
        spec: null,
        parsed: null,
        target,
        published,
        hostIpNode,
        protocolNode,
        mode: sub("mode"),
        name: sub("name"),
        hostIp: hostIpNode?.resolved || null,
        hostPort: published ? published.resolved || null : null,
        containerPort: target?.resolved || null,
        protocol: protocolNode?.resolved?.toLowerCase() || "tcp",
        unresolved: parts.some((part) => part.resolved === null),
        error: target ? null : "a long-syntax port needs a target",
      });
    }
  }
  return ports;
}

function buildKeyValues(builder: Builder, field: ServiceField | undefined): KeyValueEntry[] {
  const entries: KeyValueEntry[] = [];
  if (!field || !field.node) return entries;
  if (field.node.type === "YAMLMapping") {
    // Keys are data here (variable names, label keys): `x-` keys are kept.
    for (const [key, entry] of builder.fields(field.node, false)) {
      const keyNode = resolveNode(entry.keyNode).node;
      if (!keyNode || keyNode.type !== "YAMLScalar") continue;
      const via = field.via ?? entry.mergeVia ?? entry.value.via;
      const value = toScalarValue(entry.value, via, builder.env);
      const hasValue = value !== null && value.value !== null;
      entries.push({
        form: "map",
        key,
        keyNode,
        valueNode: value?.node ?? null,
        value: hasValue ? value.text : null,
        resolved: hasValue ? value.resolved : null,
        variables: hasValue ? value.variables : [],
        valueIndex: 0,
        node: entry.pair,
        via,
      });
    }
  } else if (field.node.type === "YAMLSequence") {
    for (const item of getSequenceItems(field.node)) {
      const via = field.via ?? item.via;
      const value = toScalarValue(item, via, builder.env);
      if (!value || value.value === null) continue;
      const equals = value.text.indexOf("=");
      const key = equals < 0 ? value.text : value.text.slice(0, equals);
      const raw = equals < 0 ? null : value.text.slice(equals + 1);
      const interpolated = raw === null ? null : raw.includes("$") ? interpolate(raw, builder.env?.environment) : null;
      entries.push({
        form: "list",
        key,
        keyNode: value.node,
        valueNode: value.node,
        value: raw,
        resolved: raw === null ? null : interpolated ? interpolated.value : raw,
        variables: interpolated?.usedVariables ?? [],
        valueIndex: equals < 0 ? value.text.length : equals + 1,
        node: value.node,
        via,
      });
    }
  }
  return entries;
}

function buildEnvFile(builder: Builder, field: ServiceField | undefined): EnvFileEntry[] {
  const entries: EnvFileEntry[] = [];
  if (!field || !field.node) return entries;
  const add = (item: ResolvedNode) => {
    const via = field.via ?? item.via;
    if (item.node?.type === "YAMLScalar") {
      const pathNode = toScalarValue(item, via, builder.env);
      if (!pathNode || pathNode.value === null) return;
      entries.push({
        form: "short",
        pathNode,
        path: pathNode.text,
        resolvedPath: pathNode.resolved,
        required: true,
        requiredNode: null,
        format: null,
        node: item.node,
      });
    } else if (item.node?.type === "YAMLMapping") {
      const mapping = item.node;
      const pathNode = subScalar(builder, mapping, "path", via);
      if (!pathNode) return;
      const requiredNode = subScalar(builder, mapping, "required", via);
      entries.push({
        form: "long",
        pathNode,
        path: pathNode.text,
        resolvedPath: pathNode.resolved,
        required: asBoolean(requiredNode) ?? true,
        requiredNode,
        format: subScalar(builder, mapping, "format", via),
        node: mapping,
      });
    }
  };
  if (field.node.type === "YAMLSequence") {
    for (const item of getSequenceItems(field.node)) add(item);
  } else {
    add({ ...field.entry.value, via: field.via });
  }
  return entries;
}

const VOLUME_TYPES: ReadonlySet<string> = new Set(SPECIFIED_VOLUME_TYPES);

function buildVolumes(builder: Builder, field: ServiceField | undefined): VolumeEntry[] {
  const volumes: VolumeEntry[] = [];
  if (!field || field.node?.type !== "YAMLSequence") return volumes;
  for (const item of getSequenceItems(field.node)) {
    const via = field.via ?? item.via;
    if (item.node?.type === "YAMLScalar") {
      const spec = toScalarValue(item, via, builder.env);
      if (!spec || spec.value === null) continue;
      // Compose interpolates first; when that is not possible, parse the raw text (compose-go's
      // parser keeps `${…}` together) so that at least the shape is known.
      const parsed = parseVolumeSpec(spec.resolved ?? spec.text);
      volumes.push({
        form: "short",
        node: item.node,
        spec,
        parsed,
        typeNode: null,
        sourceNode: null,
        targetNode: null,
        readOnlyNode: null,
        type: parsed.type,
        source: parsed.source,
        target: parsed.target || null,
        readOnly: parsed.readOnly,
        unresolved: spec.resolved === null,
        error: parsed.error,
      });
    } else if (item.node?.type === "YAMLMapping") {
      const mapping = item.node;
      const sub = (key: string) => subScalar(builder, mapping, key, via);
      const typeNode = sub("type");
      const sourceNode = sub("source");
      const targetNode = sub("target");
      const readOnlyNode = sub("read_only");
      const type = typeNode?.resolved ?? null;
      const parts = [typeNode, sourceNode, targetNode].filter((v): v is ScalarValue => v !== null);
      let error: string | null = null;
      if (!typeNode) error = "a long-syntax volume needs a type";
      else if (type !== null && !VOLUME_TYPES.has(type)) error = `unknown volume type "${type}"`;
      else if (!targetNode) error = "a long-syntax volume needs a target";
      volumes.push({
        form: "long",
        node: mapping,
        spec: null,
        parsed: null,
        typeNode,
        sourceNode,
        targetNode,
        readOnlyNode,
        type,
        source: sourceNode?.resolved || null,
        target: targetNode?.resolved || null,
        readOnly: asBoolean(readOnlyNode) === true,
        unresolved: parts.some((part) => part.resolved === null),
        error,
      });
    }
  }
  return volumes;
}

function buildNetworks(builder: Builder, field: ServiceField | undefined): NameReference[] {
  const references: NameReference[] = [];
  if (!field || !field.node) return references;
  if (field.node.type === "YAMLSequence") {
    for (const item of getSequenceItems(field.node)) {
      const value = toScalarValue(item, field.via ?? item.via, builder.env);
      if (!value || value.value === null) continue;
      references.push({ name: value.resolved ?? value.text, node: value.node, entryNode: value.node, via: value.via });
    }
  } else if (field.node.type === "YAMLMapping") {
    for (const [name, entry] of builder.fields(field.node)) {
      const keyNode = resolveNode(entry.keyNode).node;
      if (!keyNode || keyNode.type !== "YAMLScalar") continue;
      references.push({ name, node: keyNode, entryNode: entry.pair, via: field.via ?? entry.mergeVia });
    }
  }
  return references;
}

function buildFileReferences(builder: Builder, field: ServiceField | undefined): NameReference[] {
  const references: NameReference[] = [];
  if (!field || field.node?.type !== "YAMLSequence") return references;
  for (const item of getSequenceItems(field.node)) {
    const via = field.via ?? item.via;
    if (item.node?.type === "YAMLScalar") {
      const value = toScalarValue(item, via, builder.env);
      if (!value || value.value === null) continue;
      references.push({ name: value.resolved ?? value.text, node: value.node, entryNode: value.node, via });
    } else if (item.node?.type === "YAMLMapping") {
      const source = subScalar(builder, item.node, "source", via);
      if (!source) continue;
      references.push({ name: source.resolved ?? source.text, node: source.node, entryNode: item.node, via });
    }
  }
  return references;
}

function buildLinks(field: ServiceField | undefined): LinkEntry[] {
  return scalarList(field)
    .filter((value) => value.value !== null)
    .map((value) => {
      const text = value.resolved ?? value.text;
      const colon = text.indexOf(":");
      return {
        name: colon < 0 ? text : text.slice(0, colon),
        alias: colon < 0 ? null : text.slice(colon + 1),
        node: value.node,
        entryNode: value.node,
        via: value.via,
      };
    });
}

function buildExtends(builder: Builder, field: ServiceField | undefined): ExtendsEntry | null {
  if (!field || !field.node) return null;
  if (field.node.type === "YAMLScalar") {
    const value = fieldToScalar(field);
    if (!value || value.value === null) return null;
    return { service: value.resolved ?? value.text, serviceNode: value.node, file: null, node: field.node };
  }
  if (field.node.type !== "YAMLMapping") return null;
  const service = subScalar(builder, field.node, "service", field.via);
  if (!service) return null;
  return {
    service: service.resolved ?? service.text,
    serviceNode: service.node,
    file: subScalar(builder, field.node, "file", field.via),
    node: field.node,
  };
}
