/**
 * Where each package manager keeps its caches and indexes, which paths and commands empty them, and
 * which `RUN --mount=type=cache` targets keep them out of the layer.
 */
import { codePointsOf, simplifyWildcard, wildcardMatches, type WildcardToken } from "../../utils/wildcard.js";
import { unwrappedCommand } from "../unwrapped.js";
import type { ShellCommand, ShellWord } from "../model.js";
import { template } from "./arguments.js";
import { classifyPackageManagerCommand } from "./classify.js";
import type { CacheArea, PackageManagerInvocation } from "./types.js";

/**
 * Where each cache lives. `~` stands for the home directory (`/root` for root, `/home/<user>`, `$HOME`).
 * A `RUN --mount=type=cache,target=…` on one of these paths or an ancestor keeps the area out of the
 * layer; a mount on a folder inside it does not (the index or the other folders stay outside the mount).
 * Sources:
 * - apt-lists, apt-archives: apt-get(8) FILES, https://manpages.debian.org/bookworm/apt/apt-get.8.en.html
 *   (`/var/lib/apt/lists/`, `/var/cache/apt/archives/`; `/var/cache/apt` holds pkgcache.bin too).
 * - apk: apk(8) `--cache-dir` (default /etc/apk/cache, a link to /var/cache/apk) and `--no-cache`,
 *   https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper and https://wiki.alpinelinux.org/wiki/Local_APK_cache;
 *   apk-tools 2.x writes the fetched `APKINDEX.*.tar.gz` to /var/cache/apk.
 * - yum, dnf, dnf5, tdnf: `cachedir` of each RPM tool, kept apart because each `clean all` empties only
 *   its own (see `RPM_CACHE_AREAS` in system.ts): yum 3 and microdnf /var/cache/yum (yum.conf(5);
 *   microdnf `dnf/dnf-main.c` `#define CACHEDIR "/var/cache/yum"`), dnf 4 /var/cache/dnf (dnf.conf(5),
 *   https://dnf.readthedocs.io/en/latest/conf_ref.html), dnf5 /var/cache/libdnf5
 *   (https://dnf5.readthedocs.io/en/latest/dnf5.conf.5.html), tdnf /var/cache/tdnf (https://github.com/vmware/tdnf/wiki).
 * - zypper: zypper(8) FILES, https://manpages.opensuse.org/Tumbleweed/zypper/zypper.8.en.html (/var/cache/zypp).
 * - pacman: pacman.conf(5) `CacheDir`, https://man.archlinux.org/man/pacman.conf.5.
 * - pip: https://pip.pypa.io/en/stable/topics/caching/ (~/.cache/pip on Linux).
 * - uv: https://docs.astral.sh/uv/concepts/cache/#cache-directory (~/.cache/uv).
 * - poetry: https://python-poetry.org/docs/configuration/#cache-dir (~/.cache/pypoetry).
 * - pipenv: https://pipenv.pypa.io/en/latest/configuration.html (`PIPENV_CACHE_DIR`, ~/.cache/pipenv).
 * - conda: https://docs.conda.io/projects/conda/en/latest/user-guide/configuration/use-condarc.html#specify-package-directories-pkgs-dirs
 * - npm: https://docs.npmjs.com/cli/v10/configuring-npm/folders#cache (~/.npm/_cacache).
 * - yarn: https://classic.yarnpkg.com/en/docs/cli/cache (root: /usr/local/share/.cache/yarn) and
 *   https://yarnpkg.com/configuration/yarnrc#cacheFolder (berry global cache ~/.yarn/berry/cache).
 * - pnpm: https://pnpm.io/npmrc#store-dir (~/.local/share/pnpm/store on Linux).
 * - bun: https://bun.sh/docs/install/cache (~/.bun/install/cache).
 * - gem, bundler: https://guides.rubygems.org/command-reference/#gem-install (the `.gem` files stay in
 *   `$GEM_HOME/cache`; the official ruby images set GEM_HOME=/usr/local/bundle), https://bundler.io/man/bundle-config.1.html.
 * - go-mod, go-build: https://go.dev/ref/mod#module-cache (GOMODCACHE, /go/pkg/mod in the golang images),
 *   https://pkg.go.dev/cmd/go#hdr-Build_and_test_caching (GOCACHE, ~/.cache/go-build).
 * - composer: https://getcomposer.org/doc/03-cli.md#composer-cache-dir (~/.cache/composer; the composer
 *   image's COMPOSER_HOME=/tmp gives /tmp/cache).
 * - cargo: https://doc.rust-lang.org/cargo/guide/cargo-home.html (registry/, git/).
 * - maven: https://maven.apache.org/guides/introduction/introduction-to-repositories.html (~/.m2/repository).
 * - gradle: https://docs.gradle.org/current/userguide/directory_layout.html (~/.gradle/caches, wrapper).
 * @public
 */
export const CACHE_AREAS: Readonly<Record<CacheArea, { readonly paths: readonly string[]; readonly description: string }>> = {
  "apt-lists": { paths: ["/var/lib/apt/lists"], description: "apt package index (apt-get update)" },
  "apt-archives": { paths: ["/var/cache/apt", "/var/cache/apt/archives"], description: "apt downloaded .deb files and pkgcache" },
  apk: { paths: ["/var/cache/apk", "/etc/apk/cache"], description: "apk index and package cache" },
  yum: { paths: ["/var/cache/yum"], description: "yum 3 and microdnf metadata and package cache" },
  dnf: { paths: ["/var/cache/dnf"], description: "dnf 4 metadata and package cache" },
  dnf5: { paths: ["/var/cache/libdnf5"], description: "dnf5 metadata and package cache" },
  tdnf: { paths: ["/var/cache/tdnf"], description: "tdnf metadata and package cache" },
  zypper: { paths: ["/var/cache/zypp"], description: "zypper metadata and package cache" },
  pacman: { paths: ["/var/cache/pacman/pkg"], description: "pacman package cache" },
  pip: { paths: ["~/.cache/pip"], description: "pip HTTP and wheel cache" },
  uv: { paths: ["~/.cache/uv"], description: "uv cache" },
  poetry: { paths: ["~/.cache/pypoetry"], description: "Poetry cache" },
  pipenv: { paths: ["~/.cache/pipenv"], description: "Pipenv cache" },
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

/** Does one path segment match a glob segment (`*`, `?`, `[…]`, as the shell and Docker's COPY read them)? */
export function segmentMatches(pattern: string, segment: string): boolean {
  return /[*?[]/.test(pattern) ? wildcardMatches(globSegmentTokens(pattern), segment) : pattern === segment;
}

/**
 * Does the (normalised, possibly globbing) path `target` remove `areaPath`? True when `target` names
 * `areaPath` or an ancestor of it (`/var/cache` for `/var/cache/apt`), or when its last segment is a
 * glob over `areaPath`'s contents (`/var/lib/apt/lists/*`). A path inside `areaPath` does not cover it.
 */
function pathCovers(target: string, areaPath: string): boolean {
  const t = target.split("/").filter((x) => x !== "");
  const a = areaPath.split("/").filter((x) => x !== "");
  if (t.length === 0) return false;
  const n = Math.min(t.length, a.length);
  for (let i = 0; i < n; i++) if (!segmentMatches(t[i]!, a[i]!)) return false;
  if (t.length <= a.length) return true;
  return t.length === a.length + 1 && /[*?[]/.test(t[t.length - 1]!);
}

/** Answers of `cacheAreasForPath` by path: the same few paths (`/var/lib/apt/lists/*`) recur in every file. */
const areasByPath = new Map<string, readonly CacheArea[]>();
const AREAS_BY_PATH_LIMIT = 4096;

/** Cache areas a path covers (see `pathCovers`): `rm -rf <path>` empties them. The array is shared: do not modify it. */
export function cacheAreasForPath(path: string): readonly CacheArea[] {
  const known = areasByPath.get(path);
  if (known) return known;
  const p = normalizeCachePath(path);
  const out: CacheArea[] = [];
  if (p !== null && p !== "/") {
    for (const [area, { paths }] of Object.entries(CACHE_AREAS) as [CacheArea, (typeof CACHE_AREAS)[CacheArea]][]) {
      if (paths.some((ap) => pathCovers(p, ap))) out.push(area);
    }
  }
  // Bounded: an editor session sees unbounded distinct paths over hours.
  if (areasByPath.size >= AREAS_BY_PATH_LIMIT) areasByPath.clear();
  areasByPath.set(path, out);
  return out;
}

/** Areas that contain `path` (or equal it). */
function insideAreas(path: string): CacheArea[] {
  return (Object.entries(CACHE_AREAS) as [CacheArea, (typeof CACHE_AREAS)[CacheArea]][])
    .filter(([, { paths }]) => paths.some((ap) => path === ap || path.startsWith(`${ap}/`)))
    .map(([a]) => a);
}

/**
 * Cache areas kept out of the layer by `RUN --mount=type=cache,target=<target>` (or `type=tmpfs`): the
 * mount must be on one of the area's folders or an ancestor of it. A mount on a sub-folder
 * (`/var/cache/apk/x86_64`) leaves what is written beside it (`/var/cache/apk/APKINDEX.*`) in the layer.
 * A mount target is a literal path: glob characters in it match only themselves.
 */
export function cacheAreasCoveredByMount(target: string): readonly CacheArea[] {
  const p = normalizeCachePath(target);
  if (p === null || p === "/" || /[*?[]/.test(p)) return [];
  return cacheAreasForPath(p);
}

/** The path operands of an `rm` command (options and `--` skipped); empty for any other command. */
function rmOperands(cmd: ShellCommand): ShellWord[] {
  if (cmd.kind !== "simple") return [];
  const u = unwrappedCommand(cmd);
  if (u.baseName !== "rm") return [];
  const out: ShellWord[] = [];
  let afterDashDash = false;
  for (const w of u.args) {
    const t = template(w);
    if (!afterDashDash && t === "--") {
      afterDashDash = true;
      continue;
    }
    if (!afterDashDash && t.startsWith("-")) continue;
    out.push(w);
  }
  return out;
}

/**
 * Does `target` (a path that may glob, normalised like cache paths) cover the folder `directory`: the
 * folder itself, an ancestor, or a glob over its contents? For a cache moved elsewhere (`--cache-dir`,
 * `PIP_CACHE_DIR`): `rm -rf /tmp/pip-cache` or a cache mount there keeps it out of the layer.
 */
export function pathCoversDirectory(target: string, directory: string): boolean {
  const t = normalizeCachePath(target);
  const d = normalizeCachePath(directory);
  return t !== null && d !== null && t !== "/" && pathCovers(t, d);
}

/** Does the command remove `directory` (`rm -rf <directory>`, `rm -rf <directory>/*`, an ancestor)? */
export function removesDirectory(cmd: ShellCommand, directory: string): boolean {
  return rmOperands(cmd).some((w) => pathCoversDirectory(template(w), directory));
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
 * Computed once per command: every caller gets the same object (read-only).
 */
export function classifyCacheCleanup(cmd: ShellCommand): CacheCleanup | null {
  if (cmd.kind !== "simple") return null;
  // Asked again for the same command (every cleanup candidate after each install), and it classifies the
  // command as a package manager a second time: once per command. The memo lives on the command under a
  // symbol, as `unwrappedCommand`'s does (a property read costs a fraction of a WeakMap lookup).
  const memo = cmd as CleanupMemo;
  let known = memo[CLEANUP];
  if (known === undefined) known = memo[CLEANUP] = cacheCleanupOf(cmd);
  return known;
}

const CLEANUP = Symbol("cacheCleanup");

type CleanupMemo = ShellCommand & { [CLEANUP]?: CacheCleanup | null };

function cacheCleanupOf(cmd: ShellCommand): CacheCleanup | null {
  const u = unwrappedCommand(cmd);
  const base = u.baseName;
  if (base === "rm") {
    const paths: ShellWord[] = [];
    const areas = new Set<CacheArea>();
    for (const w of rmOperands(cmd)) {
      const found = cacheAreasForPath(template(w));
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
