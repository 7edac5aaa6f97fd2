import path from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../lib/index.js";
import rule, { samplePaths } from "../../rules/dockerignore-required-entries.js";
import { ruleTester } from "../support/rule-tester.js";

const fixtures = path.resolve(import.meta.dirname, "../fixtures/projects/dockerignore");
const file = (project: string) => path.join(fixtures, project, ".dockerignore");
const ALL = ".git\n**/.env\n**/.env.*\n**/*.pem\n**/*.key\n";

ruleTester("dockerignore").run("dockerignore-required-entries", rule, {
  valid: [
    { filename: file("empty"), code: ALL },
    // What matters is what is excluded, not how it is written.
    { filename: file("empty"), code: ".git/\n**/.env*\n**/*.pem\n**/*.key\n" },
    // An allow-list excludes everything else.
    { filename: file("empty"), code: "*\n!src\n!package.json\n" },
    { filename: file("node-app"), code: `${ALL}node_modules\n` },
    { filename: file("python-app"), code: `${ALL}.venv\n**/__pycache__\n` },
    { filename: file("node-app"), code: ".git\n", options: [{ entries: [".git"], contextEntries: false }] },
  ],
  invalid: [
    {
      filename: file("empty"),
      code: "# build context\nnode_modules\n",
      // One fix per entry, all at the end of the file: a pass applies the first, `--fix` repeats passes.
      output: "# build context\nnode_modules\n.git\n",
      errors: [
        { messageId: "missing", line: 3, column: 1, data: { what: "the Git history (often large, and it may hold removed secrets)", pattern: ".git" } },
        { messageId: "missing", line: 3, column: 1, data: { what: "`.env` files (secrets and local settings)", pattern: "**/.env" } },
        { messageId: "missing", line: 3, column: 1, data: { what: "`.env.*` files (secrets and local settings)", pattern: "**/.env.*" } },
        { messageId: "missing", line: 3, column: 1, data: { what: "`*.pem` keys and certificates", pattern: "**/*.pem" } },
        { messageId: "missing", line: 3, column: 1, data: { what: "`*.key` private keys", pattern: "**/*.key" } },
      ],
    },
    {
      // `*.pem` only covers the root of the context; no final newline; a later `!` re-includes .env.
      filename: file("empty"),
      code: ".git\n.env\n!.env\n**/.env.*\n*.pem\n**/*.key",
      output: ".git\n.env\n!.env\n**/.env.*\n*.pem\n**/*.key\n**/.env\n",
      errors: [
        { messageId: "missing", line: 6, column: 9, data: { what: "`.env` files (secrets and local settings)", pattern: "**/.env" } },
        { messageId: "onlyAtRoot", line: 6, column: 9, data: { what: "`*.pem` keys and certificates", pattern: "**/*.pem" } },
      ],
    },
    {
      filename: file("node-app"),
      code: ALL,
      output: `${ALL}node_modules\n`,
      errors: [{ messageId: "missing", line: 6, column: 1, data: { what: "`node_modules` (the image installs its own; a host copy has the wrong native binaries)", pattern: "node_modules" } }],
    },
    {
      filename: file("python-app"),
      code: ALL.replaceAll("\n", "\r\n"),
      output: `${ALL}**/__pycache__\n`.replaceAll("\n", "\r\n"),
      errors: [
        { messageId: "missing", line: 6, column: 1 },
        { messageId: "missing", line: 6, column: 1 },
      ],
    },
    {
      // The Dockerfile of this context runs git: excluding .git would change the build, so only a suggestion.
      filename: file("git-stamp"),
      code: "**/.env\n**/.env.*\n**/*.pem\n**/*.key\n",
      output: null,
      errors: [
        {
          messageId: "missing",
          data: { what: "the Git history (often large, and it may hold removed secrets)", pattern: ".git" },
          suggestions: [{ messageId: "appendEntry", data: { pattern: ".git" }, output: "**/.env\n**/.env.*\n**/*.pem\n**/*.key\n.git\n" }],
        },
      ],
    },
    {
      // It copies .env.example: the .env.* entry is a suggestion, the others are fixed.
      filename: file("copies-env"),
      code: ".git\n**/.env\n",
      output: ".git\n**/.env\n**/*.pem\n",
      errors: [
        { messageId: "missing", data: { what: "`.env.*` files (secrets and local settings)", pattern: "**/.env.*" }, suggestions: [{ messageId: "appendEntry", data: { pattern: "**/.env.*" }, output: ".git\n**/.env\n**/.env.*\n" }] },
        { messageId: "missing", data: { what: "`*.pem` keys and certificates", pattern: "**/*.pem" } },
        { messageId: "missing", data: { what: "`*.key` private keys", pattern: "**/*.key" } },
      ],
    },
    {
      filename: file("empty"),
      code: "",
      output: ".git\n",
      options: [{ entries: [".git"] }],
      errors: [{ messageId: "missing", line: 1, column: 1 }],
    },
  ],
});

describe("--fix over several passes", () => {
  it("appends every missing entry once, and a second run changes nothing", () => {
    const linter = new Linter({ configType: "flat", cwd: fixtures });
    const config = [...plugin.configs.base, { files: ["**/.dockerignore"], rules: { "docker/dockerignore-required-entries": "error" as const } }];
    const filename = file("python-app");
    const first = linter.verifyAndFix("node_modules", config, { filename });
    expect(first.output).toBe(`node_modules\n${ALL}**/__pycache__\n.venv\n`);
    expect(first.messages).toEqual([]);
    const second = linter.verifyAndFix(first.output, config, { filename });
    expect(second.fixed).toBe(false);
  });
});

describe("samplePaths", () => {
  it("makes wildcards concrete and covers sub-folders for **/", () => {
    expect(samplePaths(".git")).toEqual([".git"]);
    expect(samplePaths("**/*.pem")).toEqual(["x.pem", "x/x.pem"]);
    expect(samplePaths("**/.env.*")).toEqual([".env.x", "x/.env.x"]);
    expect(samplePaths("secrets/[abc]?.json")).toEqual(["secrets/ax.json"]);
  });
});
