/**
 * A 10 MB file of each kind lints with the `strict` config: findings or one clear fatal message, never an
 * exception (tests/languages/bad-input.test.ts holds the other bad inputs; this one takes a minute of CPU,
 * so it runs in the full project, not the fast loop).
 */
import path from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../lib/index.js";

const dir = path.resolve(import.meta.dirname, "../fixtures/projects/dockerignore/empty");
// A .dockerignore is judged only when a build reads it: this folder's Dockerfile does.
const servedDir = path.resolve(import.meta.dirname, "../fixtures/projects/dockerignore/served");
const folderOf = (filename: string) => (filename.endsWith(".dockerignore") ? servedDir : dir);

function lint(filename: string, code: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: "flat", cwd: folderOf(filename) });
  return linter.verify(code, plugin.configs.strict, { filename: path.join(folderOf(filename), filename) });
}

const FILES = ["Dockerfile", "compose.yaml", ".dockerignore"] as const;

describe.each(FILES)("%s", (filename) => {
  it("a 10 MB file gets findings or one clear fatal message, never an exception", () => {
    // A RUN on every tenth line: 14,000 shell bodies (bench/ measures all-RUN files: linear, ~0.2 ms each).
    const chunk: Record<(typeof FILES)[number], string> = {
      Dockerfile: `${"LABEL org.example.note=\"a b c d e f g h i j k l m n o p q r s t u\"\n".repeat(9)}RUN apt-get update && apt-get install -y curl\n`,
      "compose.yaml": "  s:\n    image: redis:7.2\n",
      ".dockerignore": "**/some/deep/path/*.log\n",
    };
    const head = filename === "Dockerfile" ? "FROM debian:12\n" : filename === "compose.yaml" ? "services:\n" : "";
    const lines: string[] = [];
    if (filename === "compose.yaml") for (let index = 0; index * 30 < 10_000_000; index += 1) lines.push(chunk[filename].replace("s:", `s${index}:`));
    const body = filename === "compose.yaml" ? lines.join("") : chunk[filename].repeat(Math.ceil(10_000_000 / chunk[filename].length));
    const messages = lint(filename, head + body);
    if (filename === "compose.yaml") {
      expect(messages).toMatchObject([{ fatal: true, line: 1, column: 1, message: expect.stringContaining("over 4 MB are not linted") }]);
    } else {
      expect(messages.filter((message) => message.fatal)).toEqual([]);
      expect(messages.length).toBeGreaterThan(0);
    }
  }, 300_000);
});
