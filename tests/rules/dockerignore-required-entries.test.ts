import path from "node:path";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../lib/index.js";
import { createIgnoreMatcherFromText } from "../../lib/dockerignore/matcher.js";
import rule, { samplePaths } from "../../rules/dockerignore-required-entries.js";
import { assertFixPreservesMeaning, makeTree } from "../support/fix-safety.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

const ALL = dedent`
  .git
  **/.env
  **/.env.*
  **/*.pem
  **/*.key
`;
const COPY_ALL = "`COPY . .` sends it into the image";
const NEUTRAL = "it is sent to the builder with the build context (and into the image by any later `COPY . .`)";

const GIT = "the Git history (often large, and it may hold removed secrets)";
const ENV = "`.env` files (secrets and local settings)";
const ENV_STAR = "`.env.*` files (secrets and local settings)";
const PEM = "`*.pem` keys and certificates";
const KEY = "`*.key` private keys";

const tree = makeTree({
  // Contexts that are the root of a repository have a `.git`; the others are sub-folders of one.
  "copyall/.git/HEAD": "",
  "copyall/Dockerfile": "FROM alpine:3.20\nCOPY . .\n",
  "addall/.git/HEAD": "",
  "addall/Dockerfile": "FROM alpine:3.20\nADD ./ /srv/\n",
  // A submodule or worktree: `.git` is a file.
  "named/.git": "gitdir: ../.git/modules/named\n",
  "named/Dockerfile": "FROM alpine:3.20\nCOPY app.sh /app.sh\n",
  "node/Dockerfile": "FROM node:20\nCOPY . .\n",
  "node/package.json": "{}",
  "python/Dockerfile": "FROM python:3.12\nCOPY . .\n",
  "python/requirements.txt": "",
  "gitstamp/.git/HEAD": "",
  "gitstamp/Dockerfile": dedent`
    FROM alpine:3.20
    COPY . .
    RUN git describe --tags > /version
  `,
  "copiesenv/Dockerfile": "FROM alpine:3.20\nCOPY .env.example /app/.env\n",
  // Issue 5, item 7: one-folder-deep patterns and a .env two folders down.
  "nested/Dockerfile": "FROM alpine:3.20\nCOPY . .\n",
  "nested/services/api/.env": "SECRET=1",
  "nested/services/api/certs/server.pem": "",
  // Issue 5, item 8: the build needs .env.example (it runs `cp .env.example .env`).
  "envexample/Dockerfile": dedent`
    FROM alpine:3.20
    WORKDIR /app
    COPY . .
    RUN cp .env.example .env
  `,
  "envexample/.env.example": "A=1",
  "envexample/config/.env.local": "A=2",
  // Issue 5, item 10: the root compose file builds src/shipping/Dockerfile with the root as context.
  "shop/compose.yaml": dedent`
    services:
      shipping:
        build:
          context: ./
          dockerfile: src/shipping/Dockerfile
  `,
  "shop/src/shipping/Dockerfile": "FROM golang:1.22\nCOPY . .\n",
  "shop/.dockerignore": ALL,
  // A Dockerfile-specific ignore file wins over the context's.
  "specific/.git/HEAD": "",
  "specific/Dockerfile": "FROM alpine:3.20\nCOPY . .\n",
  "specific/Dockerfile.dockerignore": ALL,
  // A compose file in a sub-folder that builds its parent folder.
  "deployed/.git/HEAD": "",
  "deployed/app/Dockerfile.prod": "FROM alpine:3.20\nCOPY . .\n",
  "deployed/deploy/compose.yaml": dedent`
    services:
      app:
        build:
          context: ../app
          dockerfile: Dockerfile.prod
  `,
  // Issue 17: a repository whose compose file builds a sub-folder (no `.git` there) and the root (`.git`).
  "mono/.git/HEAD": "",
  "mono/compose.yaml": dedent`
    services:
      backend:
        build: ./backend
      web:
        build:
          context: .
          dockerfile: web/Dockerfile
  `,
  "mono/backend/Dockerfile": "FROM node:22\nCOPY . .\n",
  "mono/backend/package.json": "{}",
  "mono/web/Dockerfile": "FROM nginx:1.27\nCOPY . /usr/share/nginx/html\n",
  "unused/README.md": "",
  // A `dockerfile_inline` build reads its context's .dockerignore (docker/compose#10746).
  "inline/compose.yaml": dedent`
    services:
      site:
        build:
          context: ./site
          dockerfile_inline: |
            FROM nginx:1.27
            COPY . /usr/share/nginx/html
      gitstamp:
        build:
          context: ./stamped
          dockerfile_inline: |
            FROM alpine:3.20
            COPY . .
            RUN git describe --tags > /version
  `,
  "inline/site/index.html": "",
  "inline/stamped/index.html": "",
});
afterAll(tree.cleanup);
const file = (project: string, name = ".dockerignore") => path.join(tree.root, project, name);

ruleTester("dockerignore").run("dockerignore-required-entries", rule, {
  valid: [
    { filename: file("copyall"), code: ALL },
    // What matters is what is excluded, not how it is written.
    { filename: file("copyall"), code: dedent`
      .git/
      **/.env*
      **/*.pem
      **/*.key
    ` },
    // An allow-list excludes everything else.
    { filename: file("copyall"), code: dedent`
      *
      !src
      !package.json
    ` },
    { filename: file("node"), code: `${ALL}node_modules\n` },
    { filename: file("python"), code: `${ALL}.venv\n**/__pycache__\n` },
    { filename: file("node"), code: ".git\n", options: [{ entries: [".git"], contextEntries: false }] },
    // No build reads these files: not judged (item 10), unless asked.
    { filename: file("shop/src/shipping"), code: "node_modules\n" },
    { filename: file("unused"), code: "" },
    { filename: file("specific"), code: "" },
    { filename: file("shop"), code: ALL },
    // Issue 17: a context that is a sub-folder of the repository holds no Git history to exclude.
    { filename: file("mono/backend"), code: dedent`
      node_modules
      **/.env
      **/.env.*
      **/*.pem
      **/*.key
    ` },
    { filename: file("deployed/app"), code: dedent`
      **/.env
      **/.env.*
      **/*.pem
      **/*.key
    ` },
    { filename: file("nested"), code: dedent`
      **/.env
      **/.env.*
      **/*.pem
      **/*.key
    ` },
    { filename: file("node"), code: dedent`
      **/.env
      **/.env.*
      **/*.pem
      **/*.key
      node_modules
    ` },
    // Whichever way the entry is written, it is the history's.
    { filename: file("mono/backend"), code: dedent`
      node_modules
      **/.env
      **/.env.*
      **/*.pem
      **/*.key
    `, options: [{ entries: ["/.git/", "**/.env"] }] },
  ],
  invalid: [
    {
      // The .dockerignore of a `dockerfile_inline` build is judged like any other; its COPY . sends the context.
      filename: file("inline/site"),
      code: "node_modules\n",
      output: dedent`
        node_modules
        **/.env
        **/.env.*
        **/*.pem
        **/*.key
      `,
      errors: [{ messageId: "missingSeveral", line: 1, column: 1 }],
    },
    {
      // Issue 17: one finding for the whole file, at its start, naming every missing entry; its fix adds them all.
      filename: file("copyall"),
      code: "# build context\nnode_modules\n",
      output: dedent`
        # build context
        node_modules
        .git
        **/.env
        **/.env.*
        **/*.pem
        **/*.key
      `,
      errors: [
        {
          messageId: "missingSeveral",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 16,
          data: { list: [GIT, ENV, ENV_STAR, PEM, KEY].join("; "), consequence: "`COPY . .` sends them into the image", patterns: "`.git`, `**/.env`, `**/.env.*`, `**/*.pem` and `**/*.key`" },
        },
      ],
    },
    {
      // Issue 17: the repository root's context is told about `.git`, its sub-folder's is not.
      filename: file("mono"),
      code: dedent`
        **/.env
        **/.env.*
        **/*.pem
        **/*.key
      `,
      output: dedent`
        **/.env
        **/.env.*
        **/*.pem
        **/*.key
        .git
      `,
      errors: [{ messageId: "missing", line: 1, column: 1, data: { what: GIT, pattern: ".git", consequence: COPY_ALL, example: "" } }],
    },
    {
      filename: file("mono/backend"),
      code: dedent`
        **/.env
        **/.env.*
        **/*.pem
        **/*.key
      `,
      output: dedent`
        **/.env
        **/.env.*
        **/*.pem
        **/*.key
        node_modules
      `,
      errors: [{ messageId: "missing", line: 1, column: 1, data: { what: "`node_modules` (the image installs its own; a host copy has the wrong native binaries)", pattern: "node_modules", consequence: COPY_ALL, example: "" } }],
    },
    {
      // Item 9: the root-only message names the entry that matches at the root; it is reported there,
      // and its fix goes just above it, so both fixes apply in one pass.
      filename: file("copyall"),
      code: dedent`
        .git
        **/.env
        **/.env.*
        *.pem
        /*.key
      `,
      output: dedent`
        .git
        **/.env
        **/.env.*
        **/*.pem
        **/*.key
      `,
      errors: [
        { messageId: "onlyAtRoot", line: 4, column: 1, endColumn: 6, data: { what: PEM, pattern: "**/*.pem", entry: "*.pem", example: "" } },
        { messageId: "onlyAtRoot", line: 5, column: 1, endColumn: 7, data: { what: KEY, pattern: "**/*.key", entry: "/*.key", example: "" } },
      ],
    },
    {
      // One root-only entry for two required ones: one finding on it.
      filename: file("copyall"),
      code: dedent`
        .git
        .env*
        **/*.pem
        **/*.key
      `,
      output: dedent`
        .git
        **/.env
        **/.env.*
        .env*
        **/*.pem
        **/*.key
      `,
      errors: [{ messageId: "onlyAtRootSeveral", line: 2, column: 1, data: { list: `${ENV}; ${ENV_STAR}`, entry: ".env*", patterns: "`**/.env` and `**/.env.*`" } }],
    },
    {
      // Item 9: no Dockerfile of this context copies the whole context: neutral wording. The
      // context's `.git` is a file (a submodule or a worktree).
      filename: file("named"),
      code: dedent`
        **/.env
        **/.env.*
        **/*.pem
        **/*.key
      `,
      output: dedent`
        **/.env
        **/.env.*
        **/*.pem
        **/*.key
        .git
      `,
      errors: [{ messageId: "missing", line: 1, column: 1, data: { what: GIT, pattern: ".git", consequence: NEUTRAL, example: "" } }],
    },
    {
      filename: file("named"),
      code: "*.log\n",
      output: dedent`
        *.log
        .git
        **/.env
        **/.env.*
        **/*.pem
        **/*.key
      `,
      errors: [{ messageId: "missingSeveral", line: 1, data: { list: [GIT, ENV, ENV_STAR, PEM, KEY].join("; "), consequence: "they are sent to the builder with the build context (and into the image by any later `COPY . .`)", patterns: "`.git`, `**/.env`, `**/.env.*`, `**/*.pem` and `**/*.key`" } }],
    },
    {
      // `ADD ./ …` copies the whole context too.
      filename: file("addall"),
      code: dedent`
        **/.env
        **/.env.*
        **/*.pem
        **/*.key
      `,
      output: dedent`
        **/.env
        **/.env.*
        **/*.pem
        **/*.key
        .git
      `,
      errors: [{ messageId: "missing", data: { what: GIT, pattern: ".git", consequence: COPY_ALL, example: "" } }],
    },
    {
      // Item 7: one folder deep is not every depth; decided with the matcher over the real files.
      filename: file("nested"),
      code: dedent`
        .git
        */.env
        */.env.*
        */*.pem
        */*.key
      `,
      output: dedent`
        .git
        **/.env
        **/.env.*
        **/*.pem
        **/*.key
      `,
      errors: [
        { messageId: "missing", line: 2, column: 1, data: { what: ENV, pattern: "**/.env", consequence: COPY_ALL, example: " (`services/api/.env` is sent)" } },
        { messageId: "missing", line: 3, column: 1, data: { what: ENV_STAR, pattern: "**/.env.*", consequence: COPY_ALL, example: "" } },
        { messageId: "missing", line: 4, column: 1, data: { what: PEM, pattern: "**/*.pem", consequence: COPY_ALL, example: " (`services/api/certs/server.pem` is sent)" } },
        { messageId: "missing", line: 5, column: 1, data: { what: KEY, pattern: "**/*.key", consequence: COPY_ALL, example: "" } },
      ],
    },
    {
      // Examples of what is sent stay in the one finding.
      filename: file("nested"),
      code: "node_modules\n",
      output: dedent`
        node_modules
        **/.env
        **/.env.*
        **/*.pem
        **/*.key
      `,
      errors: [
        {
          messageId: "missingSeveral",
          line: 1,
          data: { list: `${ENV} (\`services/api/.env\` is sent); ${ENV_STAR}; ${PEM} (\`services/api/certs/server.pem\` is sent); ${KEY}`, consequence: "`COPY . .` sends them into the image", patterns: "`**/.env`, `**/.env.*`, `**/*.pem` and `**/*.key`" },
        },
      ],
    },
    {
      // Two levels deep is not every depth either (sample paths go three levels down).
      filename: file("copyall"),
      code: dedent`
        .git
        .env
        */.env
        */*/.env
        **/.env.*
        **/*.pem
        **/*.key
      `,
      output: dedent`
        .git
        **/.env
        */.env
        */*/.env
        **/.env.*
        **/*.pem
        **/*.key
      `,
      errors: [{ messageId: "onlyAtRoot", line: 2, column: 1, data: { what: ENV, pattern: "**/.env", entry: ".env", example: "" } }],
    },
    {
      // Item 8: the new entries go before the exception, so `.env.example` is still sent.
      filename: file("envexample"),
      code: dedent`
        .git
        .env
        .env.*
        !.env.example
        **/*.pem
        **/*.key
      `,
      output: dedent`
        .git
        **/.env
        **/.env.*
        !.env.example
        **/*.pem
        **/*.key
      `,
      errors: [
        { messageId: "onlyAtRoot", line: 2, column: 1, data: { what: ENV, pattern: "**/.env", entry: ".env", example: "" } },
        { messageId: "onlyAtRoot", line: 3, column: 1, data: { what: ENV_STAR, pattern: "**/.env.*", entry: ".env.*", example: " (`config/.env.local` is sent)" } },
      ],
    },
    {
      // A root-only entry after an exception: reported on its line, fixed before the exception.
      filename: file("envexample"),
      code: dedent`
        !.env.example
        .git
        .env
        **/.env.*
        **/*.pem
        **/*.key
      `,
      output: dedent`
        **/.env
        !.env.example
        .git
        .env
        **/.env.*
        **/*.pem
        **/*.key
      `,
      errors: [{ messageId: "onlyAtRoot", line: 3, column: 1, data: { what: ENV, pattern: "**/.env", entry: ".env", example: "" } }],
    },
    {
      // …and with other missing entries it joins them, in one finding that says which entry matches only at the root.
      filename: file("copyall"),
      code: "!.env.example\n.env\n",
      output: dedent`
        .git
        **/.env
        **/.env.*
        **/*.pem
        **/*.key
        !.env.example
        .env
      `,
      errors: [
        {
          messageId: "missingSeveral",
          line: 1,
          column: 1,
          data: { list: `${GIT}; ${ENV} (\`.env\` matches only at the root); ${ENV_STAR}; ${PEM}; ${KEY}`, consequence: "`COPY . .` sends them into the image", patterns: "`.git`, `**/.env`, `**/.env.*`, `**/*.pem` and `**/*.key`" },
        },
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
      output: `${ALL}**/__pycache__\n.venv\n`.replaceAll("\n", "\r\n"),
      errors: [{ messageId: "missingSeveral", line: 1, column: 1, data: { list: "`__pycache__` bytecode caches; the local `.venv` virtualenv", consequence: "`COPY . .` sends them into the image", patterns: "`**/__pycache__` and `.venv`" } }],
    },
    {
      // No line break at the end: the entries start on a new line.
      filename: file("python"),
      code: dedent`
        .git
        **/.env
        **/.env.*
        **/*.pem
        **/*.key`,
      output: dedent`
        .git
        **/.env
        **/.env.*
        **/*.pem
        **/*.key
        **/__pycache__
        .venv
      `,
      errors: [{ messageId: "missingSeveral", line: 1 }],
    },
    {
      // The Dockerfile of this context runs git: excluding .git would change the build, so only a suggestion.
      filename: file("gitstamp"),
      code: dedent`
        **/.env
        **/.env.*
        **/*.pem
        **/*.key
      `,
      output: null,
      errors: [
        {
          messageId: "missing",
          data: { what: GIT, pattern: ".git", consequence: COPY_ALL, example: "" },
          suggestions: [{ messageId: "appendEntry", data: { pattern: ".git" }, output: dedent`
            **/.env
            **/.env.*
            **/*.pem
            **/*.key
            .git
          ` }],
        },
      ],
    },
    {
      // It copies .env.example: the .env.* entry is a suggestion, the others are the one finding's fix.
      filename: file("copiesenv"),
      code: ".git\n**/.env\n",
      output: dedent`
        .git
        **/.env
        **/*.pem
        **/*.key
      `,
      errors: [
        {
          messageId: "missingSeveral",
          data: { list: `${ENV_STAR}; ${PEM}; ${KEY}`, consequence: "they are sent to the builder with the build context (and into the image by any later `COPY . .`)", patterns: "`**/.env.*`, `**/*.pem` and `**/*.key`" },
          suggestions: [{ messageId: "appendEntry", data: { pattern: "**/.env.*" }, output: dedent`
            .git
            **/.env
            **/.env.*
          ` }],
        },
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
      // Issue 24: many missing entries are one fix, so `--fix` finishes in one pass (it stopped at
      // ESLint's 10 passes with 11 or more).
      filename: file("copyall"),
      code: "*.log\n",
      output: `*.log\n${Array.from({ length: 12 }, (_, index) => `secret${index}\n`).join("")}`,
      options: [{ entries: Array.from({ length: 12 }, (_, index) => `secret${index}`), contextEntries: false }],
      errors: [{ messageId: "missingSeveral", line: 1 }],
    },
    {
      // The Dockerfile-specific ignore file is the one Docker reads.
      filename: file("specific", "Dockerfile.dockerignore"),
      code: dedent`
        **/.env
        **/.env.*
        **/*.pem
        **/*.key
      `,
      output: dedent`
        **/.env
        **/.env.*
        **/*.pem
        **/*.key
        .git
      `,
      errors: [{ messageId: "missing", line: 1, column: 1 }],
    },
    {
      // Built through a compose file in a sub-folder of the context's parent.
      filename: file("deployed/app"),
      code: dedent`
        **/.env
        **/.env.*
        **/*.pem
      `,
      output: dedent`
        **/.env
        **/.env.*
        **/*.pem
        **/*.key
      `,
      errors: [{ messageId: "missing", line: 1, column: 1 }],
    },
    {
      // A file no build reads is judged against its own folder with `unusedFiles: true`.
      filename: file("unused"),
      code: dedent`
        .git
        **/.env
        **/.env.*
        **/*.pem
      `,
      output: dedent`
        .git
        **/.env
        **/.env.*
        **/*.pem
        **/*.key
      `,
      options: [{ unusedFiles: true }],
      errors: [{ messageId: "missing", line: 1, column: 1, data: { what: KEY, pattern: "**/*.key", consequence: NEUTRAL, example: "" } }],
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
    ["envexample", dedent`
      .git
      .env
      .env.*
      !.env.example
      **/*.pem
      **/*.key
    `],
    ["envexample", dedent`
      *.pem
      !certs/public.pem
      .env*
      !.env.example
    `],
    ["copyall", "build\n!build/keep.pem\n"],
    ["copyall", "# keep the examples\n!**/*.example\n"],
    ["python", "node_modules"],
    ["node", dedent`
      *
      !src
      !package.json
      **/.env
    `],
    ["nested", dedent`
      .git
      */.env
      */.env.*
      */*.pem
      */*.key
    `],
    // Entries fixed above a root-only line, and an exception between them.
    ["copyall", dedent`
      .env
      *.pem
      !certs/public.pem
      .env.*
      !.env.example
      *.key
    `],
    ["envexample", "!.env.example\n.env\n"],
    ["copyall", ".env*\n!.env.example\n"],
  ])("%s: %j", (project, code) => {
    const after = assertFixPreservesMeaning({ rule: "dockerignore-required-entries", code, filename: file(project), meaning: keepsExceptions, expectChange: !code.startsWith("*\n") });
    expect(after.length).toBeGreaterThanOrEqual(code.length);
  });

  it("the fixed file of item 8 still sends .env.example and now excludes config/.env.local", () => {
    const after = assertFixPreservesMeaning({ rule: "dockerignore-required-entries", code: dedent`
      .git
      .env
      .env.*
      !.env.example
      **/*.pem
      **/*.key
    `, filename: file("envexample"), meaning: keepsExceptions });
    const matcher = createIgnoreMatcherFromText(after)!;
    expect(matcher(".env.example")).toBe(false);
    expect(matcher("config/.env.local")).toBe(true);
    expect(matcher("services/.env")).toBe(true);
  });
});

describe("--fix finishes in one pass (issue 24)", () => {
  /** The rule's fixes on `code`: they must not touch each other, so ESLint applies them all in one pass. */
  function fixesOf(project: string, code: string, options?: unknown[]) {
    const linter = new Linter({ configType: "flat", cwd: tree.root });
    const config = [...plugin.configs.base, { files: ["**/*", "**/.*"], rules: { "docker/dockerignore-required-entries": ["error", ...(options ?? [])] as Linter.RuleEntry } }];
    const fixes = linter.verify(code, config, { filename: file(project) }).flatMap((message) => (message.fix ? [message.fix] : []));
    return { linter, config, fixes: fixes.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]) };
  }

  it.each([
    ["copyall", "node_modules\n"],
    ["copyall", dedent`
      .git
      **/.env
      **/.env.*
      *.pem
      /*.key
    `],
    ["nested", dedent`
      node_modules
      */.env
      */.env.*
      */*.pem
      */*.key
      !keep.pem
    `],
    ["envexample", dedent`
      !.env.example
      .env
      .env.*
      *.pem
    `],
    ["envexample", dedent`
      .env
      !.env.example
      .env.*
      *.pem
    `],
    ["python", "*.pem"],
  ])("%s: %j", (project, code) => {
    const { linter, config, fixes } = fixesOf(project, code);
    expect(fixes.length).toBeGreaterThan(0);
    for (let index = 1; index < fixes.length; index++) expect(fixes[index]!.range[0], "fixes do not touch").toBeGreaterThan(fixes[index - 1]!.range[1]);
    let after = code;
    for (const fix of [...fixes].reverse()) after = after.slice(0, fix.range[0]) + fix.text + after.slice(fix.range[1]);
    expect(linter.verify(after, config, { filename: file(project) }).filter((message) => message.fix)).toEqual([]);
    keepsExceptions(code, after);
  });

  it("twelve missing entries are one fix", () => {
    const entries = Array.from({ length: 12 }, (_, index) => `**/secret${index}`);
    const { fixes } = fixesOf("copyall", "", [{ entries, contextEntries: false }]);
    expect(fixes).toHaveLength(1);
    expect(fixes[0]!.text).toBe(entries.map((entry) => `${entry}\n`).join(""));
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
