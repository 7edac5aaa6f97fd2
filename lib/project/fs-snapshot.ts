/**
 * What the cross-file rules know of the file system: one `stat` per path and one listing per folder
 * per window of {@link FRESH_FOR_MS} milliseconds, checked again in the next window.
 *
 * Why a time window: a lint run asks the same questions for every file it lints (the compose files
 * around a Dockerfile are found by listing up to 8 parent folders and 2 levels of sub-folders; each
 * `.dockerignore`, `package.json` and compose file is checked before its cached parse is reused).
 * Checking each answer again with a `stat` cost a tenth of the whole `strict` run on the shared corpus
 * (`npm run bench`, see docs/design.md "File-system facts"). Editors keep one ESLint process for hours,
 * so answers cannot be kept forever either: a saved, created or deleted file is seen by every lint that
 * starts more than {@link FRESH_FOR_MS} ms after the change. eslint-plugin-import makes the same trade
 * with its resolver cache (`import/cache` `lifetime`, 30 s by default).
 *
 * Read-only: it never writes. Paths are used as given (callers pass absolute paths).
 */
import { readdirSync, statSync } from "node:fs";

/**
 * How long a stat or a listing is reused without a new `stat` (ms). Time is cut into windows of this
 * length: what is learnt in a window (a stat, a listing, an answer derived from them) is used only in
 * that window, so an answer derived from facts is never older than the facts, and a change is seen by
 * every question asked more than `FRESH_FOR_MS` after it.
 */
export const FRESH_FOR_MS = 1000;

/** What `stat` said about a path. `mtimeMs`, `ctimeMs`, `ino` and `size` (bytes) are 0 for a missing path. */
export interface PathFacts {
  kind: "file" | "directory" | "other" | "missing";
  mtimeMs: number;
  /** Changes with any change of the inode; unlike mtime, no tool can set it back (`cp -a`, `tar`, `touch -r`). */
  ctimeMs: number;
  ino: number;
  size: number;
}

/** One entry of a folder listing. */
export interface DirectoryEntry {
  name: string;
  isDir: boolean;
}

/** Every FreshCache, so that {@link forgetFileSystemFacts} empties them all. */
const freshCaches: FreshCache<unknown>[] = [];

/** The current window (see {@link FRESH_FOR_MS}). */
function currentWindow(): number {
  return Math.floor(performance.now() / FRESH_FOR_MS);
}

/**
 * Values learnt from the file system by key (a path), each used only in the window it was learnt in
 * (see {@link FRESH_FOR_MS}). For stats and for answers derived from stats and listings, such as the
 * compose files found around a folder. Cleared when it reaches `limit` entries.
 */
export class FreshCache<T> {
  readonly #entries = new Map<string, { window: number; value: T }>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
    freshCaches.push(this as FreshCache<unknown>);
  }

  get(key: string, compute: (key: string) => T): T {
    const window = currentWindow();
    const known = this.#entries.get(key);
    if (known && known.window === window) return known.value;
    const value = compute(key);
    if (this.#entries.size >= this.#limit) this.#entries.clear();
    // The window of the start of the computation: what it read may be no newer than that.
    this.#entries.set(key, { window, value });
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}

const stats = new FreshCache<PathFacts>(16_384);
const listings = new Map<string, { version: PathFacts; entries: readonly DirectoryEntry[] }>();
const LISTING_LIMIT = 4096;
const MISSING: PathFacts = Object.freeze({ kind: "missing", mtimeMs: 0, ctimeMs: 0, ino: 0, size: 0 });

function statPath(path: string): PathFacts {
  try {
    // No exception for the common missing path (a `.dockerignore` or `package.json` that is not there).
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat === undefined) return MISSING;
    const kind = stat.isFile() ? "file" : stat.isDirectory() ? "directory" : "other";
    return { kind, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, size: stat.size };
  } catch {
    return MISSING;
  }
}

/** `stat` of `path` (following symbolic links), reused within its window. Never throws: an unreadable path is "missing". */
export function pathFacts(path: string): PathFacts {
  return stats.get(path, statPath);
}

/** Whether two stats are of the same version of a path: same inode, same mtime and ctime, same size. */
export function sameVersion(a: PathFacts, b: PathFacts): boolean {
  return a.kind === b.kind && a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.size === b.size;
}

/**
 * The entries of folder `dir`, sorted by name (UTF-16 code units), or null when it is not a folder or
 * cannot be read. The listing is read again only when the folder changed (adding, removing or renaming
 * an entry changes its mtime and ctime; replacing the folder, its inode), which {@link pathFacts}
 * checks once per window.
 */
export function listDirectory(dir: string): readonly DirectoryEntry[] | null {
  const facts = pathFacts(dir);
  if (facts.kind !== "directory") return null;
  const known = listings.get(dir);
  if (known && sameVersion(known.version, facts)) return known.entries;
  let entries: DirectoryEntry[];
  try {
    entries = readdirSync(dir, { withFileTypes: true })
      .map((entry) => ({ name: entry.name, isDir: entry.isDirectory() }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return null;
  }
  if (listings.size >= LISTING_LIMIT) listings.clear();
  listings.set(dir, { version: facts, entries });
  return entries;
}

/** {@link listDirectory}, with an empty list for a path that is not a readable folder. */
export function directoryEntries(dir: string): readonly DirectoryEntry[] {
  return listDirectory(dir) ?? [];
}

/** See {@link factsVersion}. */
let version = 0;
let versionWindow = Number.NaN;

/**
 * A number (from 1, growing) that changes whenever the facts above may have changed: at each new
 * window (see {@link FRESH_FOR_MS}) and at each {@link forgetFileSystemFacts}. What is derived from
 * the file system and kept longer than one lint (the models of a parsed file the Dockerfile language
 * gives back for the same text, `lib/semantics/outside-facts.ts`) is reused only under the same version,
 * so it is never older than the facts a fresh computation would read.
 */
export function factsVersion(): number {
  const window = currentWindow();
  if (window !== versionWindow) {
    versionWindow = window;
    version += 1;
  }
  return version;
}

/**
 * Forgets every stat and listing, so the next question reads the disk. For tests that change files
 * and lint again at once, and for tools that know the files changed (a file watcher).
 */
export function forgetFileSystemFacts(): void {
  for (const cache of freshCaches) cache.clear();
  listings.clear();
  version += 1;
}
