/**
 * The file-system snapshot: stats, listings and answers derived from them are used only in the window
 * of FRESH_FOR_MS they were learnt in; a folder's listing is read again only when the folder changed.
 * Time is faked (performance.now).
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { composeFilesAround } from "../../lib/project/build-contexts.js";
import { directoryEntries, factsVersion, forgetFileSystemFacts, FreshCache, FRESH_FOR_MS, listDirectory, pathFacts } from "../../lib/project/fs-snapshot.js";

const root = mkdtempSync(path.join(tmpdir(), "docker-policy-fs-snapshot-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => vi.useFakeTimers({ toFake: ["performance"] }));
afterEach(() => vi.useRealTimers());

/** Moves the fake clock to the start of the next window. */
function toNextWindow(): void {
  vi.advanceTimersByTime(FRESH_FOR_MS - (performance.now() % FRESH_FOR_MS));
}

let counter = 0;
function folder(files: Record<string, string> = {}): string {
  const dir = path.join(root, `t${counter++}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("pathFacts", () => {
  it("tells files, folders and missing paths apart, with the size in bytes", () => {
    const dir = folder({ "a.txt": "héllo" });
    expect(pathFacts(path.join(dir, "a.txt"))).toMatchObject({ kind: "file", size: 6 });
    expect(pathFacts(dir).kind).toBe("directory");
    expect(pathFacts(path.join(dir, "none"))).toEqual({ kind: "missing", mtimeMs: 0, ctimeMs: 0, ino: 0, size: 0 });
    expect(pathFacts("\0not a path").kind).toBe("missing");
  });

  it("reuses a stat within its window and checks again in the next one", () => {
    toNextWindow();
    const dir = folder();
    const file = path.join(dir, "late.txt");
    expect(pathFacts(file).kind).toBe("missing");
    writeFileSync(file, "x");
    vi.advanceTimersByTime(FRESH_FOR_MS - 1);
    expect(pathFacts(file).kind).toBe("missing");
    vi.advanceTimersByTime(1);
    expect(pathFacts(file).kind).toBe("file");
  });

  it("sees any change once FRESH_FOR_MS has passed, wherever in a window it happened", () => {
    for (const offset of [0, 1, FRESH_FOR_MS / 2, FRESH_FOR_MS - 1]) {
      toNextWindow();
      vi.advanceTimersByTime(offset);
      const file = path.join(folder(), "late.txt");
      expect(pathFacts(file).kind).toBe("missing");
      writeFileSync(file, "x");
      vi.advanceTimersByTime(FRESH_FOR_MS);
      expect(pathFacts(file).kind, `learnt ${offset} ms into a window`).toBe("file");
    }
  });

  it("forgets everything on request", () => {
    const dir = folder();
    const file = path.join(dir, "late.txt");
    expect(pathFacts(file).kind).toBe("missing");
    writeFileSync(file, "x");
    forgetFileSystemFacts();
    expect(pathFacts(file).kind).toBe("file");
  });
});

describe("directoryEntries", () => {
  it("lists a folder sorted by name, marking folders, and is empty for a file or a missing path", () => {
    const dir = folder({ b: "", "A.txt": "", a: "" });
    mkdirSync(path.join(dir, "sub"));
    expect(directoryEntries(dir)).toEqual([
      { name: "A.txt", isDir: false },
      { name: "a", isDir: false },
      { name: "b", isDir: false },
      { name: "sub", isDir: true },
    ]);
    expect(directoryEntries(path.join(dir, "a"))).toEqual([]);
    expect(directoryEntries(path.join(dir, "missing"))).toEqual([]);
  });

  it("is null for a file or a missing path (listDirectory), where directoryEntries is empty", () => {
    const dir = folder({ a: "" });
    expect(listDirectory(path.join(dir, "a"))).toBeNull();
    expect(listDirectory(path.join(dir, "missing"))).toBeNull();
    expect(listDirectory(dir)).toEqual([{ name: "a", isDir: false }]);
  });

  it("reads a folder replaced by another with the same mtime again (cp -a, tar, rsync -a keep mtimes)", () => {
    const dir = folder();
    const context = path.join(dir, "ctx");
    mkdirSync(context);
    writeFileSync(path.join(context, "Dockerfile"), "");
    const replacement = path.join(dir, "next");
    mkdirSync(replacement);
    writeFileSync(path.join(replacement, "Dockerfile.prod"), "");
    const { mtime } = statSync(context);
    utimesSync(replacement, mtime, mtime);
    expect(directoryEntries(context).map((entry) => entry.name)).toEqual(["Dockerfile"]);
    rmSync(context, { recursive: true });
    renameSync(replacement, context);
    utimesSync(context, mtime, mtime);
    vi.advanceTimersByTime(FRESH_FOR_MS);
    expect(directoryEntries(context).map((entry) => entry.name)).toEqual(["Dockerfile.prod"]);
  });

  it("sees an added entry once the window has passed", () => {
    const dir = folder({ one: "" });
    expect(directoryEntries(dir).map((entry) => entry.name)).toEqual(["one"]);
    writeFileSync(path.join(dir, "two"), "");
    expect(directoryEntries(dir).map((entry) => entry.name)).toEqual(["one"]);
    vi.advanceTimersByTime(FRESH_FOR_MS);
    forgetFileSystemFacts(); // the folder's mtime may not have moved within the file system's mtime granularity
    expect(directoryEntries(dir).map((entry) => entry.name)).toEqual(["one", "two"]);
  });
});

describe("answers derived from the snapshot", () => {
  it("are never older than FRESH_FOR_MS, even when derived late from facts learnt early", () => {
    const project = folder();
    mkdirSync(path.join(project, ".git"));
    mkdirSync(path.join(project, "a"));
    mkdirSync(path.join(project, "b"));
    const compose = path.join(project, "compose.yaml");
    toNextWindow();
    expect(composeFilesAround(path.join(project, "a"))).toEqual([]); // learns the project folder's listing
    vi.advanceTimersByTime(50);
    writeFileSync(compose, "services: {}\n");
    vi.advanceTimersByTime(850);
    // Derived now from the listing learnt 900 ms ago: the change is not seen yet (it is 850 ms old).
    expect(composeFilesAround(path.join(project, "b"))).toEqual([]);
    vi.advanceTimersByTime(151);
    // 1,001 ms after the change, both answers see it.
    expect(composeFilesAround(path.join(project, "b"))).toEqual([compose]);
    expect(composeFilesAround(path.join(project, "a"))).toEqual([compose]);
  });
});

describe("FreshCache", () => {
  it("computes once per key within the window, again after it, and again after forgetFileSystemFacts", () => {
    toNextWindow();
    const cache = new FreshCache<number>(8);
    let calls = 0;
    const compute = () => ++calls;
    expect(cache.get("k", compute)).toBe(1);
    expect(cache.get("k", compute)).toBe(1);
    expect(cache.get("other", compute)).toBe(2);
    vi.advanceTimersByTime(FRESH_FOR_MS);
    expect(cache.get("k", compute)).toBe(3);
    forgetFileSystemFacts();
    expect(cache.get("k", compute)).toBe(4);
  });

  it("factsVersion stays within a window and moves at the next one and at forgetFileSystemFacts", () => {
    toNextWindow();
    const version = factsVersion();
    expect(factsVersion()).toBe(version);
    vi.advanceTimersByTime(FRESH_FOR_MS / 2);
    expect(factsVersion()).toBe(version);
    vi.advanceTimersByTime(FRESH_FOR_MS);
    const next = factsVersion();
    expect(next).toBeGreaterThan(version);
    forgetFileSystemFacts();
    expect(factsVersion()).toBeGreaterThan(next);
  });

  it("stays within its limit", () => {
    const cache = new FreshCache<string>(2);
    let calls = 0;
    const compute = (key: string) => `${key}${++calls}`;
    cache.get("a", compute);
    cache.get("b", compute);
    cache.get("c", compute); // clears, then holds c
    expect(cache.get("a", compute)).toBe("a4");
  });
});
