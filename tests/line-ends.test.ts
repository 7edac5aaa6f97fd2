import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../lib/index.js";
import { contentEndAt, lineBreakOf, lineContentEnd, lineStartAt, nextLineStart } from "../lib/utils/line-ends.js";

describe("the end of a line's content", () => {
  it("BuildKit: a line ends at \\n, the \\r's before it (or at the end of the file) are its line end", () => {
    const text = "a\r\nb\r\r\nc\rd\r";
    expect(contentEndAt(text, 2, "buildkit")).toBe(1); // between \r and \n
    expect(contentEndAt(text, 1, "buildkit")).toBe(1);
    expect(contentEndAt(text, 6, "buildkit")).toBe(4); // after two \r
    expect(contentEndAt(text, 9, "buildkit")).toBe(9); // a lone \r is inside the line: `c\rd`
    expect(contentEndAt(text, 11, "buildkit")).toBe(10); // the final \r at the end of the file
    expect(lineContentEnd(text, 8, "buildkit")).toBe(10);
    expect(lineStartAt(text, 10, "buildkit")).toBe(7);
    expect(nextLineStart(text, 0, "buildkit")).toBe(3);
  });

  it("YAML: \\r\\n, \\n and a lone \\r are line breaks", () => {
    const text = "a\r\nb\rc\nd";
    expect(contentEndAt(text, 2, "yaml")).toBe(1);
    expect(lineContentEnd(text, 3, "yaml")).toBe(4);
    expect(lineStartAt(text, 5, "yaml")).toBe(5);
    expect(nextLineStart(text, 3, "yaml")).toBe(5);
    expect(lineBreakOf("a\rb\r", "yaml")).toBe("\r");
    expect(lineBreakOf("a\rb\r", "buildkit")).toBe("\n");
    expect(lineBreakOf("a\r\nb", "yaml")).toBe("\r\n");
  });
});

describe("every fix keeps line ends whole", () => {
  const linter = new Linter({ configType: "flat" });
  const config = [{ files: ["**/Dockerfile"], plugins: { docker: plugin }, language: "docker/dockerfile", rules: { "docker/package-manager-clean-cache": "error", "docker/wget-progress": "error", "docker/package-manager-non-interactive": "error" } }] as never;
  const fix = (code: string) => linter.verifyAndFix(code, config, { filename: "Dockerfile" });

  it("inserts before the \\r of a CRLF line, wherever the rule's range ends", () => {
    const result = fix("FROM debian:12\r\nRUN <<EOF\r\napt-get install curl\r\nEOF\r\n");
    expect(result.output).toBe("FROM debian:12\r\nRUN <<EOF\r\napt-get install -y curl\r\nEOF\r\n");
    expect(result.output).not.toMatch(/\r[^\n]/u);
  });

  it("finding end columns never lie past their line", () => {
    const code = "FROM debian:12\r\nRUN <<EOF\r\napt-get update && apt-get install -y curl\r\nwget http://example.com/x\r\nEOF\r\n";
    const messages = linter.verify(code, config, { filename: "Dockerfile" });
    const lines = code.split(/\r*\n/u);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message.endColumn! - 1).toBeLessThanOrEqual(lines[message.endLine! - 1]!.length);
  });
});
