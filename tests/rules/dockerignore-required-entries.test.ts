import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createIgnoreMatcherFromText } from "../../lib/dockerignore/matcher.js";
import rule, { samplePaths } from "../../rules/dockerignore-required-entries.js";
import { assertFixPreservesMeaning, makeTree } from "../support/fix-safety.js";
import { ruleTester } from "../support/rule-tester.js";

const ALL = ".git\n**/.env\n**/.env.*\n**/*.pem\n**/*.key\n";
const COPY_ALL = "`COPY . .` sends it into the image";
const NEUTRAL = "it is sent to the builder with the build context (and into the image by any later `COPY . .`)";

const tree = makeTree({
  "copyall/Dockerfile": "FROM alpine:3.20\nCOPY . .\n",
  "addall/Dockerfile": "FROM alpine:3.20\nADD ./ /srv/\n",
  "named/Dockerfile": "FROM alpine:3.20\nCOPY app.sh /app.sh\n",
  "node/Dockerfile": "FROM node:20\nCOPY . .\n",
  "node/package.json": "{}",
  "python/Dockerfile": "FROM python:3.12\nCOPY . .\n",
  "python/requirements.txt": "",
  "gitstamp/Dockerfile": "FROM alpine:3.20\nCOPY . .\nRUN git describe --tags > /version\n",
  "copiesenv/Dockerfile": "FROM alpine:3.20\nCOPY .env.example /app/.env\n",
  // Issue 5, item 7: one-folder-deep patterns and a .env two folders down.
  "nested/Dockerfile": "FROM alpine:3.20\nCOPY . .\n",
  "nested/services/api/.env": "SECRET=1",
  "nested/services/api/certs/server.pem": "",
  // Issue 5, item 8: the build needs .env.example (it runs `cp .env.example .env`).
  "envexample/Dockerfile": "FROM alpine:3.20\nWORKDIR /app\nCOPY . .\nRUN cp .env.example .env\n",
  "envexample/.env.example": "A=1",
  "envexample/config/.env.local": "A=2",
  // Issue 5, item 10: the root compose file builds src/shipping/Dockerfile with the root as context.
  "shop/compose.yaml": "services:\n  shipping:\n    build:\n      context: ./\n      dockerfile: src/shipping/Dockerfile\n",
  "shop/src/shipping/Dockerfile": "FROM golang:1.22\nCOPY . .\n",
  "shop/.dockerignore": ALL,
  // A Dockerfile-specific ignore file wins over the context's.
  "specific/Dockerfile": "FROM alpine:3.20\nCOPY . .\n",
  "specific/Dockerfile.dockerignore": ALL,
  // A compose file in a sub-folder that builds its parent folder.
  "deployed/app/Dockerfile.prod": "FROM alpine:3.20\nCOPY . .\n",
  "deployed/deploy/compose.yaml": "services:\n  app:\n    build:\n      context: ../app\n      dockerfile: Dockerfile.prod\n",
  "unused/README.md": "",
  // A `dockerfile_inline` build reads its context's .dockerignore (docker/compose#10746).
  "inline/compose.yaml": "services:\n  site:\n    build:\n      context: ./site\n      dockerfile_inline: |\n        FROM nginx:1.27\n        COPY . /usr/share/nginx/html\n  gitstamp:\n    build:\n      context: ./stamped\n      dockerfile_inline: |\n        FROM alpine:3.20\n        COPY . .\n        RUN git describe --tags > /version\n",
  "inline/site/index.html": "",
  "inline/stamped/index.html": "",
});
afterAll(tree.cleanup);
const file = (project: string, name = ".dockerignore") => path.join(tree.root, project, name);

ruleTester("dockerignore").run("dockerignore-required-entries", rule, {
  valid: [
    { filename: file("copyall"), code: ALL },
    // What matters is what is excluded, not how it is written.
    { filename: file("copyall"), code: ".git/\n**/.env*\n**/*.pem\n**/*.key\n" },
    // An allow-list excludes everything else.
    { filename: file("copyall"), code: "*\n!src\n!package.json\n" },
    { filename: file("node"), code: `${ALL}node_modules\n` },
    { filename: file("python"), code: `${ALL}.venv\n**/__pycache__\n` },
    { filename: file("node"), code: ".git\n", options: [{ entries: [".git"], contextEntries: false }] },
    // No build reads these files: not judged (item 10), unless asked.
    { filename: file("shop/src/shipping"), code: "node_modules\n" },
    { filename: file("unused"), code: "" },
    { filename: file("specific"), code: "" },
    { filename: file("shop"), code: ALL },
    { filename: file("deployed/app"), code: ALL },
  ],
  invalid: [
    {
      // The inline Dockerfile is read like a file: it runs git, so adding `.git` is only a suggestion.
      filename: file("inline/stamped"),
      code: "**/.env\n**/.env.*\n**/*.pem\n**/*.key\n",
      output: null,
      errors: [
        {
          messageId: "missing",
          data: { what: "the Git history (often large, and it may hold removed secrets)", pattern: ".git", consequence: COPY_ALL, example: "" },
          suggestions: [{ messageId: "appendEntry", data: { pattern: ".git" }, output: "**/.env\n**/.env.*\n**/*.pem\n**/*.key\n.git\n" }],
        },
      ],
    },
    {
      // The .dockerignore of a `dockerfile_inline` build is judged like any other; its COPY . sends the context.
      filename: file("inline/site"),
      code: "node_modules\n**/.env\n**/.env.*\n**/*.pem\n**/*.key\n",
      output: "node_modules\n**/.env\n**/.env.*\n**/*.pem\n**/*.key\n.git\n",
      errors: [{ messageId: "missing", line: 1, column: 1, data: { what: "the Git history (often large, and it may hold removed secrets)", pattern: ".git", consequence: COPY_ALL, example: "" } }],
    },
    {
      // Findings sit at the file's start (line 1), not after the last entry.
      filename: file("copyall"),
      code: "# build context\nnode_modules\n",
      // One fix per entry, all at the end of the file: a pass applies the first, `--fix` repeats passes.
      output: "# build context\nnode_modules\n.git\n",
      errors: [
        { messageId: "missing", line: 1, column: 1, endLine: 1, endColumn: 16, data: { what: "the Git history (often large, and it may hold removed secrets)", pattern: ".git", consequence: COPY_ALL, example: "" } },
        { messageId: "missing", line: 1, column: 1, data: { what: "`.env` files (secrets and local settings)", pattern: "**/.env", consequence: COPY_ALL, example: "" } },
        { messageId: "missing", line: 1, column: 1, data: { what: "`.env.*` files (secrets and local settings)", pattern: "**/.env.*", consequence: COPY_ALL, example: "" } },
        { messageId: "missing", line: 1, column: 1, data: { what: "`*.pem` keys and certificates", pattern: "**/*.pem", consequence: COPY_ALL, example: "" } },
        { messageId: "missing", line: 1, column: 1, data: { what: "`*.key` private keys", pattern: "**/*.key", consequence: COPY_ALL, example: "" } },
      ],
    },
    {
      // Item 9: the root-only message names the entry that matches at the root; it is reported there.
      filename: file("copyall"),
      code: ".git\n**/.env\n**/.env.*\n*.pem\n/*.key\n",
      output: ".git\n**/.env\n**/.env.*\n*.pem\n/*.key\n**/*.pem\n",
      errors: [
        { messageId: "onlyAtRoot", line: 4, column: 1, endColumn: 6, data: { what: "`*.pem` keys and certificates", pattern: "**/*.pem", entry: "*.pem", example: "" } },
        { messageId: "onlyAtRoot", line: 5, column: 1, endColumn: 7, data: { what: "`*.key` private keys", pattern: "**/*.key", entry: "/*.key", example: "" } },
      ],
    },
    {
      // Item 9: no Dockerfile of this context copies the whole context: neutral wording.
      filename: file("named"),
      code: "**/.env\n**/.env.*\n**/*.pem\n**/*.key\n",
      output: "**/.env\n**/.env.*\n**/*.pem\n**/*.key\n.git\n",
      errors: [{ messageId: "missing", line: 1, column: 1, data: { what: "the Git history (often large, and it may hold removed secrets)", pattern: ".git", consequence: NEUTRAL, example: "" } }],
    },
    {
      // `ADD ./ …` copies the whole context too.
      filename: file("addall"),
      code: "**/.env\n**/.env.*\n**/*.pem\n**/*.key\n",
      output: "**/.env\n**/.env.*\n**/*.pem\n**/*.key\n.git\n",
      errors: [{ messageId: "missing", data: { what: "the Git history (often large, and it may hold removed secrets)", pattern: ".git", consequence: COPY_ALL, example: "" } }],
    },
    {
      // Item 7: one folder deep is not every depth; decided with the matcher over the real files.
      filename: file("nested"),
      code: ".git\n*/.env\n*/.env.*\n*/*.pem\n*/*.key\n",
      output: ".git\n*/.env\n*/.env.*\n*/*.pem\n*/*.key\n**/.env\n",
      errors: [
        { messageId: "missing", line: 2, column: 1, data: { what: "`.env` files (secrets and local settings)", pattern: "**/.env", consequence: COPY_ALL, example: " (`services/api/.env` is sent)" } },
        { messageId: "missing", line: 3, column: 1, data: { what: "`.env.*` files (secrets and local settings)", pattern: "**/.env.*", consequence: COPY_ALL, example: "" } },
        { messageId: "missing", line: 4, column: 1, data: { what: "`*.pem` keys and certificates", pattern: "**/*.pem", consequence: COPY_ALL, example: " (`services/api/certs/server.pem` is sent)" } },
        { messageId: "missing", line: 5, column: 1, data: { what: "`*.key` private keys", pattern: "**/*.key", consequence: COPY_ALL, example: "" } },
      ],
    },
    {
      // Two levels deep is not every depth either (sample paths go three levels down).
      filename: file("copyall"),
      code: ".git\n.env\n*/.env\n*/*/.env\n**/.env.*\n**/*.pem\n**/*.key\n",
      output: ".git\n.env\n*/.env\n*/*/.env\n**/.env.*\n**/*.pem\n**/*.key\n**/.env\n",
      errors: [{ messageId: "onlyAtRoot", line: 2, column: 1, data: { what: "`.env` files (secrets and local settings)", pattern: "**/.env", entry: ".env", example: "" } }],
    },
    {
      // Item 8: the new entry goes before the exception, so `.env.example` is still sent.
      filename: file("envexample"),
      code: ".git\n.env\n.env.*\n!.env.example\n**/*.pem\n**/*.key\n",
      output: ".git\n.env\n.env.*\n**/.env\n!.env.example\n**/*.pem\n**/*.key\n",
      errors: [
        { messageId: "onlyAtRoot", line: 2, column: 1, data: { what: "`.env` files (secrets and local settings)", pattern: "**/.env", entry: ".env", example: "" } },
        { messageId: "onlyAtRoot", line: 3, column: 1, data: { what: "`.env.*` files (secrets and local settings)", pattern: "**/.env.*", entry: ".env.*", example: " (`config/.env.local` is sent)" } },
      ],
    },
    {
      filename: file("node"),
      code: ALL,
      output: `${ALL}node_modules\n`,
      errors: [{ messageId: "missing", line: 1, column: 1, data: { what: "`node_modules` (the image installs its own; a host copy has the wrong native binaries)", pattern: "node_modules", consequence: COPY_ALL, example: "" } }],
    },
    {
      filename: file("python"),
      code: ALL.replaceAll("\n", "\r\n"),
      output: `${ALL}**/__pycache__\n`.replaceAll("\n", "\r\n"),
      errors: [
        { messageId: "missing", line: 1, column: 1 },
        { messageId: "missing", line: 1, column: 1 },
      ],
    },
    {
      // The Dockerfile of this context runs git: excluding .git would change the build, so only a suggestion.
      filename: file("gitstamp"),
      code: "**/.env\n**/.env.*\n**/*.pem\n**/*.key\n",
      output: null,
      errors: [
        {
          messageId: "missing",
          data: { what: "the Git history (often large, and it may hold removed secrets)", pattern: ".git", consequence: COPY_ALL, example: "" },
          suggestions: [{ messageId: "appendEntry", data: { pattern: ".git" }, output: "**/.env\n**/.env.*\n**/*.pem\n**/*.key\n.git\n" }],
        },
      ],
    },
    {
      // It copies .env.example: the .env.* entry is a suggestion, the others are fixed.
      filename: file("copiesenv"),
      code: ".git\n**/.env\n",
      output: ".git\n**/.env\n**/*.pem\n",
      errors: [
        { messageId: "missing", data: { what: "`.env.*` files (secrets and local settings)", pattern: "**/.env.*", consequence: NEUTRAL, example: "" }, suggestions: [{ messageId: "appendEntry", data: { pattern: "**/.env.*" }, output: ".git\n**/.env\n**/.env.*\n" }] },
        { messageId: "missing", data: { what: "`*.pem` keys and certificates", pattern: "**/*.pem", consequence: NEUTRAL, example: "" } },
        { messageId: "missing", data: { what: "`*.key` private keys", pattern: "**/*.key", consequence: NEUTRAL, example: "" } },
      ],
    },
    {
      filename: file("copyall"),
      code: "",
      output: ".git\n",
      options: [{ entries: [".git"] }],
      errors: [{ messageId: "missing", line: 1, column: 1 }],
    },
    {
      // The Dockerfile-specific ignore file is the one Docker reads.
      filename: file("specific", "Dockerfile.dockerignore"),
      code: "**/.env\n**/.env.*\n**/*.pem\n**/*.key\n",
      output: "**/.env\n**/.env.*\n**/*.pem\n**/*.key\n.git\n",
      errors: [{ messageId: "missing", line: 1, column: 1 }],
    },
    {
      // Built through a compose file in a sub-folder of the context's parent.
      filename: file("deployed/app"),
      code: "**/.env\n**/.env.*\n**/*.pem\n**/*.key\n",
      output: "**/.env\n**/.env.*\n**/*.pem\n**/*.key\n.git\n",
      errors: [{ messageId: "missing", line: 1, column: 1 }],
    },
    {
      // A file no build reads is judged against its own folder with `unusedFiles: true`.
      filename: file("unused"),
      code: ".git\n**/.env\n**/.env.*\n**/*.pem\n",
      output: ".git\n**/.env\n**/.env.*\n**/*.pem\n**/*.key\n",
      options: [{ unusedFiles: true }],
      errors: [{ messageId: "missing", line: 1, column: 1, data: { what: "`*.key` private keys", pattern: "**/*.key", consequence: NEUTRAL, example: "" } }],
    },
  ],
});

/** Every path of interest for a file: what its patterns name, the probes, the real files. */
function probePaths(...texts: string[]): string[] {
  const paths = new Set([".env", ".env.example", "config/.env.local", "a/.env", "a/b/.env.x", "x.pem", "a/x.key", ".git/HEAD", "src/index.js", "node_modules/x/index.js"]);
  for (const text of texts) {
    for (const line of text.split(/\r?\n/u)) {
      const pattern = line.replace(/^!/u, "").trim();
      if (pattern && !pattern.startsWith("#")) for (const depth of ["", "a/", "a/b/"]) paths.add(depth + pattern.replaceAll("**/", "").replaceAll("*", "x").replaceAll("?", "x"));
    }
  }
  return [...paths];
}

/**
 * The meaning check of this rule's fix, proven with the matcher: a path that was excluded stays
 * excluded; a path that was sent is excluded afterwards only when an added entry names it, never
 * when a `!` exception of the file re-includes it.
 */
function keepsExceptions(before: string, after: string): void {
  const old = createIgnoreMatcherFromText(before)!;
  const now = createIgnoreMatcherFromText(after)!;
  const reincluded = (candidate: string) => old.explain(candidate).pattern?.negated === true;
  for (const candidate of probePaths(before, after)) {
    if (old(candidate)) expect(now(candidate), `${candidate} stays excluded`).toBe(true);
    if (reincluded(candidate)) expect(now(candidate), `${candidate} is re-included by an exception and stays sent`).toBe(false);
  }
}

describe("--fix keeps the file's meaning", () => {
  it.each([
    ["envexample", ".git\n.env\n.env.*\n!.env.example\n**/*.pem\n**/*.key\n"],
    ["envexample", "*.pem\n!certs/public.pem\n.env*\n!.env.example\n"],
    ["copyall", "build\n!build/keep.pem\n"],
    ["copyall", "# keep the examples\n!**/*.example\n"],
    ["python", "node_modules"],
    ["node", "*\n!src\n!package.json\n**/.env\n"],
    ["nested", ".git\n*/.env\n*/.env.*\n*/*.pem\n*/*.key\n"],
  ])("%s: %j", (project, code) => {
    const after = assertFixPreservesMeaning({ rule: "dockerignore-required-entries", code, filename: file(project), meaning: keepsExceptions, expectChange: !code.startsWith("*\n") });
    expect(after.length).toBeGreaterThanOrEqual(code.length);
  });

  it("the fixed file of item 8 still sends .env.example and now excludes config/.env.local", () => {
    const after = assertFixPreservesMeaning({ rule: "dockerignore-required-entries", code: ".git\n.env\n.env.*\n!.env.example\n**/*.pem\n**/*.key\n", filename: file("envexample"), meaning: keepsExceptions });
    const matcher = createIgnoreMatcherFromText(after)!;
    expect(matcher(".env.example")).toBe(false);
    expect(matcher("config/.env.local")).toBe(true);
    expect(matcher("services/.env")).toBe(true);
  });
});

describe("samplePaths", () => {
  it("makes wildcards concrete, probes several depths for **/, and looks inside folder entries", () => {
    expect(samplePaths(".git")).toEqual([".git/x"]);
    expect(samplePaths("**/*.pem")).toEqual(["x.pem", "a/x.pem", "a/b/x.pem", "a/b/c/x.pem"]);
    expect(samplePaths("**/.env.*")).toEqual([".env.x", "a/.env.x", "a/b/.env.x", "a/b/c/.env.x"]);
    expect(samplePaths("secrets/[abc]?.json")).toEqual(["secrets/ax.json"]);
    // Only paths the entry itself excludes are kept.
    expect(samplePaths("[^x]")).toEqual([]);
  });
});
