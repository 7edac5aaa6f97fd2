/**
 * The one generic classifier that reads the package-manager table (`system.ts`, `python.ts`,
 * `javascript.ts`, `others.ts`): it finds which manager a command runs (through wrappers, `python -m pip`,
 * `php composer.phar`, `corepack pnpm`), splits its command line with the manager's option syntax, picks
 * the first matching row of the manager's subcommand table and derives what the invocation does.
 * Adding a manager means adding a table entry.
 */
import { findOptions, hasOption, parseCli } from "../cli.js";
import type { CliOption, ParsedCli } from "../cli.js";
import { wordBaseName } from "../commands.js";
import { unwrappedCommand } from "../unwrapped.js";
import type { UnwrappedCommand } from "../commands.js";
import type { ShellCommand, ShellWord } from "../model.js";
import { baseArg, readPackages } from "./arguments.js";
import { JAVASCRIPT_MANAGERS } from "./javascript.js";
import { OTHER_MANAGERS } from "./others.js";
import { PYTHON_MANAGERS } from "./python.js";
import { SYSTEM_MANAGERS } from "./system.js";
import type {
  CacheArea,
  ConfigKey,
  EnvSwitch,
  EnvironmentLookup,
  PackageArgument,
  PackageManagerAction,
  PackageManagerId,
  PackageManagerInvocation,
  PackageManagerSpec,
  SubcommandRule,
} from "./types.js";

/**
 * Every table entry, by id: what rules that know a manager's switches (no-cache, non-interactive,
 * cleanup) read.
 * @public
 */
export const PACKAGE_MANAGER_SPECS: Readonly<Record<PackageManagerId, PackageManagerSpec>> = Object.fromEntries(
  [...SYSTEM_MANAGERS, ...PYTHON_MANAGERS, ...JAVASCRIPT_MANAGERS, ...OTHER_MANAGERS].map((spec) => [spec.id, spec]),
) as Record<PackageManagerId, PackageManagerSpec>;

const COMMAND_TO_MANAGER = new Map<string, PackageManagerId>();
for (const spec of Object.values(PACKAGE_MANAGER_SPECS)) for (const command of spec.commands) COMMAND_TO_MANAGER.set(command, spec.id);

function commandToManager(base: string): PackageManagerId | null {
  const direct = COMMAND_TO_MANAGER.get(base);
  if (direct) return direct;
  // pip3.12, pip2.7: versioned pip scripts. (Every command of every RUN comes here: the prefix test
  // spares the others the regular expression.)
  if (base.startsWith("pip") && /^pip\d+(?:\.\d+)?$/u.test(base)) return "pip";
  return null;
}

/** Which tool a command runs (through `python -m pip`, `php composer.phar`, `corepack pnpm`). */
function resolveTool(u: UnwrappedCommand): { manager: PackageManagerId; tool: ShellWord; args: ShellWord[] } | null {
  const name = u.name;
  const base = u.baseName;
  if (!name || base === null) return null;
  const direct = commandToManager(base);
  if (direct) return { manager: direct, tool: name, args: u.args };
  // python[3[.x]] [-opts] -m pip|pipx …
  if (base.startsWith("py") && (/^python(?:\d+(?:\.\d+)?)?$/u.test(base) || base === "py")) {
    const args = u.args;
    for (let i = 0; i < args.length; i++) {
      const v = args[i]!.value;
      if (v === null) return null;
      if (v === "-m") {
        const mod = args[i + 1]?.value;
        if (mod === "pipx") return { manager: "pipx", tool: name, args: args.slice(i + 2) };
        return mod === "pip" || mod === "pip3" ? { manager: "pip", tool: name, args: args.slice(i + 2) } : null;
      }
      if (v.startsWith("-m")) return v === "-mpip" ? { manager: "pip", tool: name, args: args.slice(i + 1) } : v === "-mpipx" ? { manager: "pipx", tool: name, args: args.slice(i + 1) } : null;
      if (v === "-c" || !v.startsWith("-")) return null;
      if (v === "-W" || v === "-X") i++;
    }
    return null;
  }
  // php [-d k=v] composer.phar …
  if (base.startsWith("php") && /^php(?:\d+(?:\.\d+)?)?$/u.test(base)) {
    const args = u.args;
    for (let i = 0; i < args.length; i++) {
      const v = args[i]!.value;
      if (v === null) return null;
      if (v === "-d" || v === "-c") {
        i++;
        continue;
      }
      if (v.startsWith("-")) continue;
      const script = wordBaseName(args[i]!);
      return script === "composer" || script === "composer.phar" ? { manager: "composer", tool: args[i]!, args: args.slice(i + 1) } : null;
    }
    return null;
  }
  // corepack pnpm|yarn|npm …
  if (base === "corepack") {
    const first = u.args[0];
    const m = first?.value ? commandToManager(first.value) : null;
    return first && m && (m === "pnpm" || m === "yarn" || m === "npm") ? { manager: m, tool: first, args: u.args.slice(1) } : null;
  }
  return null;
}

const TRUTHY = new Set(["1", "true", "yes", "on", "y"]);
const FALSY = new Set(["0", "false", "no", "off", "n"]);

function unquoted(value: string): string {
  return value.toLowerCase().replace(/^"|"$/gu, "");
}

/** The variables a command's own prefixes and its `env`/`sudo` wrapper give it (`FOO=1 cmd`, `env FOO=1 cmd`). */
export function commandEnvironment(u: UnwrappedCommand): EnvironmentLookup {
  return (name) => {
    for (const a of u.command.assignments) if (a.name === name) return a.value ? a.value.value : "";
    for (const w of u.envAssignments) {
      const v = w.value;
      if (v !== null && v.startsWith(`${name}=`)) return v.slice(name.length + 1);
    }
    return undefined;
  };
}

/** Is the switch on? A value that cannot be known counts as on (it may be): rules then stay silent. */
function switchedOn(env: EnvironmentLookup, switches: readonly EnvSwitch[]): boolean {
  return switches.some((variable) => {
    const value = env(variable.name);
    if (value === undefined) return false;
    return variable.when === "any" || value === null || isTruthy(value);
  });
}

function isTruthy(value: string): boolean {
  return TRUTHY.has(value.toLowerCase());
}

/** The option that sets `config.key` (`-o Key=value`, `--setopt=key=value`; last one wins), and its value. */
function configOption(options: readonly CliOption[], config: ConfigKey | undefined): { option: CliOption; value: string } | undefined {
  if (!config) return undefined;
  let found: { option: CliOption; value: string } | undefined;
  for (const option of options) {
    if (!config.options.includes(option.name) || option.value === null) continue;
    const eq = option.value.indexOf("=");
    if (eq !== -1 && option.value.slice(0, eq).toLowerCase() === config.key.toLowerCase()) found = { option, value: option.value.slice(eq + 1) };
  }
  return found;
}

function optionValue(options: readonly CliOption[], names: readonly string[]): string | null {
  return findOptions(options, ...names).pop()?.value ?? null;
}

/** The command line split with the manager's syntax; the subcommand is normalised (global prefix, pacman operation). */
interface Parsed {
  cli: ParsedCli;
  /** The name the table matches: the subcommand, the operation, `""` for none; null when dynamic. */
  name: string | null;
  globalPrefix: boolean;
}

function parseInvocation(spec: PackageManagerSpec, words: readonly ShellWord[]): Parsed {
  const first = words[0]?.value;
  const args = spec.skipLeading && first !== undefined && first !== null && spec.skipLeading.test(first) ? words.slice(1) : words;
  const cli = parseCli(args, spec.cli, {
    nested: spec.nested ? new Set(spec.nested) : undefined,
    noSubcommand: spec.noSubcommand,
    sub: spec.subcommandCli ? (sub) => spec.subcommandCli?.[sub] ?? spec.subcommandCli?.["*"] : undefined,
  });
  if (spec.operations) {
    const operations = spec.operations;
    const key = Object.keys(operations).find((spelling) => hasOption(cli.options, spelling));
    const option = key === undefined ? undefined : cli.options.find((o) => o.name === key);
    const shown = option ? { ...cli, subcommand: option.word.value, subcommandWords: [option.word] } : cli;
    return { cli: shown, name: key === undefined ? "" : operations[key]!, globalPrefix: false };
  }
  if (spec.firstOperandIsSubcommand) {
    const operand = cli.operands[0];
    return { cli: { ...cli, subcommand: operand?.value ?? null, subcommandWords: operand ? [operand] : [] }, name: "", globalPrefix: false };
  }
  const prefix = spec.globalPrefix === undefined ? null : `${spec.globalPrefix} `;
  const sub = cli.subcommand;
  if (prefix !== null && sub?.startsWith(prefix)) return { cli, name: sub.slice(prefix.length), globalPrefix: true };
  return { cli, name: cli.subcommandWords.length === 0 ? "" : sub, globalPrefix: false };
}

function matches(rule: SubcommandRule, parsed: Parsed): boolean {
  const { cli, name } = parsed;
  if (rule.names && (name === null || !rule.names.includes(name))) return false;
  if (rule.withOption && !hasOption(cli.options, ...rule.withOption)) return false;
  if (rule.withoutOption && hasOption(cli.options, ...rule.withoutOption)) return false;
  if (rule.withOperand && !cli.operands.some((w) => w.value !== null && rule.withOperand!.includes(w.value))) return false;
  if (rule.operandPattern && !cli.operands.some((w) => rule.operandPattern!.test(w.value ?? ""))) return false;
  return !rule.withOperands || cli.operands.length > 0;
}

const OTHER: SubcommandRule = { action: "other" };

/**
 * The operands that name packages: those before `--` where the row says so, and not one right after an
 * option the row does not know (it may be that option's value).
 */
function packageOperands(rule: SubcommandRule, cli: ParsedCli, words: readonly ShellWord[]): ShellWord[] {
  let operands = rule.packagesEndAtDoubleDash ? cli.operands.slice(0, cli.operandsAfterDoubleDash) : cli.operands;
  if (rule.skipOperands) operands = operands.slice(rule.skipOperands);
  const flags = rule.flags;
  if (flags) {
    const unknownOption = new Set(cli.options.filter((o) => o.value === null && o.valueWord === null && !flags.includes(o.name)).map((o) => o.word));
    operands = operands.filter((operand) => {
      const before = words[words.indexOf(operand) - 1];
      return before === undefined || !unknownOption.has(before);
    });
  }
  return operands;
}

function packagesOf(rule: SubcommandRule, cli: ParsedCli, words: readonly ShellWord[]): PackageArgument[] {
  if (!rule.packages) return [];
  const version = rule.versionOption ? { value: optionValue(cli.options, rule.versionOption.options), singlePackageOnly: rule.versionOption.singlePackageOnly } : null;
  let packages = readPackages(rule.packages, packageOperands(rule, cli, words), version);
  const type = rule.typeOption ? optionValue(cli.options, rule.typeOption.options) : null;
  if (type !== null && type !== rule.typeOption?.packageValue) packages = packages.map((p) => ({ ...p, kind: "group" as const, pinned: false }));
  for (const source of rule.optionPackages ?? []) {
    for (const option of findOptions(cli.options, ...source.options)) {
      const kind = source.kind === "editable" ? (/^(?:git|hg|svn|bzr)\+/u.test(option.value ?? "") ? "vcs" : "path") : source.kind;
      packages.push(baseArg(option.valueWord ?? option.word, kind));
    }
  }
  return packages;
}

/** The word that makes the invocation non-interactive: a flag group, the quiet level, or a config key. */
function nonInteractiveWord(spec: PackageManagerSpec, action: PackageManagerAction, options: readonly CliOption[]): ShellWord | null {
  const settings = spec.nonInteractive;
  if (!settings || (settings.actions && !settings.actions.includes(action))) return null;
  for (const group of settings.flags) {
    const found = options.find(
      (o) =>
        group.names.includes(o.name) &&
        (group.position === undefined || (group.position === "after-subcommand") === o.afterSubcommand),
    );
    if (found) return found.word;
  }
  if (settings.quietLevel) {
    const quiet = findOptions(options, ...settings.quietLevel.options);
    const level = quiet.reduce((n, q) => (q.value !== null && /^\d+$/u.test(q.value) ? Math.max(n, Number(q.value)) : n + 1), 0);
    if (level >= settings.quietLevel.level) return quiet.at(-1)!.word;
  }
  const config = configOption(options, settings.config);
  return config && TRUTHY.has(unquoted(config.value)) ? config.option.word : null;
}

function installsRecommends(spec: PackageManagerSpec, action: PackageManagerAction, options: readonly CliOption[]): boolean | null {
  const settings = spec.recommends;
  if (!settings || (action !== "install" && action !== "upgrade")) return null;
  let recommends = settings.default;
  const config = configOption(options, settings.config);
  if (config) recommends = !FALSY.has(unquoted(config.value));
  if (settings.off && hasOption(options, ...settings.off)) recommends = false;
  if (settings.on && hasOption(options, ...settings.on)) recommends = true;
  return recommends;
}

function isGlobal(spec: PackageManagerSpec, rule: SubcommandRule, parsed: Parsed): boolean {
  if (rule.global || parsed.globalPrefix) return true;
  const settings = spec.global;
  if (!settings) return false;
  if (hasOption(parsed.cli.options, ...settings.flags)) return true;
  return Object.entries(settings.values ?? {}).some(([option, value]) => optionValue(parsed.cli.options, [option]) === value);
}

/** The cache areas of the command that runs (`dnf5` and `microdnf` keep theirs apart from `dnf`'s). */
function commandAreas(spec: PackageManagerSpec, u: UnwrappedCommand): readonly CacheArea[] {
  return (u.baseName !== null ? spec.commandCacheAreas?.[u.baseName] : undefined) ?? spec.cacheAreas;
}

/** `areas` with `"command"` replaced by the command's own areas, each area once, in order. */
function resolveAreas(areas: readonly (CacheArea | "command")[], own: readonly CacheArea[]): CacheArea[] {
  const out: CacheArea[] = [];
  for (const area of areas) addAreas(out, area === "command" ? own : [area]);
  return out;
}

/** Appends the areas not in `out` yet. (A loop, not a Set and spreads: two calls per package-manager command.) */
function addAreas(out: CacheArea[], areas: readonly CacheArea[]): void {
  for (const area of areas) if (!out.includes(area)) out.push(area);
}

function cleansOf(rule: SubcommandRule, cli: ParsedCli, own: readonly CacheArea[]): CacheArea[] {
  const out: CacheArea[] = [];
  for (const cleaned of rule.cleans ?? []) {
    if (cleaned.withOption && !hasOption(cli.options, ...cleaned.withOption)) continue;
    if (cleaned.withOperand && !cli.operands.some((w) => w.value !== null && cleaned.withOperand!.includes(w.value))) continue;
    addAreas(out, cleaned.area === "command" ? own : [cleaned.area]);
  }
  return out;
}

/** The constraints files an invocation is given (see `PackageManagerInvocation.constraintFiles`). */
function constraintFiles(spec: PackageManagerSpec, options: readonly CliOption[], env: EnvironmentLookup): (string | null)[] {
  const settings = spec.constraints;
  if (!settings) return [];
  const files: (string | null)[] = findOptions(options, ...settings.options).map((option) => (option.value !== null && !/[$`]/u.test(option.value) ? option.value : null));
  for (const name of settings.env) {
    const value = env(name);
    if (value === null) files.push(null);
    else if (value !== undefined) files.push(...value.split(/\s+/u).filter((file) => file !== "").map((file) => (/[$`]/u.test(file) ? null : file)));
  }
  for (const option of findOptions(options, ...(settings.passthrough ?? []))) {
    if (option.value === null || /(?:^|\s)(?:-c|--constraint)/u.test(option.value)) files.push(null);
  }
  return files;
}

/** Where the options or the environment moved the cache (see `PackageManagerInvocation.cacheDirectory`). */
function cacheDirectory(spec: PackageManagerSpec, options: readonly CliOption[], env: EnvironmentLookup): string | null | undefined {
  const location = spec.cacheLocation;
  if (!location) return undefined;
  const option = findOptions(options, ...location.options).at(-1);
  if (option) return option.value;
  for (const name of location.env) {
    const value = env(name);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Recognise a package-manager (or dependency-downloading build tool) invocation. Sees through wrappers
 * (`sudo`, `env`, `nice`…; see `seeThroughWrappers`). `env` gives the variables in effect where the command
 * runs (see `lib/semantics/shell-environment/shell-environment.ts`); without it, only the command's own prefixes
 * (`PIP_NO_CACHE_DIR=1 pip …`, `env X=1 …`) are seen. Returns null for any other command.
 */
export function classifyPackageManagerCommand(cmd: ShellCommand, env?: EnvironmentLookup): PackageManagerInvocation | null {
  if (cmd.kind !== "simple") return null;
  const u = unwrappedCommand(cmd);
  const resolved = resolveTool(u);
  if (!resolved) return null;
  const spec = PACKAGE_MANAGER_SPECS[resolved.manager];
  const own = commandEnvironment(u);
  const lookup: EnvironmentLookup = env ? (name) => (own(name) !== undefined ? own(name) : env(name)) : own;
  const parsed = parseInvocation(spec, resolved.args);
  const { cli } = parsed;
  const options = cli.options;
  const simulated = spec.simulateOptions !== undefined && hasOption(cli.options, ...spec.simulateOptions);
  const rule = (simulated ? undefined : spec.subcommands.find((candidate) => matches(candidate, parsed))) ?? OTHER;
  const action = rule.action;
  const packages = packagesOf(rule, cli, resolved.args);
  const requirementFiles = findOptions(options, ...(spec.requirementFileOptions ?? [])).flatMap((o) => (o.valueWord ? [o.valueWord] : o.value !== null ? [o.word] : []));
  if (rule.packages === "requirement-files") requirementFiles.push(...cli.operands);
  const global = isGlobal(spec, rule, parsed);
  let manifest = rule.manifest === true;
  if (rule.manifest === "without-packages") manifest = packages.length === 0 && !global;
  if (rule.manifest === "with-requirement-files") manifest = requirementFiles.length > 0;
  const frozenSetting = rule.frozen;
  let frozen = frozenSetting === true || (frozenSetting !== undefined && hasOption(options, ...frozenSetting.options) && !hasOption(options, ...(frozenSetting.unless ?? [])));
  if (rule.manifest !== undefined && rule.manifest !== true) frozen &&= manifest;
  const noCache = spec.noCache !== undefined && (hasOption(options, ...spec.noCache.flags) || switchedOn(lookup, spec.noCache.env));
  const fetches = action === "install" || action === "upgrade" || action === "update-index";
  const index = spec.updatesIndex;
  const updatesIndex =
    rule.updatesIndex === true ||
    (index?.options !== undefined && hasOption(options, ...index.options)) ||
    (fetches && index?.onFetchUnless !== undefined && !hasOption(options, ...index.onFetchUnless));
  const ownAreas = commandAreas(spec, u);
  const fills = resolveAreas(rule.fills ?? (action === "install" || action === "upgrade" ? ["command"] : []), ownAreas);
  const prompts = rule.prompts ?? false;
  const niWord = nonInteractiveWord(spec, action, options);
  return {
    manager: spec.id,
    action,
    subcommand: cli.subcommand,
    subcommandWords: cli.subcommandWords,
    tool: resolved.tool,
    command: cmd,
    unwrapped: u,
    options,
    operands: cli.operands,
    packages,
    requirementFiles,
    constraintFiles: constraintFiles(spec, options, lookup),
    promptsWithoutFlag: prompts,
    nonInteractive: !prompts || niWord !== null || switchedOn(lookup, spec.nonInteractive?.env ?? []),
    nonInteractiveWord: niWord,
    updatesIndex,
    noCache,
    cacheDirectory: cacheDirectory(spec, options, lookup),
    fillsCache: noCache ? [] : [...fills],
    cleansCache: cleansOf(rule, cli, ownAreas),
    installsRecommends: installsRecommends(spec, action, options),
    manifestInstall: manifest,
    frozenLockfile: frozen,
    global,
    spec,
  };
}

/** True if the invocation has an option with one of these spellings (`-y`, `--yes`…). */
export function invocationHasOption(inv: PackageManagerInvocation, ...names: string[]): boolean {
  return hasOption(inv.options, ...names);
}
