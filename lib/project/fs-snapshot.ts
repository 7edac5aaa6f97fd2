/**
 * What the cross-file rules know of the file system: one `stat` per path and one listing per folder,
 * reused for {@link FRESH_FOR_MS} milliseconds and then checked again.
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

/** How long a stat or a listing is reused without a new `stat` (ms). */
export const FRESH_FOR_MS = 1000;

/** What `stat` said about a path. `mtimeMs` and `size` (bytes) are 0 for a missing path. */
export interface PathFacts {
  kind: "file" | "directory" | "other" | "missing";
  mtimeMs: number;
  size: number;
}

/** One entry of a folder listing. */
export interface DirectoryEntry {
  name: string;
  isDir: boolean;
}

/** Every FreshCache, so that {@link forgetFileSystemFacts} empties them all. */
const freshCaches: FreshCache<unknown>[] = [];

/**
 * Values derived from the file system by key (a path), each reused for {@link FRESH_FOR_MS} after it
 * was computed. For answers that depend only on stats and listings (which are no fresher than that
 * anyway), such as the compose files found around a folder. Cleared when it reaches `limit` entries.
 */
export class FreshCache<T> {
  readonly #entries = new Map<string, { checkedAt: number; value: T }>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
    freshCaches.push(this as FreshCache<unknown>);
  }

  get(key: string, compute: (key: string) => T): T {
    const now = performance.now();
    const known = this.#entries.get(key);
    if (known && now - known.checkedAt < FRESH_FOR_MS) return known.value;
    const value = compute(key);
    if (this.#entries.size >= this.#limit) this.#entries.clear();
    this.#entries.set(key, { checkedAt: now, value });
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}

const stats = new FreshCache<PathFacts>(16_384);
const listings = new Map<string, { mtimeMs: number; entries: readonly DirectoryEntry[] }>();
const LISTING_LIMIT = 4096;
const MISSING: PathFacts = Object.freeze({ kind: "missing", mtimeMs: 0, size: 0 });

function statPath(path: string): PathFacts {
  try {
    // No exception for the common missing path (a `.dockerignore` or `package.json` that is not there).
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat === undefined) return MISSING;
    return { kind: stat.isFile() ? "file" : stat.isDirectory() ? "directory" : "other", mtimeMs: stat.mtimeMs, size: stat.size };
  } catch {
    return MISSING;
  }
}

/** `stat` of `path` (following symbolic links), reused while fresh. Never throws: an unreadable path is "missing". */
export function pathFacts(path: string): PathFacts {
  return stats.get(path, statPath);
}

/**
 * The entries of folder `dir`, sorted by name (UTF-16 code units); empty when it is not a readable
 * folder. The listing is read again only when the folder's mtime changed (adding, removing or renaming
 * an entry changes it), which {@link pathFacts} checks at most once per {@link FRESH_FOR_MS}.
 */
export function directoryEntries(dir: string): readonly DirectoryEntry[] {
  const facts = pathFacts(dir);
  if (facts.kind !== "directory") return [];
  const known = listings.get(dir);
  if (known && known.mtimeMs === facts.mtimeMs) return known.entries;
  let entries: DirectoryEntry[];
  try {
    entries = readdirSync(dir, { withFileTypes: true })
      .map((entry) => ({ name: entry.name, isDir: entry.isDirectory() }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
  if (listings.size >= LISTING_LIMIT) listings.clear();
  listings.set(dir, { mtimeMs: facts.mtimeMs, entries });
  return entries;
}

/**
 * Forgets every stat and listing, so the next question reads the disk. For tests that change files
 * and lint again at once, and for tools that know the files changed (a file watcher).
 */
export function forgetFileSystemFacts(): void {
  for (const cache of freshCaches) cache.clear();
  listings.clear();
}
