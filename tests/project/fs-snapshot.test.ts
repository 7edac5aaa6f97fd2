/**
 * The file-system snapshot: stats and listings are reused for FRESH_FOR_MS, then checked again; a
 * folder's listing is read again only when its mtime changed. Time is faked (performance.now).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { directoryEntries, forgetFileSystemFacts, FreshCache, FRESH_FOR_MS, pathFacts } from "../../lib/project/fs-snapshot.js";

const root = mkdtempSync(path.join(tmpdir(), "docker-policy-fs-snapshot-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => vi.useFakeTimers({ toFake: ["performance"] }));
afterEach(() => vi.useRealTimers());

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
    expect(pathFacts(path.join(dir, "none"))).toEqual({ kind: "missing", mtimeMs: 0, size: 0 });
    expect(pathFacts("\0not a path").kind).toBe("missing");
  });

  it("reuses a stat within the window and checks again after it", () => {
    const dir = folder();
    const file = path.join(dir, "late.txt");
    expect(pathFacts(file).kind).toBe("missing");
    writeFileSync(file, "x");
    vi.advanceTimersByTime(FRESH_FOR_MS - 1);
    expect(pathFacts(file).kind).toBe("missing");
    vi.advanceTimersByTime(1);
    expect(pathFacts(file).kind).toBe("file");
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

describe("FreshCache", () => {
  it("computes once per key within the window, again after it, and again after forgetFileSystemFacts", () => {
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
