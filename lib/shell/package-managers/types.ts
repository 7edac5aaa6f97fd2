/**
 * Types of the package-manager knowledge table: what one invocation is found to do
 * (`PackageManagerInvocation`), and the shape of the declarative data each manager is described with
 * (`PackageManagerSpec`), which one generic classifier (`classify.ts`) reads.
 */
import type { CliOption, CliSpec } from "../cli.js";
import type { UnwrappedCommand } from "../commands.js";
import type { ShellCommand, ShellWord } from "../model.js";

export type PackageManagerId =
  | "apt-get" | "apt" | "aptitude"
  | "apk" | "yum" | "dnf" | "microdnf" | "zypper" | "pacman" | "pip" | "pipx"
  | "uv" | "poetry" | "pipenv" | "conda" | "npm"
  | "pnpm" | "yarn" | "bun" | "gem"
  | "bundler" | "go" | "composer" | "cargo" | "maven" | "gradle";

export type PackageManagerAction = "install" | "update-index" | "upgrade" | "remove" | "clean" | "other";

/** Download caches and package indexes a RUN can leave in its layer. */
export type CacheArea =
  | "apt-lists" | "apt-archives"
  | "apk" | "yum" | "dnf" | "dnf5" | "tdnf" | "zypper" | "pacman" | "pip"
  | "uv" | "poetry" | "pipenv" | "conda"
  | "npm" | "yarn" | "pnpm" | "bun" | "gem" | "bundler" | "go-mod"
  | "go-build" | "composer" | "cargo" | "maven" | "gradle";

export type PackageArgumentKind =
  /** A package name, possibly with a version constraint. */
  | "name"
  /** A local package file (`./x.deb`, `x.rpm`, `x.whl`, `x.tgz`). */
  | "file"
  /** A URL. */
  | "url"
  /** A VCS reference (`git+https://…`, `github:user/repo`). */
  | "vcs"
  /** A local directory (`.`, `./pkg`, `-e .`). */
  | "path"
  /** A group or pattern (`@development-tools`, `pattern:devel_basis`, aptitude `~n…`). */
  | "group"
  /** A dnf module stream (`@nodejs:18`, `dnf module install nodejs:18`). */
  | "module"
  /** The name comes from an expansion (`$PACKAGES`): nothing can be said. */
  | "dynamic";

export interface PackageArgument {
  word: ShellWord;
  kind: PackageArgumentKind;
  /** Package name (null when unknown). */
  name: string | null;
  /** The version constraint as written after the name (`=1.2`, `==1.0`, `@^4`, `>=2`, `~1.2`), or null. */
  constraint: string | null;
  /** The version without operator (`1.2`), or null; may contain `$VAR` text when dynamic. */
  version: string | null;
  /**
   * Pinned to one version, or to a version prefix the ecosystem means as a pin (apt `=1.2*`, apk `~1.2`,
   * conda `=1.2`): a rebuild cannot silently move to a new major/minor. Files, URLs, VCS refs and paths
   * are not "pinned" (check `kind`).
   */
  pinned: boolean;
}

/**
 * The value of an environment variable where a command runs: a string, `null` when it is set to a value
 * that cannot be known statically (`X=$Y`, an ARG without default, an assignment on a path that may not
 * run), or `undefined` when it is not set.
 */
export type EnvironmentLookup = (name: string) => string | null | undefined;

export interface PackageManagerInvocation {
  manager: PackageManagerId;
  action: PackageManagerAction;
  /** Normalised subcommand as written (`install`, `i`, `cache clean`, `-S`…), null when there is none. */
  subcommand: string | null;
  subcommandWords: ShellWord[];
  /** The word that names the tool (`apt-get`, `pip3`, or `python3` for `python3 -m pip`). */
  tool: ShellWord;
  /** The original command and its unwrapped view (`sudo`, `env` … removed). */
  command: ShellCommand;
  unwrapped: UnwrappedCommand;
  options: CliOption[];
  /** Non-option words after the subcommand. */
  operands: ShellWord[];
  /** Packages named on the command line (install/remove/upgrade actions). */
  packages: PackageArgument[];
  /** Requirement/manifest files given (`pip -r`, `conda --file`, `uv -r`, `conda env create -f`). */
  requirementFiles: ShellWord[];
  /**
   * Constraints files that decide the versions installed (`pip -c`, `PIP_CONSTRAINT`), as written (a path
   * or URL; a variable's value may list several); null for one that cannot be known (an expansion, a
   * variable of unknown value, `pipx --pip-args` that passes `-c`).
   */
  constraintFiles: (string | null)[];
  /** The action would prompt for confirmation without a flag (`apt-get install`, `dnf remove`…). */
  promptsWithoutFlag: boolean;
  /** The invocation will not stop at a prompt (a flag, an env var, or the action never prompts). */
  nonInteractive: boolean;
  /** The option word that makes it non-interactive, if any. */
  nonInteractiveWord: ShellWord | null;
  /** It downloads the package index (`apt-get update`, `apk add`, `pacman -Sy`, `zypper install`). */
  updatesIndex: boolean;
  /** It is configured to leave no download cache (`apk --no-cache`, `pip --no-cache-dir`, `PIP_NO_CACHE_DIR=1`…). */
  noCache: boolean;
  /**
   * Where the cache was moved for this invocation (`--cache-dir`, `PIP_CACHE_DIR`, `YARN_CACHE_FOLDER`…):
   * the path, `null` when moved somewhere that cannot be known, `undefined` when at its default place.
   */
  cacheDirectory: string | null | undefined;
  /**
   * Cache areas this invocation fills (after `noCache` is taken into account). For the RPM managers
   * these are alternatives (see `PackageManagerSpec.commandCacheAreas`).
   */
  fillsCache: CacheArea[];
  /** Cache areas this invocation empties (clean actions). */
  cleansCache: CacheArea[];
  /**
   * Recommended/weak dependencies get installed (apt `--no-install-recommends`, aptitude `-R`, zypper
   * `--no-recommends`, dnf `--setopt=install_weak_deps=False`); null when not applicable.
   */
  installsRecommends: boolean | null;
  /** Installs the project's dependencies from its manifest/lockfile (`npm ci`, `pip install -r`, `go mod download`…). */
  manifestInstall: boolean;
  /** For manifest installs: fails rather than updating the lockfile (`npm ci`, `--frozen-lockfile`, `--immutable`, `--locked`…). */
  frozenLockfile: boolean;
  /** Installs globally / system-wide for a language tool (`npm -g`, `yarn global add`, `composer global`). */
  global: boolean;
  /** The table entry of the manager (its documentation URL, fixes, pin syntax). */
  spec: PackageManagerSpec;
}

// -------------------------------------------------------------------------------------------------
// The declarative table

/** How operands are read as packages: the pin syntax of one ecosystem (see `arguments.ts`). */
export type PackageSyntax =
  | "apt"
  | "apk"
  | "rpm"
  | "zypper"
  | "pacman"
  | "pip"
  | "poetry"
  | "conda"
  | "npm"
  | "go"
  | "gem"
  | "composer"
  | "cargo"
  /** Every operand a group (`yum groupinstall "Development Tools"`). */
  | "group"
  /** `name:stream` module specs (`dnf module install nodejs:18`). */
  | "module"
  /** Every operand a file or URL (`pacman -U x.pkg.tar.zst`). */
  | "file-or-url"
  /** Operands are requirement files, not packages (`uv pip sync requirements.txt`). */
  | "requirement-files";

/** A configuration key given as an option value: `-o APT::Get::Assume-Yes=true`, `--setopt=assumeyes=1`. */
export interface ConfigKey {
  readonly options: readonly string[];
  /** Compared case-insensitively. */
  readonly key: string;
}

/** An environment variable that switches something on. */
export interface EnvSwitch {
  readonly name: string;
  /** `truthy`: 1/true/yes/on/y (or a value that cannot be known); `any`: any value, even `0`/`false` (pip). */
  readonly when: "truthy" | "any";
}

/** Packages given as option values (`pip install -e .`, `cargo install --git URL`). */
export interface OptionPackages {
  readonly options: readonly string[];
  /** `editable`: a VCS URL (`git+…`) or else a path; otherwise the kind every value gets. */
  readonly kind: "editable" | "vcs" | "path";
}

/**
 * A cache area an action empties, possibly only with an option or operand (`npm cache clean --force`,
 * `dnf clean all`); `command`: the areas of the command that runs (`PackageManagerSpec.commandCacheAreas`).
 */
export interface CleanedArea {
  readonly area: CacheArea | "command";
  readonly withOption?: readonly string[];
  readonly withOperand?: readonly string[];
}

/** Where an option counts: anywhere, only before the subcommand (global), or only after it. */
export interface FlagGroup {
  readonly names: readonly string[];
  readonly position?: "before-subcommand" | "after-subcommand";
}

/**
 * One row of a manager's subcommand table: which invocations it matches (all conditions must hold)
 * and what they do. The first matching row of `PackageManagerSpec.subcommands` wins.
 */
export interface SubcommandRule {
  /** Subcommands and aliases (`install`, `i`; nested as `cache clean`; `""` = no subcommand at all). Omitted: any. */
  readonly names?: readonly string[];
  /** Only with one of these options. */
  readonly withOption?: readonly string[];
  /** Only without any of these options. */
  readonly withoutOption?: readonly string[];
  /** Only when an operand is one of these (`bun pm cache rm`). */
  readonly withOperand?: readonly string[];
  /** Only when an operand matches (Maven goals, Gradle tasks). */
  readonly operandPattern?: RegExp;
  /** Only when there are operands. */
  readonly withOperands?: boolean;
  /** Leading operands that are not packages (`pipx inject VENV pkg`: the venv). */
  readonly skipOperands?: number;
  readonly action: PackageManagerAction;
  /** How the operands are read; none are packages when omitted. */
  readonly packages?: PackageSyntax;
  /** Packages given as option values. */
  readonly optionPackages?: readonly OptionPackages[];
  /** Operands after `--` are not packages (`gem install x -- --use-system-libraries`: build flags). */
  readonly packagesEndAtDoubleDash?: boolean;
  /**
   * Every option of the subcommand that takes no value. When given, an operand right after an option
   * that is neither one of these nor a value option of the `cli` spec may be that option's value, and
   * is not read as a package.
   */
  readonly flags?: readonly string[];
  /** The option giving the version of every package (`gem install -v 1.2 x`), and whether only with one package. */
  readonly versionOption?: { readonly options: readonly string[]; readonly singlePackageOnly: boolean };
  /** An option whose value, unless `packageValue`, turns every package into a group (`zypper in -t pattern x`). */
  readonly typeOption?: { readonly options: readonly string[]; readonly packageValue: string };
  /** Asks for confirmation unless made non-interactive. */
  readonly prompts?: boolean;
  /** Cache areas it fills (default: the command's areas for install/upgrade, none otherwise; `command`: the command's areas). */
  readonly fills?: readonly (CacheArea | "command")[];
  readonly cleans?: readonly CleanedArea[];
  /** Downloads the package index. */
  readonly updatesIndex?: boolean;
  /**
   * Installs from the project's manifest: always, only without package operands (`npm install`), or
   * only with requirement files (`pip install -r`).
   */
  readonly manifest?: true | "without-packages" | "with-requirement-files";
  /** Honours the lockfile exactly: always, or with one of `options` and none of `unless`. */
  readonly frozen?: true | { readonly options: readonly string[]; readonly unless?: readonly string[] };
  /** Installs globally (`yarn global add`). */
  readonly global?: boolean;
}

/**
 * One package manager, as data. Every fact cites `docs` (the tool's own documentation) unless a
 * comment beside it names another source.
 */
export interface PackageManagerSpec {
  readonly id: PackageManagerId;
  /** System packages (OS), language packages, or a build tool that downloads dependencies. */
  readonly ecosystem: "system" | "language" | "build-tool";
  /** Command base names. */
  readonly commands: readonly string[];
  /** The documentation the facts come from. */
  readonly docs: readonly string[];
  /** Options that take a value (so the value is not read as the subcommand or a package). */
  readonly cli: CliSpec;
  /** Extra options of some subcommands (`*`: every subcommand), by first subcommand word. */
  readonly subcommandCli?: Readonly<Record<string, CliSpec>>;
  /** Subcommands with a second word (`cache` → `cache clean`). */
  readonly nested?: readonly string[];
  /** No subcommand word: every non-option word is an operand (Maven goals, pacman). */
  readonly noSubcommand?: boolean;
  /** With `noSubcommand`: the first operand is shown as the subcommand (the first goal or task). */
  readonly firstOperandIsSubcommand?: boolean;
  /** The operation is an option (pacman `-S`, `--sync`): option spelling → operation name, by priority. */
  readonly operations?: Readonly<Record<string, string>>;
  /** A leading word to skip (`bundle _2.4.10_ install` selects the Bundler version). */
  readonly skipLeading?: RegExp;
  /** A first subcommand word that makes the rest global (`composer global require`, `yarn global add`). */
  readonly globalPrefix?: string;
  /** The subcommand table (first match wins); unmatched invocations are `other`. */
  readonly subcommands: readonly SubcommandRule[];
  /** Options that install globally / system-wide (`npm -g`), and `--option=value` pairs that do (`--location=global`). */
  readonly global?: { readonly flags: readonly string[]; readonly values?: Readonly<Record<string, string>> };
  /** Options with which nothing is installed or removed, only shown (`apt-get install -s`): the action is `other`. */
  readonly simulateOptions?: readonly string[];
  /** Options giving requirement files (`pip -r`, `conda --file`). */
  readonly requirementFileOptions?: readonly string[];
  /**
   * Options and variables giving constraints files (`pip -c`, `PIP_CONSTRAINT`, whose value lists files
   * separated by blanks), and options whose value is a command line passed to pip (`pipx --pip-args`):
   * a `-c` in it is a constraints file that cannot be read.
   */
  readonly constraints?: { readonly options: readonly string[]; readonly env: readonly string[]; readonly passthrough?: readonly string[] };
  /** How prompts are answered; omitted: the tool never asks. */
  readonly nonInteractive?: {
    /** Option groups that make it non-interactive, tried in order (the first group that is present wins). */
    readonly flags: readonly FlagGroup[];
    /** `-q` given this many times (or `-q=N`) implies yes (apt-get: `-qq`). */
    readonly quietLevel?: { readonly options: readonly string[]; readonly level: number };
    /** A configuration key that assumes yes. */
    readonly config?: ConfigKey;
    readonly env: readonly EnvSwitch[];
    /** Only these actions look at the flags (pip: `uninstall -y`). */
    readonly actions?: readonly PackageManagerAction[];
    /** The flag a fix inserts after the subcommand (before it with `fixBeforeSubcommand`: a global option). */
    readonly fixFlag?: string;
    readonly fixBeforeSubcommand?: boolean;
  };
  /** Options and variables that keep the invocation from leaving a cache; omitted: none. */
  readonly noCache?: { readonly flags: readonly string[]; readonly env: readonly EnvSwitch[]; readonly fixFlag?: string };
  /** Options with which the index is downloaded (`apk -U`, `dnf --refresh`), and whether every fetch downloads it unless an option says not to. */
  readonly updatesIndex?: { readonly options?: readonly string[]; readonly onFetchUnless?: readonly string[] };
  /**
   * The package index of a manager whose installs never refresh it themselves: only an explicit
   * refresh (an `update-index` action of a manager of the same `family`, or one of `refreshCommands`)
   * downloads it, and an install reads whatever copy the filesystem holds. Omitted for managers whose
   * installs fetch a missing or expired index (`updatesIndex`: apk, the RPM managers, zypper) and where
   * it is not known (pacman).
   */
  readonly manualIndex?: {
    /** Managers that read one index (apt-get, apt and aptitude share /var/lib/apt/lists). */
    readonly family: string;
    /** Where the index lives, for messages. */
    readonly path: string;
    /** Other commands that refresh it, unless given one of `unless` (`add-apt-repository` without `-n`). */
    readonly refreshCommands: readonly { readonly name: string; readonly unless: readonly string[] }[];
    /** Command names of the manager that may refresh the index themselves (wrappers): unknown, never judged. */
    readonly mayRefreshCommands: readonly string[];
    /** The source of these facts. */
    readonly source: string;
  };
  /** Recommended (weak) dependencies for install/upgrade: default, options and config key that switch them. */
  readonly recommends?: {
    readonly default: boolean | null;
    readonly off?: readonly string[];
    readonly on?: readonly string[];
    readonly config?: ConfigKey;
  };
  /** The option and variables that move the tool's cache (the last given wins over the variables). */
  readonly cacheLocation?: { readonly options: readonly string[]; readonly env: readonly string[] };
  /** Cache areas the tool fills. */
  readonly cacheAreas: readonly CacheArea[];
  /**
   * The cache areas of each command name, where commands of one manager keep their caches apart
   * (`dnf5`, `tdnf`, `microdnf`); a command not listed has `cacheAreas`. When a command has several,
   * they are alternatives: which folder it uses depends on the tool version the image has
   * (`dnf`: dnf 4 or dnf5), and a cleanup or a cache mount of any of them counts.
   */
  readonly commandCacheAreas?: Readonly<Record<string, readonly CacheArea[]>>;
  /**
   * The command that empties each cache area, as written at the end of a RUN (messages and fixes); `{tool}`
   * is the command's name as invoked (`dnf5 install` is followed by `dnf5 clean all`).
   */
  readonly clean: Readonly<Partial<Record<CacheArea, string>>>;
  /**
   * What package-manager-clean-cache reports of this manager (omitted: nothing): invocations of these
   * actions that fill a cache area the RUN does not clean, mount or move. `what` names what they leave
   * (for the message). The remedy is `noCache.fixFlag` after the subcommand when there is one, else the
   * `clean` command of the area appended to the RUN: an autofix, or only a suggestion when `suggestOnly`
   * says what to check first.
   */
  readonly cacheReport?: { readonly actions: readonly PackageManagerAction[]; readonly what: string; readonly suggestOnly?: string };
  /** How a pinned package argument looks. */
  readonly pinExample: string;
}
