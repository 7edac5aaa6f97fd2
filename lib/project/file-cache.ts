import { readFileSync } from "node:fs";
import { RecentMap } from "../utils/recent-map.js";
import { changedRecently, pathFacts, sameVersion, type PathFacts } from "./fs-snapshot.js";

interface Entry<T> {
  version: PathFacts;
  value: T;
  /** Read just after a change (`changedRecently`): reused only with the stat it was read with. */
  racy: boolean;
}

/**
 * Reads and derives files (parses them) at most once per version of the file. Editors keep one ESLint
 * process alive for hours, so a hit checks the file's version first (inode, mtime, ctime and size),
 * through the file-system snapshot (`fs-snapshot.ts`: a `stat` is reused for at most `FRESH_FOR_MS`): a
 * file saved since is read again by every lint that starts more than that after the save. Bounded, so
 * a long session over many projects does not grow forever.
 */
export class FileCache<T> {
  readonly #entries: RecentMap<string, Entry<T>>;
  readonly #derive: (text: string, path: string) => T;

  constructor(derive: (text: string, path: string) => T, maxEntries = 512) {
    this.#derive = derive;
    this.#entries = new RecentMap(maxEntries);
  }

  /** The derived value of the file at `path`, or null when it is missing, unreadable or not a file. */
  get(path: string): T | null {
    const stats = pathFacts(path);
    if (stats.kind !== "file") {
      this.#entries.delete(path);
      return null;
    }
    const cached = this.#entries.get(path);
    // A file read just after a change is read again with the next window's stat (a new object): an
    // edit in the same tick of the file system's clock would keep its version (fs-snapshot.ts, RACY_MS).
    if (cached && sameVersion(cached.version, stats) && (!cached.racy || cached.version === stats)) return cached.value;
    const readAt = Date.now();
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      return null;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const value = this.#derive(text, path);
    this.#entries.set(path, { version: stats, value, racy: changedRecently(stats, readAt) });
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}
