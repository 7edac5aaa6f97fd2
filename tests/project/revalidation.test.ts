/**
 * Answers the project model derives from the file system (the compose files around a folder, the
 * builds of a Dockerfile, the `.dockerignore` a build reads, the repository root, a compose file's
 * `.env`) are reused in later windows while what they were derived from is unchanged, and computed
 * again, in the first window that starts more than FRESH_FOR_MS after a change, when it changed.
 * Time is faked (performance.now).
 */
import { existsSync, mkdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildsOfDockerfile, composeFilesAround, dockerignoreOfBuild } from "../../lib/project/build-contexts.js";
import { projectDotEnv } from "../../lib/project/compose-project.js";
import { forgetFileSystemFacts, FreshCache, FRESH_FOR_MS, listDirectory, pathFacts } from "../../lib/project/fs-snapshot.js";
import { repositoryRootOf } from "../../lib/project/lint-scope.js";
import { joinedPath, resolvedPath } from "../../lib/project/resolved-path.js";
import { makeTree } from "../support/fix-safety.js";

const tree = makeTree({});
afterAll(tree.cleanup);
// Date too: what was stat'd less than 2 s after its change is not reused past its window (fs-snapshot's RACY_MS).
// Each test's fake clock starts again at 0, so the windows of facts learnt by the tests before would be taken for current ones.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["performance", "Date"] });
  forgetFileSystemFacts();
});
afterEach(() => vi.useRealTimers());

let counter = 0;
/** A new folder of the tree with these files. */
function folder(files: Record<string, string> = {}): string {
  const dir = path.join(tree.root, `r${counter++}`);
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), text);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Writes a file and moves its mtime ahead, so that the edit is a new version whatever the clock's tick. */
function edit(file: string, text: string): void {
  writeFileSync(file, text);
  const later = new Date(Date.now() + 5000);
  utimesSync(file, later, later);
}

const nextWindow = () => vi.advanceTimersByTime(FRESH_FOR_MS);
/** Past the span in which a just-changed path is not trusted to show its next change (2 s), and into a new window. */
const settle = () => vi.advanceTimersByTime(3 * FRESH_FOR_MS);

describe("FreshCache with revalidate", () => {
  it("reuses an answer in later windows while the files and folders it read are unchanged", () => {
    const dir = folder({ "a.txt": "one" });
    settle();
    const cache = new FreshCache<string>(8, { revalidate: true });
    let calls = 0;
    const compute = (key: string) => `${++calls}:${listDirectory(key)!.map((entry) => entry.name).join(",")}:${pathFacts(path.join(key, "a.txt")).size}`;
    expect(cache.get(dir, compute)).toBe("1:a.txt:3");
    for (let round = 0; round < 3; round++) {
      nextWindow();
      expect(cache.get(dir, compute)).toBe("1:a.txt:3");
    }
    edit(path.join(dir, "a.txt"), "three");
    expect(cache.get(dir, compute), "within the window").toBe("1:a.txt:3");
    nextWindow();
    expect(cache.get(dir, compute), "a file it read changed").toBe("2:a.txt:5");
    writeFileSync(path.join(dir, "b.txt"), "");
    nextWindow();
    expect(cache.get(dir, compute), "a folder it listed changed").toBe("3:a.txt,b.txt:5");
  });

  it("computes again, in every window, an answer read from a folder changed less than 2 s before (its next change may keep its mtime)", () => {
    const dir = folder({ "a.txt": "one" });
    const cache = new FreshCache<string>(8, { revalidate: true });
    let calls = 0;
    const compute = (key: string) => `${++calls}:${listDirectory(key)!.length}`;
    expect(cache.get(dir, compute)).toBe("1:1");
    nextWindow();
    expect(cache.get(dir, compute)).toBe("2:1");
    settle();
    expect(cache.get(dir, compute)).toBe("3:1");
    nextWindow();
    expect(cache.get(dir, compute)).toBe("3:1");
  });

  it("computes again when a path it found missing appears", () => {
    const dir = folder();
    settle();
    const cache = new FreshCache<string>(8, { revalidate: true });
    let calls = 0;
    const compute = (key: string) => `${++calls}:${pathFacts(path.join(key, "late.txt")).kind}`;
    expect(cache.get(dir, compute)).toBe("1:missing");
    nextWindow();
    expect(cache.get(dir, compute)).toBe("1:missing");
    writeFileSync(path.join(dir, "late.txt"), "x");
    nextWindow();
    expect(cache.get(dir, compute)).toBe("2:file");
  });

  it("computes an answer built on another cache's answer again when that answer changes, and only then", () => {
    const dir = folder({ "a.txt": "1" });
    settle();
    const inner = new FreshCache<number>(8, { revalidate: true });
    const outer = new FreshCache<string>(8, { revalidate: true });
    let innerCalls = 0;
    let outerCalls = 0;
    const size = (key: string) => (innerCalls++, pathFacts(path.join(key, "a.txt")).size);
    const describeIt = (key: string) => `${++outerCalls}:${inner.get(key, size)}`;
    expect(outer.get(dir, describeIt)).toBe("1:1");
    nextWindow();
    expect(outer.get(dir, describeIt)).toBe("1:1");
    expect([innerCalls, outerCalls]).toEqual([1, 1]);
    edit(path.join(dir, "a.txt"), "12");
    nextWindow();
    expect(outer.get(dir, describeIt)).toBe("2:2");
    expect(innerCalls).toBe(2);
  });

  it("keeps recording right after a computation that throws", () => {
    const dir = folder({ "a.txt": "1" });
    const failing = new FreshCache<number>(8, { revalidate: true });
    const cache = new FreshCache<number>(8, { revalidate: true });
    expect(() =>
      failing.get(dir, () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    let calls = 0;
    const compute = (key: string) => (++calls, pathFacts(path.join(key, "a.txt")).size);
    expect(cache.get(dir, compute)).toBe(1);
    edit(path.join(dir, "a.txt"), "123");
    nextWindow();
    expect(cache.get(dir, compute)).toBe(3);
    expect(calls).toBe(2);
  });
});

describe("pathFacts of a path in a listed folder", () => {
  it("is missing when the listing has no such entry, and a file once it is created (after the window)", () => {
    const dir = folder({ Dockerfile: "FROM alpine\n" });
    settle();
    expect(listDirectory(dir)?.map((entry) => entry.name)).toEqual(["Dockerfile"]);
    const ignore = path.join(dir, ".dockerignore");
    writeFileSync(ignore, "node_modules\n");
    // Answered from the folder's listing of this window, as a stat of this window would have been.
    expect(pathFacts(ignore).kind).toBe("missing");
    nextWindow();
    expect(pathFacts(ignore).kind).toBe("file");
    rmSync(ignore);
    nextWindow();
    expect(pathFacts(ignore).kind).toBe("missing");
  });

  it("asks stat, not the listing, in a folder changed less than 2 s before it was listed (files are being written there)", () => {
    const dir = folder({ Dockerfile: "FROM alpine\n" });
    expect(listDirectory(dir)?.map((entry) => entry.name)).toEqual(["Dockerfile"]);
    writeFileSync(path.join(dir, ".dockerignore"), "");
    expect(pathFacts(path.join(dir, ".dockerignore")).kind).toBe("file");
  });

  it("stats the entries the listing has: a folder, a file, and a name the listing has in another case", () => {
    const dir = folder({ "App.Dockerfile": "" });
    mkdirSync(path.join(dir, "sub"));
    listDirectory(dir);
    expect(pathFacts(path.join(dir, "sub")).kind).toBe("directory");
    expect(pathFacts(path.join(dir, "App.Dockerfile")).kind).toBe("file");
    // A case-insensitive file system finds it: stat decides, not the listing.
    expect(pathFacts(path.join(dir, "app.dockerfile")).kind).toBe(existsSync(path.join(dir, "app.dockerfile")) ? "file" : "missing");
  });
});

describe("the build-context model's answers in later windows", () => {
  it("are the same objects while nothing they read changed", () => {
    const dir = folder({ "compose.yaml": "services:\n  app:\n    build: ./app\n", "app/Dockerfile": "FROM alpine\n" });
    settle();
    const dockerfile = path.join(dir, "app/Dockerfile");
    const files = composeFilesAround(path.join(dir, "app"));
    const builds = buildsOfDockerfile(dockerfile);
    nextWindow();
    nextWindow();
    expect(composeFilesAround(path.join(dir, "app"))).toBe(files);
    expect(buildsOfDockerfile(dockerfile)).toBe(builds);
    expect(builds.map((build) => build.service)).toEqual(["app"]);
  });

  it("see an edited compose file, a new compose file and a removed one", () => {
    const dir = folder({ "compose.yaml": "services:\n  app:\n    build:\n      context: ./app\n      target: dev\n", "app/Dockerfile": "FROM alpine AS dev\nFROM alpine AS prod\n" });
    const dockerfile = path.join(dir, "app/Dockerfile");
    expect(buildsOfDockerfile(dockerfile).map((build) => build.target)).toEqual(["dev"]);
    edit(path.join(dir, "compose.yaml"), "services:\n  app:\n    build:\n      context: ./app\n      target: prod\n");
    expect(buildsOfDockerfile(dockerfile).map((build) => build.target), "within the window").toEqual(["dev"]);
    nextWindow();
    expect(buildsOfDockerfile(dockerfile).map((build) => build.target)).toEqual(["prod"]);
    writeFileSync(path.join(dir, "app/compose.test.yaml"), "services:\n  test:\n    build:\n      context: .\n      target: dev\n");
    nextWindow();
    expect(buildsOfDockerfile(dockerfile).map((build) => `${build.service}:${build.target}`)).toEqual(["test:dev", "app:prod"]);
    rmSync(path.join(dir, "compose.yaml"));
    rmSync(path.join(dir, "app/compose.test.yaml"));
    nextWindow();
    expect(buildsOfDockerfile(dockerfile).map((build) => `${build.service}:${build.context}`)).toEqual([`null:${path.join(dir, "app")}`]);
  });

  it("see an override file and an extended file edited, created and removed (the merged named contexts and labels)", () => {
    const base = "services:\n  app:\n    build:\n      context: ./app\n";
    const dir = folder({ "compose.yaml": base, "app/Dockerfile": "FROM alpine\n" });
    const dockerfile = path.join(dir, "app/Dockerfile");
    const contexts = () => buildsOfDockerfile(dockerfile).map((build) => build.namedContexts.map((context) => context.name).join(","));
    const labels = () => buildsOfDockerfile(dockerfile).map((build) => (build.labels ?? []).join(","));
    expect(contexts()).toEqual([""]);
    settle();
    // compose.override.yaml appears: Compose merges it over compose.yaml, whose text did not change.
    edit(path.join(dir, "compose.override.yaml"), "services:\n  app:\n    build:\n      additional_contexts:\n        assets: ./assets\n");
    nextWindow();
    expect(contexts()).toEqual(["assets"]);
    edit(path.join(dir, "compose.override.yaml"), "services:\n  app:\n    build:\n      additional_contexts:\n        tools: ./tools\n      labels:\n        team: web\n");
    nextWindow();
    expect(contexts()).toEqual(["tools"]);
    expect(labels()).toEqual(["team"]);
    rmSync(path.join(dir, "compose.override.yaml"));
    nextWindow();
    expect(contexts()).toEqual([""]);
    // A file the service extends, edited after the project was first merged.
    edit(path.join(dir, "common.yaml"), "services:\n  shared:\n    build:\n      labels:\n        tier: one\n");
    edit(path.join(dir, "compose.yaml"), `${base}    extends:\n      file: common.yaml\n      service: shared\n`);
    nextWindow();
    expect(labels()).toEqual(["tier"]);
    edit(path.join(dir, "common.yaml"), "services:\n  shared:\n    build:\n      labels:\n        tier: one\n        owner: ops\n");
    nextWindow();
    expect(labels()).toEqual(["tier,owner"]);
  });

  it("see a compose file's `.env` created after the builds were found (an interpolated Dockerfile path)", () => {
    const dir = folder({ "compose.yaml": "services:\n  app:\n    build:\n      context: .\n      dockerfile: ${NAME:-Dockerfile}\n", Dockerfile: "FROM alpine\n", "Other.Dockerfile": "FROM alpine\n" });
    expect(buildsOfDockerfile(path.join(dir, "Other.Dockerfile")).map((build) => build.service)).toEqual([null]);
    writeFileSync(path.join(dir, ".env"), "NAME=Other.Dockerfile\n");
    nextWindow();
    expect(projectDotEnv(path.join(dir, "compose.yaml"))?.environment.NAME).toBe("Other.Dockerfile");
    expect(buildsOfDockerfile(path.join(dir, "Other.Dockerfile")).map((build) => build.service)).toEqual(["app"]);
  });

  it("see a `<Dockerfile>.dockerignore` created beside the Dockerfile, and removed", () => {
    const dir = folder({ "Dockerfile.prod": "FROM alpine\n" });
    const build = { context: dir, dockerfile: path.join(dir, "Dockerfile.prod") };
    expect(dockerignoreOfBuild(build)).toEqual({ path: path.join(dir, ".dockerignore"), via: "context" });
    writeFileSync(path.join(dir, "Dockerfile.prod.dockerignore"), "*\n");
    nextWindow();
    expect(dockerignoreOfBuild(build)).toEqual({ path: path.join(dir, "Dockerfile.prod.dockerignore"), via: "dockerfile" });
    rmSync(path.join(dir, "Dockerfile.prod.dockerignore"));
    nextWindow();
    expect(dockerignoreOfBuild(build).via).toBe("context");
  });

  it("see a repository created below the one found before", () => {
    const dir = folder({ "a/b/file": "" });
    expect(repositoryRootOf(path.join(dir, "a/b"))).toBe(tree.root);
    mkdirSync(path.join(dir, "a/.git"));
    nextWindow();
    expect(repositoryRootOf(path.join(dir, "a/b"))).toBe(path.join(dir, "a"));
  });
});

describe("resolvedPath and joinedPath", () => {
  it("are path.resolve and path.join, without the work for an absolute, normal path", () => {
    for (const file of ["/", "/a", "/a/b.c/.d", "/a/", "/a/./b", "/a/../b", "/a//b", "/a/.", "/a/..", "/a/..b", "rel/x", "./x", ""]) {
      expect(resolvedPath(file), file).toBe(path.resolve(file));
      expect(joinedPath(file === "" ? "." : file, ".dockerignore"), file).toBe(path.join(file === "" ? "." : file, ".dockerignore"));
    }
  });
});
