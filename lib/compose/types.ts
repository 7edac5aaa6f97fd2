/**
 * The compose model: what a compose file declares, with every value carrying the AST node
 * (from `yaml-eslint-parser`) that a rule reports on or a fix rewrites.
 */
import type { DotEnv } from "./env-file.js";
import type { AST } from "yaml-eslint-parser";
import type { MappingEntry, YAMLDiagnostic } from "./yaml.js";
import type { ParsedPortSpec, ParsedVolumeSpec } from "./short-syntax.js";
import type { DEPENDS_ON_CONDITIONS, VOLUME_TYPES } from "./specification.js";

/** A scalar value of the file. */
export interface ScalarValue {
  /** The scalar node (report on it; fixes rewrite it). It may sit in an anchored node elsewhere. */
  node: AST.YAMLScalar;
  /** The value as YAML typed it (`8080` → 8080, `true` → true, `~` → null). */
  value: string | number | boolean | null;
  /** The string Compose reads (plain scalars: as written; quoted and block scalars: the unescaped string). */
  text: string;
  /**
   * `text` after interpolation with the project's `.env` (defaults apply); null when it cannot be
   * known (a variable neither the `.env` sets nor a default gives, an invalid template).
   */
  resolved: string | null;
  /** Variables `text` refers to. */
  variables: string[];
  /** The `.env` lines that set variables of `text` (empty when it uses none, or when no `.env` was read). */
  origins?: readonly VariableOrigin[];
  /**
   * The alias through which the scalar was reached from the service (a `<<: *defaults` merge or an
   * `image: *img` alias), or null. Report on it instead of `node` to put the message where the
   * service is, and to avoid one message per service on a shared anchor.
   */
  via: AST.YAMLAlias | null;
}

/** Where an interpolated variable's value came from: its line in the project's `.env`. */
export interface VariableOrigin {
  name: string;
  /** Its value (null: set to something unknown, such as a key taken from the shell). */
  value: string | null;
  /** Absolute path of the `.env` file. */
  file: string;
  /** 1-based line. */
  line: number;
}

/** An entry of a map-or-list field (`environment`, `build.args`, `labels`, `additional_contexts`). */
export interface KeyValueEntry {
  /** `map`: `KEY: value`; `list`: `- KEY=value`. */
  form: "map" | "list";
  key: string;
  /** Map form: the key scalar. List form: the item scalar (the key is its start). */
  keyNode: AST.YAMLScalar;
  /** Map form: the value scalar (null for `KEY:` / `KEY: ~`, or a non-scalar value). List form: the item scalar. */
  valueNode: AST.YAMLScalar | null;
  /**
   * The value as written, or null when there is none (`KEY:` with no value, or `- KEY` with no `=`):
   * Compose then takes it from the environment it runs in.
   */
  value: string | null;
  /** `value` interpolated with no environment; null when unknown or absent. */
  resolved: string | null;
  variables: string[];
  /** List form: the index in the item text where the value starts (after `=`); map form: 0. */
  valueIndex: number;
  /** The pair (map form) or the item scalar (list form). */
  node: AST.YAMLPair | AST.YAMLScalar;
  via: AST.YAMLAlias | null;
}

export interface ComposeBuild {
  /** The `build:` value: a scalar (short form) or a mapping (long form). */
  node: AST.YAMLScalar | AST.YAMLMapping;
  keyNode: AST.YAMLContent | AST.YAMLWithMeta;
  form: "short" | "long";
  /** Short form: the scalar itself; long form: `context:` (null when absent: Compose uses "."). */
  context: ScalarValue | null;
  dockerfile: ScalarValue | null;
  dockerfileInline: ScalarValue | null;
  target: ScalarValue | null;
  args: KeyValueEntry[];
  /** `build.labels`: labels Compose sets on the image it builds (map or list syntax). */
  labels: KeyValueEntry[];
  additionalContexts: KeyValueEntry[];
  /**
   * `build.secrets`: the secrets the build may mount (short syntax `- name`, long syntax `- source: name`),
   * each naming a top-level `secrets:` entry (compose-go `checkConsistency`: "refers to undefined build secret").
   */
  secrets: NameReference[];
  /** The context path after interpolation, "." when not given; null when it cannot be known. */
  contextPath: string | null;
  /** The Dockerfile path after interpolation, "Dockerfile" when not given; null when unknown or inline. */
  dockerfilePath: string | null;
}

export type HealthcheckTestKind = "CMD" | "CMD-SHELL" | "NONE";

export interface HealthcheckTest {
  /** `string`: `test: curl -f …` (run with the shell); `list`: `test: ["CMD", "curl", …]`. */
  form: "string" | "list";
  /** What Compose runs: a string test is CMD-SHELL; a list names it in its first item. Null for an unknown first item. */
  kind: HealthcheckTestKind | null;
  /** The `test:` value node. */
  node: AST.YAMLScalar | AST.YAMLSequence;
  /** List form: the first item (`CMD`, `CMD-SHELL`, `NONE`); null for the string form. */
  kindNode: ScalarValue | null;
  /** The command: the string (string form), or the items after the first (list form). */
  command: ScalarValue[];
}

export interface ComposeHealthcheck {
  /** The `healthcheck:` mapping (null when its value is not a mapping; an empty `healthcheck:` gives no ComposeHealthcheck at all). */
  node: AST.YAMLMapping | null;
  keyNode: AST.YAMLContent | AST.YAMLWithMeta;
  /** `disable: true`, or `test: ["NONE"]`. */
  disabled: boolean;
  disable: ScalarValue | null;
  test: HealthcheckTest | null;
  interval: ScalarValue | null;
  timeout: ScalarValue | null;
  startPeriod: ScalarValue | null;
  startInterval: ScalarValue | null;
  retries: ScalarValue | null;
}

export type DependsOnCondition = (typeof DEPENDS_ON_CONDITIONS)[number];

export interface DependsOnEntry {
  form: "short" | "long";
  service: string;
  /** The scalar naming the service (list item, or key of the long form). */
  serviceNode: AST.YAMLScalar;
  /** The condition as written, or `service_started` when not written (Compose's default). */
  condition: DependsOnCondition | string;
  conditionNode: ScalarValue | null;
  /** `required:` (default true). */
  required: boolean;
  requiredNode: ScalarValue | null;
  restart: ScalarValue | null;
  /** Long form: the mapping of the entry (null when the entry has no mapping); short form: the item scalar. */
  node: AST.YAMLScalar | AST.YAMLMapping | null;
}

export interface PortEntry {
  form: "short" | "long";
  /** The item: a scalar (short form) or a mapping (long form). */
  node: AST.YAMLScalar | AST.YAMLMapping;
  /** Short form: the scalar. */
  spec: ScalarValue | null;
  /** Short form: the parse of the interpolated spec (null when it cannot be interpolated). */
  parsed: ParsedPortSpec | null;
  /** Long form fields. */
  target: ScalarValue | null;
  published: ScalarValue | null;
  hostIpNode: ScalarValue | null;
  protocolNode: ScalarValue | null;
  mode: ScalarValue | null;
  name: ScalarValue | null;
  /** Host IP (both forms); null when none is given: the port is bound on every interface. */
  hostIp: string | null;
  /** Published host port or range (both forms); null when none is given (a random host port). */
  hostPort: string | null;
  /** Container port or range (both forms); null when unknown. */
  containerPort: string | null;
  /** Lowercased protocol, `tcp` by default. */
  protocol: string;
  /** Some part could not be interpolated: the fields above may be incomplete. */
  unresolved: boolean;
  /** Why Compose would reject the entry, or null. */
  error: string | null;
}

export type VolumeType = (typeof VOLUME_TYPES)[number];

export interface VolumeEntry {
  form: "short" | "long";
  node: AST.YAMLScalar | AST.YAMLMapping;
  /** Short form: the scalar. */
  spec: ScalarValue | null;
  /** Short form: the parse of the interpolated spec (or of the raw text when it cannot be interpolated). */
  parsed: ParsedVolumeSpec | null;
  /** Long form fields. */
  typeNode: ScalarValue | null;
  sourceNode: ScalarValue | null;
  targetNode: ScalarValue | null;
  readOnlyNode: ScalarValue | null;
  type: VolumeType | string | null;
  /** Host path (bind), volume name (volume), null for an anonymous volume or tmpfs. */
  source: string | null;
  target: string | null;
  readOnly: boolean;
  unresolved: boolean;
  error: string | null;
}

export interface EnvFileEntry {
  form: "short" | "long";
  /** The path scalar. */
  pathNode: ScalarValue;
  path: string;
  /** Interpolated path; null when unknown. */
  resolvedPath: string | null;
  /** `required:` (default true): a missing required file makes Compose fail. */
  required: boolean;
  requiredNode: ScalarValue | null;
  format: ScalarValue | null;
  node: AST.YAMLScalar | AST.YAMLMapping;
}

/** A name reference: a network, secret, config or link of a service. */
export interface NameReference {
  name: string;
  /** The scalar naming it (list item, map key, or `source:` of a long form). */
  node: AST.YAMLScalar;
  /** The item/entry node (a scalar, or the long-form mapping / map pair value). */
  entryNode: AST.YAMLNode;
  via: AST.YAMLAlias | null;
}

export interface LinkEntry extends NameReference {
  /** `SERVICE:ALIAS` → the alias, else null. */
  alias: string | null;
}

export interface ExtendsEntry {
  /** The service extended. */
  service: string;
  serviceNode: AST.YAMLScalar;
  /** `file:` (another compose file), or null for the same file. */
  file: ScalarValue | null;
  node: AST.YAMLScalar | AST.YAMLMapping;
}

/** A field of a service after merge keys are applied (see `getServiceField`). */
export interface ServiceField {
  name: string;
  /** The key node (it may sit in an anchored mapping merged into the service). */
  keyNode: AST.YAMLContent | AST.YAMLWithMeta;
  pair: AST.YAMLPair;
  /** The resolved value: mapping, sequence or scalar; null for an empty value. */
  node: AST.YAMLMapping | AST.YAMLSequence | AST.YAMLScalar | null;
  tag: string | null;
  /** Came from a `<<` merge source. */
  merged: boolean;
  /** The alias in the service through which it was reached (merge or value alias), or null. */
  via: AST.YAMLAlias | null;
  /** The underlying entry. */
  entry: MappingEntry;
  /** The project's `.env` its values are interpolated with (null: none; unset variables are unknown). */
  environment: DotEnv | null;
}

export interface ComposeService {
  name: string;
  /** The key naming the service under `services:` (report "service X …" here). */
  keyNode: AST.YAMLContent | AST.YAMLWithMeta;
  pair: AST.YAMLPair;
  /** The service mapping (possibly reached through an alias); null when the service value is empty or not a mapping. */
  node: AST.YAMLMapping | null;
  /** All fields (merge keys applied, `x-` fields and `!reset` fields left out), in source order. */
  fields: ReadonlyMap<string, ServiceField>;

  image: ScalarValue | null;
  build: ComposeBuild | null;
  healthcheck: ComposeHealthcheck | null;
  dependsOn: DependsOnEntry[];
  ports: PortEntry[];
  /** `expose:` items. */
  expose: ScalarValue[];
  environment: KeyValueEntry[];
  envFile: EnvFileEntry[];
  labels: KeyValueEntry[];
  user: ScalarValue | null;
  privileged: ScalarValue | null;
  readOnly: ScalarValue | null;
  restart: ScalarValue | null;
  containerName: ScalarValue | null;
  networkMode: ScalarValue | null;
  pid: ScalarValue | null;
  ipc: ScalarValue | null;
  usernsMode: ScalarValue | null;
  workingDir: ScalarValue | null;
  capAdd: ScalarValue[];
  capDrop: ScalarValue[];
  securityOpt: ScalarValue[];
  profiles: ScalarValue[];
  volumes: VolumeEntry[];
  /** `volumes_from:` items (`service`, `service:ro`, `container:name`). */
  volumesFrom: ScalarValue[];
  networks: NameReference[];
  secrets: NameReference[];
  configs: NameReference[];
  links: LinkEntry[];
  extends: ExtendsEntry | null;
  /** `command:` / `entrypoint:`: a scalar (shell form string) or the list items. */
  command: ScalarValue | ScalarValue[] | null;
  entrypoint: ScalarValue | ScalarValue[] | null;
  /** `deploy:` and the service-level resource fields (`mem_limit`, `cpus`…). */
  resources: ComposeResources;
}

/**
 * A service's resource settings, from `deploy.resources` (Compose Specification, `deploy.md`) and the
 * service-level fields Compose applies to the same container (`mem_limit`, `memswap_limit`,
 * `mem_reservation`, `cpus`, `cpu_quota`, `pids_limit`). Scalars as written (sizes like `512M` are not
 * converted).
 */
export interface ComposeResources {
  /** The `deploy:` mapping, or null. */
  deploy: AST.YAMLMapping | null;
  replicas: ScalarValue | null;
  /** `deploy.restart_policy.condition`. */
  restartPolicy: ScalarValue | null;
  limits: { cpus: ScalarValue | null; memory: ScalarValue | null; pids: ScalarValue | null };
  reservations: { cpus: ScalarValue | null; memory: ScalarValue | null };
  memLimit: ScalarValue | null;
  memReservation: ScalarValue | null;
  cpus: ScalarValue | null;
  cpuQuota: ScalarValue | null;
  pidsLimit: ScalarValue | null;
}

/** A top-level network, volume, secret or config. */
export interface ComposeResource {
  name: string;
  keyNode: AST.YAMLContent | AST.YAMLWithMeta;
  pair: AST.YAMLPair;
  /** The definition mapping; null for `name:` with an empty value (a default definition). */
  node: AST.YAMLMapping | null;
  /** `external: true` (or the legacy `external: { name: … }`). */
  external: boolean;
  /** The `name:` field (the real name of the resource), if any. */
  realName: ScalarValue | null;
}

export type ComposeDiagnosticKind =
  | YAMLDiagnostic["kind"]
  | "not-a-mapping"
  | "invalid-section"
  | "invalid-service";

export interface ComposeDiagnostic {
  kind: ComposeDiagnosticKind;
  message: string;
  node: AST.YAMLNode;
}

export interface ComposeFile {
  /** The document this model reads (one of the file's mapping documents). */
  document: AST.YAMLDocument;
  /** Its index in `program.body`. */
  documentIndex: number;
  /** The top-level mapping. */
  root: AST.YAMLMapping;
  /** All top-level fields (merge keys applied, `x-` and `!reset` fields left out). */
  fields: ReadonlyMap<string, MappingEntry>;
  /** The top-level `version:` pair (obsolete in Compose v2), or null. */
  version: AST.YAMLPair | null;
  name: ScalarValue | null;
  services: ReadonlyMap<string, ComposeService>;
  networks: ReadonlyMap<string, ComposeResource>;
  volumes: ReadonlyMap<string, ComposeResource>;
  secrets: ReadonlyMap<string, ComposeResource>;
  configs: ReadonlyMap<string, ComposeResource>;
  /** Top-level `x-*` extension fields. */
  extensions: ReadonlyMap<string, MappingEntry>;
  /** Things a rule may want to know about: unresolved aliases, odd shapes. */
  diagnostics: ComposeDiagnostic[];
  /**
   * Every mapping document of the file, this one included, in file order: Compose merges them, each
   * over the ones before it (compose-go `loader/loader.go`, `loadYamlFile`). All share one array.
   */
  documents: readonly ComposeFile[];
  /** The project's `.env` the values were interpolated with, or null. */
  environment: DotEnv | null;
}

export type { MappingEntry };
