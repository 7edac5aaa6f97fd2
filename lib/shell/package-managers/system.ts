/**
 * The operating-system package managers, as data (see `PackageManagerSpec`). Each entry cites the
 * manual it follows in `docs`; a comment names any other source.
 */
import type { CacheArea, PackageManagerSpec, SubcommandRule } from "./types.js";

const APT_DOCS = "https://manpages.debian.org/bookworm/apt/apt-get.8.en.html";
/** apt-get(8) `-s`: "No action; perform a simulation of events that would occur but do not actually change the system". */
const APT_SIMULATE = ["-s", "--simulate", "--just-print", "--dry-run", "--recon", "--no-act"];
const APT_YES = ["-y", "--yes", "--assume-yes", "--assume-no", "-s", "--simulate", "--just-print", "--dry-run", "--recon", "--no-act", "--trivial-only"];

/**
 * apt-get(8) and apt(8) share their commands: `update` fetches the lists (/var/lib/apt/lists),
 * `install`/`upgrade` download .deb files (/var/cache/apt/archives), `clean` empties only the archives,
 * `distclean` (apt ≥ 2.7) the lists too. `build-dep`/`satisfy` take source packages or dependency
 * strings, not packages to pin.
 */
const APT_SUBCOMMANDS: readonly SubcommandRule[] = [
  { names: ["update"], action: "update-index", fills: ["apt-lists"], updatesIndex: true },
  { names: ["upgrade", "dist-upgrade", "full-upgrade"], action: "upgrade", packages: "apt", fills: ["apt-archives"], prompts: true },
  { names: ["install", "reinstall"], action: "install", packages: "apt", fills: ["apt-archives"], prompts: true },
  { names: ["build-dep", "satisfy"], action: "install", fills: ["apt-archives"], prompts: true },
  { names: ["remove", "purge", "autoremove", "autopurge"], action: "remove", packages: "apt", prompts: true },
  { names: ["clean", "autoclean", "auto-clean"], action: "clean", cleans: [{ area: "apt-archives" }] },
  { names: ["distclean", "dist-clean"], action: "clean", cleans: [{ area: "apt-archives" }, { area: "apt-lists" }] },
];

/** apt-get(8)/apt(8) options with a value: -o, -c, -t, -a, -P. */
const APT_CLI = {
  short: "octaP",
  long: ["option", "config-file", "target-release", "default-release", "host-architecture", "build-profiles", "solver", "planner"],
};

/** `-y`, the simulation flags (nothing is asked), `-qq` (quiet level 2 implies -y), `-o APT::Get::Assume-Yes=true`. */
const APT_NON_INTERACTIVE = {
  flags: [{ names: APT_YES }],
  quietLevel: { options: ["-q", "--quiet"], level: 2 },
  config: { options: ["-o", "--option"], key: "APT::Get::Assume-Yes" },
  env: [],
  fixFlag: "-y",
} as const;

/**
 * The lists go with `rm -rf /var/lib/apt/lists/*` (what Debian's and Ubuntu's images do after `apt-get
 * update`; `apt-get clean` keeps them); `apt-get clean` removes the archives and pkgcache.bin/srcpkgcache.bin
 * (apt `DoClean`: `Fetcher.Clean(archivedir)`, `pkgCacheFile::RemoveCaches()`) and changes nothing installed.
 */
const APT_CLEAN = { "apt-lists": "rm -rf /var/lib/apt/lists/*", "apt-archives": "apt-get clean" } as const;

/** apt's lists after an update that an install reads, and its archives where the image removed docker-clean. */
const APT_CACHE_REPORT = { actions: ["update-index", "install", "upgrade"], what: "the package lists and downloaded packages" } as const;

const APT_RECOMMENDS = { default: true, off: ["--no-install-recommends"], on: ["--install-recommends"], config: { options: ["-o", "--option"], key: "APT::Install-Recommends" } };


/**
 * apt's index is the lists under /var/lib/apt/lists; only `update` writes them (apt-get(8): "update is
 * used to resynchronize the package index files from their sources"), install reads them as they are.
 * The official debian and ubuntu images ship the folder without lists (`ls /var/lib/apt/lists` in
 * `debian:12` or `ubuntu:24.04` shows only `auxfiles`, `lock` and `partial`), so an install in a RUN
 * without an update fails (`Unable to locate package`), or installs the versions of a cached layer's
 * index whose .debs the mirrors no longer serve (Docker's best practices, "apt-get": "Using apt-get
 * update alone in a RUN statement causes caching issues and subsequent apt-get install instructions to
 * fail", https://docs.docker.com/build/building/best-practices/#apt-get). `add-apt-repository`
 * (software-properties, Ubuntu ≥ 18.04 and Debian) refreshes after adding unless `-n`/`--no-update`
 * (add-apt-repository(1)).
 */
const APT_INDEX = {
  family: "apt",
  path: "/var/lib/apt/lists",
  refreshCommands: [
    { name: "add-apt-repository", unless: ["-n", "--no-update"] },
    { name: "apt-add-repository", unless: ["-n", "--no-update"] },
  ],
  // tonistiigi/xx `src/xx-apt`: runs `apt-get update` whenever the target architecture is not yet
  // added with `dpkg --add-architecture` (its first use in an image), and for riscv64/loong64 ports.
  mayRefreshCommands: ["xx-apt-get", "xx-apt"],
  source: "https://manpages.debian.org/bookworm/apt/apt-get.8.en.html, https://manpages.ubuntu.com/manpages/noble/man1/add-apt-repository.1.html",
} as const;

function aptManager(id: "apt-get" | "apt", commands: readonly string[], docs: readonly string[]): PackageManagerSpec {
  return {
    id, ecosystem: "system", commands, docs,
    cli: APT_CLI,
    simulateOptions: APT_SIMULATE,
    subcommands: APT_SUBCOMMANDS,
    nonInteractive: APT_NON_INTERACTIVE,
    recommends: APT_RECOMMENDS,
    // apt ≥ 2.7.13 (Debian trixie, Ubuntu 24.04): `--update` runs `update` before install/upgrade
    // (https://manpages.debian.org/trixie/apt/apt-get.8.en.html; docker-library's httpd and haproxy use it).
    updatesIndex: { options: ["--update"] },
    manualIndex: APT_INDEX,
    cacheAreas: ["apt-lists", "apt-archives"], clean: APT_CLEAN, cacheReport: APT_CACHE_REPORT, pinExample: "curl=7.88.1-10+deb12u5",
  };
}

/** yum(8), dnf(8) (dnf5 included), microdnf and tdnf accept the same commands for what matters here. */
const RPM_SUBCOMMANDS: readonly SubcommandRule[] = [
  { names: ["groupinstall"], action: "install", packages: "group", prompts: true },
  { names: ["builddep", "build-dep"], action: "install", prompts: true },
  // dnf `reinstall.py`: aliases ('reinstall', 'rei').
  { names: ["install", "in", "localinstall", "reinstall", "rei", "downgrade", "swap", "install-n", "install-na", "install-nevra"], action: "install", packages: "rpm", prompts: true },
  // dnf `upgrademinimal.py`: aliases ('upgrade-minimal', 'update-minimal', 'up-min').
  { names: ["update", "upgrade", "up", "update-minimal", "upgrade-minimal", "up-min", "distro-sync", "dsync", "distribution-synchronization", "dup"], action: "upgrade", packages: "rpm", prompts: true },
  { names: ["groupremove"], action: "remove", packages: "group", prompts: true },
  { names: ["remove", "erase", "rm", "autoremove", "remove-n", "remove-na", "remove-nevra"], action: "remove", packages: "rpm", prompts: true },
  { names: ["makecache", "check-update", "check-upgrade"], action: "update-index", fills: ["command"], updatesIndex: true },
  // Only `clean all` empties the cache (metadata, packages, dbcache); `clean packages` etc. are partial.
  // It empties the cache of the tool that runs: `microdnf clean all` only /var/cache/yum.
  { names: ["clean"], action: "clean", cleans: [{ area: "command", withOperand: ["all"] }] },
  { names: ["group install", "groups install"], action: "install", packages: "group", prompts: true },
  { names: ["group update", "group upgrade"], action: "upgrade", packages: "group", prompts: true },
  { names: ["group remove", "groups remove"], action: "remove", packages: "group", prompts: true },
  { names: ["module install"], action: "install", packages: "module", prompts: true },
  { names: ["module remove"], action: "remove", prompts: true },
  // `enable` and `switch-to` choose the stream later installs come from (the default one when none is named).
  { names: ["module enable", "module switch-to"], action: "other", packages: "module", prompts: true },
  { names: ["module disable", "module reset"], action: "other", prompts: true },
];

const RPM_CLI = {
  short: "cdeRx",
  long: [
    "config", "debuglevel", "errorlevel", "rpmverbosity", "randomwait", "installroot", "enablerepo", "disablerepo",
    "exclude", "excludepkgs", "color", "releasever", "setopt", "downloaddir", "destdir", "disableplugin", "enableplugin",
    "disableexcludes", "repo", "repoid", "forcearch", "comment", "advisory", "advisories", "bz", "bzs", "cve", "cves",
    "sec-severity", "secseverity", "repofrompath", "setvar", "use-host-config", "from-repo",
  ],
};

/** `-y`/`--assumeyes` (`--assumeno` answers too), or `--setopt=assumeyes=True`. */
const RPM_NON_INTERACTIVE = {
  flags: [{ names: ["-y", "--assumeyes", "--assumeno"] }],
  config: { options: ["--setopt"], key: "assumeyes" },
  env: [],
  fixFlag: "-y",
} as const;

/** Every RPM manager refreshes expired metadata on install; `--refresh` forces it. */
const RPM_INDEX = { options: ["--refresh"] };

/** dnf installs weak dependencies unless `install_weak_deps=False` (dnf.conf(5)). */
const DNF_RECOMMENDS = { default: true, config: { options: ["--setopt"], key: "install_weak_deps" } };

/**
 * Where each RPM tool keeps its cache (`cachedir`), by command. Several areas are alternatives: which
 * one a command fills depends on the version the image has, so removing or mounting any of them counts.
 * - `yum`: yum 3 (EL 7) uses /var/cache/yum; on EL 8/9 `yum` is dnf 4 (/var/cache/dnf); on Fedora ≥ 41
 *   it is dnf5 (/var/cache/libdnf5). yum.conf(5) `cachedir`; dnf.conf(5) `cachedir`
 *   (https://dnf.readthedocs.io/en/latest/conf_ref.html); https://dnf5.readthedocs.io/en/latest/dnf5.conf.5.html.
 * - `dnf`: dnf 4 (/var/cache/dnf) or, from Fedora 41, dnf5 (/var/cache/libdnf5); `dnf-3` is dnf 4; `dnf5` is dnf5.
 * - `microdnf`: /var/cache/yum (rpm-software-management/microdnf `dnf/dnf-main.c`:
 *   `#define CACHEDIR "/var/cache/yum"`, `dnf_context_set_cache_dir (ctx, CACHEDIR"/metadata")`), not
 *   dnf's folder, so `microdnf clean all` leaves a `dnf install`'s cache and `dnf clean all` a microdnf one.
 * - `tdnf`: /var/cache/tdnf (https://github.com/vmware/tdnf/wiki).
 */
const RPM_CACHE_AREAS: Readonly<Record<string, readonly CacheArea[]>> = {
  yum: ["yum", "dnf", "dnf5"],
  dnf: ["dnf", "dnf5"],
  "dnf-3": ["dnf"],
  dnf5: ["dnf5"],
  tdnf: ["tdnf"],
  microdnf: ["yum"],
};

/**
 * `clean all` empties the cache of the tool that runs (metadata, packages, dbcache): `{tool}` is the command
 * as written (`dnf5 clean all` after `dnf5 install`, `tdnf clean all` after `tdnf install`).
 */
const RPM_CLEAN: Readonly<Partial<Record<CacheArea, string>>> = { yum: "{tool} clean all", dnf: "{tool} clean all", dnf5: "{tool} clean all", tdnf: "{tool} clean all" };

/**
 * Every dnf/yum/microdnf and zypper transaction, an upgrade as much as an install, downloads metadata and
 * packages into the tool's cachedir (dnf.conf(5) `cachedir`; `keepcache` only decides whether packages
 * outlive a successful transaction, the metadata always stays).
 */
const RPM_CACHE_REPORT = { actions: ["install", "upgrade"], what: "its metadata and downloaded packages" } as const;

function rpmManager(id: "yum" | "dnf" | "microdnf", commands: readonly string[], docs: string): PackageManagerSpec {
  return {
    id, ecosystem: "system", commands, docs: [docs],
    cli: RPM_CLI,
    nested: ["group", "groups", "module"],
    subcommands: RPM_SUBCOMMANDS,
    // microdnf asks `Is this ok [y/N]:` on every transaction since 3.7.0, terminal or not, and in a build
    // reads end of file forever (`opt_yes = FALSE` in `dnf/dnf-main.c`; `dnf_utils_userconfirm` in
    // `dnf/dnf-utils.c`; rpm-software-management/microdnf#94 added the prompt with yes as the default,
    // #97 removed that default). Only older microdnf (Oracle Linux 8) went on without `-y`.
    nonInteractive: RPM_NON_INTERACTIVE,
    updatesIndex: RPM_INDEX,
    // yum: weak dependencies only where the option is given (yum has no such default: null).
    recommends: id === "yum" ? { ...DNF_RECOMMENDS, default: null } : DNF_RECOMMENDS,
    cacheAreas: RPM_CACHE_AREAS[id]!,
    commandCacheAreas: RPM_CACHE_AREAS,
    clean: RPM_CLEAN, cacheReport: RPM_CACHE_REPORT, pinExample: "httpd-2.4.37",
  };
}

export const SYSTEM_MANAGERS: readonly PackageManagerSpec[] = [
  // xx-apt-get: tonistiigi/xx's cross-compilation wrapper (same CLI).
  aptManager("apt-get", ["apt-get", "xx-apt-get"], [APT_DOCS]),
  aptManager("apt", ["apt", "xx-apt"], ["https://manpages.debian.org/bookworm/apt/apt.8.en.html", APT_DOCS]),
  {
    id: "aptitude", ecosystem: "system", commands: ["aptitude"],
    docs: ["https://manpages.debian.org/bookworm/aptitude/aptitude.8.en.html"],
    simulateOptions: ["-s", "--simulate"],
    cli: { short: "otFwSO", long: ["option", "target-release", "default-release", "display-format", "width", "sort", "group-by", "show-summary", "autoclean-on-startup"] },
    subcommands: [
      { names: ["install", "reinstall"], action: "install", packages: "apt", fills: ["apt-archives"], prompts: true },
      { names: ["build-dep", "build-depends"], action: "install", fills: ["apt-archives"], prompts: true },
      { names: ["remove", "purge"], action: "remove", packages: "apt", prompts: true },
      { names: ["update"], action: "update-index", fills: ["apt-lists"], updatesIndex: true },
      { names: ["safe-upgrade", "full-upgrade", "upgrade", "dist-upgrade"], action: "upgrade", fills: ["apt-archives"], prompts: true },
      { names: ["clean", "autoclean"], action: "clean", cleans: [{ area: "apt-archives" }] },
    ],
    nonInteractive: { flags: [{ names: ["-y", "--assume-yes", "-s", "--simulate"] }], env: [], fixFlag: "-y" },
    recommends: { default: true, off: ["-R", "--without-recommends"], on: ["-r", "--with-recommends"], config: APT_RECOMMENDS.config },
    manualIndex: APT_INDEX,
    cacheAreas: ["apt-lists", "apt-archives"], clean: APT_CLEAN, cacheReport: APT_CACHE_REPORT, pinExample: "curl=7.88.1-10+deb12u5",
  },
  {
    id: "apk", ecosystem: "system", commands: ["apk", "xx-apk"],
    docs: ["https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper", "https://man.archlinux.org/man/extra/apk-tools/apk.8.en"],
    // apk(8) global options with a value, and `add -t/--virtual`.
    cli: {
      short: "Xpt",
      long: ["repository", "root", "arch", "cache-dir", "keys-dir", "repositories-file", "progress-fd", "cache-max-age", "wait", "timeout", "virtual", "from"],
    },
    nested: ["cache"],
    subcommands: [
      { names: ["add"], action: "install", packages: "apk", fills: ["apk"] },
      { names: ["del"], action: "remove", packages: "apk" },
      { names: ["update"], action: "update-index", fills: ["apk"], updatesIndex: true },
      { names: ["upgrade"], action: "upgrade", packages: "apk", fills: ["apk"] },
      { names: ["cache clean", "cache purge"], action: "clean", cleans: [{ area: "apk" }] },
    ],
    // apk never asks.
    // `--no-cache`: "do not use any local cache path" (the index stays in memory); `--no-network` fetches nothing.
    noCache: { flags: ["--no-cache", "--no-network"], env: [], fixFlag: "--no-cache" },
    // apk-tools 2.x fetches the repository indexes it lacks (or that are older than --cache-max-age) on every
    // write, and stores them in /var/cache/apk unless --no-cache; `-U`/`--update-cache` forces it (apk
    // accepts unambiguous prefixes: `--update`).
    updatesIndex: { options: ["-U", "--update-cache", "--update"], onFetchUnless: ["--no-network"] },
    cacheAreas: ["apk"], clean: { apk: "rm -rf /var/cache/apk/*" },
    // Every write that fetches an index (see updatesIndex), unless --no-cache.
    cacheReport: { actions: ["update-index", "install", "upgrade"], what: "the package index (/var/cache/apk)" },
    pinExample: "curl=8.5.0-r0",
  },
  rpmManager("yum", ["yum"], "https://man7.org/linux/man-pages/man8/yum.8.html"),
  // tdnf (Photon OS, Azure Linux) has dnf's CLI: https://github.com/vmware/tdnf/wiki
  rpmManager("dnf", ["dnf", "dnf5", "dnf-3", "tdnf"], "https://dnf.readthedocs.io/en/latest/command_ref.html"),
  rpmManager("microdnf", ["microdnf"], "https://github.com/rpm-software-management/microdnf"),
  {
    id: "zypper", ecosystem: "system", commands: ["zypper"],
    docs: ["https://manpages.opensuse.org/Tumbleweed/zypper/zypper.8.en.html"],
    cli: {
      short: "RcDCps",
      long: ["root", "config", "reposd-dir", "cache-dir", "raw-cache-dir", "solv-cache-dir", "pkg-cache-dir", "plus-repo", "plus-content", "table-style", "userdata", "releasever", "installroot"],
    },
    subcommandCli: { "*": { short: "tr", long: ["type", "repo", "from", "download", "name"] } },
    subcommands: [
      { names: ["install", "in", "install-new-recommends", "inr"], action: "install", packages: "zypper", prompts: true, typeOption: { options: ["-t", "--type"], packageValue: "package" } },
      { names: ["source-install", "si"], action: "install", prompts: true },
      { names: ["remove", "rm"], action: "remove", packages: "zypper", prompts: true },
      { names: ["update", "up", "dist-upgrade", "dup", "patch"], action: "upgrade", packages: "zypper", prompts: true },
      { names: ["refresh", "ref"], action: "update-index", fills: ["zypper"], updatesIndex: true },
      // `zypper clean` empties only the package cache; `-a`/`--all` the metadata (raw, solv) too.
      { names: ["clean", "cc"], action: "clean", cleans: [{ area: "zypper", withOption: ["-a", "--all"] }] },
    ],
    // The global `-n`/`--non-interactive` comes before the command (after `install`, `-n` is `--name`);
    // `-y`/`--no-confirm` is the command's own.
    nonInteractive: {
      flags: [
        { names: ["-n", "--non-interactive"], position: "before-subcommand" },
        { names: ["-y", "--no-confirm"], position: "after-subcommand" },
      ],
      env: [],
      // The global `-n` answers every command's prompts (not every command has `-y`).
      fixFlag: "-n",
      fixBeforeSubcommand: true,
    },
    // zypper refreshes expired repositories before install/update unless --no-refresh.
    updatesIndex: { onFetchUnless: ["--no-refresh"] },
    recommends: { default: true, off: ["--no-recommends"], on: ["--recommends"] },
    // `zypper clean` alone leaves the metadata (raw, solv): `--all` empties them too.
    cacheAreas: ["zypper"], clean: { zypper: "zypper clean --all" }, cacheReport: RPM_CACHE_REPORT, pinExample: "curl=8.0.1",
  },
  {
    id: "pacman", ecosystem: "system", commands: ["pacman"],
    docs: ["https://man.archlinux.org/man/pacman.8"],
    cli: {
      short: "rb",
      long: ["root", "dbpath", "cachedir", "config", "arch", "gpgdir", "hookdir", "logfile", "ignore", "ignoregroup", "overwrite", "assume-installed", "print-format", "sysroot"],
    },
    noSubcommand: true,
    // The operation is an option; by priority.
    operations: {
      "-S": "sync", "--sync": "sync", "-R": "remove", "--remove": "remove", "-U": "upgrade", "--upgrade": "upgrade",
      "-Q": "query", "--query": "query", "-F": "files", "--files": "files", "-D": "database", "--database": "database",
      "-T": "deptest", "--deptest": "deptest", "-V": "version", "--version": "version",
    },
    subcommands: [
      { names: ["sync"], withOption: ["-c", "--clean"], action: "clean", cleans: [{ area: "pacman" }], prompts: true },
      { names: ["sync"], withOption: ["-s", "-i", "-l", "-g", "-p", "-q", "--search", "--info", "--list", "--groups", "--print"], action: "other" },
      { names: ["sync"], withOperands: true, action: "install", packages: "pacman", prompts: true },
      { names: ["sync"], withOption: ["-u", "--sysupgrade"], action: "upgrade", prompts: true },
      { names: ["sync"], withOption: ["-y", "--refresh"], action: "update-index" },
      { names: ["remove"], action: "remove", packages: "pacman", prompts: true },
      { names: ["upgrade"], action: "install", packages: "file-or-url", prompts: true },
    ],
    nonInteractive: { flags: [{ names: ["--noconfirm"] }], env: [], fixFlag: "--noconfirm" },
    // `-Sy` downloads the sync databases, whatever else it does.
    updatesIndex: { options: ["-y", "--refresh"] },
    cacheAreas: ["pacman"], clean: { pacman: "pacman -Scc --noconfirm" }, pinExample: "curl=8.5.0-1",
  },
];
