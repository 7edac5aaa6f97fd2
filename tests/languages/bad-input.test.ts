/**
 * Bad input gets a clear fatal message with a location, never an exception; and every rule of the
 * `strict` config runs on anything a parser accepts without throwing.
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

const BINARY = "\u0000\u0001\u0002ELF\u0000binary";
const FILES = ["Dockerfile", "compose.yaml", ".dockerignore"] as const;

describe.each(FILES)("%s", (filename) => {
  it("a binary file is one fatal message with a location", () => {
    const messages = lint(filename, BINARY);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ fatal: true, ruleId: null, line: 1, column: 1 });
    expect(messages[0]?.message).toMatch(/NUL character: binary or UTF-16/u);
  });

  it("a BOM, CRLF and lone CR line endings", () => {
    const samples: Record<(typeof FILES)[number], string> = {
      Dockerfile: "FROM node\nMAINTAINER x\n",
      "compose.yaml": "version: '3'\nservices:\n  a:\n    image: redis\n",
      ".dockerignore": "node_modules\n",
    };
    const lf = lint(filename, samples[filename]).map((message) => [message.ruleId, message.line, message.column]);
    expect(lf.length).toBeGreaterThan(0);
    expect(lint(filename, `\uFEFF${samples[filename]}`).map((message) => [message.ruleId, message.line, message.column])).toEqual(lf);
    expect(lint(filename, samples[filename].replaceAll("\n", "\r\n")).map((message) => [message.ruleId, message.line, message.column])).toEqual(lf);
  });

  it("an empty file does not crash", () => {
    expect(() => lint(filename, "")).not.toThrow();
    expect(() => lint(filename, "\n\n   \n")).not.toThrow();
  });

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

describe("a Dockerfile with lone CR line endings (BuildKit does not split lines there)", () => {
  it("is one line for BuildKit, and a finding says so on line 1", () => {
    const code = "ARG VERSION=15-3.5\rFROM postgis/postgis:$VERSION\r";
    const messages = lint("Dockerfile", code);
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    expect(messages).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: "docker/no-unknown-instruction", line: 1, column: 19, message: expect.stringContaining("carriage return") })]));
    // Nothing is reported on a "line 2" BuildKit does not see.
    expect(messages.filter((message) => message.line !== 1)).toEqual([]);
  });

  it("keeps the lines and columns of CRLF files equal to those of LF files", () => {
    const code = "FROM node\nRUN apt-get update && apt-get install -y curl\nMAINTAINER x\nUSER node\nHEALTHCHECK NONE\n";
    const where = (text: string) => lint("Dockerfile", text).map((message) => [message.ruleId, message.line, message.column, message.endLine, message.endColumn]);
    expect(where(code.replaceAll("\n", "\r\n"))).toEqual(where(code));
    expect(where(code.replaceAll("\n", "\r\r\n"))).toEqual(where(code));
  });
});

describe("what does not parse", () => {
  it("an unterminated heredoc", () => {
    expect(lint("Dockerfile", "FROM alpine:3.23\nRUN <<EOF\necho\n")).toMatchObject([{ fatal: true, line: 2 }]);
  });
  it("a Dockerfile with no instruction", () => {
    expect(lint("Dockerfile", "# only a comment\n")).toMatchObject([{ fatal: true, line: 1, column: 1, message: expect.stringContaining("no instructions") }]);
  });
  it("a compose file that is not YAML", () => {
    expect(lint("compose.yaml", "services:\n  web: [unclosed\n")).toMatchObject([{ fatal: true, line: 3 }]);
    expect(lint("compose.yaml", "services:\n\tweb: {}\n")).toMatchObject([{ fatal: true, line: 2, column: 1 }]);
  });
  it("a compose file that is YAML but not a mapping, and odd compose shapes", () => {
    for (const code of ["- a\n- b\n", "just a string\n", "services:\n", "services: [a]\n", "services:\n  a:\n  b: 3\n", "---\n---\nservices: {}\n"]) {
      expect(lint("compose.yaml", code).filter((message) => message.fatal)).toEqual([]);
    }
  });
});

describe("rules enabled without `files`", () => {
  it("do not run on JavaScript (or crash on it)", () => {
    const linter = new Linter({ configType: "flat", cwd: dir });
    const everyRule = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`docker/${name}`, "error" as const]));
    const messages = linter.verify("const a = 1;\nexport default a;\n", [...plugin.configs.base, { rules: everyRule }], { filename: path.join(dir, "index.js") });
    expect(messages).toEqual([]);
  });
});
