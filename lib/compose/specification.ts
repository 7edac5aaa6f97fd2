/**
 * Our typed encoding of the Compose Specification (https://github.com/compose-spec/compose-spec,
 * `spec.md`, `build.md`, `deploy.md`, `develop.md`): every top-level element and every service
 * attribute, its type, its allowed values and shapes. `valid-compose-file` walks a file with it.
 *
 * Types follow what the file's YAML gives before interpolation (Compose validates the same way: a
 * field that may hold `${VAR}` accepts a string). On top of the shapes, a few string fields carry a
 * `format` the specification defines in prose (durations, byte sizes, restart policies, port and
 * volume short syntax), checked by the validator as "semantic" problems.
 */

/** A JSON type as YAML produces it. */
export type ScalarType = "string" | "number" | "integer" | "boolean" | "null";

/** Formats the specification describes in prose for string values. */
export type StringFormat = "duration" | "bytes" | "restart" | "port" | "volume";

export type Shape =
  /** A scalar of one of these types (`enum`: allowed values; `pattern`: what a string must contain). */
  | { kind: "scalar"; types: readonly ScalarType[]; enum?: readonly (string | number | boolean)[]; pattern?: RegExp; minimum?: number; maximum?: number; format?: StringFormat }
  | { kind: "list"; items: Shape; unique?: boolean }
  /**
   * A mapping. `fields`: known keys. `extensions`: `x-` keys allowed. `keys`/`values`: other keys must
   * match `keys` and their values `values`; without `keys`, unknown keys are errors when `closed`.
   */
  | { kind: "object"; name: string; fields: Readonly<Record<string, Shape>>; required?: readonly string[]; extensions?: boolean; keys?: RegExp; values?: Shape; closed: boolean; nullable?: boolean }
  /** Exactly one of these (the alternatives differ by YAML kind or type). */
  | { kind: "oneOf"; options: readonly Shape[] }
  | { kind: "any" };

const scalar = (types: ScalarType | readonly ScalarType[], extra: Omit<Extract<Shape, { kind: "scalar" }>, "kind" | "types"> = {}): Shape => ({ kind: "scalar", types: typeof types === "string" ? [types] : types, ...extra });
const STRING = scalar("string");
const BOOLEAN = scalar("boolean");
const INTEGER = scalar("integer");
const NUMBER = scalar("number");
const NULL = scalar("null");
const BOOL_OR_STRING = scalar(["boolean", "string"]);
const INT_OR_STRING = scalar(["integer", "string"]);
const NUM_OR_STRING = scalar(["number", "string"]);
const DURATION = scalar("string", { format: "duration" });
const BYTES = scalar(["number", "string"], { format: "bytes" });
const list = (items: Shape, unique = false): Shape => ({ kind: "list", items, unique });
const oneOf = (...options: Shape[]): Shape => ({ kind: "oneOf", options });

/** A closed mapping with the given fields, `x-` extensions allowed unless said otherwise. */
function object(name: string, fields: Record<string, Shape>, options: { required?: string[]; extensions?: boolean; nullable?: boolean } = {}): Shape {
  return { kind: "object", name, fields, closed: true, extensions: options.extensions ?? true, required: options.required, nullable: options.nullable };
}

/** A mapping of arbitrary keys (matching `keys`) to `values`. */
function dict(name: string, values: Shape, keys = /^.+$/su, closed = true): Shape {
  return { kind: "object", name, fields: {}, keys, values, closed, extensions: false };
}

const NAME_KEY = /^[\w.-]+$/u;
const LIST_OF_STRINGS = list(STRING, true);
const STRING_OR_LIST = oneOf(STRING, LIST_OF_STRINGS);
const LIST_OR_DICT = oneOf(dict("mapping", scalar(["string", "number", "boolean", "null"]), /^.+$/su), list(STRING, true));
const COMMAND = oneOf(NULL, STRING, list(STRING));
const DRIVER_OPTS = dict("driver_opts", scalar(["string", "number"]), /^.+$/su, false);
const EXTERNAL = oneOf(scalar(["boolean", "string"]), object("external", { name: STRING }, { extensions: true }));
const EXTRA_HOSTS = oneOf(dict("extra_hosts", oneOf(STRING, list(STRING)), /^.+$/su), list(STRING, true));
const ULIMITS = dict("ulimits", oneOf(INT_OR_STRING, object("ulimit", { hard: INT_OR_STRING, soft: INT_OR_STRING }, { required: ["soft", "hard"] })), /^[a-z]+$/u, false);
const SERVICE_CONFIG_OR_SECRET = list(oneOf(STRING, object("secret or config reference", { source: STRING, target: STRING, uid: STRING, gid: STRING, mode: NUM_OR_STRING })));
const DEVICE_REQUEST = { capabilities: LIST_OF_STRINGS, count: INT_OR_STRING, device_ids: LIST_OF_STRINGS, driver: STRING, options: LIST_OR_DICT };
const SERVICE_HOOK = object("hook", { command: COMMAND, user: STRING, privileged: BOOL_OR_STRING, working_dir: STRING, environment: LIST_OR_DICT }, { required: ["command"] });
const PRE_START_HOOK = object("pre_start hook", { command: COMMAND, image: STRING, user: STRING, privileged: BOOL_OR_STRING, working_dir: STRING, environment: LIST_OR_DICT, per_replica: BOOL_OR_STRING });
const BLKIO_LIMIT = object("blkio limit", { path: STRING, rate: INT_OR_STRING }, { extensions: false });

const UPDATE_CONFIG = (name: string) =>
  object(name, {
    parallelism: INT_OR_STRING,
    delay: DURATION,
    failure_action: STRING,
    monitor: DURATION,
    max_failure_ratio: NUM_OR_STRING,
    order: scalar("string", { enum: ["start-first", "stop-first"] }),
  });

/** Compose Specification, `deploy.md`. */
const DEPLOY = object(
  "deploy",
  {
    mode: STRING,
    endpoint_mode: STRING,
    replicas: INT_OR_STRING,
    labels: LIST_OR_DICT,
    rollback_config: UPDATE_CONFIG("rollback_config"),
    update_config: UPDATE_CONFIG("update_config"),
    resources: object("resources", {
      limits: object("limits", { cpus: NUM_OR_STRING, memory: scalar("string", { format: "bytes" }), pids: INT_OR_STRING }),
      reservations: object("reservations", {
        cpus: NUM_OR_STRING,
        memory: scalar("string", { format: "bytes" }),
        generic_resources: list(object("generic resource", { discrete_resource_spec: object("discrete_resource_spec", { kind: STRING, value: NUM_OR_STRING }) })),
        devices: list(object("device request", DEVICE_REQUEST, { required: ["capabilities"] })),
      }),
    }),
    restart_policy: object("restart_policy", { condition: STRING, delay: DURATION, max_attempts: INT_OR_STRING, window: DURATION }),
    placement: object("placement", {
      constraints: list(STRING),
      preferences: list(object("placement preference", { spread: STRING })),
      max_replicas_per_node: INT_OR_STRING,
    }),
  },
  { nullable: true },
);

/** Compose Specification, `develop.md`. */
const DEVELOP = object(
  "develop",
  {
    watch: list(
      object(
        "watch rule",
        {
          ignore: STRING_OR_LIST,
          include: STRING_OR_LIST,
          path: STRING,
          action: scalar("string", { enum: ["rebuild", "sync", "restart", "sync+restart", "sync+exec"] }),
          target: STRING,
          exec: SERVICE_HOOK,
          initial_sync: BOOLEAN,
        },
        { required: ["path", "action"] },
      ),
    ),
  },
  { nullable: true },
);

/** Compose Specification, `build.md`. */
const BUILD = oneOf(
  STRING,
  object("build", {
    context: STRING,
    dockerfile: STRING,
    dockerfile_inline: STRING,
    entitlements: list(STRING),
    args: LIST_OR_DICT,
    ssh: LIST_OR_DICT,
    labels: LIST_OR_DICT,
    cache_from: list(STRING),
    cache_to: list(STRING),
    no_cache: BOOL_OR_STRING,
    no_cache_filter: STRING_OR_LIST,
    additional_contexts: LIST_OR_DICT,
    network: STRING,
    provenance: BOOL_OR_STRING,
    sbom: BOOL_OR_STRING,
    pull: BOOL_OR_STRING,
    target: STRING,
    shm_size: scalar(["integer", "string"], { format: "bytes" }),
    extra_hosts: EXTRA_HOSTS,
    isolation: STRING,
    privileged: BOOL_OR_STRING,
    secrets: SERVICE_CONFIG_OR_SECRET,
    tags: list(STRING),
    ulimits: ULIMITS,
    platforms: list(STRING),
  }),
);

const HEALTHCHECK = object("healthcheck", {
  disable: BOOL_OR_STRING,
  interval: DURATION,
  retries: NUM_OR_STRING,
  test: oneOf(STRING, list(STRING)),
  timeout: DURATION,
  start_period: DURATION,
  start_interval: DURATION,
});

/** `depends_on` conditions (Compose Specification, "depends_on", long syntax). */
export const DEPENDS_ON_CONDITIONS = ["service_started", "service_healthy", "service_completed_successfully"] as const;

/** Long-syntax volume types (Compose Specification, "volumes", long syntax `type`). */
export const VOLUME_TYPES = ["bind", "volume", "tmpfs", "cluster", "npipe", "image"] as const;

/**
 * Restart policies (Compose Specification, "restart"; docs.docker.com/engine/containers/start-containers-automatically/):
 * `on-failure` may carry a retry count (`on-failure:3`). The `restart` format of validate.ts reads them.
 */
export const RESTART_POLICIES = ["no", "always", "unless-stopped", "on-failure"] as const;

/** Compose Specification, "services" (`05-services.md`): every service attribute. */
const SERVICE: Shape = object("service", {
  develop: DEVELOP,
  deploy: DEPLOY,
  annotations: LIST_OR_DICT,
  attach: BOOL_OR_STRING,
  build: BUILD,
  blkio_config: object(
    "blkio_config",
    {
      device_read_bps: list(BLKIO_LIMIT),
      device_read_iops: list(BLKIO_LIMIT),
      device_write_bps: list(BLKIO_LIMIT),
      device_write_iops: list(BLKIO_LIMIT),
      weight: INT_OR_STRING,
      weight_device: list(object("blkio weight", { path: STRING, weight: INT_OR_STRING }, { extensions: false })),
    },
    { extensions: false },
  ),
  cap_add: list(STRING),
  cap_drop: list(STRING),
  cgroup: scalar("string", { enum: ["host", "private"] }),
  cgroup_parent: STRING,
  command: COMMAND,
  configs: SERVICE_CONFIG_OR_SECRET,
  container_name: scalar("string", { pattern: /[a-zA-Z0-9][\w.-]+/u }),
  cpu_count: oneOf(STRING, scalar("integer", { minimum: 0 })),
  cpu_percent: oneOf(STRING, scalar("integer", { minimum: 0, maximum: 100 })),
  cpu_shares: NUM_OR_STRING,
  cpu_quota: NUM_OR_STRING,
  cpu_period: NUM_OR_STRING,
  cpu_rt_period: NUM_OR_STRING,
  cpu_rt_runtime: NUM_OR_STRING,
  cpus: NUM_OR_STRING,
  cpuset: STRING,
  credential_spec: object("credential_spec", { config: STRING, file: STRING, registry: STRING }),
  depends_on: oneOf(
    LIST_OF_STRINGS,
    dict(
      "depends_on",
      object("dependency", { restart: BOOL_OR_STRING, required: BOOLEAN, condition: scalar("string", { enum: DEPENDS_ON_CONDITIONS }) }, { required: ["condition"] }),
      NAME_KEY,
    ),
  ),
  device_cgroup_rules: LIST_OF_STRINGS,
  devices: list(oneOf(STRING, object("device", { source: STRING, target: STRING, permissions: STRING }, { required: ["source"] }))),
  dns: STRING_OR_LIST,
  dns_opt: list(STRING),
  dns_search: STRING_OR_LIST,
  domainname: STRING,
  entrypoint: COMMAND,
  env_file: oneOf(STRING, list(oneOf(STRING, object("env_file", { path: STRING, format: STRING, required: BOOL_OR_STRING }, { required: ["path"], extensions: false })))),
  label_file: oneOf(STRING, list(STRING)),
  environment: LIST_OR_DICT,
  expose: list(scalar(["string", "number"]), true),
  extends: oneOf(STRING, object("extends", { service: STRING, file: STRING }, { required: ["service"], extensions: false })),
  provider: object("provider", { type: STRING, options: dict("options", oneOf(scalar(["string", "number", "boolean"]), list(scalar(["string", "number", "boolean"]))), /^.+$/su, false) }, { required: ["type"] }),
  external_links: list(STRING),
  extra_hosts: EXTRA_HOSTS,
  gpus: oneOf(scalar("string", { enum: ["all"] }), list({ kind: "object", name: "gpu", fields: DEVICE_REQUEST, closed: false })),
  group_add: list(scalar(["string", "number"]), true),
  healthcheck: HEALTHCHECK,
  hostname: STRING,
  image: STRING,
  init: BOOL_OR_STRING,
  ipc: STRING,
  isolation: STRING,
  labels: LIST_OR_DICT,
  links: list(STRING),
  logging: object("logging", { driver: STRING, options: dict("options", scalar(["string", "number", "null"]), /^.+$/su, false) }),
  mac_address: STRING,
  mem_limit: BYTES,
  mem_reservation: scalar(["string", "integer"], { format: "bytes" }),
  mem_swappiness: scalar(["integer", "string"]),
  memswap_limit: BYTES,
  network_mode: STRING,
  models: oneOf(LIST_OF_STRINGS, dict("models", oneOf(object("model reference", { endpoint_var: STRING, model_var: STRING }), NULL), NAME_KEY, false)),
  networks: oneOf(
    LIST_OF_STRINGS,
    dict(
      "networks",
      oneOf(
        object("service network", {
          aliases: LIST_OF_STRINGS,
          interface_name: STRING,
          ipv4_address: STRING,
          ipv6_address: STRING,
          link_local_ips: LIST_OF_STRINGS,
          mac_address: STRING,
          driver_opts: DRIVER_OPTS,
          priority: NUMBER,
          gw_priority: NUMBER,
        }),
        NULL,
      ),
      NAME_KEY,
    ),
  ),
  oom_kill_disable: BOOL_OR_STRING,
  oom_score_adj: oneOf(STRING, scalar("integer", { minimum: -1000, maximum: 1000 })),
  pid: scalar(["string", "null"]),
  pids_limit: NUM_OR_STRING,
  platform: STRING,
  ports: list(
    oneOf(
      NUMBER,
      scalar("string", { format: "port" }),
      object("port", { name: STRING, mode: STRING, host_ip: STRING, target: INT_OR_STRING, published: INT_OR_STRING, protocol: STRING, app_protocol: STRING }),
    ),
    true,
  ),
  pre_start: list(PRE_START_HOOK),
  post_start: list(SERVICE_HOOK),
  pre_stop: list(SERVICE_HOOK),
  privileged: BOOL_OR_STRING,
  profiles: LIST_OF_STRINGS,
  pull_policy: scalar("string", { pattern: /always|never|build|if_not_present|missing|refresh|daily|weekly|every_(?:\d+[dhmsw])+/u }),
  pull_refresh_after: STRING,
  read_only: BOOL_OR_STRING,
  restart: scalar("string", { format: "restart" }),
  runtime: STRING,
  scale: INT_OR_STRING,
  security_opt: list(STRING),
  shm_size: BYTES,
  secrets: SERVICE_CONFIG_OR_SECRET,
  sysctls: LIST_OR_DICT,
  stdin_open: BOOL_OR_STRING,
  stop_grace_period: DURATION,
  stop_signal: STRING,
  storage_opt: { kind: "object", name: "storage_opt", fields: {}, closed: false },
  tmpfs: STRING_OR_LIST,
  tty: BOOL_OR_STRING,
  ulimits: ULIMITS,
  use_api_socket: BOOLEAN,
  user: STRING,
  uts: STRING,
  userns_mode: STRING,
  volumes: list(
    oneOf(
      scalar("string", { format: "volume" }),
      object(
        "volume mount",
        {
          type: scalar("string", { enum: VOLUME_TYPES }),
          source: STRING,
          target: STRING,
          read_only: BOOL_OR_STRING,
          consistency: STRING,
          bind: object("bind", {
            propagation: STRING,
            create_host_path: BOOL_OR_STRING,
            recursive: scalar("string", { enum: ["enabled", "disabled", "writable", "readonly"] }),
            selinux: scalar("string", { enum: ["z", "Z"] }),
          }),
          volume: object("volume", { labels: LIST_OR_DICT, nocopy: BOOL_OR_STRING, subpath: STRING }),
          tmpfs: object("tmpfs", { size: oneOf(scalar("integer", { minimum: 0 }), scalar("string", { format: "bytes" })), mode: NUM_OR_STRING }),
          image: object("image", { subpath: STRING }),
        },
        { required: ["type"] },
      ),
    ),
    true,
  ),
  volumes_from: list(STRING),
  working_dir: STRING,
});

const NETWORK = object(
  "network",
  {
    name: STRING,
    driver: STRING,
    driver_opts: DRIVER_OPTS,
    ipam: object("ipam", {
      driver: STRING,
      config: list(object("ipam config", { subnet: STRING, ip_range: STRING, gateway: STRING, aux_addresses: dict("aux_addresses", STRING) })),
      options: dict("options", STRING),
    }),
    external: EXTERNAL,
    internal: BOOL_OR_STRING,
    enable_ipv4: BOOL_OR_STRING,
    enable_ipv6: BOOL_OR_STRING,
    attachable: BOOL_OR_STRING,
    labels: LIST_OR_DICT,
  },
  { nullable: true },
);

const VOLUME = object("volume", { name: STRING, driver: STRING, driver_opts: DRIVER_OPTS, external: EXTERNAL, labels: LIST_OR_DICT }, { nullable: true });

const SECRET = object("secret", {
  name: STRING,
  environment: STRING,
  file: STRING,
  external: oneOf(scalar(["boolean", "string"]), { kind: "object", name: "external", fields: { name: STRING }, closed: false }),
  labels: LIST_OR_DICT,
  driver: STRING,
  driver_opts: DRIVER_OPTS,
  template_driver: STRING,
});

const CONFIG = object("config", {
  name: STRING,
  content: STRING,
  environment: STRING,
  file: STRING,
  external: oneOf(scalar(["boolean", "string"]), { kind: "object", name: "external", fields: { name: STRING }, closed: false }),
  labels: LIST_OR_DICT,
  template_driver: STRING,
});

const MODEL = object("model", { name: STRING, model: STRING, context_size: INTEGER, runtime_flags: list(STRING) }, { required: ["model"] });

/** The top level of a compose file (Compose Specification, `spec.md`). */
export const COMPOSE_FILE: Shape = object("compose file", {
  version: STRING,
  name: STRING,
  include: list(oneOf(STRING, object("include", { path: STRING_OR_LIST, env_file: STRING_OR_LIST, project_directory: STRING }, { extensions: false }))),
  services: dict("services", SERVICE, NAME_KEY),
  models: dict("models", MODEL, NAME_KEY, false),
  networks: dict("networks", NETWORK, NAME_KEY, false),
  volumes: dict("volumes", VOLUME, NAME_KEY),
  secrets: dict("secrets", SECRET, NAME_KEY),
  configs: dict("configs", CONFIG, NAME_KEY),
});

;
