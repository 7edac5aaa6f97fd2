import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/no-copy-ignored-file.js";
import { makeTree } from "../support/fix-safety.js";
import { ruleTester } from "../support/rule-tester.js";

/**
 * BuildKit's own CopyIgnoredFile cases (moby/buildkit frontend/dockerfile/dockerfile_check_test.go,
 * `testCopyIgnoredFiles` and `testCopyIgnoredFileContextRoot`; the Go literals start with a newline,
 * so line numbers match theirs), each in a context folder of its own, then other members of the kind.
 */
const tree = makeTree({
  // testCopyIgnoredFiles: `.dockerignore` excludes the Dockerfile.
  "bk-dockerfile/.dockerignore": "\nDockerfile\n",
  "bk-dockerfile/Dockerfile": "",
  // `foobar` is excluded; nothing copies it from the context.
  "bk-foobar/.dockerignore": "\nfoobar\n",
  "bk-foobar/Dockerfile": "",
  // `**` then `!Dockerfile`.
  "bk-reinclude/.dockerignore": "\n**\n!Dockerfile\n",
  "bk-reinclude/Dockerfile": "",
  // testCopyIgnoredFileContextRoot.
  "bk-dotfiles/.dockerignore": "\n.*\n",
  "bk-dotfiles/Dockerfile": "",
  "bk-wildcard/.dockerignore": "\n*\n",
  "bk-wildcard/Dockerfile": "",
  // BuildKit's documentation example: `*/tmp/*` does not match `tmp/helloworld.txt` (one folder too few).
  "bk-doc/.dockerignore": "*/tmp/*\n",
  "bk-doc/tmp/helloworld.txt": "",

  // A file below an excluded folder, and an exception that brings one back.
  "folder/.dockerignore": "dist\n!dist/keep.js\n",
  "folder/dist/app.js": "",
  "folder/dist/keep.js": "",
  "folder/secret.txt": "",
  // A glob whose every match is excluded; another with one match re-included.
  "globs/.dockerignore": "*.txt\n!c.md\n*.md\n!c.md\n",
  "globs/a.txt": "",
  "globs/b.txt": "",
  "globs/a.md": "",
  "globs/c.md": "",
  // The Dockerfile's own ignore file wins over the context's.
  "specific/Dockerfile.dockerignore": "config.json\n",
  "specific/.dockerignore": "notes.txt\n",
  "specific/config.json": "",
  "specific/notes.txt": "",
  // Two compose builds of one Dockerfile: one context excludes `data`, the other does not.
  "two/compose.yaml": "services:\n  a:\n    build:\n      context: ./ctx-a\n      dockerfile: ../app/Dockerfile\n  b:\n    build:\n      context: ./ctx-b\n      dockerfile: ../app/Dockerfile\n",
  "two/app/Dockerfile": "",
  "two/ctx-a/.dockerignore": "data\n",
  "two/ctx-b/README.md": "",
  // Both contexts exclude it.
  "both/compose.yaml": "services:\n  a:\n    build:\n      context: ./ctx-a\n      dockerfile: ../app/Dockerfile\n  b:\n    build:\n      context: ./ctx-b\n      dockerfile: ../app/Dockerfile\n",
  "both/app/Dockerfile": "",
  "both/ctx-a/.dockerignore": "data\n",
  "both/ctx-b/.dockerignore": "**/data\n",
  // A context outside the repository of the Dockerfile (and the lint folder): unknown.
  "outside/.dockerignore": "dist\n",
  "outside/repo/.git/HEAD": "",
  "outside/repo/compose.yaml": "services:\n  a:\n    build:\n      context: ..\n      dockerfile: repo/Dockerfile\n",
  // A build whose Dockerfile depends on an unset variable may build any Dockerfile here: unknown.
  "undecided/compose.yaml": "services:\n  a:\n    build:\n      context: .\n      dockerfile: ${DOCKERFILE}\n",
  "undecided/.dockerignore": "dist\n",
  // A context with no .dockerignore sends everything.
  "plain/dist/app.js": "",
  // A .dockerignore Docker refuses: the build fails anyway (valid-dockerignore reports it).
  "broken/.dockerignore": "dist\n[\n",
});
afterAll(tree.cleanup);
const dockerfile = (folder: string, name = "Dockerfile") => path.join(tree.root, folder, name);

ruleTester("dockerfile").run("no-copy-ignored-file", rule, {
  valid: [
    // BuildKit: `COPY --from` reads a stage, not the context.
    { filename: dockerfile("bk-foobar"), code: "\nFROM scratch AS base\nCOPY Dockerfile /foobar\nADD Dockerfile /windy\n\nFROM base\nCOPY --from=base /foobar /Dockerfile\n" },
    // BuildKit: `**` then `!Dockerfile` keeps the Dockerfile, and the whole context is not empty.
    { filename: dockerfile("bk-reinclude"), code: "\nFROM scratch\nCOPY ./Dockerfile .\n" },
    { filename: dockerfile("bk-reinclude"), code: "\nFROM scratch\nCOPY . .\n\t" },
    // BuildKit: `.*` does not exclude the context root.
    { filename: dockerfile("bk-dotfiles"), code: "\nFROM scratch\nCOPY . .\n" },
    // BuildKit's `# check=skip=CopyIgnoredFile` is honoured (lib/peers/pragmas.ts).
    { filename: dockerfile("bk-dockerfile"), code: "# check=skip=CopyIgnoredFile\n\nFROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n" },
    // BuildKit's documentation example does not match (see the tree).
    { filename: dockerfile("bk-doc"), code: "FROM scratch\nCOPY ./tmp/helloworld.txt /helloworld.txt\n" },
    // An exception brings the file back; the folder is not wholly excluded either.
    { filename: dockerfile("folder"), code: "FROM alpine:3.21\nCOPY dist/keep.js /app/\nCOPY dist /app/dist\nCOPY secret.txt /app/\n" },
    // One match of the glob is re-included; no match at all is not judged.
    { filename: dockerfile("globs"), code: "FROM alpine:3.21\nCOPY *.md /docs/\nCOPY *.json /cfg/\n" },
    // The Dockerfile's own ignore file replaces the context's: notes.txt is sent.
    { filename: dockerfile("specific"), code: "FROM alpine:3.21\nCOPY notes.txt /\n" },
    // One build sends `data`.
    { filename: dockerfile("two/app"), code: "FROM alpine:3.21\nCOPY data /data\n" },
    // Unknown: a variable without a value, a context outside the lint folder, an undecided build.
    { filename: dockerfile("folder"), code: "FROM alpine:3.21\nARG SRC\nCOPY $SRC /app/\n" },
    { filename: dockerfile("outside/repo"), code: "FROM alpine:3.21\nCOPY dist /app\n" },
    { filename: dockerfile("undecided"), code: "FROM alpine:3.21\nCOPY dist /app\n" },
    // Not from the context: a URL, a stage, an ONBUILD trigger (another build's context), a heredoc.
    { filename: dockerfile("folder"), code: "FROM alpine:3.21\nADD https://example.com/dist /app/\nCOPY --from=build dist /app\nONBUILD COPY dist /app\nCOPY <<EOF /dist\nx\nEOF\n" },
    // No .dockerignore, or one Docker refuses.
    { filename: dockerfile("plain"), code: "FROM alpine:3.21\nCOPY dist /app\n" },
    { filename: dockerfile("broken"), code: "FROM alpine:3.21\nCOPY dist /app\n" },
    // Text linted without a file.
    { code: "FROM alpine:3.21\nCOPY dist /app\n" },
  ],
  invalid: [
    // BuildKit testCopyIgnoredFiles: both instructions, at their lines.
    {
      filename: dockerfile("bk-dockerfile"),
      code: "\nFROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n",
      errors: [
        { messageId: "ignored", line: 3, column: 6, endColumn: 16, data: { source: "Dockerfile", path: "Dockerfile", file: "`.dockerignore`", line: " (line 2: `Dockerfile`)", instruction: "COPY", count: "0" } },
        { messageId: "ignored", line: 4, column: 5, data: { source: "Dockerfile", path: "Dockerfile", file: "`.dockerignore`", line: " (line 2: `Dockerfile`)", instruction: "ADD", count: "0" } },
      ],
    },
    // BuildKit testCopyIgnoredFileContextRoot "wildcard": `*` empties the context.
    {
      filename: dockerfile("bk-wildcard"),
      code: "\nFROM scratch\nCOPY . .\n",
      errors: [{ messageId: "ignoredRoot", line: 3, column: 6 }],
    },
    // Other members: a file below an excluded folder; a path with `./` and a leading `/`.
    {
      filename: dockerfile("folder"),
      code: "FROM alpine:3.21\nCOPY dist/app.js /app/\nCOPY ./dist/app.js /dist/./app.js /app/\n",
      errors: [
        { messageId: "ignored", line: 2, data: { source: "dist/app.js", path: "dist/app.js", file: "`.dockerignore`", line: " (line 1: `dist`)", instruction: "COPY", count: "0" } },
        { messageId: "ignored", line: 3, column: 6 },
        { messageId: "ignored", line: 3, column: 20 },
      ],
    },
    // A variable the file fixes is resolved.
    {
      filename: dockerfile("folder"),
      code: "FROM alpine:3.21\nARG SRC=dist/app.js\nCOPY ${SRC} /app/\n",
      errors: [{ messageId: "ignored", line: 3 }],
    },
    // Every match of a glob is excluded.
    {
      filename: dockerfile("globs"),
      code: "FROM alpine:3.21\nCOPY *.txt /docs/\n",
      errors: [{ messageId: "ignoredGlob", line: 2, data: { source: "*.txt", path: "*.txt", file: "`.dockerignore`", line: " (line 1: `*.txt`)", instruction: "COPY", count: "2" } }],
    },
    // The Dockerfile's own ignore file decides.
    {
      filename: dockerfile("specific"),
      code: "FROM alpine:3.21\nCOPY config.json /\n",
      errors: [{ messageId: "ignored", data: { source: "config.json", path: "config.json", file: "`Dockerfile.dockerignore`", line: " (line 1: `config.json`)", instruction: "COPY", count: "0" } }],
    },
    // Every build excludes it (a folder that is not there yet is judged as a folder).
    {
      filename: dockerfile("both/app"),
      code: "FROM alpine:3.21\nCOPY data /data\n",
      errors: [{ messageId: "ignored", data: { source: "data", path: "data", file: "`../ctx-a/.dockerignore`", line: " (line 1: `data`)", instruction: "COPY", count: "0" } }],
    },
  ],
});
