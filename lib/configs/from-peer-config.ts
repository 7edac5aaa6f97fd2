/**
 * Config objects read from the configuration files of the linters teams move from, for `eslint.config.js`:
 *
 * ```js
 * import docker, { fromHadolintConfig, fromDclintConfig } from "eslint-plugin-docker-policy";
 * export default [...docker.configs.recommended, ...fromHadolintConfig(), ...fromDclintConfig()];
 * ```
 *
 * Each function reads its file once, when ESLint loads the config (this is the user's config code, not a
 * rule), and returns flat config objects for our own file globs, to be placed after our configs. Rules are
 * mapped through the peer-check table (`lib/peers/peer-checks.ts`); a setting with no equivalent is left out
 * and `docs/migrating.md` says so. A file that its tool would refuse is an error here too.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Linter } from "eslint";
import { yamlEslintParser } from "../utils/yaml-parser.js";
import { PEER_CHECKS, type PeerTool } from "../peers/peer-checks.js";
import { FILES } from "./files.js";

type Severity = "error" | "warning" | "info" | "style" | "ignore";

/** hadolint's severities, most severe first (`data DLSeverity`, src/Hadolint/Rule.hs: its derived order). */
const SEVERITIES: readonly Severity[] = ["error", "warning", "info", "style", "ignore"];

/**
 * Each hadolint rule's own severity, before a config overrides it: `severity = DL…C` in
 * src/Hadolint/Rule/DL*.hs (hadolint master of 2026-08-07, commit 8f936c5). `ignore` rules (DL3057) are off
 * unless a config raises them.
 */
const HADOLINT_DEFAULT_SEVERITY: Readonly<Record<string, Severity>> = {
  DL3000: "error", DL3001: "info", DL3002: "warning", DL3003: "warning", DL3004: "error", DL3006: "warning",
  DL3007: "warning", DL3008: "warning", DL3009: "info", DL3011: "error", DL3012: "error", DL3013: "warning",
  DL3014: "warning", DL3015: "info", DL3016: "warning", DL3018: "warning", DL3019: "info", DL3020: "error",
  DL3021: "error", DL3022: "warning", DL3023: "error", DL3024: "error", DL3025: "warning", DL3026: "error",
  DL3027: "warning", DL3028: "warning", DL3029: "warning", DL3030: "warning", DL3032: "warning", DL3033: "warning",
  DL3034: "warning", DL3036: "warning", DL3037: "warning", DL3038: "warning", DL3040: "warning", DL3041: "warning",
  DL3042: "warning", DL3043: "error", DL3044: "error", DL3045: "warning", DL3046: "warning", DL3047: "info",
  DL3048: "style", DL3049: "info", DL3050: "info", DL3051: "warning", DL3052: "warning", DL3053: "warning",
  DL3054: "warning", DL3055: "warning", DL3056: "warning", DL3057: "ignore", DL3058: "warning", DL3059: "info",
  DL3060: "info", DL3061: "error", DL3062: "warning", DL3063: "warning", DL3064: "warning", DL3065: "warning",
  DL3066: "info", DL3067: "warning", DL4000: "error", DL4001: "warning", DL4003: "warning", DL4004: "error",
  DL4005: "warning", DL4006: "warning",
};

/** hadolint's `label-schema` types (`readEitherLabelType`, src/Hadolint/Rule.hs; `""` is text), all of which `valid-label` knows. */
const LABEL_TYPES = new Set(["text", "url", "semver", "rfc3339", "spdx", "email", "hash"]);

export interface FromPeerConfigOptions {
  /** The config file to read; relative to `cwd`. Default: the tool's own names, looked up in `cwd`. */
  path?: string;
  /** The folder to look in and to resolve `path` against. Default: `process.cwd()` (where ESLint runs). */
  cwd?: string;
}

/** The first of `names` that exists in `cwd`, or the explicit path (which must exist). */
function configFile(options: FromPeerConfigOptions, names: readonly string[], tool: string): string | null {
  const cwd = options.cwd ?? process.cwd();
  if (options.path !== undefined) {
    const file = path.resolve(cwd, options.path);
    if (!existsSync(file)) throw new Error(`eslint-plugin-docker-policy: no ${tool} config at ${file}`);
    return file;
  }
  return names.map((name) => path.join(cwd, name)).find((file) => existsSync(file)) ?? null;
}

/** A YAML (or JSON) file's value; a parse error names the file. */
function readYaml(file: string): unknown {
  try {
    const { getStaticYAMLValue, parseYAML } = yamlEslintParser();
    return getStaticYAMLValue(parseYAML(readFileSync(file, "utf8")));
  } catch (error) {
    throw new Error(`eslint-plugin-docker-policy: cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fail(file: string, message: string): never {
  throw new Error(`eslint-plugin-docker-policy: ${file}: ${message}`);
}

function stringList(file: string, value: unknown, key: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) fail(file, `'${key}' must be a list of strings`);
  return (value as string[]).map((item) => item.trim());
}

function severityOf(file: string, value: unknown, key: string): Severity {
  const severity = value === "none" ? "ignore" : value;
  if (typeof severity !== "string" || !SEVERITIES.includes(severity as Severity)) fail(file, `'${key}' must be one of error, warning, info, style, ignore, none`);
  return severity as Severity;
}

/** Our rules a tool's check maps to. */
function rulesOf(tool: PeerTool, id: string): readonly string[] {
  return PEER_CHECKS.find((check) => check.tool === tool && check.id === id)?.rules ?? [];
}

const rank = (severity: Linter.RuleSeverity): number => ({ off: 0, warn: 1, error: 2 })[severity as "off" | "warn" | "error"];

/**
 * hadolint's `allowedRegistries` entries as `allowed-registries` entries (hadolint's `matchRegistry`,
 * src/Hadolint/Rule/DL3026.hs), or null when one of them allows every registry (`*`). `hub.docker.com`
 * stands for unqualified names there, as `docker.io` does here; `*.corp.example` means the same in both.
 */
function registriesOf(file: string, trusted: readonly string[]): string[] | null {
  if (trusted.includes("*")) return null;
  return trusted.map((entry) => {
    if (entry === "hub.docker.com") return "docker.io";
    if (entry.includes("*") && !/^\*\.[^*]+$/u.test(entry)) {
      fail(file, `trustedRegistries entry '${entry}': only '*' and '*.domain' wildcards have an equivalent in docker/allowed-registries; list the registries instead`);
    }
    return entry;
  });
}

/**
 * Reads hadolint's config (`.hadolint.yaml`, `.hadolint.yml` in `cwd`, or `options.path`; hadolint's
 * schema in src/Hadolint/Config/Configuration.hs) and returns the equivalent config for Dockerfiles, or
 * `[]` when there is no such file:
 *
 * - `ignored` codes: their rules `off` (a rule that covers several codes, such as `pin-package-versions`,
 *   is off when any of them is ignored, as `# hadolint ignore=` silences it); ShellCheck codes are skipped;
 * - each rule's severity as hadolint would judge it: its code's own severity or `override` (error,
 *   warning, info, style), `error` when it reaches `failure-threshold` (default `info`) and `warn` below it
 *   or with `no-fail` (hadolint prints those and still passes); a rule covering several codes takes the
 *   strongest. A rule is set only when the file names one of its codes or the result is not `error`;
 * - `trustedRegistries` → `docker/allowed-registries` `registries`;
 * - `label-schema` and `strict-labels` → `docker/valid-label` `schema` and `strictLabels`;
 * - `disable-ignore-pragma` → `languageOptions.peerSuppressions: false` (it turns off every peer's comments,
 *   not only hadolint's).
 *
 * Place it after `docker.configs.recommended` (or `strict`), which registers the plugin.
 */
export function fromHadolintConfig(options: FromPeerConfigOptions = {}): Linter.Config[] {
  const file = configFile(options, [".hadolint.yaml", ".hadolint.yml"], "hadolint");
  if (file === null) return [];
  const raw = readYaml(file);
  if (raw === null) return [];
  if (!isRecord(raw)) fail(file, "the file must be a mapping (ignored, override, trustedRegistries, …)");

  const ignored = new Set(stringList(file, raw["ignored"], "ignored").map((code) => code.toUpperCase()));
  const override = raw["override"] ?? {};
  if (!isRecord(override)) fail(file, "'override' must be a mapping of error, warning, info, style to lists of codes");
  const overridden = new Map<string, Severity>();
  // hadolint applies style, then info, warning, error: the most severe list naming a code wins (fixSeverity, src/Hadolint/Lint.hs).
  for (const severity of ["style", "info", "warning", "error"] as const) {
    for (const code of stringList(file, override[severity], `override.${severity}`)) overridden.set(code.toUpperCase(), severity);
  }
  const threshold = raw["failure-threshold"] === undefined ? "info" : severityOf(file, raw["failure-threshold"], "failure-threshold");
  const noFail = raw["no-fail"] === true;

  // Per rule: the strongest severity of its codes, and whether the file changes any of them.
  const ruleSeverity = new Map<string, { severity: Linter.RuleSeverity; changed: boolean }>();
  for (const [code, ownSeverity] of Object.entries(HADOLINT_DEFAULT_SEVERITY)) {
    const severity = overridden.get(code) ?? ownSeverity;
    const eslintSeverity: Linter.RuleSeverity =
      ignored.has(code) || severity === "ignore" ? "off" : noFail || SEVERITIES.indexOf(severity) > SEVERITIES.indexOf(threshold) ? "warn" : "error";
    const changed = ignored.has(code) || overridden.has(code);
    // A code off by default that the file leaves alone (DL3057) says nothing about our rule.
    if (!changed && ownSeverity === "ignore") continue;
    for (const rule of rulesOf("hadolint", code)) {
      const current = ruleSeverity.get(rule);
      const off = eslintSeverity === "off" || current?.severity === "off";
      const strongest = current === undefined || rank(eslintSeverity) > rank(current.severity) ? eslintSeverity : current.severity;
      ruleSeverity.set(rule, { severity: off ? "off" : strongest, changed: changed || (current?.changed ?? false) });
    }
  }

  const rules: Linter.RulesRecord = {};
  // Our configs set every rule to `error`: a rule is set here when the file names one of its codes or
  // when hadolint would not fail on any of them (below `failure-threshold`, `no-fail`).
  for (const [rule, { severity, changed }] of ruleSeverity) if (changed || severity !== "error") rules[`docker/${rule}`] = severity;

  const severityOfRule = (rule: string): Linter.RuleSeverity => ruleSeverity.get(rule)?.severity ?? "error";
  const registries = registriesOf(file, stringList(file, raw["trustedRegistries"], "trustedRegistries"));
  if (registries !== null && registries.length > 0 && severityOfRule("allowed-registries") !== "off") {
    rules["docker/allowed-registries"] = [severityOfRule("allowed-registries"), { registries }];
  }
  const labelSchema = raw["label-schema"] ?? {};
  if (!isRecord(labelSchema)) fail(file, "'label-schema' must be a mapping of label names to types");
  if (Object.keys(labelSchema).length > 0 && severityOfRule("valid-label") !== "off") {
    const schema: Record<string, string> = {};
    for (const [label, type] of Object.entries(labelSchema)) {
      const name = type === "" || type === null ? "text" : type;
      if (typeof name !== "string" || !LABEL_TYPES.has(name)) fail(file, `label-schema '${label}': '${String(type)}' is not one of ${[...LABEL_TYPES].join(", ")}`);
      schema[label] = name;
    }
    rules["docker/valid-label"] = [severityOfRule("valid-label"), { schema, strictLabels: raw["strict-labels"] === true }];
  }

  const config: Linter.Config = { name: "docker-policy/from-hadolint-config", files: [...FILES.dockerfile], rules };
  if (raw["disable-ignore-pragma"] === true) config.languageOptions = { peerSuppressions: false };
  return [config];
}

/**
 * dclint's service key groups and their default keys and order (`ServiceKeyGroup` and the constructor's
 * defaults in src/rules/service-keys-order-rule.ts, dclint 3.1).
 */
const DCLINT_SERVICE_KEY_GROUPS: Readonly<Record<string, readonly string[]>> = {
  "Core Definitions": ["image", "build", "container_name"],
  "Service Dependencies": ["depends_on"],
  "Data Management and Configuration": ["volumes", "volumes_from", "configs", "secrets"],
  "Environment Configuration": ["environment", "env_file"],
  Networking: ["ports", "networks", "network_mode", "extra_hosts"],
  "Runtime Behavior": ["command", "entrypoint", "working_dir", "restart", "healthcheck"],
  "Operational Metadata": ["logging", "labels"],
  "Security and Execution Context": ["user", "isolation"],
  Other: [],
};

/**
 * The `order` option of ours that a dclint ordering rule's options give: `service-keys-order`'s `groups`
 * (merged over its defaults, as dclint does) flattened in `groupOrder`; `top-level-properties-order`'s
 * `customOrder` with `x-properties` written `x-*`. Null when the rule has no order option to carry.
 */
function dclintOrderOptions(name: string, options: unknown): { order: string[] } | null {
  if (!isRecord(options)) return null;
  const strings = (value: unknown): string[] | null => (Array.isArray(value) && value.every((item) => typeof item === "string") ? value : null);
  if (name === "service-keys-order" && (options["groups"] !== undefined || options["groupOrder"] !== undefined)) {
    const groups: Record<string, readonly string[]> = { ...DCLINT_SERVICE_KEY_GROUPS };
    if (isRecord(options["groups"])) for (const [group, keys] of Object.entries(options["groups"])) groups[group] = strings(keys) ?? groups[group] ?? [];
    const groupOrder = strings(options["groupOrder"]) ?? Object.keys(DCLINT_SERVICE_KEY_GROUPS);
    return { order: [...new Set(groupOrder.flatMap((group) => groups[group] ?? []))] };
  }
  const customOrder = name === "top-level-properties-order" ? strings(options["customOrder"]) : null;
  if (customOrder) return { order: [...new Set(customOrder.map((key) => (key === "x-properties" ? "x-*" : key)))] };
  return null;
}

/** dclint's rule levels (`schemas/linter-config.schema.json`): 0 off, 1 warning, 2 error. */
const DCLINT_LEVELS: readonly Linter.RuleSeverity[] = ["off", "warn", "error"];

/**
 * The names dclint's config is found under in a folder (cosmiconfig 9's synchronous search places for
 * `dclint`, without the JavaScript and TypeScript ones, which only `import` can read: pass their object as
 * `config`). `package.json` counts when it has a `dclint` key.
 */
const DCLINT_FILES = [
  "package.json",
  ".dclintrc",
  ".dclintrc.json",
  ".dclintrc.yaml",
  ".dclintrc.yml",
  ".config/dclintrc",
  ".config/dclintrc.json",
  ".config/dclintrc.yaml",
  ".config/dclintrc.yml",
];

/**
 * Reads dclint's config (`.dclintrc`, `.dclintrc.json`/`.yaml`/`.yml`, `.config/dclintrc…`, or the
 * `dclint` key of `package.json`, in `cwd`; or `options.path`; or an object given as `options.config`) and
 * returns the equivalent config for compose files, or `[]` when there is none. Each rule dclint names is set
 * on the rule of ours it maps to (0 → off, 1 → warn, 2 → error; a rule of ours that two of its rules map to
 * takes the stronger level). The orders of its ordering rules carry over (`dclintOrderOptions`); its other
 * rule options (`prohibitedTags`, `quoteType`) have no equivalent: `docs/migrating.md` lists them.
 */
export function fromDclintConfig(options: FromPeerConfigOptions & { config?: unknown } = {}): Linter.Config[] {
  let file = "the dclint config";
  let raw: unknown = options.config;
  if (raw === undefined) {
    const cwd = options.cwd ?? process.cwd();
    const found =
      options.path === undefined
        ? (DCLINT_FILES.map((name) => path.join(cwd, name)).find(
            (candidate) => existsSync(candidate) && (path.basename(candidate) !== "package.json" || isRecord((readYaml(candidate) as Record<string, unknown>)["dclint"])),
          ) ?? null)
        : configFile(options, [], "dclint");
    if (found === null) return [];
    file = found;
    raw = readYaml(found);
    if (path.basename(found) === "package.json") raw = (raw as Record<string, unknown>)["dclint"];
  }
  if (raw === null) return [];
  if (!isRecord(raw)) fail(file, "the config must be a mapping with a 'rules' key");
  const dclintRules = raw["rules"] ?? {};
  if (!isRecord(dclintRules)) fail(file, "'rules' must be a mapping of rule names to 0, 1, 2 or [level, options]");

  const rules: Linter.RulesRecord = {};
  for (const [name, setting] of Object.entries(dclintRules)) {
    const level = Array.isArray(setting) ? setting[0] : setting;
    if (level !== 0 && level !== 1 && level !== 2) fail(file, `rule '${name}': the level must be 0, 1 or 2`);
    if (!PEER_CHECKS.some((check) => check.tool === "dclint" && check.id === name)) fail(file, `dclint has no rule '${name}'`);
    const severity = DCLINT_LEVELS[level]!;
    const order = Array.isArray(setting) ? dclintOrderOptions(name, setting[1]) : null;
    for (const rule of rulesOf("dclint", name)) {
      const current = rules[`docker/${rule}`];
      const currentSeverity = (Array.isArray(current) ? current[0] : current) as Linter.RuleSeverity | undefined;
      if (currentSeverity === undefined || rank(severity) > rank(currentSeverity)) rules[`docker/${rule}`] = order ? [severity, order] : severity;
    }
  }
  return [{ name: "docker-policy/from-dclint-config", files: [...FILES.compose], rules }];
}
