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
import { sep } from "node:path";

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
 * One fact a derived answer was computed from: the stat of a path it read (a listing is a function of
 * its folder's stat), or the answer of another FreshCache it asked (whose own inputs that cache checks).
 */
type Input = { path: string; facts: PathFacts; racy: boolean } | { cache: FreshCache<unknown>; key: string; value: unknown };

/**
 * The inputs read by the FreshCache computation under way (innermost), or null outside one. Every
 * {@link pathFacts} call adds to it (so do {@link listDirectory} and FileCache, through it), and so
 * does every answer of a FreshCache asked: an answer's inputs are the facts it depends on.
 */
let recording: Input[] | null = null;

/** Runs `compute` with `inputs` as the record its reads go to (null: not recorded), then restores the record of the computation around it. */
function recordingInto<T>(inputs: Input[] | null, compute: () => T): T {
  const outer = recording;
  recording = inputs;
  try {
    return compute();
  } finally {
    recording = outer;
  }
}

/** Whether every input is as it was: each path's stat of this window (one per path per window), each asked answer the same object. */
function unchanged(inputs: readonly Input[], window: number): boolean {
  // The check is not part of a computation under way: that one records the answer checked, not its inputs.
  return recordingInto(null, () => {
    for (const input of inputs) {
      // A stat taken just after a change may not show the next change (see RACY_MS): computed again.
      if ("path" in input ? input.racy || !sameVersion(factsIn(input.path, window), input.facts) : !input.cache.isStill(input.key, input.value, window)) return false;
    }
    return true;
  });
}

/** `inputs` with one stat per path (the first: a computation reads a path's facts once per window). */
function distinctInputs(inputs: Input[]): Input[] {
  if (inputs.length < 2) return inputs;
  const seen = new Set<string>();
  return inputs.filter((input) => !("path" in input) || (!seen.has(input.path) && seen.add(input.path)));
}

interface FreshEntry<T> {
  window: number;
  value: T;
  /** What the value was derived from (see {@link Input}); null for a cache that does not revalidate. */
  inputs: readonly Input[] | null;
  compute: (key: string) => T;
}

/**
 * Values learnt from the file system by key (a path), each used only in the window it was learnt in
 * (see {@link FRESH_FOR_MS}). For answers derived from stats and listings, such as the compose files
 * found around a folder. Cleared when it reaches `limit` entries.
 *
 * With `revalidate`, an answer from an earlier window is not computed again when none of the facts
 * it was derived from changed: each file or folder it read is checked with one stat of this window
 * (shared by every question that reads the same path), each answer of another FreshCache it asked by
 * asking it again, instead of re-deriving the answer (walking folders, interpreting compose files).
 * Only for computations that read the file system solely through this module (`pathFacts`,
 * `listDirectory`, FileCache, other FreshCaches) and are otherwise pure functions of their key: what
 * they read is recorded as they read it, and that record is what a later window checks.
 */
export class FreshCache<T> {
  readonly #entries = new Map<string, FreshEntry<T>>();
  readonly #limit: number;
  readonly #revalidate: boolean;

  constructor(limit: number, { revalidate = false }: { revalidate?: boolean } = {}) {
    this.#limit = limit;
    this.#revalidate = revalidate;
    freshCaches.push(this as FreshCache<unknown>);
  }

  get(key: string, compute: (key: string) => T): T {
    return this.#get(key, compute, currentWindow());
  }

  #get(key: string, compute: (key: string) => T, window: number): T {
    const known = this.#entries.get(key);
    let value: T;
    if (known !== undefined && (known.window === window || (known.inputs !== null && unchanged(known.inputs, window)))) {
      // Revalidated against this window's stats: as fresh as an answer computed now.
      known.window = window;
      value = known.value;
    } else {
      value = this.#compute(key, compute, window);
    }
    if (recording !== null) recording.push({ cache: this as FreshCache<unknown>, key, value });
    return value;
  }

  /**
   * Whether the answer for `key` is still `value` in `window`, the current one (for a computation that
   * asked it: see {@link Input}); computed again when it is stale, as {@link get} would. False when the
   * entry was dropped.
   */
  isStill(key: string, value: unknown, window: number): boolean {
    const known = this.#entries.get(key);
    if (known === undefined || known.value !== value) return false;
    // An answer that is not revalidated is still the same only within its window.
    if (known.inputs === null && known.window !== window) return false;
    return this.#get(key, known.compute, window) === value;
  }

  #compute(key: string, compute: (key: string) => T, window: number): T {
    const inputs: Input[] | null = this.#revalidate ? [] : null;
    // A cache that does not revalidate records nothing: its answers are checked by asking again.
    const value = recordingInto(inputs, () => compute(key));
    if (this.#entries.size >= this.#limit) this.#entries.clear();
    // The window of the start of the computation: what it read may be no newer than that.
    this.#entries.set(key, { window, value, inputs: inputs === null ? null : distinctInputs(inputs), compute });
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}

/**
 * What a computation kept outside a FreshCache read of the file system (see {@link recordReads}): its
 * inputs, and the last window they were known to be current in.
 */
export interface RecordedReads {
  window: number;
  readonly inputs: readonly Input[];
}

/**
 * Runs `compute`, recording what it reads through this module (stats, listings, FileCache reads,
 * FreshCache answers), for a value kept in a cache of another shape than FreshCache's (a WeakMap keyed
 * by a parsed document: `getComposeProject`). What it read also counts for the computation under way,
 * if any, so an answer derived from the value is checked against the same files.
 */
export function recordReads<T>(compute: () => T): { value: T; reads: RecordedReads } {
  const window = currentWindow();
  const inputs: Input[] = [];
  const value = recordingInto(inputs, compute);
  const reads = { window, inputs: distinctInputs(inputs) };
  if (recording !== null) recording.push(...reads.inputs);
  return { value, reads };
}

/**
 * Whether what `reads` recorded is still as it was: within the window it was last checked in, or, in
 * a later one, when one stat of this window per path (shared with every other question) shows no
 * change, as a revalidating FreshCache checks its answers. The inputs count for the computation under
 * way, if any.
 */
export function readsUnchanged(reads: RecordedReads): boolean {
  const window = currentWindow();
  if (reads.window !== window) {
    if (!unchanged(reads.inputs, window)) return false;
    reads.window = window;
  }
  if (recording !== null) recording.push(...reads.inputs);
  return true;
}

/** Stats by path, each with the window it was taken in (see {@link FRESH_FOR_MS}) and whether it is racy ({@link changedRecently}). */
const stats = new Map<string, { window: number; facts: PathFacts; racy: boolean }>();
const STAT_LIMIT = 16_384;
/**
 * Folder listings by path, each with the stat of the folder it was read for. `racy`: the folder had
 * changed shortly before it was read (see {@link RACY_MS}), so the listing serves only the window it
 * was read in.
 */
const listings = new Map<string, { version: PathFacts; entries: readonly DirectoryEntry[]; window: number; racy: boolean }>();
/**
 * A stat, a listing or a read taken less than this long (ms, wall clock) after the path's last change
 * may not show the next change if it comes in the same tick of the file system's clock: mtime and
 * ctime would not move (Linux stamps files with a clock of a few ms; FAT and HFS+ to 1 or 2 s). What
 * was learnt from it is not reused past its window (a listing is read again, a derived answer computed
 * again, a file read again), as Git treats an index entry written in its file's mtime second ("racy git").
 */
const RACY_MS = 2000;

/**
 * Whether `facts`, taken at `at` (ms since the epoch, default now), describe a path changed too
 * recently to tell its next change by its version (see {@link RACY_MS}). For caches keyed by a file's
 * version (FileCache): such an entry is read again in the next window.
 */
export function changedRecently(facts: PathFacts, at: number = Date.now()): boolean {
  return facts.kind !== "missing" && at - Math.max(facts.mtimeMs, facts.ctimeMs) < RACY_MS;
}

/** Whether `listing` (of a folder whose stat in `window` is `facts`) describes the folder as it is now. */
function currentListing(listing: { version: PathFacts; window: number; racy: boolean } | undefined, facts: PathFacts, window: number): boolean {
  return listing !== undefined && sameVersion(listing.version, facts) && (!listing.racy || listing.window === window);
}
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

/**
 * Whether `path` is known missing from its folder's listing, without a stat: the folder was stat'd in
 * this window and its listing (read for that version of the folder) has no entry of that name, in
 * any case. Half the paths the rules ask about are files that are not there (`.dockerignore`,
 * `package.json`, `.env`, compose override files) in a folder the build-context model has listed, so
 * this saves their stats; it is as fresh as the folder's stat, which creating, deleting or renaming
 * an entry changes, and only for a folder unchanged for 2 s before it was listed. An entry that differs only in case (a case-insensitive file system finds it) or
 * a name that is not ASCII (macOS may store it decomposed) is left to `stat`.
 */
function missingFromListing(path: string, window: number): boolean {
  const slash = path.lastIndexOf(sep);
  if (slash <= 0 || slash === path.length - 1) return false;
  const dir = path.slice(0, slash);
  const dirStat = stats.get(dir);
  if (dirStat === undefined || dirStat.window !== window || dirStat.facts.kind !== "directory") return false;
  const listing = listings.get(dir);
  // A folder changed less than 2 s before its listing was read is being worked in (a save, a
  // generator, a test writing files): what it lacks may appear at any moment, so `stat` is asked.
  if (!currentListing(listing, dirStat.facts, window) || listing!.racy) return false;
  const name = path.slice(slash + 1);
  // eslint-disable-next-line no-control-regex -- ASCII names only: their case folding is the file system's too
  if (name === "." || name === ".." || name.includes("/") || !/^[\x00-\x7f]+$/u.test(name)) return false;
  const folded = name.toLowerCase();
  for (const entry of listing!.entries) if (entry.name.length === name.length && entry.name.toLowerCase() === folded) return false;
  return true;
}

/** `stat` of `path` (following symbolic links), reused within its window. Never throws: an unreadable path is "missing". */
export function pathFacts(path: string): PathFacts {
  return factsIn(path, currentWindow());
}

/** {@link pathFacts} in `window` (the current one: a revalidation reads the clock once for all its inputs). */
function factsIn(path: string, window: number): PathFacts {
  let known = stats.get(path);
  if (known === undefined || known.window !== window) {
    const facts = missingFromListing(path, window) ? MISSING : statPath(path);
    const racy = changedRecently(facts);
    if (known === undefined) {
      if (stats.size >= STAT_LIMIT) stats.clear();
      known = { window, facts, racy };
      stats.set(path, known);
    } else {
      // Reused in place: a lint run asks the same paths window after window.
      known.window = window;
      known.facts = facts;
      known.racy = racy;
    }
  }
  if (recording !== null) recording.push({ path, facts: known.facts, racy: known.racy });
  return known.facts;
}

/** Whether two stats are of the same version of a path: same inode, same mtime and ctime, same size. */
export function sameVersion(a: PathFacts, b: PathFacts): boolean {
  return a === b || (a.kind === b.kind && a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.size === b.size);
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
  const window = currentWindow();
  const known = listings.get(dir);
  if (currentListing(known, facts, window)) return known!.entries;
  const readAt = Date.now();
  let entries: DirectoryEntry[];
  try {
    entries = readdirSync(dir, { withFileTypes: true })
      .map((entry) => ({ name: entry.name, isDir: entry.isDirectory() }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return null;
  }
  if (listings.size >= LISTING_LIMIT) listings.clear();
  listings.set(dir, { version: facts, entries, window, racy: changedRecently(facts, readAt) });
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
  stats.clear();
  listings.clear();
  version += 1;
}
