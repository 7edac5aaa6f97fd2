/**
 * The editor path: the Dockerfile and `.dockerignore` languages give back the same AST for the same
 * (path, text) (lib/languages/shared/parse-cache.ts), so a lint of an unchanged file reuses the models
 * keyed by it. What must still hold: an edit to the files around an unchanged Dockerfile (compose
 * `build.target`, `additional_contexts`, a new service that builds it, `.dockerignore`) is seen by the
 * next lint once the file-system facts are forgotten (or their window passes); rule options are read
 * again by every lint; the same text under another path is judged for its own place; and a lint from
 * the cache reports exactly what a fresh parse does, fixes and suggestions included.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Linter } from "eslint";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import plugin from "../../lib/index.js";
import { dockerfileLanguage } from "../../lib/languages/dockerfile/dockerfile-language.js";
import { dockerignoreLanguage } from "../../lib/languages/dockerignore/dockerignore-language.js";
import { ParseCache } from "../../lib/languages/shared/parse-cache.js";
import { forgetFileSystemFacts } from "../../lib/project/fs-snapshot.js";
import { corpusDockerfiles, listFiles } from "../support/corpus-bodies.js";
import { dedent } from "../support/dedent.js";
import { makeTree } from "../support/fix-safety.js";

describe("ParseCache", () => {
  it("gives the kept AST back for the same path and text only", () => {
    const cache = new ParseCache<object>({ entries: 4, bytes: 1000 });
    const ast = {};
    cache.set("/a/Dockerfile", "FROM a\n", ast);
    expect(cache.get("/a/Dockerfile", "FROM a\n")).toBe(ast);
    expect(cache.get("/a/Dockerfile", "FROM b\n")).toBeNull();
    expect(cache.get("/b/Dockerfile", "FROM a\n")).toBeNull();
    // A new text for the path replaces the old one.
    const next = {};
    cache.set("/a/Dockerfile", "FROM b\n", next);
    expect(cache.get("/a/Dockerfile", "FROM a\n")).toBeNull();
    expect(cache.get("/a/Dockerfile", "FROM b\n")).toBe(next);
  });

  it("keeps at most `entries` files, dropping the least recently used", () => {
    const cache = new ParseCache<number>({ entries: 2, bytes: 1000 });
    cache.set("a", "1", 1);
    cache.set("b", "2", 2);
    expect(cache.get("a", "1")).toBe(1); // now b is the oldest
    cache.set("c", "3", 3);
    expect(cache.get("b", "2")).toBeNull();
    expect(cache.get("a", "1")).toBe(1);
    expect(cache.get("c", "3")).toBe(3);
  });

  it("keeps at most `bytes` code units of text, and no text longer than half of it", () => {
    const cache = new ParseCache<number>({ entries: 10, bytes: 10 });
    cache.set("a", "xxxx", 1);
    cache.set("b", "yyyy", 2);
    cache.set("c", "zzzz", 3); // 12 > 10: a goes
    expect(cache.get("a", "xxxx")).toBeNull();
    expect(cache.get("b", "yyyy")).toBe(2);
    expect(cache.get("c", "zzzz")).toBe(3);
    cache.set("d", "123456", 4);
    expect(cache.get("d", "123456")).toBeNull();
    // The path's earlier entry is dropped all the same: it was for another text.
    cache.set("b", "0123456789ab", 5);
    expect(cache.get("b", "yyyy")).toBeNull();
  });
});

describe("the languages' parse", () => {
  const file = (path: string, body: string) => ({ path, physicalPath: path, body, bom: false });
  const context = { languageOptions: {} };

  it("is the same AST for the same path and text, another for another path or text", () => {
    const text = "FROM alpine:3.20\nRUN echo hi\n";
    const first = dockerfileLanguage.parse(file("/x/Dockerfile", text), context);
    const again = dockerfileLanguage.parse(file("/x/Dockerfile", text), context);
    const elsewhere = dockerfileLanguage.parse(file("/y/Dockerfile", text), context);
    const edited = dockerfileLanguage.parse(file("/x/Dockerfile", text + "USER 1000\n"), context);
    if (!first.ok || !again.ok || !elsewhere.ok || !edited.ok) throw new Error("parse failed");
    expect(again.ast).toBe(first.ast);
    expect(elsewhere.ast).not.toBe(first.ast);
    expect(edited.ast).not.toBe(first.ast);
    const ignore = file("/x/.dockerignore", "node_modules\n");
    const ignoreFirst = dockerignoreLanguage.parse(ignore, context);
    const ignoreAgain = dockerignoreLanguage.parse(ignore, context);
    if (!ignoreFirst.ok || !ignoreAgain.ok) throw new Error("parse failed");
    expect(ignoreAgain.ast).toBe(ignoreFirst.ast);
  });

  it("gives a file that does not parse its errors every time", () => {
    const broken = file("/x/Dockerfile", "# only a comment\n");
    expect(dockerfileLanguage.parse(broken, context)).toMatchObject({ ok: false });
    expect(dockerfileLanguage.parse(broken, context)).toMatchObject({ ok: false });
  });
});

/** The Dockerfile of the project tests: stage `app` runs as a user, the last stage (`other`) as root. */
const DOCKERFILE = dedent`
  FROM alpine:3.20 AS app
  USER 10001
  CMD ["/app"]
  FROM alpine:3.20 AS other
  COPY --from=assets /x /x
  COPY secret.txt /s
  CMD ["/other"]
`;

const RULES = ["docker/no-root-user", "docker/no-undefined-stage", "docker/no-copy-ignored-file", "docker/require-healthcheck"];
const config: Linter.Config[] = [...plugin.configs.strict, { files: ["**/*"], rules: { "docker/require-image-digest": "off", "docker/no-end-of-life-image": "off" } }];

describe("an unchanged Dockerfile linted again sees the project around it change", () => {
  const tree = makeTree({ "a/Dockerfile": DOCKERFILE, "a/secret.txt": "s\n", "b/Dockerfile": DOCKERFILE, "b/secret.txt": "s\n" });
  afterAll(tree.cleanup);
  afterEach(forgetFileSystemFacts);
  const inA = (relative: string) => path.join(tree.root, "a", relative);
  const linter = new Linter({ cwd: tree.root });
  /** `rule@line` of the findings of the project rules, for the Dockerfile of folder `folder`, in this lint. */
  const lint = (folder = "a"): string[] => {
    const filename = path.join(tree.root, folder, "Dockerfile");
    return linter
      .verify(readFileSync(filename, "utf8"), config, { filename })
      .filter((message) => RULES.includes(message.ruleId ?? ""))
      .map((message) => `${message.ruleId!.slice("docker/".length)}@${message.line}`)
      .sort();
  };
  /** Writes (or, with null, removes) a file of folder `a`, and forgets the file-system facts as a watcher would. */
  const write = (relative: string, text: string | null): void => {
    if (text === null) rmSync(inA(relative), { force: true });
    else writeFileSync(inA(relative), text);
    forgetFileSystemFacts();
  };
  const DEFAULT_BUILD = ["no-root-user@4", "no-undefined-stage@5", "require-healthcheck@4"];

  it("reuses the AST: the same text at the same path lints from the cache", () => {
    lint();
    const ast = linter.getSourceCode()!.ast;
    lint();
    expect(linter.getSourceCode()!.ast).toBe(ast);
  });

  it("a compose build.target written, changed and removed", () => {
    expect(lint()).toEqual(DEFAULT_BUILD);
    write("compose.yaml", "services:\n  web:\n    build:\n      context: .\n      target: app\n");
    // The `app` stage ships: it has a USER; `assets` is still no stage and no context.
    expect(lint()).toEqual(["no-undefined-stage@5", "require-healthcheck@1"]);
    write("compose.yaml", "services:\n  web:\n    build:\n      context: .\n      target: other\n");
    expect(lint()).toEqual(DEFAULT_BUILD);
    write("compose.yaml", null);
    expect(lint()).toEqual(DEFAULT_BUILD);
  });

  it("a named context declared in additional_contexts, then taken away", () => {
    write("compose.yaml", "services:\n  web:\n    build:\n      context: .\n      additional_contexts:\n        assets: ./assets\n");
    expect(lint()).toEqual(["no-root-user@4", "require-healthcheck@4"]);
    write("compose.yaml", "services:\n  web:\n    build:\n      context: .\n");
    expect(lint()).toEqual(DEFAULT_BUILD);
    write("compose.yaml", null);
  });

  it("a new service that builds the Dockerfile, beside one that does not", () => {
    write("compose.yaml", "services:\n  cache:\n    image: redis:7\n");
    expect(lint()).toEqual(DEFAULT_BUILD);
    write("compose.yaml", "services:\n  cache:\n    image: redis:7\n  api:\n    build:\n      context: .\n      target: app\n");
    expect(lint()).toEqual(["no-undefined-stage@5", "require-healthcheck@1"]);
    write("compose.yaml", null);
  });

  it("a .dockerignore written and emptied", () => {
    expect(lint()).toEqual(DEFAULT_BUILD);
    write(".dockerignore", "secret.txt\n");
    expect(lint()).toEqual([...DEFAULT_BUILD, "no-copy-ignored-file@6"].sort());
    write(".dockerignore", "");
    expect(lint()).toEqual(DEFAULT_BUILD);
    write(".dockerignore", null);
  });

  it("the same text at another path is judged for its own folder, in turns", () => {
    write("compose.yaml", "services:\n  web:\n    build:\n      context: .\n      target: app\n");
    for (let turn = 0; turn < 2; turn++) {
      expect(lint("a")).toEqual(["no-undefined-stage@5", "require-healthcheck@1"]);
      expect(lint("b")).toEqual(DEFAULT_BUILD);
    }
    write("compose.yaml", null);
  });

  it("without forgetFileSystemFacts, once the window has passed", async () => {
    expect(lint()).toEqual(DEFAULT_BUILD);
    writeFileSync(inA("compose.yaml"), "services:\n  web:\n    build:\n      context: .\n      target: app\n");
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(lint()).toEqual(["no-undefined-stage@5", "require-healthcheck@1"]);
    write("compose.yaml", null);
  });

  it("rule options are read by every lint of the same AST", () => {
    const filename = inA("Dockerfile");
    const registries = (allowed: string[]) =>
      linter.verify(DOCKERFILE, [...plugin.configs.base, { files: ["**/Dockerfile"], rules: { "docker/allowed-registries": ["error", { registries: allowed }] } }], { filename }).map((message) => `${message.ruleId}@${message.line}`);
    expect(registries(["docker.io"])).toEqual([]);
    expect(registries(["ghcr.io"])).toEqual(["docker/allowed-registries@1", "docker/allowed-registries@4"]);
    expect(registries(["docker.io"])).toEqual([]);
  });
});

describe("a lint from the cache reports what a fresh parse does", () => {
  // Every 34th corpus Dockerfile (40 files; the project test's file when the corpus is absent), each
  // linted first on a fresh parse, then again from the cache, and again after another path came between.
  const bodies = existsSync(corpusDockerfiles) ? listFiles(corpusDockerfiles).filter((_, index) => index % 34 === 0).map((file) => readFileSync(file, "utf8")) : [DOCKERFILE];
  const linter = new Linter({ cwd: "/" });
  const findings = (text: string, filename: string) =>
    JSON.stringify(linter.verify(text, plugin.configs.strict, { filename }).map((message) => [message.ruleId, message.line, message.column, message.endLine, message.endColumn, message.message, message.fix, message.suggestions]));

  it.each(bodies.map((body, index) => [index, body] as const))("file %i", (index, body) => {
    const filename = `/virtual/reused-${index}/Dockerfile`;
    const fresh = findings(body, filename);
    expect(findings(body, filename)).toBe(fresh);
    findings(body, `/virtual/reused-${index}/other/Dockerfile`);
    expect(findings(body, filename)).toBe(fresh);
    // --fix's passes parse each new text; the same text twice ends the same.
    const fixed = linter.verifyAndFix(body, plugin.configs.strict, { filename });
    expect(linter.verifyAndFix(body, plugin.configs.strict, { filename })).toEqual(fixed);
  });
});
