/**
 * One knowledge table of package managers, shared by the RUN-hygiene rules (package-manager-clean-cache,
 * package-manager-non-interactive, no-install-recommends, pin-package-versions, require-lockfile-install,
 * no-update-without-install, no-copy-all-before-install, no-apt…).
 *
 * `classifyPackageManagerCommand(cmd)` recognises an invocation (through wrappers: `sudo`, `env`, …;
 * `python3 -m pip`, `php composer.phar`, `corepack pnpm`) and returns what it does, its options, its
 * package arguments (with pins parsed), whether it can prompt, which cache areas it fills or cleans.
 *
 * Every CLI description below follows the tool's own documentation (man page / `--help`): options that
 * take a value are listed so that their value is never mistaken for the subcommand or a package
 * (`apt-get -o Dpkg::Options::=--force-confnew install`, `apk add -t .build-deps gcc`).
 */
import { codePointsOf, simplifyWildcard, wildcardMatches, type WildcardToken } from "../utils/wildcard.js";
import { parseCli, hasOption, findOptions } from "./cli.js";
import type { CliOption, CliSpec, ParsedCli } from "./cli.js";
import { unwrapCommand, wordBaseName } from "./commands.js";
import type { UnwrappedCommand } from "./commands.js";
import type { ShellCommand, ShellWord } from "./model.js";

export type { CliOption } from "./cli.js";

export type PackageManagerId =
  | "apt-get"
  | "apt"
  | "aptitude"
  | "apk"
  | "yum"
  | "dnf"
  | "microdnf"
  | "zypper"
  | "pacman"
  | "pip"
  | "uv"
  | "poetry"
  | "conda"
  | "npm"
  | "pnpm"
  | "yarn"
  | "bun"
  | "gem"
  | "bundler"
  | "go"
  | "composer"
  | "cargo"
  | "maven"
  | "gradle";

export type PackageManagerAction = "install" | "update-index" | "upgrade" | "remove" | "clean" | "other";

/** Download caches and package indexes a RUN can leave in its layer. */
export type CacheArea =
  | "apt-lists"
  | "apt-archives"
  | "apk"
  | "yum-dnf"
  | "zypper"
  | "pacman"
  | "pip"
  | "uv"
  | "poetry"
  | "conda"
  | "npm"
  | "yarn"
  | "pnpm"
  | "bun"
  | "gem"
  | "bundler"
  | "go-mod"
  | "go-build"
  | "composer"
  | "cargo"
  | "maven"
  | "gradle";

/**
 * Where each cache lives. `~` stands for the home directory (`/root` for root, `/home/<user>`, `$HOME`).
 * These are also the `RUN --mount=type=cache,target=…` targets that keep the cache out of the layer.
 */
export const CACHE_AREAS: Readonly<Record<CacheArea, { readonly paths: readonly string[]; readonly description: string }>> = {
  "apt-lists": { paths: ["/var/lib/apt/lists"], description: "apt package index (apt-get update)" },
  "apt-archives": { paths: ["/var/cache/apt", "/var/cache/apt/archives"], description: "apt downloaded .deb files and pkgcache" },
  apk: { paths: ["/var/cache/apk", "/etc/apk/cache"], description: "apk index and package cache" },
  "yum-dnf": { paths: ["/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5", "/var/cache/tdnf"], description: "yum/dnf/tdnf metadata and package cache" },
  zypper: { paths: ["/var/cache/zypp"], description: "zypper metadata and package cache" },
  pacman: { paths: ["/var/cache/pacman/pkg"], description: "pacman package cache" },
  pip: { paths: ["~/.cache/pip"], description: "pip HTTP and wheel cache" },
  uv: { paths: ["~/.cache/uv"], description: "uv cache" },
  poetry: { paths: ["~/.cache/pypoetry"], description: "Poetry cache" },
  conda: { paths: ["/opt/conda/pkgs", "~/.conda/pkgs", "/opt/micromamba/pkgs", "~/micromamba/pkgs"], description: "conda package cache" },
  npm: { paths: ["~/.npm"], description: "npm cache (_cacache)" },
  yarn: { paths: ["/usr/local/share/.cache/yarn", "~/.cache/yarn", "~/.yarn/berry/cache"], description: "yarn cache" },
  pnpm: { paths: ["~/.local/share/pnpm/store", "~/.cache/pnpm", "/pnpm/store"], description: "pnpm store" },
  bun: { paths: ["~/.bun/install/cache"], description: "bun install cache" },
  gem: { paths: ["~/.gem", "~/.local/share/gem", "/usr/local/bundle/cache"], description: "RubyGems .gem cache" },
  bundler: { paths: ["/usr/local/bundle/cache", "~/.bundle/cache"], description: "Bundler cache" },
  "go-mod": { paths: ["/go/pkg/mod", "~/go/pkg/mod"], description: "Go module cache (GOMODCACHE)" },
  "go-build": { paths: ["~/.cache/go-build"], description: "Go build cache (GOCACHE)" },
  composer: { paths: ["~/.composer/cache", "~/.cache/composer", "/tmp/cache"], description: "Composer cache" },
  cargo: { paths: ["/usr/local/cargo/registry", "/usr/local/cargo/git", "~/.cargo/registry", "~/.cargo/git"], description: "Cargo registry and git cache" },
  maven: { paths: ["~/.m2/repository"], description: "Maven local repository" },
  gradle: { paths: ["~/.gradle/caches", "~/.gradle/wrapper"], description: "Gradle caches" },
};

export interface PackageManagerInfo {
  id: PackageManagerId;
  /** System packages (OS), language packages, or a build tool that downloads dependencies. */
  ecosystem: "system" | "language" | "build-tool";
  /** Command base names. */
  commands: readonly string[];
  /** Flags that make a prompting action non-interactive. Empty when the tool never prompts. */
  nonInteractiveFlags: readonly string[];
  /** Environment variables with the same effect. */
  nonInteractiveEnv: readonly string[];
  /** Flags that keep the invocation from leaving a cache in the layer. */
  noCacheFlags: readonly string[];
  /** Environment variables with the same effect (truthy value). */
  noCacheEnv: readonly string[];
  /** Cache areas the tool fills. */
  cacheAreas: readonly CacheArea[];
  /** How to clean up after it, as written in a RUN (for messages and fixes). */
  cleanup: readonly string[];
  /** How a pinned package argument looks. */
  pinExample: string;
}

export const PACKAGE_MANAGERS: Readonly<Record<PackageManagerId, PackageManagerInfo>> = {
  "apt-get": {
    id: "apt-get",
    ecosystem: "system",
    // xx-apt-get: tonistiigi/xx's cross-compilation wrapper (same CLI).
    commands: ["apt-get", "xx-apt-get"],
    nonInteractiveFlags: ["-y", "--yes", "--assume-yes", "-qq"],
    nonInteractiveEnv: [],
    noCacheFlags: [],
    noCacheEnv: [],
    cacheAreas: ["apt-lists", "apt-archives"],
    cleanup: ["rm -rf /var/lib/apt/lists/*"],
    pinExample: "curl=7.88.1-10+deb12u5",
  },
  apt: {
    id: "apt",
    ecosystem: "system",
    commands: ["apt", "xx-apt"],
    nonInteractiveFlags: ["-y", "--yes", "--assume-yes", "-qq"],
    nonInteractiveEnv: [],
    noCacheFlags: [],
    noCacheEnv: [],
    cacheAreas: ["apt-lists", "apt-archives"],
    cleanup: ["rm -rf /var/lib/apt/lists/*"],
    pinExample: "curl=7.88.1-10+deb12u5",
  },
  aptitude: {
    id: "aptitude",
    ecosystem: "system",
    commands: ["aptitude"],
    nonInteractiveFlags: ["-y", "--assume-yes"],
    nonInteractiveEnv: [],
    noCacheFlags: [],
    noCacheEnv: [],
    cacheAreas: ["apt-lists", "apt-archives"],
    cleanup: ["rm -rf /var/lib/apt/lists/*"],
    pinExample: "curl=7.88.1-10+deb12u5",
  },
  apk: {
    id: "apk",
    ecosystem: "system",
    commands: ["apk", "xx-apk"],
    nonInteractiveFlags: [],
    nonInteractiveEnv: [],
    noCacheFlags: ["--no-cache"],
    noCacheEnv: [],
    cacheAreas: ["apk"],
    cleanup: ["apk add --no-cache …", "rm -rf /var/cache/apk/*"],
    pinExample: "curl=8.5.0-r0",
  },
  yum: {
    id: "yum",
    ecosystem: "system",
    commands: ["yum"],
    nonInteractiveFlags: ["-y", "--assumeyes"],
    nonInteractiveEnv: [],
    noCacheFlags: [],
    noCacheEnv: [],
    cacheAreas: ["yum-dnf"],
    cleanup: ["yum clean all", "rm -rf /var/cache/yum"],
    pinExample: "httpd-2.4.37",
  },
  dnf: {
    id: "dnf",
    ecosystem: "system",
    commands: ["dnf", "dnf5", "dnf-3", "tdnf"],
    nonInteractiveFlags: ["-y", "--assumeyes"],
    nonInteractiveEnv: [],
    noCacheFlags: [],
    noCacheEnv: [],
    cacheAreas: ["yum-dnf"],
    cleanup: ["dnf clean all", "rm -rf /var/cache/dnf"],
    pinExample: "httpd-2.4.37",
  },
  microdnf: {
    id: "microdnf",
    ecosystem: "system",
    commands: ["microdnf"],
    nonInteractiveFlags: ["-y", "--assumeyes"],
    nonInteractiveEnv: [],
    noCacheFlags: [],
    noCacheEnv: [],
    cacheAreas: ["yum-dnf"],
    cleanup: ["microdnf clean all"],
    pinExample: "httpd-2.4.37",
  },
  zypper: {
    id: "zypper",
    ecosystem: "system",
    commands: ["zypper"],
    nonInteractiveFlags: ["-n", "--non-interactive", "-y", "--no-confirm"],
    nonInteractiveEnv: [],
    noCacheFlags: [],
    noCacheEnv: [],
    cacheAreas: ["zypper"],
    cleanup: ["zypper clean --all"],
    pinExample: "curl=8.0.1",
  },
  pacman: {
    id: "pacman",
    ecosystem: "system",
    commands: ["pacman"],
    nonInteractiveFlags: ["--noconfirm"],
    nonInteractiveEnv: [],
    noCacheFlags: [],
    noCacheEnv: [],
    cacheAreas: ["pacman"],
    cleanup: ["pacman -Scc --noconfirm", "rm -rf /var/cache/pacman/pkg/*"],
    pinExample: "curl=8.5.0-1",
  },
  pip: {
    id: "pip",
    ecosystem: "language",
    commands: ["pip", "pip3", "python -m pip"],
    nonInteractiveFlags: ["-y", "--yes"],
    nonInteractiveEnv: [],
    noCacheFlags: ["--no-cache-dir"],
    noCacheEnv: ["PIP_NO_CACHE_DIR"],
    cacheAreas: ["pip"],
    cleanup: ["pip install --no-cache-dir …", "pip cache purge"],
    pinExample: "requests==2.31.0",
  },
  uv: {
    id: "uv",
    ecosystem: "language",
    commands: ["uv"],
    nonInteractiveFlags: [],
    nonInteractiveEnv: [],
    noCacheFlags: ["--no-cache", "-n"],
    noCacheEnv: ["UV_NO_CACHE"],
    cacheAreas: ["uv"],
    cleanup: ["uv … --no-cache", "uv cache clean"],
    pinExample: "requests==2.31.0",
  },
  poetry: {
    id: "poetry",
    ecosystem: "language",
    commands: ["poetry"],
    nonInteractiveFlags: ["-n", "--no-interaction"],
    nonInteractiveEnv: [],
    noCacheFlags: ["--no-cache"],
    noCacheEnv: ["POETRY_NO_CACHE"],
    cacheAreas: ["poetry"],
    cleanup: ["rm -rf ~/.cache/pypoetry"],
    pinExample: "requests==2.31.0",
  },
  conda: {
    id: "conda",
    ecosystem: "language",
    commands: ["conda", "mamba", "micromamba"],
    nonInteractiveFlags: ["-y", "--yes"],
    nonInteractiveEnv: ["CONDA_ALWAYS_YES", "MAMBA_ALWAYS_YES"],
    noCacheFlags: [],
    noCacheEnv: [],
    cacheAreas: ["conda"],
    cleanup: ["conda clean --all --yes"],
    pinExample: "numpy=1.26.4",
  },
  npm: {
    id: "npm",
    ecosystem: "language",
    commands: ["npm"],
    nonInteractiveFlags: [],
    nonInteractiveEnv: [],
    noCacheFlags: [],
    noCacheEnv: [],
    cacheAreas: ["npm"],
    cleanup: ["npm cache clean --force"],
    pinExample: "express@4.18.2",
  },
  pnpm: {
    id: "pnpm",
    ecosystem: "language",
    commands: ["pnpm"],
    nonInteractiveFlags: [],
    nonInteractiveEnv: [],
    noCacheFlags: [],
    noCacheEnv: [],
    cacheAreas: ["pnpm"],
    cleanup: ["pnpm store prune"],
    pinExample: "express@4.18.2",
  },
  yarn: {
    id: "yarn",
    ecosystem: "language",
    commands: ["yarn", "yarnpkg"],
    nonInteractiveFlags: [],
    nonInteractiveEnv: [],
    noCacheFlags: [],
    noCacheEnv: [],
    cacheAreas: ["yarn"],
    cleanup: ["yarn cache clean"],
    pinExample: "express@4.18.2",
  },
  bun: {
    id: "bun",
    ecosystem: "language",
    commands: ["bun"],
    nonInteractiveFlags: [],
    nonInteractiveEnv: [],
    noCacheFlags: ["--no-cache"],
    noCacheEnv: [],
    cacheAreas: ["bun"],
    cleanup: ["bun pm cache rm"],
    pinExample: "express@4.18.2",
  },
  gem: {
    id: "gem",
    ecosystem: "language",
    commands: ["gem"],
    nonInteractiveFlags: [],
    nonInteractiveEnv: [],
    noCacheFlags: [],
    noCacheEnv: [],
    cacheAreas: ["gem"],
    cleanup: ["rm -rf ~/.gem /usr/local/bundle/cache"],
    pinExample: "rails:7.1.3 (or -v 7.1.3)",
  },
  bundler: {
    id: "bundler",
    ecosystem: "language",
    commands: ["bundle", "bundler"],
    nonInteractiveFlags: [],
    nonInteractiveEnv: [],
    noCacheFlags: [],
    noCacheEnv: [],
    cacheAreas: ["bundler"],
    cleanup: ["rm -rf /usr/local/bundle/cache"],
    pinExample: "Gemfile.lock",
  },
  go: {
    id: "go",
    ecosystem: "language",
    commands: ["go"],
    nonInteractiveFlags: [],
    nonInteractiveEnv: [],
    noCacheFlags: [],
    noCacheEnv: [],
    cacheAreas: ["go-mod", "go-build"],
    cleanup: ["go clean -modcache -cache"],
    pinExample: "golang.org/x/tools/gopls@v0.15.3",
  },
  composer: {
    id: "composer",
    ecosystem: "language",
    commands: ["composer", "composer.phar"],
    nonInteractiveFlags: ["-n", "--no-interaction"],
    nonInteractiveEnv: ["COMPOSER_NO_INTERACTION"],
    noCacheFlags: ["--no-cache"],
    noCacheEnv: ["COMPOSER_NO_CACHE"],
    cacheAreas: ["composer"],
    cleanup: ["composer clear-cache"],
    pinExample: "monolog/monolog:3.5.0",
  },
  cargo: {
    id: "cargo",
    ecosystem: "language",
    commands: ["cargo"],
    nonInteractiveFlags: [],
    nonInteractiveEnv: [],
    noCacheFlags: [],
    noCacheEnv: [],
    cacheAreas: ["cargo"],
    cleanup: ["rm -rf /usr/local/cargo/registry"],
    pinExample: "ripgrep@14.1.0 (or --version 14.1.0)",
  },
  maven: {
    id: "maven",
    ecosystem: "build-tool",
    commands: ["mvn", "mvnw"],
    nonInteractiveFlags: ["-B", "--batch-mode"],
    nonInteractiveEnv: [],
    noCacheFlags: [],
    noCacheEnv: [],
    cacheAreas: ["maven"],
    cleanup: ["RUN --mount=type=cache,target=/root/.m2"],
    pinExample: "pom.xml",
  },
  gradle: {
    id: "gradle",
    ecosystem: "build-tool",
    commands: ["gradle", "gradlew"],
    nonInteractiveFlags: [],
    nonInteractiveEnv: [],
    noCacheFlags: [],
    noCacheEnv: [],
    cacheAreas: ["gradle"],
    cleanup: ["RUN --mount=type=cache,target=/root/.gradle"],
    pinExample: "build.gradle",
  },
};

// -------------------------------------------------------------------------------------------------
// Invocation model

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
  /** The action would prompt for confirmation without a flag (`apt-get install`, `dnf remove`…). */
  promptsWithoutFlag: boolean;
  /** The invocation will not stop at a prompt (a flag, an env var, or the action never prompts). */
  nonInteractive: boolean;
  /** The option word that makes it non-interactive, if any. */
  nonInteractiveWord: ShellWord | null;
  /** It downloads the package index (`apt-get update`, `apk add --update`/`--no-cache`, `pacman -Sy`). */
  updatesIndex: boolean;
  /** It is configured to leave no download cache (`apk --no-cache`, `pip --no-cache-dir`, `PIP_NO_CACHE_DIR=1`…). */
  noCache: boolean;
  /** Cache areas this invocation fills (after `noCache` is taken into account). */
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
}

// -------------------------------------------------------------------------------------------------
// Helpers

const TRUTHY = new Set(["1", "true", "yes", "on", "y"]);

/** Environment value given to the command (`FOO=1 cmd`, `env FOO=1 cmd`, `sudo FOO=1 cmd`). */
function envValue(u: UnwrappedCommand, name: string): string | null | undefined {
  for (const a of u.command.assignments) if (a.name === name) return a.value ? a.value.value : "";
  for (const w of u.envAssignments) {
    const v = w.value;
    if (v !== null && v.startsWith(`${name}=`)) return v.slice(name.length + 1);
  }
  return undefined;
}

function envTruthy(u: UnwrappedCommand, names: readonly string[]): boolean {
  return names.some((n) => {
    const v = envValue(u, n);
    return v !== undefined && v !== null && TRUTHY.has(v.toLowerCase());
  });
}

/** Text of a word with expansions kept as written (for parsing `curl=$VERSION`, `"$HOME/.cache"`). */
function template(word: ShellWord): string {
  if (word.value !== null) return word.value;
  return word.parts.map(partTemplate).join("");
}

function partTemplate(p: ShellWord["parts"][number]): string {
  if (p.value !== null) return p.value;
  if (p.kind === "double-quoted") {
    const open = p.raw.startsWith("$") ? 2 : 1;
    return p.raw.slice(open, -1).replace(/\\([$`"\\])/g, "$1");
  }
  return p.raw;
}

/** Index of the first expansion character in `template(word)`, or -1. */
function firstDynamicIndex(word: ShellWord): number {
  if (word.value !== null) return -1;
  let pos = 0;
  for (const p of word.parts) {
    if (p.value === null) {
      if (p.kind !== "double-quoted") return pos;
      const inner = partTemplate(p);
      const dollar = inner.search(/[$`]/);
      return pos + (dollar === -1 ? 0 : dollar);
    }
    pos += p.value.length;
  }
  return -1;
}

const URL_RE = /^[a-z][a-z0-9+.-]*:\/\//i;

function baseArg(word: ShellWord, kind: PackageArgumentKind, name: string | null = null): PackageArgument {
  return { word, kind, name, constraint: null, version: null, pinned: false };
}

/**
 * Split `text` at the first version operator among `ops` (longest first). The name part must be
 * static; returns null when the name itself is dynamic.
 */
function splitConstraint(word: ShellWord, text: string, ops: readonly string[]): PackageArgument {
  const dyn = firstDynamicIndex(word);
  let best = -1;
  let bestOp = "";
  for (const op of ops) {
    const i = text.indexOf(op, 1);
    if (i !== -1 && (best === -1 || i < best || (i === best && op.length > bestOp.length))) {
      best = i;
      bestOp = op;
    }
  }
  if (best === -1) {
    if (dyn !== -1) return baseArg(word, "dynamic");
    return { word, kind: "name", name: text, constraint: null, version: null, pinned: false };
  }
  if (dyn !== -1 && dyn < best) return baseArg(word, "dynamic");
  const name = text.slice(0, best);
  const version = text.slice(best + bestOp.length);
  return { word, kind: "name", name, constraint: text.slice(best), version, pinned: false };
}

// --- Debian ---

function aptPackage(word: ShellWord): PackageArgument {
  const text = template(word);
  if (word.value !== null && (/\.deb$/.test(text) || text.startsWith("./") || text.startsWith("/") || text.startsWith("../"))) {
    return baseArg(word, "file");
  }
  if (text.startsWith("~") || text.startsWith("?")) return baseArg(word, "group"); // aptitude search patterns
  const arg = splitConstraint(word, text, ["="]);
  if (arg.kind !== "name" || arg.name === null) return arg;
  // Strip `/release` and the install/remove suffixes `pkg-` / `pkg+`; keep `:arch` in the name.
  let name = arg.name.replace(/\/[^/]*$/, "");
  if (arg.constraint === null) name = name.replace(/[+-]$/, "");
  arg.name = name;
  arg.pinned = arg.version !== null && arg.version !== "";
  return arg;
}

// --- Alpine ---

function apkPackage(word: ShellWord): PackageArgument {
  const text = template(word);
  if (word.value !== null && (/\.apk$/.test(text) || text.startsWith("./") || text.startsWith("/"))) return baseArg(word, "file");
  const arg = splitConstraint(word, text, ["=", "~", ">=", "<=", ">", "<", "~="]);
  if (arg.kind !== "name" || arg.name === null) return arg;
  arg.name = arg.name.replace(/@[^@]*$/, ""); // repository tag `pkg@testing`
  const op = arg.constraint?.replace(arg.version ?? "", "") ?? "";
  arg.pinned = (op === "=" || op === "~" || op === "~=") && arg.version !== "";
  return arg;
}

// --- RPM (yum, dnf, microdnf, zypper) ---

const RPM_OPERATORS: readonly string[] = ["=", "==", ">=", "<=", ">", "<"];

function isRpmOperatorChar(ch: string | undefined): boolean {
  return ch === "=" || ch === ">" || ch === "<";
}

/**
 * `name OP version` (OP one of = == >= <= > <, blanks allowed around OP only), or null, in one pass
 * over the blank-separated fields (a regex for this backtracks quadratically on runs of `=<>`, and
 * words come from untrusted Dockerfiles):
 * - one field: the operator is the run of operator characters before the last version text, so
 *   `a>=1` gives `a` `>=` `1` and `a==1` gives `a` `==` `1`;
 * - two fields `X Y`: the operator starts Y when it can (`==`, `=`, `>=`, `<=`, `>`, `<`, each
 *   leaving a non-empty version), else it ends X (with a non-empty name before it);
 * - three fields `X OP Y`: OP must be exactly one of the operators.
 */
function splitRpmConstraint(text: string): { name: string; op: string; version: string } | null {
  // At most 4 fields are needed to tell; an empty field means empty text or leading/trailing blanks.
  const fields = text.split(/\s+/, 4);
  if (fields.includes("")) return null;
  if (fields.length === 1) {
    for (let i = text.length - 2; i >= 1; i--) {
      if (!isRpmOperatorChar(text[i])) continue;
      let start = i;
      while (start > 1 && isRpmOperatorChar(text[start - 1])) start -= 1;
      const op = text.slice(start, i + 1);
      return RPM_OPERATORS.includes(op) ? { name: text.slice(0, start), op, version: text.slice(i + 1) } : null;
    }
    return null;
  }
  if (fields.length === 2) {
    const [x, y] = fields as [string, string];
    if (y.startsWith("==") && y.length >= 3) return { name: x, op: "==", version: y.slice(2) };
    if (y.startsWith("=") && y.length >= 2) return { name: x, op: "=", version: y.slice(1) };
    if ((y.startsWith(">=") || y.startsWith("<=")) && y.length >= 3) return { name: x, op: y.slice(0, 2), version: y.slice(2) };
    if ((y.startsWith(">") || y.startsWith("<")) && y.length >= 2) return { name: x, op: y[0]!, version: y.slice(1) };
    if (x.length >= 2 && isRpmOperatorChar(x[x.length - 1])) return { name: x.slice(0, -1), op: x[x.length - 1]!, version: y };
    return null;
  }
  if (fields.length === 3 && RPM_OPERATORS.includes(fields[1]!)) return { name: fields[0]!, op: fields[1]!, version: fields[2]! };
  return null;
}

function rpmPackage(word: ShellWord, manager: PackageManagerId): PackageArgument {
  const text = template(word);
  if (word.value !== null && URL_RE.test(text)) return baseArg(word, "url");
  if (word.value !== null && /\.rpm$/.test(text)) return baseArg(word, "file");
  if (text.startsWith("@")) {
    return text.includes(":") ? { ...baseArg(word, "module", text.slice(1)), pinned: true, version: text.slice(text.indexOf(":") + 1) } : baseArg(word, "group", text.slice(1));
  }
  if (manager === "zypper" && /^(?:pattern|patch|product|srcpackage|application):/.test(text)) return baseArg(word, "group", text);
  if (text.startsWith("/") || text.includes("(")) return baseArg(word, "name", text); // file provides / capabilities
  // `name >= 1.2` (one quoted word), `name=1.2` (zypper), `name-1.2-3.el8` (NEVRA)
  const spaced = splitRpmConstraint(text);
  if (spaced && (firstDynamicIndex(word) === -1 || firstDynamicIndex(word) > spaced.name.length)) {
    const { name, op, version } = spaced;
    return { word, kind: "name", name, constraint: text.slice(name.length).trim(), version, pinned: op === "=" || op === "==" };
  }
  const dyn = firstDynamicIndex(word);
  if (dyn === 0) return baseArg(word, "dynamic");
  // zypper prefixes: +pkg / ~pkg install, -pkg / !pkg remove.
  const stripped = manager === "zypper" ? text.replace(/^[+~!-]/, "") : text;
  // NEVRA: the version is the last dash-separated segment(s) starting with a digit (or an expansion).
  const segs = stripped.split("-");
  if (segs.length >= 2) {
    const last = segs[segs.length - 1]!;
    const dynamicTail = dyn !== -1 && dyn > text.lastIndexOf("-", dyn);
    if (/^\d/.test(last) || (dynamicTail && last.startsWith("$"))) {
      // name-version or name-version-release
      let nameEnd = segs.length - 1;
      if (segs.length >= 3 && /^\d/.test(segs[segs.length - 2]!)) nameEnd = segs.length - 2;
      const name = segs.slice(0, nameEnd).join("-");
      const version = segs.slice(nameEnd).join("-");
      return { word, kind: "name", name, constraint: `-${version}`, version, pinned: true };
    }
  }
  if (dyn !== -1) return baseArg(word, "dynamic");
  return { word, kind: "name", name: stripped, constraint: null, version: null, pinned: false };
}

// --- Python ---

const LINE_TERMINATORS = ["\n", "\r", "\u2028", "\u2029"];

function isBlank(ch: string): boolean {
  return /\s/.test(ch);
}

/**
 * A requirement `name[extras] constraint ; marker` split into the name and the constraint, as
 * `/^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(.*?)\s*(;.*)?$/` split it (groups 1 and 3), or null where
 * it did not match. That regex backtracks quadratically (`\s*`, `.*?` and `\s*` trade blanks, `.*?` and
 * `;.*` trade semicolons) on untrusted text; this finds the same match in linear time. The name is
 * always the longest run of name characters; `[extras]` right after it are dropped when what follows
 * them matches, else they are read as constraint text.
 */
function splitRequirement(text: string): { name: string; rest: string } | null {
  const name = /^[\da-z][\w.-]*/i.exec(text)?.[0];
  if (name === undefined) return null;
  const close = text[name.length] === "[" ? text.indexOf("]", name.length) : -1;
  const rest = (close !== -1 ? requirementConstraint(text, close + 1) : null) ?? requirementConstraint(text, name.length);
  return rest === null ? null : { name, rest };
}

/**
 * What `\s*(.*?)\s*(;.*)?$` captures in group 1 when matched from `start`, or null when it does not
 * match: leading blanks skipped, then the shortest text after which only blanks, then optionally a `;`
 * marker, remain. `.` stops at line terminators, so neither the result nor the marker may hold one
 * (blanks may). One pass: every blank run is measured once.
 */
function requirementConstraint(text: string, start: number): string | null {
  let from = start;
  while (from < text.length && isBlank(text[from]!)) from++;
  const lastBreak = Math.max(...LINE_TERMINATORS.map((t) => text.lastIndexOf(t)));
  let j = from;
  while (j < text.length) {
    const ch = text[j]!;
    if (isBlank(ch)) {
      let end = j;
      while (end < text.length && isBlank(text[end]!)) end++;
      // Blanks to the end, or blanks then a marker without a line break: the constraint ends here.
      if (end === text.length || (text[end] === ";" && end > lastBreak)) return text.slice(from, j);
      // Otherwise these blanks are inside the constraint, which `.` cannot extend over a line break.
      if (LINE_TERMINATORS.some((t) => text.slice(j, end).includes(t))) return null;
      j = end;
    } else {
      if (ch === ";" && j > lastBreak) return text.slice(from, j);
      j++;
    }
  }
  return text.slice(from);
}

function pipRequirement(word: ShellWord): PackageArgument {
  const text = template(word);
  if (word.value !== null) {
    if (/^(?:git|hg|svn|bzr)\+/.test(text)) return baseArg(word, "vcs");
    if (URL_RE.test(text)) return baseArg(word, "url");
    if (/\.(?:whl|tar\.gz|tgz|zip|tar\.bz2)$/.test(text)) return baseArg(word, "file");
    if (text === "." || text.startsWith("./") || text.startsWith("/") || text.startsWith("../") || text.startsWith("~")) return baseArg(word, "path");
  }
  const m = splitRequirement(text);
  if (!m) return firstDynamicIndex(word) !== -1 ? baseArg(word, "dynamic") : baseArg(word, "name", text);
  const { name, rest } = m;
  const dyn = firstDynamicIndex(word);
  if (dyn !== -1 && dyn < name.length) return baseArg(word, "dynamic");
  if (rest.startsWith("@")) return { word, kind: "url", name, constraint: rest, version: null, pinned: false };
  if (rest === "") return { word, kind: "name", name, constraint: null, version: null, pinned: false };
  const exact = /^===?\s*[^,\s*]+$/.test(rest);
  // `\s*` and the version must not both be able to take blanks: `(\S.*)?` (empty version: "").
  const versionMatch = /^(?:===?|~=|!=|>=|<=|>|<)\s*(\S.*)?$/.exec(rest);
  const version = versionMatch ? (versionMatch[1] ?? "") : null;
  return { word, kind: "name", name, constraint: rest, version, pinned: exact };
}

function condaPackage(word: ShellWord): PackageArgument {
  const text = template(word);
  if (word.value !== null && (URL_RE.test(text) || /\.(?:tar\.bz2|conda)$/.test(text))) return baseArg(word, URL_RE.test(text) ? "url" : "file");
  const withoutChannel = text.includes("::") ? text.slice(text.indexOf("::") + 2) : text;
  // `(?![\w.-])` keeps the name from giving characters back to the constraint, and `(\S.*)?` keeps the
  // constraint from taking blanks from `\s*`: without them a failing match backtracks quadratically.
  const m = /^(\w[\w.-]*)(?![\w.-])\s*(\S.*)?$/.exec(withoutChannel);
  if (!m) return firstDynamicIndex(word) !== -1 ? baseArg(word, "dynamic") : baseArg(word, "name", text);
  const dyn = firstDynamicIndex(word);
  const nameEnd = text.length - withoutChannel.length + m[1]!.length;
  if (dyn !== -1 && dyn < nameEnd) return baseArg(word, "dynamic");
  const rest = (m[2] ?? "").trim();
  if (rest === "") return { word, kind: "name", name: m[1]!, constraint: null, version: null, pinned: false };
  const op = /^(==|=|>=|<=|[<>]|!=|~=)?\s*(\S.*)?$/.exec(rest)!;
  const version = op[2] ?? "";
  const pinned = (op[1] === "=" || op[1] === "==" || op[1] === undefined) && /^[\d$]/.test(version);
  return { word, kind: "name", name: m[1]!, constraint: rest, version, pinned };
}

// --- JavaScript ---

const SEMVER_EXACT = /^[=v]?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

function npmSpec(word: ShellWord): PackageArgument {
  const text = template(word);
  if (word.value !== null) {
    if (text === "." || text === ".." || text.startsWith("./") || text.startsWith("/") || text.startsWith("../") || text.startsWith("file:") || text.startsWith("~")) return baseArg(word, "path");
    if (/^(?:git\+|git:|github:|gitlab:|bitbucket:|gist:)/.test(text) || /^[\w-][\w.-]*\/[\w.-]+(?:#.*)?$/.test(text)) return baseArg(word, "vcs");
    if (URL_RE.test(text)) return baseArg(word, "url");
    if (/\.(?:tgz|tar\.gz)$/.test(text)) return baseArg(word, "file");
  }
  const at = text.indexOf("@", text.startsWith("@") ? 1 : 0);
  const dyn = firstDynamicIndex(word);
  if (at === -1) return dyn !== -1 ? baseArg(word, "dynamic") : { word, kind: "name", name: text, constraint: null, version: null, pinned: false };
  if (dyn !== -1 && dyn < at) return baseArg(word, "dynamic");
  const name = text.slice(0, at);
  let version = text.slice(at + 1);
  if (version.startsWith("npm:")) {
    // alias@npm:real@version
    const inner = version.slice(4);
    const innerAt = inner.indexOf("@", inner.startsWith("@") ? 1 : 0);
    version = innerAt === -1 ? "" : inner.slice(innerAt + 1);
  }
  const pinned = SEMVER_EXACT.test(version) || (dyn !== -1 && dyn > at);
  return { word, kind: "name", name, constraint: text.slice(at), version, pinned };
}

// --- Go ---

function goPackage(word: ShellWord): PackageArgument {
  const text = template(word);
  if (word.value !== null && (text === "." || text.startsWith("./") || text.startsWith("../") || text === "all" || text.startsWith("/"))) return baseArg(word, "path");
  const at = text.lastIndexOf("@");
  const dyn = firstDynamicIndex(word);
  if (at === -1) return dyn !== -1 ? baseArg(word, "dynamic") : { word, kind: "name", name: text, constraint: null, version: null, pinned: false };
  if (dyn !== -1 && dyn < at) return baseArg(word, "dynamic");
  const version = text.slice(at + 1);
  const floating = ["latest", "upgrade", "patch", "none", "master", "main", "HEAD", "head", "trunk", "develop", "dev"].includes(version);
  return { word, kind: "name", name: text.slice(0, at), constraint: text.slice(at), version, pinned: !floating && version !== "" };
}

// --- Ruby ---

function gemPackage(word: ShellWord, versionOption: string | null, single: boolean): PackageArgument {
  const text = template(word);
  if (word.value !== null && /\.gem$/.test(text)) return baseArg(word, "file");
  const colon = text.indexOf(":");
  const dyn = firstDynamicIndex(word);
  if (colon === -1) {
    if (dyn !== -1) return baseArg(word, "dynamic");
    if (versionOption !== null && single) {
      return { word, kind: "name", name: text, constraint: versionOption, version: versionOption, pinned: isExactVersion(versionOption) };
    }
    return { word, kind: "name", name: text, constraint: null, version: null, pinned: false };
  }
  if (dyn !== -1 && dyn < colon) return baseArg(word, "dynamic");
  const version = text.slice(colon + 1);
  return { word, kind: "name", name: text.slice(0, colon), constraint: text.slice(colon), version, pinned: isExactVersion(version) || dyn !== -1 };
}

function isExactVersion(v: string): boolean {
  const t = v.trim().replace(/^=\s*/, "");
  return /^v?\d+(?:\.[\dA-Za-z-]+)*$/.test(t);
}

// --- PHP ---

function composerPackages(operands: readonly ShellWord[]): PackageArgument[] {
  const out: PackageArgument[] = [];
  for (const word of operands) {
    const text = template(word);
    const prev = out[out.length - 1];
    // `composer require vendor/pkg 1.2`: a bare constraint after a package applies to it.
    if (prev && prev.kind === "name" && prev.constraint === null && !text.includes("/") && /^(?:[$*<=>^~]|v?\d|dev-)/.test(text)) {
      prev.constraint = text;
      prev.version = text;
      prev.pinned = isExactVersion(text) || firstDynamicIndex(word) !== -1;
      continue;
    }
    const sep = text.search(/[:=]/);
    const dyn = firstDynamicIndex(word);
    if (sep === -1) {
      out.push(dyn !== -1 ? baseArg(word, "dynamic") : { word, kind: "name", name: text, constraint: null, version: null, pinned: false });
      continue;
    }
    if (dyn !== -1 && dyn < sep) {
      out.push(baseArg(word, "dynamic"));
      continue;
    }
    const version = text.slice(sep + 1);
    out.push({ word, kind: "name", name: text.slice(0, sep), constraint: text.slice(sep), version, pinned: isExactVersion(version) || (dyn !== -1 && dyn > sep) });
  }
  return out;
}

// --- Rust ---

function cargoCrate(word: ShellWord, versionOption: string | null): PackageArgument {
  const text = template(word);
  const at = text.indexOf("@");
  const dyn = firstDynamicIndex(word);
  if (at === -1) {
    if (dyn !== -1) return baseArg(word, "dynamic");
    if (versionOption !== null) return { word, kind: "name", name: text, constraint: versionOption, version: versionOption, pinned: isExactVersion(versionOption) };
    return { word, kind: "name", name: text, constraint: null, version: null, pinned: false };
  }
  if (dyn !== -1 && dyn < at) return baseArg(word, "dynamic");
  const version = text.slice(at + 1);
  return { word, kind: "name", name: text.slice(0, at), constraint: text.slice(at), version, pinned: isExactVersion(version) || dyn !== -1 };
}

// -------------------------------------------------------------------------------------------------
// CLI specs (options that take a value)

/** apt-get(8)/apt(8): -o, -c, -t, -a, -P take a value. */
const APT_SPEC: CliSpec = {
  short: "octaP",
  long: ["option", "config-file", "target-release", "default-release", "host-architecture", "build-profiles", "solver", "planner"],
};

/** aptitude(8). */
const APTITUDE_SPEC: CliSpec = {
  short: "otFwSO",
  long: ["option", "target-release", "default-release", "display-format", "width", "sort", "group-by", "show-summary", "autoclean-on-startup"],
};

/** apk(8) global options + `add -t/--virtual`. */
const APK_SPEC: CliSpec = {
  short: "Xpt",
  long: ["repository", "root", "arch", "cache-dir", "keys-dir", "repositories-file", "progress-fd", "cache-max-age", "wait", "timeout", "virtual", "from"],
};

/** yum(8)/dnf(8)/microdnf. */
const RPM_SPEC: CliSpec = {
  short: "cdeRx",
  long: [
    "config", "debuglevel", "errorlevel", "rpmverbosity", "randomwait", "installroot", "enablerepo", "disablerepo",
    "exclude", "excludepkgs", "color", "releasever", "setopt", "downloaddir", "destdir", "disableplugin", "enableplugin",
    "disableexcludes", "repo", "repoid", "forcearch", "comment", "advisory", "advisories", "bz", "bzs", "cve", "cves",
    "sec-severity", "secseverity", "repofrompath", "setvar", "use-host-config", "from-repo",
  ],
};

/** zypper(8) global options. */
const ZYPPER_SPEC: CliSpec = {
  short: "RcDCps",
  long: ["root", "config", "reposd-dir", "cache-dir", "raw-cache-dir", "solv-cache-dir", "pkg-cache-dir", "plus-repo", "plus-content", "table-style", "userdata", "releasever", "installroot"],
};

/** zypper install/remove/update … options (after the command). */
const ZYPPER_CMD_SPEC: CliSpec = { short: "tr", long: ["type", "repo", "from", "download", "name"] };

/** pacman(8). */
const PACMAN_SPEC: CliSpec = {
  short: "rb",
  long: ["root", "dbpath", "cachedir", "config", "arch", "gpgdir", "hookdir", "logfile", "ignore", "ignoregroup", "overwrite", "assume-installed", "print-format", "sysroot"],
};

/** pip(1) general + install/download/wheel/uninstall options. */
const PIP_SPEC: CliSpec = {
  short: "rceitfCd",
  long: [
    "log", "log-file", "proxy", "retries", "timeout", "exists-action", "trusted-host", "cert", "client-cert", "cache-dir",
    "python", "use-feature", "use-deprecated", "keyring-provider", "resume-retries", "requirement", "constraint",
    "editable", "target", "platform", "python-version", "implementation", "abi", "root", "prefix", "src",
    "upgrade-strategy", "progress-bar", "root-user-action", "report", "index-url", "extra-index-url", "find-links",
    "no-binary", "only-binary", "config-settings", "global-option", "install-option", "build-option", "group", "dest",
    "wheel-dir", "w", "format", "path", "exclude",
  ],
};

/** uv(1). */
const UV_SPEC: CliSpec = {
  short: "prcifCPoeBw",
  long: [
    "python", "requirement", "requirements", "constraint", "constraints", "override", "overrides", "index-url", "extra-index-url", "index",
    "default-index", "find-links", "cache-dir", "directory", "project", "config-file", "color", "extra", "group", "only-group",
    "no-group", "package", "upgrade-package", "reinstall-package", "refresh-package", "no-build-package", "no-binary-package",
    "target", "prefix", "link-mode", "python-platform", "python-version", "exclude-newer", "resolution", "prerelease",
    "index-strategy", "keyring-provider", "output-file", "with", "with-requirements", "with-editable", "editable", "script",
    "env-file", "no-binary", "only-binary", "config-setting", "config-settings", "torch-backend", "optional", "branch", "tag",
    "rev", "bounds", "marker", "build-constraint", "build-constraints", "python-preference", "allow-insecure-host", "dev-group",
  ],
};

/** poetry(1). */
const POETRY_SPEC: CliSpec = {
  short: "ECPG",
  long: ["only", "with", "without", "extras", "directory", "project", "group", "source", "python", "platform", "markers", "optional"],
};

/** conda/mamba/micromamba. */
const CONDA_SPEC: CliSpec = {
  short: "npcr",
  long: ["name", "prefix", "channel", "file", "solver", "repodata-fn", "platform", "subdir", "experimental-solver", "root-prefix", "rc-file", "category"],
};
/** `conda clean -p` is --packages and `-f` --force-pkgs-dirs (flags), not --prefix. */
const CONDA_CLEAN_SPEC: CliSpec = { replace: true, short: "n", long: ["name", "prefix", "rc-file"] };
/** `conda env create -f environment.yml`. */
const CONDA_ENV_SPEC: CliSpec = { short: "f" };

/** npm(1) config options that take a value. */
const NPM_SPEC: CliSpec = {
  short: "wC",
  long: [
    "prefix", "registry", "cache", "userconfig", "globalconfig", "loglevel", "omit", "include", "only", "tag", "workspace",
    "location", "install-strategy", "before", "otp", "script-shell", "scope", "auth-type", "proxy", "https-proxy", "noproxy",
    "cafile", "ca", "fetch-retries", "fetch-retry-mintimeout", "fetch-retry-maxtimeout", "fetch-timeout", "maxsockets",
    "save-prefix", "user-agent", "node-options", "access", "install-links", "cpu", "os", "libc",
  ],
};

/** pnpm(1). */
const PNPM_SPEC: CliSpec = {
  short: "FC",
  long: [
    "filter", "dir", "store-dir", "reporter", "loglevel", "registry", "virtual-store-dir", "modules-dir", "lockfile-dir",
    "network-concurrency", "child-concurrency", "resolution-mode", "workspace-concurrency", "node-linker",
    "public-hoist-pattern", "hoist-pattern", "config-dir", "cache-dir", "global-dir", "test-pattern", "changed-files-ignore-pattern",
  ],
};

/** yarn(1) v1 and berry. */
const YARN_SPEC: CliSpec = {
  long: [
    "cache-folder", "modules-folder", "network-timeout", "registry", "mutex", "cwd", "use-yarnrc", "network-concurrency",
    "global-folder", "link-folder", "preferred-cache-folder", "mode", "otp",
  ],
};

/** bun. */
const BUN_SPEC: CliSpec = { long: ["cwd", "cache-dir", "registry", "backend", "filter", "omit", "linker", "config"] };

/** gem(1). */
const GEM_SPEC: CliSpec = {
  short: "vinsP",
  shortOptional: "gp",
  long: ["version", "install-dir", "bindir", "platform", "source", "trust-policy", "build-root", "target-rbconfig"],
};

/** bundle(1). */
const BUNDLER_SPEC: CliSpec = {
  short: "j",
  long: ["path", "without", "with", "gemfile", "jobs", "retry", "shebang", "trust-policy", "target-rbconfig"],
};

/** go(1) build flags (single-dash long options). */
const GO_SPEC: CliSpec = {
  singleDash: true,
  singleDashValue: [
    "o", "p", "C", "tags", "ldflags", "gcflags", "asmflags", "mod", "modfile", "pkgdir", "toolexec", "buildmode", "compiler",
    "installsuffix", "overlay", "pgo", "exec", "covermode", "coverpkg", "run", "bench", "count", "timeout", "cpu", "parallel",
    "json",
  ],
};

/** composer(1). */
const COMPOSER_SPEC: CliSpec = {
  short: "d",
  long: ["working-dir", "ignore-platform-req", "prefer-install", "apcu-autoloader-prefix", "repository", "repository-url", "stability", "file"],
};

/** cargo(1). */
const CARGO_SPEC: CliSpec = {
  short: "FjpZ",
  long: [
    "version", "vers", "git", "branch", "tag", "rev", "path", "root", "index", "registry", "target", "target-dir", "features",
    "jobs", "profile", "bin", "example", "config", "manifest-path", "color", "lockfile-path", "package",
  ],
};

/** mvn(1) (commons-cli single-dash long options). */
const MAVEN_SPEC: CliSpec = {
  singleDash: true,
  singleDashValue: ["f", "s", "gs", "t", "gt", "pl", "rf", "l", "P", "T", "b", "D", "file", "settings", "global-settings", "projects", "resume-from", "log-file", "activate-profiles", "threads", "builder", "define", "toolchains"],
};

/** gradle(1). */
const GRADLE_SPEC: CliSpec = {
  short: "xbcpgIDP",
  long: ["exclude-task", "build-file", "settings-file", "project-dir", "gradle-user-home", "init-script", "console", "max-workers", "priority", "warning-mode", "include-build", "project-cache-dir", "dependency-verification"],
};

// -------------------------------------------------------------------------------------------------
// Classification

interface Draft {
  manager: PackageManagerId;
  action: PackageManagerAction;
  cli: ParsedCli;
  packages?: PackageArgument[];
  requirementFiles?: ShellWord[];
  promptsWithoutFlag?: boolean;
  nonInteractiveWord?: ShellWord | null;
  nonInteractiveOther?: boolean;
  updatesIndex?: boolean;
  noCache?: boolean;
  fillsCache?: CacheArea[];
  cleansCache?: CacheArea[];
  installsRecommends?: boolean | null;
  manifestInstall?: boolean;
  frozenLockfile?: boolean;
  global?: boolean;
}

function firstOption(options: readonly CliOption[], ...names: string[]): CliOption | undefined {
  return options.find((o) => names.includes(o.name));
}

function optionValue(options: readonly CliOption[], ...names: string[]): string | null {
  const o = findOptions(options, ...names).pop();
  return o ? o.value : null;
}

function optionWords(options: readonly CliOption[], ...names: string[]): ShellWord[] {
  const out: ShellWord[] = [];
  for (const o of findOptions(options, ...names)) {
    if (o.valueWord) out.push(o.valueWord);
    else if (o.value !== null) out.push(o.word);
  }
  return out;
}

/** `-o Key=value` / `--setopt=key=value` value of a config key (case-insensitive), or undefined. */
function configOption(options: readonly CliOption[], names: readonly string[], key: string): string | undefined {
  let found: string | undefined;
  for (const o of options) {
    if (!names.includes(o.name) || o.value === null) continue;
    const eq = o.value.indexOf("=");
    if (eq !== -1 && o.value.slice(0, eq).toLowerCase() === key.toLowerCase()) found = o.value.slice(eq + 1);
  }
  return found;
}

function isTrue(v: string | undefined): boolean {
  return v !== undefined && TRUTHY.has(v.toLowerCase().replace(/^"|"$/g, ""));
}

function isFalse(v: string | undefined): boolean {
  return v !== undefined && ["0", "false", "no", "off", "n"].includes(v.toLowerCase().replace(/^"|"$/g, ""));
}

/** A language package manager whose cache area has the manager's own name. */
type LanguageManager = PackageManagerId & CacheArea;

/** What a language package manager classifier works out; `languageDraft` turns it into a Draft. */
interface LanguageOutcome {
  action: PackageManagerAction;
  packages?: PackageArgument[];
  cleans?: CacheArea[];
  manifest?: boolean;
  frozen?: boolean;
  global?: boolean;
  noCache?: boolean;
}

/**
 * The Draft of a language package manager: by default an install or upgrade fills the manager's cache area
 * unless `noCache`. `extra` sets any other field (or replaces `fillsCache`).
 */
function languageDraft(manager: LanguageManager, cli: ParsedCli, r: LanguageOutcome, extra: Omit<Draft, "manager" | "cli" | "action"> = {}): Draft {
  return {
    manager,
    action: r.action,
    cli,
    packages: r.packages,
    noCache: r.noCache,
    fillsCache: (r.action === "install" || r.action === "upgrade") && r.noCache !== true ? [manager] : [],
    cleansCache: r.cleans,
    manifestInstall: r.manifest,
    frozenLockfile: r.frozen,
    global: r.global,
    ...extra,
  };
}

function classifyApt(manager: "apt-get" | "apt", args: readonly ShellWord[]): Draft {
  const cli = parseCli(args, APT_SPEC);
  const sub = cli.subcommand;
  const o = cli.options;
  let action: PackageManagerAction = "other";
  let packages: PackageArgument[] = [];
  let fills: CacheArea[] = [];
  let cleans: CacheArea[] = [];
  switch (sub) {
    case "update":
      action = "update-index";
      fills = ["apt-lists"];
      break;
    case "upgrade":
    case "dist-upgrade":
    case "full-upgrade":
      action = "upgrade";
      packages = cli.operands.map(aptPackage);
      fills = ["apt-archives"];
      break;
    case "install":
    case "reinstall":
      action = "install";
      packages = cli.operands.map(aptPackage);
      fills = ["apt-archives"];
      break;
    case "build-dep":
    case "satisfy":
      // Operands are source packages / dependency strings, not packages to pin.
      action = "install";
      fills = ["apt-archives"];
      break;
    case "remove":
    case "purge":
    case "autoremove":
    case "autopurge":
      action = "remove";
      packages = cli.operands.map(aptPackage);
      break;
    case "clean":
    case "autoclean":
    case "auto-clean":
      // apt-get clean empties /var/cache/apt/archives; it does NOT remove /var/lib/apt/lists.
      action = "clean";
      cleans = ["apt-archives"];
      break;
    case "distclean":
    case "dist-clean":
      // apt ≥ 2.7: clean + remove the lists.
      action = "clean";
      cleans = ["apt-archives", "apt-lists"];
      break;
  }
  // -y / --yes / --assume-yes; -qq (quiet level 2 implies -y); -o APT::Get::Assume-Yes=true.
  let yesWord = firstOption(o, "-y", "--yes", "--assume-yes", "--assume-no", "-s", "--simulate", "--just-print", "--dry-run", "--recon", "--no-act", "--trivial-only")?.word ?? null;
  if (!yesWord) {
    const qs = findOptions(o, "-q", "--quiet");
    const level = qs.reduce((n, q) => (q.value !== null && /^\d+$/.test(q.value) ? Math.max(n, Number(q.value)) : n + 1), 0);
    if (level >= 2) yesWord = qs[qs.length - 1]!.word;
  }
  if (!yesWord && isTrue(configOption(o, ["-o", "--option"], "APT::Get::Assume-Yes"))) {
    yesWord = findOptions(o, "-o", "--option").find((x) => x.value?.toLowerCase().startsWith("apt::get::assume-yes"))!.word;
  }
  let recommends: boolean | null = null;
  if (action === "install" || action === "upgrade") {
    recommends = true;
    if (hasOption(o, "--no-install-recommends") || isFalse(configOption(o, ["-o", "--option"], "APT::Install-Recommends"))) recommends = false;
    if (hasOption(o, "--install-recommends")) recommends = true;
  }
  return {
    manager,
    action,
    cli,
    packages,
    promptsWithoutFlag: action === "install" || action === "upgrade" || action === "remove",
    nonInteractiveWord: yesWord,
    updatesIndex: action === "update-index",
    fillsCache: fills,
    cleansCache: cleans,
    installsRecommends: recommends,
  };
}

function classifyAptitude(args: readonly ShellWord[]): Draft {
  const cli = parseCli(args, APTITUDE_SPEC);
  const sub = cli.subcommand;
  let action: PackageManagerAction = "other";
  let packages: PackageArgument[] = [];
  let fills: CacheArea[] = [];
  let cleans: CacheArea[] = [];
  if (sub === "install" || sub === "reinstall") {
    action = "install";
    packages = cli.operands.map(aptPackage);
    fills = ["apt-archives"];
  } else if (sub === "build-dep" || sub === "build-depends") {
    action = "install";
    fills = ["apt-archives"];
  } else if (sub === "remove" || sub === "purge") {
    action = "remove";
    packages = cli.operands.map(aptPackage);
  } else if (sub === "update") {
    action = "update-index";
    fills = ["apt-lists"];
  } else if (sub === "safe-upgrade" || sub === "full-upgrade" || sub === "upgrade" || sub === "dist-upgrade") {
    action = "upgrade";
    fills = ["apt-archives"];
  } else if (sub === "clean" || sub === "autoclean") {
    action = "clean";
    cleans = ["apt-archives"];
  }
  const o = cli.options;
  let recommends: boolean | null = null;
  if (action === "install" || action === "upgrade") {
    recommends = !hasOption(o, "-R", "--without-recommends") && !isFalse(configOption(o, ["-o", "--option"], "APT::Install-Recommends"));
    if (hasOption(o, "-r", "--with-recommends")) recommends = true;
  }
  return {
    manager: "aptitude",
    action,
    cli,
    packages,
    promptsWithoutFlag: action === "install" || action === "upgrade" || action === "remove",
    nonInteractiveWord: firstOption(o, "-y", "--assume-yes", "-s", "--simulate")?.word ?? null,
    updatesIndex: action === "update-index",
    fillsCache: fills,
    cleansCache: cleans,
    installsRecommends: recommends,
  };
}

function classifyApk(args: readonly ShellWord[]): Draft {
  const cli = parseCli(args, APK_SPEC, { nested: new Set(["cache"]) });
  const o = cli.options;
  const noCache = hasOption(o, "--no-cache");
  // apk accepts unambiguous prefixes of long options: --update == --update-cache.
  const update = hasOption(o, "-U", "--update-cache", "--update");
  let action: PackageManagerAction = "other";
  let packages: PackageArgument[] = [];
  let cleans: CacheArea[] = [];
  switch (cli.subcommand) {
    case "add":
      action = "install";
      packages = cli.operands.map(apkPackage);
      break;
    case "del":
      action = "remove";
      packages = cli.operands.map(apkPackage);
      break;
    case "update":
      action = "update-index";
      break;
    case "upgrade":
      action = "upgrade";
      packages = cli.operands.map(apkPackage);
      break;
    case "cache clean":
    case "cache purge":
      action = "clean";
      cleans = ["apk"];
      break;
  }
  const fetches = action === "install" || action === "update-index" || action === "upgrade";
  return {
    manager: "apk",
    action,
    cli,
    packages,
    promptsWithoutFlag: false,
    updatesIndex: action === "update-index" || (fetches && (update || noCache)),
    noCache,
    fillsCache: fetches && !noCache ? ["apk"] : [],
    cleansCache: cleans,
  };
}

const RPM_INSTALL = new Set(["install", "in", "localinstall", "reinstall", "groupinstall", "downgrade", "swap", "builddep", "build-dep", "install-n", "install-na", "install-nevra"]);
const RPM_UPGRADE = new Set(["update", "upgrade", "up", "update-minimal", "upgrade-minimal", "distro-sync", "dsync", "distribution-synchronization", "dup"]);
const RPM_REMOVE = new Set(["remove", "erase", "rm", "autoremove", "groupremove", "remove-n", "remove-na", "remove-nevra"]);

function classifyRpm(manager: "yum" | "dnf" | "microdnf", args: readonly ShellWord[]): Draft {
  const cli = parseCli(args, RPM_SPEC, { nested: new Set(["group", "groups", "module"]) });
  const sub = cli.subcommand ?? "";
  const o = cli.options;
  let action: PackageManagerAction = "other";
  let packages: PackageArgument[] = [];
  let cleans: CacheArea[] = [];
  let prompts = false;
  const groupKind = (w: ShellWord): PackageArgument => ({ ...baseArg(w, w.value === null ? "dynamic" : "group", w.value) });
  if (RPM_INSTALL.has(sub)) {
    action = "install";
    prompts = true;
    if (sub === "groupinstall") packages = cli.operands.map(groupKind);
    else if (sub !== "builddep" && sub !== "build-dep") packages = cli.operands.map((w) => rpmPackage(w, manager));
  } else if (RPM_UPGRADE.has(sub)) {
    action = "upgrade";
    prompts = true;
    packages = cli.operands.map((w) => rpmPackage(w, manager));
  } else if (RPM_REMOVE.has(sub)) {
    action = "remove";
    prompts = true;
    packages = sub === "groupremove" ? cli.operands.map(groupKind) : cli.operands.map((w) => rpmPackage(w, manager));
  } else if (sub === "makecache" || sub === "check-update" || sub === "check-upgrade") {
    action = "update-index";
  } else if (sub === "clean") {
    action = "clean";
    // Only `clean all` empties the cache (metadata, packages, dbcache); `clean packages` etc. are partial.
    if (cli.operands.some((w) => w.value === "all")) cleans = ["yum-dnf"];
  } else if (sub === "group install" || sub === "groups install" || sub === "group update" || sub === "group upgrade") {
    action = sub.endsWith("install") ? "install" : "upgrade";
    prompts = true;
    packages = cli.operands.map(groupKind);
  } else if (sub === "group remove" || sub === "groups remove") {
    action = "remove";
    prompts = true;
    packages = cli.operands.map(groupKind);
  } else if (sub === "module install") {
    action = "install";
    prompts = true;
    packages = cli.operands.map((w) => {
      const t = template(w);
      const colon = t.indexOf(":");
      return { word: w, kind: "module" as const, name: colon === -1 ? t : t.slice(0, colon), constraint: colon === -1 ? null : t.slice(colon), version: colon === -1 ? null : t.slice(colon + 1), pinned: colon !== -1 };
    });
  } else if (sub === "module remove") {
    action = "remove";
    prompts = true;
  } else if (sub === "module enable" || sub === "module disable" || sub === "module reset" || sub === "module switch-to") {
    prompts = true;
  }
  // microdnf: libdnf-era builds (UBI 8) assumed yes; microdnf on EL9 asks for confirmation
  // (rpm-software-management/microdnf#94 made it configurable): treated like dnf, `-y` required.
  const yes = firstOption(o, "-y", "--assumeyes", "--assumeno")?.word ?? null;
  const setoptYes = isTrue(configOption(o, ["--setopt"], "assumeyes"));
  let recommends: boolean | null = null;
  if ((action === "install" || action === "upgrade") && manager !== "yum") {
    recommends = !isFalse(configOption(o, ["--setopt"], "install_weak_deps"));
  }
  if ((action === "install" || action === "upgrade") && manager === "yum") {
    const weak = configOption(o, ["--setopt"], "install_weak_deps");
    recommends = weak === undefined ? null : !isFalse(weak);
  }
  const fetches = action === "install" || action === "upgrade" || action === "update-index";
  return {
    manager,
    action,
    cli,
    packages,
    promptsWithoutFlag: prompts,
    nonInteractiveWord: yes,
    nonInteractiveOther: setoptYes,
    updatesIndex: action === "update-index" || hasOption(o, "--refresh"),
    fillsCache: fetches ? ["yum-dnf"] : [],
    cleansCache: cleans,
    installsRecommends: recommends,
  };
}

function classifyZypper(args: readonly ShellWord[]): Draft {
  const cli = parseCli(args, ZYPPER_SPEC, { sub: () => ZYPPER_CMD_SPEC });
  const sub = cli.subcommand ?? "";
  const o = cli.options;
  let action: PackageManagerAction = "other";
  let packages: PackageArgument[] = [];
  let cleans: CacheArea[] = [];
  let prompts = false;
  if (sub === "install" || sub === "in" || sub === "install-new-recommends" || sub === "inr") {
    action = "install";
    prompts = true;
    packages = cli.operands.map((w) => rpmPackage(w, "zypper"));
    const type = optionValue(o, "-t", "--type");
    if (type !== null && type !== "package") packages = packages.map((p) => ({ ...p, kind: "group" as const, pinned: false }));
  } else if (sub === "source-install" || sub === "si") {
    action = "install";
    prompts = true;
  } else if (sub === "remove" || sub === "rm") {
    action = "remove";
    prompts = true;
    packages = cli.operands.map((w) => rpmPackage(w, "zypper"));
  } else if (sub === "update" || sub === "up" || sub === "dist-upgrade" || sub === "dup" || sub === "patch") {
    action = "upgrade";
    prompts = true;
    packages = cli.operands.map((w) => rpmPackage(w, "zypper"));
  } else if (sub === "refresh" || sub === "ref") {
    action = "update-index";
  } else if (sub === "clean" || sub === "cc") {
    action = "clean";
    cleans = ["zypper"];
  }
  // Global -n/--non-interactive must come before the command; after `install`, -n means --name.
  const globalN = o.find((x) => !x.afterSubcommand && (x.name === "-n" || x.name === "--non-interactive"));
  const cmdY = o.find((x) => x.afterSubcommand && (x.name === "-y" || x.name === "--no-confirm"));
  let recommends: boolean | null = null;
  if (action === "install" || action === "upgrade") recommends = !hasOption(o, "--no-recommends");
  if (hasOption(o, "--recommends") && recommends !== null) recommends = true;
  const fetches = action === "install" || action === "upgrade" || action === "update-index";
  return {
    manager: "zypper",
    action,
    cli,
    packages,
    promptsWithoutFlag: prompts,
    nonInteractiveWord: globalN?.word ?? cmdY?.word ?? null,
    updatesIndex: action === "update-index" || (fetches && !hasOption(o, "--no-refresh")),
    fillsCache: fetches ? ["zypper"] : [],
    cleansCache: cleans,
    installsRecommends: recommends,
  };
}

function classifyPacman(args: readonly ShellWord[]): Draft {
  const cli = parseCli(args, PACMAN_SPEC, { noSubcommand: true });
  const o = cli.options;
  const letters = new Map<string, number>();
  let opWord: ShellWord | null = null;
  const longOps: Record<string, string> = { "--sync": "S", "--remove": "R", "--upgrade": "U", "--query": "Q", "--files": "F", "--database": "D", "--deptest": "T" };
  for (const opt of o) {
    const op = longOps[opt.name];
    const letter = op ?? (opt.name.length === 2 ? opt.name[1]! : "");
    if (/^[DFQ-V]$/.test(letter) && !opWord) opWord = opt.word;
    if (letter) letters.set(letter, (letters.get(letter) ?? 0) + 1);
  }
  const modifierLongs: Record<string, string> = { "--refresh": "y", "--sysupgrade": "u", "--clean": "c", "--search": "s", "--info": "i", "--list": "l", "--groups": "g", "--print": "p", "--downloadonly": "w" };
  for (const opt of o) {
    const m = modifierLongs[opt.name];
    if (m) letters.set(m, (letters.get(m) ?? 0) + 1);
  }
  let action: PackageManagerAction = "other";
  let packages: PackageArgument[] = [];
  let cleans: CacheArea[] = [];
  let updatesIndex = false;
  const pkg = (w: ShellWord): PackageArgument => {
    const arg = splitConstraint(w, template(w), ["=", ">=", "<=", ">", "<"]);
    if (arg.kind === "name") arg.pinned = arg.constraint?.startsWith("=") === true;
    return arg;
  };
  if (letters.has("S")) {
    updatesIndex = letters.has("y");
    if (letters.has("c")) {
      action = "clean";
      cleans = ["pacman"];
    } else if (letters.has("s") || letters.has("i") || letters.has("l") || letters.has("g") || letters.has("p") || letters.has("q")) {
      action = "other";
    } else if (cli.operands.length > 0) {
      action = "install";
      packages = cli.operands.map(pkg);
    } else if (letters.has("u")) action = "upgrade";
    else if (updatesIndex) action = "update-index";
  } else if (letters.has("R")) {
    action = "remove";
    packages = cli.operands.map(pkg);
  } else if (letters.has("U")) {
    action = "install";
    packages = cli.operands.map((w) => baseArg(w, w.value === null ? "dynamic" : URL_RE.test(w.value) ? "url" : "file"));
  }
  const prompts = action === "install" || action === "upgrade" || action === "remove" || action === "clean";
  return {
    manager: "pacman",
    action,
    cli: { ...cli, subcommand: opWord?.value ?? null, subcommandWords: opWord ? [opWord] : [] },
    packages,
    promptsWithoutFlag: prompts,
    nonInteractiveWord: firstOption(o, "--noconfirm")?.word ?? null,
    updatesIndex,
    fillsCache: action === "install" || action === "upgrade" ? ["pacman"] : [],
    cleansCache: cleans,
  };
}

function classifyPip(args: readonly ShellWord[], u: UnwrappedCommand): Draft {
  const cli = parseCli(args, PIP_SPEC, { nested: new Set(["cache"]) });
  const o = cli.options;
  const sub = cli.subcommand;
  const noCache = hasOption(o, "--no-cache-dir") || envTruthy(u, ["PIP_NO_CACHE_DIR"]);
  let action: PackageManagerAction = "other";
  let packages: PackageArgument[] = [];
  let cleans: CacheArea[] = [];
  const requirementFiles = optionWords(o, "-r", "--requirement");
  if (sub === "install") {
    action = "install";
    packages = cli.operands.map(pipRequirement);
    for (const e of findOptions(o, "-e", "--editable")) {
      const w = e.valueWord ?? e.word;
      const v = e.value ?? "";
      packages.push(baseArg(w, /^(?:git|hg|svn|bzr)\+/.test(v) ? "vcs" : "path"));
    }
    if (hasOption(o, "-U", "--upgrade") && packages.length > 0 && requirementFiles.length === 0) action = "install";
  } else if (sub === "uninstall") {
    action = "remove";
    packages = cli.operands.map(pipRequirement);
  } else if (sub === "cache purge") {
    action = "clean";
    cleans = ["pip"];
  } else if (sub === "cache remove") {
    action = "clean";
  }
  const fetches = sub === "install" || sub === "download" || sub === "wheel";
  const manifest = action === "install" && requirementFiles.length > 0;
  return languageDraft(
    "pip",
    cli,
    { action, packages, cleans, manifest, frozen: manifest && hasOption(o, "--require-hashes"), noCache },
    {
      requirementFiles,
      promptsWithoutFlag: action === "remove",
      nonInteractiveWord: action === "remove" ? firstOption(o, "-y", "--yes")?.word ?? null : null,
      fillsCache: fetches && !noCache ? ["pip"] : [],
    },
  );
}

function classifyUv(args: readonly ShellWord[], u: UnwrappedCommand): Draft {
  const cli = parseCli(args, UV_SPEC, { nested: new Set(["pip", "cache", "tool", "python"]) });
  const o = cli.options;
  const sub = cli.subcommand;
  const noCache = hasOption(o, "-n", "--no-cache") || envTruthy(u, ["UV_NO_CACHE"]);
  const requirementFiles = optionWords(o, "-r", "--requirement", "--requirements");
  let action: PackageManagerAction = "other";
  let packages: PackageArgument[] = [];
  let cleans: CacheArea[] = [];
  let manifest = false;
  let frozen = false;
  switch (sub) {
    case "pip install":
      action = "install";
      packages = cli.operands.map(pipRequirement);
      manifest = requirementFiles.length > 0;
      frozen = manifest && hasOption(o, "--require-hashes");
      break;
    case "pip sync":
      action = "install";
      requirementFiles.push(...cli.operands);
      manifest = true;
      frozen = true;
      break;
    case "pip uninstall":
    case "remove":
      action = "remove";
      packages = cli.operands.map(pipRequirement);
      break;
    case "add":
    case "tool install":
      action = "install";
      packages = cli.operands.map(pipRequirement);
      break;
    case "sync":
      action = "install";
      manifest = true;
      frozen = hasOption(o, "--frozen", "--locked");
      break;
    case "tool upgrade":
      action = "upgrade";
      break;
    case "cache clean":
    case "cache prune":
      action = "clean";
      cleans = ["uv"];
      break;
  }
  const fetches = action === "install" || action === "upgrade" || sub === "run" || sub === "lock";
  return languageDraft(
    "uv",
    cli,
    { action, packages, cleans, manifest, frozen, global: hasOption(o, "--system"), noCache },
    { requirementFiles, fillsCache: fetches && !noCache ? ["uv"] : [] },
  );
}

function classifyPoetry(args: readonly ShellWord[], u: UnwrappedCommand): Draft {
  const cli = parseCli(args, POETRY_SPEC, { nested: new Set(["cache", "self"]) });
  const o = cli.options;
  const sub = cli.subcommand;
  let action: PackageManagerAction = "other";
  let packages: PackageArgument[] = [];
  let cleans: CacheArea[] = [];
  let manifest = false;
  const poetryPkg = (w: ShellWord): PackageArgument => {
    const t = template(w);
    if (t.includes("@") && !t.startsWith("git+") && !URL_RE.test(t)) {
      const at = t.indexOf("@");
      const version = t.slice(at + 1);
      return { word: w, kind: "name", name: t.slice(0, at), constraint: t.slice(at), version, pinned: isExactVersion(version) };
    }
    return pipRequirement(w);
  };
  if (sub === "install" || sub === "sync") {
    action = "install";
    manifest = true;
  } else if (sub === "add") {
    action = "install";
    packages = cli.operands.map(poetryPkg);
  } else if (sub === "remove") {
    action = "remove";
    packages = cli.operands.map(poetryPkg);
  } else if (sub === "update") {
    action = "upgrade";
  } else if (sub === "cache clear") {
    action = "clean";
    if (hasOption(o, "--all")) cleans = ["poetry"];
  }
  const noCache = hasOption(o, "--no-cache") || envTruthy(u, ["POETRY_NO_CACHE"]);
  // poetry install always installs what poetry.lock says (and refuses an inconsistent lock file).
  return languageDraft(
    "poetry",
    cli,
    { action, packages, cleans, manifest, frozen: manifest, noCache },
    { promptsWithoutFlag: false, nonInteractiveWord: firstOption(o, "-n", "--no-interaction")?.word ?? null },
  );
}

function classifyConda(args: readonly ShellWord[], u: UnwrappedCommand): Draft {
  const cli = parseCli(args, CONDA_SPEC, { nested: new Set(["env"]), sub: (s) => (s === "clean" ? CONDA_CLEAN_SPEC : s.startsWith("env") ? CONDA_ENV_SPEC : undefined) });
  const o = cli.options;
  const sub = cli.subcommand;
  let action: PackageManagerAction = "other";
  let packages: PackageArgument[] = [];
  let cleans: CacheArea[] = [];
  let prompts = false;
  let manifest = false;
  const files = optionWords(o, "--file", "-f");
  if (sub === "install" || sub === "create") {
    action = "install";
    prompts = true;
    packages = cli.operands.map(condaPackage);
    manifest = files.length > 0;
  } else if (sub === "env create" || sub === "env update") {
    // conda-env subcommands do not ask for confirmation.
    action = "install";
    manifest = true;
  } else if (sub === "update" || sub === "upgrade") {
    action = "upgrade";
    prompts = true;
    packages = cli.operands.map(condaPackage);
  } else if (sub === "remove" || sub === "uninstall" || sub === "env remove") {
    action = "remove";
    prompts = true;
    packages = cli.operands.map(condaPackage);
  } else if (sub === "clean") {
    action = "clean";
    prompts = true;
    if (hasOption(o, "-a", "--all", "-t", "--tarballs", "-p", "--packages")) cleans = ["conda"];
  }
  return languageDraft(
    "conda",
    cli,
    { action, packages, cleans, manifest },
    {
      requirementFiles: files,
      promptsWithoutFlag: prompts,
      nonInteractiveWord: firstOption(o, "-y", "--yes", "--dry-run", "-d")?.word ?? null,
      nonInteractiveOther: envTruthy(u, ["CONDA_ALWAYS_YES", "MAMBA_ALWAYS_YES"]),
    },
  );
}

const NPM_INSTALL = new Set(["install", "i", "in", "ins", "inst", "insta", "instal", "isnt", "isnta", "isntal", "isntall", "add"]);
const NPM_CI = new Set(["ci", "clean-install", "ic", "install-clean", "isntall-clean", "install-ci-test", "cit"]);
const NPM_REMOVE = new Set(["uninstall", "unlink", "remove", "rm", "r", "un"]);
const NPM_UPDATE = new Set(["update", "up", "upgrade", "udpate"]);

function classifyNpm(args: readonly ShellWord[]): Draft {
  const cli = parseCli(args, NPM_SPEC, { nested: new Set(["cache"]) });
  const o = cli.options;
  const sub = cli.subcommand ?? "";
  const global = hasOption(o, "-g", "--global") || optionValue(o, "--location") === "global";
  let action: PackageManagerAction = "other";
  let packages: PackageArgument[] = [];
  let cleans: CacheArea[] = [];
  let manifest = false;
  let frozen = false;
  if (NPM_INSTALL.has(sub) || sub === "install-test" || sub === "it") {
    action = "install";
    packages = cli.operands.map(npmSpec);
    manifest = packages.length === 0 && !global;
  } else if (NPM_CI.has(sub)) {
    action = "install";
    manifest = true;
    frozen = true;
  } else if (NPM_REMOVE.has(sub)) {
    action = "remove";
    packages = cli.operands.map(npmSpec);
  } else if (NPM_UPDATE.has(sub)) {
    action = "upgrade";
    packages = cli.operands.map(npmSpec);
  } else if (sub === "cache clean" || sub === "cache clear" || sub === "cache rm") {
    action = "clean";
    // npm ≥ 5 refuses to clean without --force.
    if (hasOption(o, "-f", "--force")) cleans = ["npm"];
  }
  return languageDraft("npm", cli, { action, packages, cleans, manifest, frozen, global });
}

function classifyPnpm(args: readonly ShellWord[]): Draft {
  const cli = parseCli(args, PNPM_SPEC, { nested: new Set(["store"]) });
  const o = cli.options;
  const sub = cli.subcommand ?? "";
  const global = hasOption(o, "-g", "--global");
  let action: PackageManagerAction = "other";
  let packages: PackageArgument[] = [];
  let cleans: CacheArea[] = [];
  let manifest = false;
  let frozen = false;
  if (sub === "install" || sub === "i") {
    action = "install";
    manifest = true;
    frozen = hasOption(o, "--frozen-lockfile") && !hasOption(o, "--no-frozen-lockfile");
  } else if (sub === "fetch") {
    // Downloads exactly what pnpm-lock.yaml lists (no package.json needed).
    action = "install";
    manifest = true;
    frozen = true;
  } else if (sub === "add") {
    action = "install";
    packages = cli.operands.map(npmSpec);
  } else if (sub === "remove" || sub === "rm" || sub === "uninstall" || sub === "un") {
    action = "remove";
    packages = cli.operands.map(npmSpec);
  } else if (sub === "update" || sub === "up" || sub === "upgrade") {
    action = "upgrade";
    packages = cli.operands.map(npmSpec);
  } else if (sub === "store prune") {
    action = "clean";
    cleans = ["pnpm"];
  }
  return languageDraft("pnpm", cli, { action, packages, cleans, manifest, frozen, global });
}

function classifyYarn(args: readonly ShellWord[]): Draft {
  const cli = parseCli(args, YARN_SPEC, { nested: new Set(["cache", "global", "workspaces"]) });
  const o = cli.options;
  const sub = cli.subcommand;
  let action: PackageManagerAction = "other";
  let packages: PackageArgument[] = [];
  let cleans: CacheArea[] = [];
  let manifest = false;
  let global = false;
  const informational = hasOption(o, "-v", "--version", "-h", "--help");
  if ((sub === null && cli.subcommandWords.length === 0 && !informational) || sub === "install") {
    // `yarn` alone is `yarn install`.
    action = "install";
    manifest = true;
  } else if (sub === "workspaces focus") {
    action = "install";
    manifest = true;
  } else if (sub === "add" || sub === "global add") {
    action = "install";
    packages = cli.operands.map(npmSpec);
    global = sub === "global add";
  } else if (sub === "remove" || sub === "global remove") {
    action = "remove";
    packages = cli.operands.map(npmSpec);
    global = sub === "global remove";
  } else if (sub === "upgrade" || sub === "up" || sub === "global upgrade") {
    action = "upgrade";
    packages = cli.operands.map(npmSpec);
  } else if (sub === "cache clean") {
    action = "clean";
    cleans = ["yarn"];
  }
  const frozen = manifest && hasOption(o, "--frozen-lockfile", "--immutable");
  return languageDraft("yarn", cli, { action, packages, cleans, manifest, frozen, global });
}

function classifyBun(args: readonly ShellWord[]): Draft {
  const cli = parseCli(args, BUN_SPEC, { nested: new Set(["pm"]) });
  const o = cli.options;
  const sub = cli.subcommand ?? "";
  let action: PackageManagerAction = "other";
  let packages: PackageArgument[] = [];
  let cleans: CacheArea[] = [];
  let manifest = false;
  if (sub === "install" || sub === "i") {
    action = "install";
    packages = cli.operands.map(npmSpec);
    manifest = packages.length === 0;
  } else if (sub === "add" || sub === "a") {
    action = "install";
    packages = cli.operands.map(npmSpec);
  } else if (sub === "remove" || sub === "rm") {
    action = "remove";
    packages = cli.operands.map(npmSpec);
  } else if (sub === "update") {
    action = "upgrade";
  } else if (sub === "pm cache" && cli.operands[0]?.value === "rm") {
    action = "clean";
    cleans = ["bun"];
  }
  const noCache = hasOption(o, "--no-cache");
  const frozen = manifest && hasOption(o, "--frozen-lockfile");
  return languageDraft("bun", cli, { action, packages, cleans, manifest, frozen, global: hasOption(o, "-g", "--global"), noCache });
}

function classifyGem(args: readonly ShellWord[]): Draft {
  const cli = parseCli(args, GEM_SPEC);
  const o = cli.options;
  const sub = cli.subcommand;
  let action: PackageManagerAction = "other";
  let packages: PackageArgument[] = [];
  const version = optionValue(o, "-v", "--version");
  if (sub === "install" || sub === "i") {
    action = "install";
    packages = cli.operands.map((w) => gemPackage(w, version, cli.operands.length === 1));
  } else if (sub === "uninstall") {
    action = "remove";
    packages = cli.operands.map((w) => gemPackage(w, version, cli.operands.length === 1));
  } else if (sub === "update") {
    action = "upgrade";
    packages = cli.operands.map((w) => gemPackage(w, version, cli.operands.length === 1));
  }
  return languageDraft("gem", cli, { action, packages });
}

function classifyBundler(args: readonly ShellWord[]): Draft {
  // `bundle _2.4.10_ install` selects the Bundler version first.
  const rest = args[0]?.value !== null && /^_[\d.]+_$/.test(args[0]?.value ?? "") ? args.slice(1) : args;
  const cli = parseCli(rest, BUNDLER_SPEC);
  const o = cli.options;
  const sub = cli.subcommand;
  let action: PackageManagerAction = "other";
  let packages: PackageArgument[] = [];
  let manifest = false;
  if (sub === "install" || sub === "i" || (sub === null && cli.subcommandWords.length === 0 && !hasOption(o, "-v", "--version", "-h", "--help"))) {
    action = "install";
    manifest = true;
  } else if (sub === "add") {
    action = "install";
    const v = optionValue(o, "--version");
    packages = cli.operands.map((w) => gemPackage(w, v, true));
  } else if (sub === "remove") {
    action = "remove";
  } else if (sub === "update") {
    action = "upgrade";
  }
  return languageDraft("bundler", cli, { action, packages, manifest, frozen: manifest && hasOption(o, "--frozen", "--deployment") });
}

function classifyGo(args: readonly ShellWord[]): Draft {
  const cli = parseCli(args, GO_SPEC, { nested: new Set(["mod"]) });
  const o = cli.options;
  const sub = cli.subcommand;
  let action: PackageManagerAction = "other";
  let packages: PackageArgument[] = [];
  const cleans: CacheArea[] = [];
  let manifest = false;
  let fills: CacheArea[] = [];
  if (sub === "install" || sub === "get") {
    action = "install";
    packages = cli.operands.map(goPackage);
    fills = ["go-mod", "go-build"];
  } else if (sub === "mod download") {
    action = "install";
    manifest = true;
    fills = ["go-mod"];
  } else if (sub === "clean") {
    action = "clean";
    if (hasOption(o, "-modcache", "--modcache")) cleans.push("go-mod");
    if (hasOption(o, "-cache", "--cache")) cleans.push("go-build");
  } else if (sub === "build" || sub === "run" || sub === "test" || sub === "generate" || sub === "vet" || sub === "mod tidy" || sub === "mod vendor") {
    fills = ["go-mod", "go-build"];
  }
  return {
    manager: "go",
    action,
    cli,
    packages,
    fillsCache: fills,
    cleansCache: cleans,
    manifestInstall: manifest,
    // go.sum verifies every module go mod download fetches.
    frozenLockfile: manifest,
  };
}

function classifyComposer(args: readonly ShellWord[], u: UnwrappedCommand): Draft {
  const cli = parseCli(args, COMPOSER_SPEC, { nested: new Set(["global"]) });
  const o = cli.options;
  const sub = (cli.subcommand ?? "").replace(/^global /, "");
  const global = cli.subcommand?.startsWith("global ") === true;
  let action: PackageManagerAction = "other";
  let packages: PackageArgument[] = [];
  let cleans: CacheArea[] = [];
  let manifest = false;
  if (sub === "install" || sub === "i") {
    action = "install";
    manifest = true;
  } else if (sub === "require" || sub === "r") {
    action = "install";
    packages = composerPackages(cli.operands);
  } else if (sub === "update" || sub === "upgrade" || sub === "u") {
    action = "upgrade";
    packages = composerPackages(cli.operands);
  } else if (sub === "remove" || sub === "rm" || sub === "uninstall") {
    action = "remove";
    packages = composerPackages(cli.operands);
  } else if (sub === "clear-cache" || sub === "clearcache" || sub === "cc") {
    action = "clean";
    cleans = ["composer"];
  }
  const noCache = hasOption(o, "--no-cache") || envTruthy(u, ["COMPOSER_NO_CACHE"]);
  // composer install installs composer.lock exactly when it exists.
  return languageDraft(
    "composer",
    cli,
    { action, packages, cleans, manifest, frozen: manifest, global, noCache },
    { nonInteractiveWord: firstOption(o, "-n", "--no-interaction")?.word ?? null },
  );
}

function classifyCargo(args: readonly ShellWord[]): Draft {
  const cli = parseCli(args, CARGO_SPEC);
  const o = cli.options;
  const sub = cli.subcommand;
  let action: PackageManagerAction = "other";
  let packages: PackageArgument[] = [];
  let manifest = false;
  let fills: CacheArea[] = [];
  if (sub === "install") {
    action = "install";
    const v = optionValue(o, "--version", "--vers");
    packages = cli.operands.map((w) => cargoCrate(w, v));
    for (const g of findOptions(o, "--git")) packages.push(baseArg(g.valueWord ?? g.word, "vcs"));
    for (const p of findOptions(o, "--path")) packages.push(baseArg(p.valueWord ?? p.word, "path"));
    fills = ["cargo"];
  } else if (sub === "fetch") {
    action = "install";
    manifest = true;
    fills = ["cargo"];
  } else if (sub === "uninstall") {
    action = "remove";
    packages = cli.operands.map((w) => cargoCrate(w, null));
  } else if (sub === "update") {
    action = "upgrade";
    fills = ["cargo"];
  } else if (sub === "build" || sub === "b" || sub === "run" || sub === "r" || sub === "test" || sub === "t" || sub === "check" || sub === "c") {
    fills = ["cargo"];
  }
  return languageDraft("cargo", cli, { action, packages, manifest, frozen: hasOption(o, "--locked", "--frozen") }, { fillsCache: fills });
}

/** Build tools without subcommands (Maven goals, Gradle tasks): report the first goal/task as the subcommand. */
function firstOperandAsSubcommand(cli: ParsedCli): ParsedCli {
  const first = cli.operands[0];
  return { ...cli, subcommand: first?.value ?? null, subcommandWords: first ? [first] : [] };
}

function classifyMaven(args: readonly ShellWord[]): Draft {
  const cli = parseCli(args, MAVEN_SPEC, { noSubcommand: true });
  const goals = cli.operands.map((w) => w.value ?? "");
  let action: PackageManagerAction = "other";
  let cleans: CacheArea[] = [];
  const offline = goals.some((g) => /^(?:org\.apache\.maven\.plugins:maven-)?dependency(?:-plugin)?(?::[\d.]+)?:(?:go-offline|resolve|resolve-plugins|copy-dependencies)$/.test(g));
  if (goals.some((g) => /dependency(?::[\d.]+)?:purge-local-repository$/.test(g))) {
    action = "clean";
    cleans = ["maven"];
  } else if (offline) action = "install";
  return languageDraft("maven", firstOperandAsSubcommand(cli), { action, cleans, manifest: offline }, { fillsCache: action === "clean" ? [] : ["maven"] });
}

function classifyGradle(args: readonly ShellWord[]): Draft {
  const cli = parseCli(args, GRADLE_SPEC, { noSubcommand: true });
  const tasks = cli.operands.map((w) => w.value ?? "");
  const deps = tasks.some((t) => /(?:^|:)(?:dependencies|androidDependencies|resolveDependencies|downloadDependencies|resolveAllDependencies)$/.test(t));
  return languageDraft("gradle", firstOperandAsSubcommand(cli), { action: deps ? "install" : "other", manifest: deps }, { fillsCache: ["gradle"] });
}

/** Which tool a command runs (through `python -m pip`, `php composer.phar`, `corepack pnpm`). */
function resolveTool(u: UnwrappedCommand): { manager: PackageManagerId; tool: ShellWord; args: ShellWord[] } | null {
  const name = u.name;
  const base = u.baseName;
  if (!name || base === null) return null;
  const direct = commandToManager(base);
  if (direct) return { manager: direct, tool: name, args: u.args };
  // python[3[.x]] [-opts] -m pip …
  if (/^python(?:\d+(?:\.\d+)?)?$/.test(base) || base === "py") {
    const args = u.args;
    for (let i = 0; i < args.length; i++) {
      const v = args[i]!.value;
      if (v === null) return null;
      if (v === "-m") {
        const mod = args[i + 1]?.value;
        return mod === "pip" || mod === "pip3" ? { manager: "pip", tool: name, args: args.slice(i + 2) } : null;
      }
      if (v.startsWith("-m")) return v === "-mpip" ? { manager: "pip", tool: name, args: args.slice(i + 1) } : null;
      if (v === "-c" || !v.startsWith("-")) return null;
      if (v === "-W" || v === "-X") i++;
    }
    return null;
  }
  // php [-d k=v] composer.phar …
  if (/^php(?:\d+(?:\.\d+)?)?$/.test(base)) {
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

const COMMAND_TO_MANAGER = new Map<string, PackageManagerId>();
for (const info of Object.values(PACKAGE_MANAGERS)) {
  for (const c of info.commands) if (!c.includes(" ")) COMMAND_TO_MANAGER.set(c, info.id);
}

function commandToManager(base: string): PackageManagerId | null {
  const direct = COMMAND_TO_MANAGER.get(base);
  if (direct) return direct;
  if (/^pip\d+(?:\.\d+)?$/.test(base)) return "pip";
  return null;
}

/**
 * Recognise a package-manager (or dependency-downloading build tool) invocation. Sees through wrappers
 * (`sudo`, `env`, `nice`…; see `unwrapCommand`). Returns null for any other command.
 */
export function classifyPackageManagerCommand(cmd: ShellCommand): PackageManagerInvocation | null {
  if (cmd.kind !== "simple") return null;
  const u = unwrapCommand(cmd);
  const resolved = resolveTool(u);
  if (!resolved) return null;
  const { manager, tool, args } = resolved;
  let draft: Draft;
  switch (manager) {
    case "apt-get":
    case "apt":
      draft = classifyApt(manager, args);
      break;
    case "aptitude":
      draft = classifyAptitude(args);
      break;
    case "apk":
      draft = classifyApk(args);
      break;
    case "yum":
    case "dnf":
    case "microdnf":
      draft = classifyRpm(manager, args);
      break;
    case "zypper":
      draft = classifyZypper(args);
      break;
    case "pacman":
      draft = classifyPacman(args);
      break;
    case "pip":
      draft = classifyPip(args, u);
      break;
    case "uv":
      draft = classifyUv(args, u);
      break;
    case "poetry":
      draft = classifyPoetry(args, u);
      break;
    case "conda":
      draft = classifyConda(args, u);
      break;
    case "npm":
      draft = classifyNpm(args);
      break;
    case "pnpm":
      draft = classifyPnpm(args);
      break;
    case "yarn":
      draft = classifyYarn(args);
      break;
    case "bun":
      draft = classifyBun(args);
      break;
    case "gem":
      draft = classifyGem(args);
      break;
    case "bundler":
      draft = classifyBundler(args);
      break;
    case "go":
      draft = classifyGo(args);
      break;
    case "composer":
      draft = classifyComposer(args, u);
      break;
    case "cargo":
      draft = classifyCargo(args);
      break;
    case "maven":
      draft = classifyMaven(args);
      break;
    case "gradle":
      draft = classifyGradle(args);
      break;
  }
  const info = PACKAGE_MANAGERS[manager];
  const prompts = draft.promptsWithoutFlag ?? false;
  const niWord = draft.nonInteractiveWord ?? null;
  const niEnv = envTruthy(u, info.nonInteractiveEnv);
  return {
    manager,
    action: draft.action,
    subcommand: draft.cli.subcommand,
    subcommandWords: draft.cli.subcommandWords,
    tool,
    command: cmd,
    unwrapped: u,
    options: draft.cli.options,
    operands: draft.cli.operands,
    packages: draft.packages ?? [],
    requirementFiles: draft.requirementFiles ?? [],
    promptsWithoutFlag: prompts,
    nonInteractive: !prompts || niWord !== null || niEnv || draft.nonInteractiveOther === true,
    nonInteractiveWord: niWord,
    updatesIndex: draft.updatesIndex ?? false,
    noCache: draft.noCache ?? false,
    fillsCache: draft.fillsCache ?? [],
    cleansCache: draft.cleansCache ?? [],
    installsRecommends: draft.installsRecommends ?? null,
    manifestInstall: draft.manifestInstall ?? false,
    frozenLockfile: draft.frozenLockfile ?? false,
    global: draft.global ?? false,
  };
}

/** True if the invocation has an option with one of these spellings (`-y`, `--yes`…). */
export function invocationHasOption(inv: PackageManagerInvocation, ...names: string[]): boolean {
  return hasOption(inv.options, ...names);
}

// -------------------------------------------------------------------------------------------------
// Cache paths

/**
 * Normalise a path for cache matching: `~`, `$HOME`, `${HOME}`, `/root`, `/home/<user>` → `~`; `/.`
 * and trailing slashes removed; globs kept. Returns null when the path is not static enough.
 */
export function normalizeCachePath(path: string): string | null {
  let p = path.trim();
  p = p.replace(/^(\$\{HOME\}|\$HOME|~|\/root|\/home\/[^/]+)(?=\/|$)/, "~");
  if (p.includes("$") || p.includes("`")) return null;
  p = p.replace(/\/\.(?=\/|$)/g, "").replace(/\/{2,}/g, "/").replace(/\/+$/, "");
  if (p === "") return "/";
  return p;
}

/**
 * A shell glob over one path segment (`*`, `?`, `[a-z]`, `[!x]`) as wildcard tokens. Matched in
 * time O(glob × name) by lib/utils/wildcard.ts: the glob comes from the user's script, and a
 * RegExp built from it backtracked exponentially (`*` × 30) or threw on a class like `[z-a]`.
 */
function globSegmentTokens(segment: string): WildcardToken[] {
  const tokens: WildcardToken[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === "*") tokens.push({ kind: "star" });
    else if (c === "?") tokens.push({ kind: "any" });
    else if (c === "[" && segment.indexOf("]", i + 2) !== -1) {
      const close = segment.indexOf("]", i + 2);
      let body = segment.slice(i + 1, close);
      const negated = body.startsWith("!") || body.startsWith("^");
      if (negated) body = body.slice(1);
      const ranges: number[] = [];
      const points = codePointsOf(body);
      for (let k = 0; k < points.length; k++) {
        if (points[k + 1] === 45 && k + 2 < points.length) {
          ranges.push(points[k]!, points[k + 2]!);
          k += 2;
        } else {
          ranges.push(points[k]!, points[k]!);
        }
      }
      tokens.push({
        kind: "set",
        test: (codePoint) => {
          let found = false;
          for (let r = 0; r < ranges.length && !found; r += 2) found = codePoint >= ranges[r]! && codePoint <= ranges[r + 1]!;
          return found !== negated;
        },
      });
      i = close;
    } else {
      const codePoint = segment.codePointAt(i)!;
      tokens.push({ kind: "char", codePoint });
      if (codePoint > 0xffff) i++;
    }
  }
  return simplifyWildcard(tokens);
}

function segmentMatches(pattern: string, segment: string): boolean {
  return /[*?[]/.test(pattern) ? wildcardMatches(globSegmentTokens(pattern), segment) : pattern === segment;
}

/**
 * Does the (normalised, possibly globbing) path `target` remove `areaPath`? True when `target` names
 * `areaPath` or an ancestor of it (`/var/cache` for `/var/cache/apt`), or when its last segment is a
 * glob over `areaPath`'s contents (`/var/lib/apt/lists/*`). With `inside`, also when `target` lies
 * inside `areaPath` (a cache mount on `/var/cache/apt/archives`).
 */
function pathCovers(target: string, areaPath: string, inside: boolean): boolean {
  const t = target.split("/").filter((x) => x !== "");
  const a = areaPath.split("/").filter((x) => x !== "");
  if (t.length === 0) return false;
  const n = Math.min(t.length, a.length);
  for (let i = 0; i < n; i++) if (!segmentMatches(t[i]!, a[i]!)) return false;
  if (t.length <= a.length) return true;
  if (t.length === a.length + 1 && /[*?[]/.test(t[t.length - 1]!)) return true;
  return inside && !t.slice(a.length).some((seg) => /[*?[]/.test(seg));
}

/**
 * Cache areas a path covers (see `pathCovers`). `inside` also counts paths inside an area (a cache mount
 * on `/var/cache/apt/archives` keeps the bulk of the apt cache out of the layer).
 */
export function cacheAreasForPath(path: string, { inside = false }: { inside?: boolean } = {}): CacheArea[] {
  const p = normalizeCachePath(path);
  if (p === null || p === "/") return [];
  const out: CacheArea[] = [];
  for (const [area, { paths }] of Object.entries(CACHE_AREAS) as [CacheArea, (typeof CACHE_AREAS)[CacheArea]][]) {
    if (paths.some((ap) => pathCovers(p, ap, inside))) out.push(area);
  }
  return out;
}

/** Areas that contain `path` (or equal it). */
function insideAreas(path: string): CacheArea[] {
  return (Object.entries(CACHE_AREAS) as [CacheArea, (typeof CACHE_AREAS)[CacheArea]][])
    .filter(([, { paths }]) => paths.some((ap) => path === ap || path.startsWith(`${ap}/`)))
    .map(([a]) => a);
}

/** Cache areas kept out of the layer by `RUN --mount=type=cache,target=<target>`. */
export function cacheAreasCoveredByMount(target: string): CacheArea[] {
  return cacheAreasForPath(target, { inside: true });
}

export interface CacheCleanup {
  command: ShellCommand;
  /** `rm`/`find -delete` of cache paths, or a package manager's clean command. */
  kind: "remove" | "manager";
  areas: CacheArea[];
  /** The path words that matched (for `remove`). */
  paths: ShellWord[];
  invocation: PackageManagerInvocation | null;
}

/**
 * Recognise a command that empties package caches: `rm -rf /var/lib/apt/lists/*`, `rm -rf ~/.cache/pip`,
 * `find /var/cache/apt -type f -delete`, `apt-get clean` (archives only, not the lists!), `yum clean all`,
 * `apk cache clean`, `pip cache purge`, `npm cache clean --force`, `conda clean -afy`…
 */
export function classifyCacheCleanup(cmd: ShellCommand): CacheCleanup | null {
  if (cmd.kind !== "simple") return null;
  const u = unwrapCommand(cmd);
  const base = u.baseName;
  if (base === "rm") {
    const paths: ShellWord[] = [];
    const areas = new Set<CacheArea>();
    let afterDashDash = false;
    for (const w of u.args) {
      const t = template(w);
      if (!afterDashDash && t === "--") {
        afterDashDash = true;
        continue;
      }
      if (!afterDashDash && t.startsWith("-")) continue;
      const found = cacheAreasForPath(t);
      if (found.length > 0) {
        paths.push(w);
        for (const a of found) areas.add(a);
      }
    }
    return areas.size > 0 ? { command: cmd, kind: "remove", areas: [...areas], paths, invocation: null } : null;
  }
  if (base === "find") {
    const starts: ShellWord[] = [];
    let i = 0;
    for (; i < u.args.length; i++) {
      const t = template(u.args[i]!);
      if (t.startsWith("-") || t === "(" || t === "!") break;
      starts.push(u.args[i]!);
    }
    const rest = u.args.slice(i).map((w) => w.value);
    const deletes = rest.includes("-delete") || rest.some((v, k) => v === "-exec" && (rest[k + 1] === "rm" || rest[k + 1] === "/bin/rm"));
    if (!deletes) return null;
    // With name/path/time tests, find deletes a selection: only count start paths inside a cache area.
    const selective = rest.some((v) => v !== null && /^-(?:i?name|i?path|i?wholename|i?regex|newer|[acm]time|[acm]min|size|user|group|perm|links|inum|samefile)$/.test(v));
    const areas = new Set<CacheArea>();
    const paths: ShellWord[] = [];
    for (const w of starts) {
      const t = normalizeCachePath(template(w));
      const found = t === null ? [] : selective ? insideAreas(t) : cacheAreasForPath(t);
      if (found.length > 0) {
        paths.push(w);
        for (const a of found) areas.add(a);
      }
    }
    return areas.size > 0 ? { command: cmd, kind: "remove", areas: [...areas], paths, invocation: null } : null;
  }
  const inv = classifyPackageManagerCommand(cmd);
  if (inv && inv.action === "clean") return { command: cmd, kind: "manager", areas: inv.cleansCache, paths: [], invocation: inv };
  return null;
}
