/**
 * The "Disable docker/<id> for this instruction/line/entry" suggestion every finding carries: where its
 * comment goes in each file kind, and that applying it silences that finding and adds no other.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../lib/index.js";
import { dedent } from "../support/dedent.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-disable-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lint(filename: string, code: string, config = plugin.configs.strict): Linter.LintMessage[] {
  return new Linter({ configType: "flat", cwd: dir }).verify(code, [...config], { filename: path.join(dir, filename) });
}

function disableSuggestion(message: Linter.LintMessage): Linter.LintSuggestion | undefined {
  return message.suggestions?.find((suggestion) => suggestion.desc.startsWith(`Disable ${message.ruleId} for this`));
}

function apply(code: string, suggestion: Linter.LintSuggestion): string {
  const [start, end] = suggestion.fix.range;
  return code.slice(0, start) + suggestion.fix.text + code.slice(end);
}

/** The finding of `rule` at `line`, its disable suggestion applied, and the findings after. */
function disable(filename: string, code: string, rule: string, line: number): { output: string; before: Linter.LintMessage[]; after: Linter.LintMessage[] } {
  const before = lint(filename, code);
  const message = before.find((candidate) => candidate.ruleId === `docker/${rule}` && candidate.line === line);
  if (!message) throw new Error(`no ${rule} at line ${line}: ${JSON.stringify(before.map((m) => [m.ruleId, m.line]))}`);
  const suggestion = disableSuggestion(message);
  if (!suggestion) throw new Error(`no disable suggestion on ${rule} at line ${line}`);
  const output = apply(code, suggestion);
  return { output, before, after: lint(filename, output) };
}

const count = (messages: Linter.LintMessage[], rule: string) => messages.filter((message) => message.ruleId === `docker/${rule}`).length;

describe("in a Dockerfile", () => {
  it("goes above the whole instruction, for a finding on a continuation line", () => {
    const code = dedent`
      FROM debian:12.8
      RUN apt-get update \\
        && apt-get install -y --no-install-recommends curl
    `;
    const { output, before, after } = disable("Dockerfile", code, "package-manager-clean-cache", 2);
    expect(output).toBe(dedent`
      FROM debian:12.8
      # eslint-disable-next-line docker/package-manager-clean-cache
      RUN apt-get update \\
        && apt-get install -y --no-install-recommends curl
    `);
    expect(count(after, "package-manager-clean-cache")).toBe(0);
    expect(after.length).toBe(before.length - 1);
  });

  it("joins a next-line directive already above the instruction, and keeps its justification", () => {
    const code = dedent`
      FROM debian:12.8
      # eslint-disable-next-line docker/no-sudo -- the base image needs it
      RUN apt-get update && apt-get install -y --no-install-recommends curl
    `;
    const { output, after } = disable("Dockerfile", code, "package-manager-clean-cache", 3);
    expect(output).toContain("# eslint-disable-next-line docker/no-sudo, docker/package-manager-clean-cache -- the base image needs it\n");
    expect(count(after, "package-manager-clean-cache")).toBe(0);
  });

  it("keeps CRLF line ends and the instruction's indentation", () => {
    const code = "FROM debian:12.8\r\n  RUN apt-get update\r\n";
    const { output, after } = disable("Dockerfile", code, "no-update-without-install", 2);
    expect(output).toBe("FROM debian:12.8\r\n  # eslint-disable-next-line docker/no-update-without-install\r\n  RUN apt-get update\r\n");
    expect(count(after, "no-update-without-install")).toBe(0);
  });

  it("writes each file's own line end when files of both kinds are linted one after another", () => {
    const crlf = "FROM debian:12.8\r\nRUN apt-get update\r\n";
    const lf = "FROM debian:12.8\nRUN apt-get update\n";
    // As long as `crlf`, and the same text but for its line ends.
    const sameLength = "FROM debian:12.8\n\nRUN apt-get update\n\n";
    for (const [code, line, expected] of [[crlf, 2, "\r\n"], [lf, 2, "\n"], [crlf, 2, "\r\n"], [sameLength, 3, "\n"], [crlf, 2, "\r\n"]] as const) {
      const { output } = disable("Dockerfile", code, "no-update-without-install", line);
      expect(output).toContain(`# eslint-disable-next-line docker/no-update-without-install${expected}`);
      if (expected === "\n") expect(output).not.toContain("\r");
    }
  });

  it("writes a \\n in a Dockerfile whose only line breaks are lone carriage returns (BuildKit ends lines only at \\n)", () => {
    const code = "FROM node\r";
    const message = lint("Dockerfile", code).find((candidate) => candidate.ruleId === "docker/require-image-tag");
    expect(message?.line).toBe(1);
    expect(apply(code, disableSuggestion(message!)!)).toBe("# eslint-disable-next-line docker/require-image-tag\nFROM node\r");
  });

  it("is not offered on a parser directive, which a comment above would turn into a comment", () => {
    const messages = lint("Dockerfile", dedent`
      # syntax=docker/dockerfile:1
      # escape=\`
      FROM alpine:3.22
    `).filter((message) => message.line <= 2 && message.ruleId !== null);
    for (const message of messages) expect(disableSuggestion(message)).toBeUndefined();
  });

  it("is offered after the directives for the first instruction", () => {
    const code = "# syntax=docker/dockerfile:1\nFROM node\n";
    const { output, after } = disable("Dockerfile", code, "require-image-tag", 2);
    expect(output).toBe(dedent`
      # syntax=docker/dockerfile:1
      # eslint-disable-next-line docker/require-image-tag
      FROM node
    `);
    expect(count(after, "require-image-tag")).toBe(0);
  });

  it("is absent with languageOptions.suggestDisable: false", () => {
    const messages = lint("Dockerfile", "FROM node\n", [...plugin.configs.strict, { files: ["**/Dockerfile"], languageOptions: { suggestDisable: false } }] as never);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(disableSuggestion(message)).toBeUndefined();
  });
});

describe("in a compose file", () => {
  it("goes above a block sequence item, indented like it", () => {
    const code = dedent`
      services:
        web:
          image: nginx:1.27
          ports:
            - 8080:80
    `;
    const { output, after } = disable("compose.yaml", code, "require-quoted-ports", 5);
    expect(output).toBe(dedent`
      services:
        web:
          image: nginx:1.27
          ports:
            # eslint-disable-next-line docker/require-quoted-ports
            - 8080:80
    `);
    expect(count(after, "require-quoted-ports")).toBe(0);
    expect(after.filter((message) => message.fatal)).toEqual([]);
  });

  it("goes above the mapping entry a finding is on", () => {
    const { output, after } = disable("compose.yaml", dedent`
      services:
        web:
          image: nginx:1.27
          privileged: true
    `, "no-privileged", 4);
    expect(output).toContain("    # eslint-disable-next-line docker/no-privileged\n    privileged: true\n");
    expect(count(after, "no-privileged")).toBe(0);
  });

  it("is not offered inside a multi-line flow sequence, where a comment line could not cover the item", () => {
    const code = dedent`
      services:
        web:
          image: nginx:1.27
          ports: [
            8080:80
          ]
    `;
    const message = lint("compose.yaml", code).find((candidate) => candidate.ruleId === "docker/require-quoted-ports");
    expect(message?.line).toBe(5);
    expect(disableSuggestion(message!)).toBeUndefined();
  });
});

describe("in a .dockerignore", () => {
  const folder = path.join(dir, "ignore");
  mkdirSync(folder);
  writeFileSync(path.join(folder, "Dockerfile"), "FROM alpine:3.22\nCOPY . /app\n");

  it("disables a finding about the whole file (on line 1) for the file", () => {
    const code = "node_modules\n";
    const message = lint(path.join("ignore", ".dockerignore"), code).find((candidate) => candidate.ruleId === "docker/dockerignore-required-entries");
    expect(message?.line).toBe(1);
    const suggestion = disableSuggestion(message!);
    expect(suggestion?.desc).toBe("Disable docker/dockerignore-required-entries for this file");
    const after = lint(path.join("ignore", ".dockerignore"), apply(code, suggestion!));
    expect(after.filter((candidate) => candidate.ruleId === "docker/dockerignore-required-entries" || candidate.ruleId === null)).toEqual([]);
  });
});

describe("on the bundled examples project", () => {
  const examples = path.resolve(import.meta.dirname, "../../examples");
  const project = path.join(dir, "examples");
  cpSync(examples, project, { recursive: true });
  const files = (folder: string): string[] =>
    readdirSync(folder).flatMap((name) => (statSync(path.join(folder, name)).isDirectory() ? files(path.join(folder, name)) : [path.join(folder, name)]));
  const linted = files(project).filter((file) => /Dockerfile|compose\.yaml|\.dockerignore$/u.test(path.basename(file)));

  it.each(linted.map((file) => path.relative(project, file)))("every finding of %s carries it, and applying it silences that finding only", (relative) => {
    const filename = path.join(project, relative);
    const code = readFileSync(filename, "utf8");
    const linter = new Linter({ configType: "flat", cwd: project });
    const run = (text: string) => linter.verify(text, [...plugin.configs.recommended], { filename });
    const before = run(code).filter((message) => message.ruleId !== null);
    expect(before.length).toBeGreaterThan(0);
    for (const message of before) {
      const suggestion = disableSuggestion(message);
      if (!suggestion) continue;
      const after = run(apply(code, suggestion));
      expect(after.filter((candidate) => candidate.ruleId === null), `${message.ruleId} at ${message.line}`).toEqual([]);
      expect(count(after, message.ruleId!.slice("docker/".length)), `${message.ruleId} at ${message.line}`).toBeLessThan(count(before, message.ruleId!.slice("docker/".length)));
      expect(after.length, `${message.ruleId} at ${message.line}`).toBeLessThan(before.length);
    }
    expect(before.filter((message) => disableSuggestion(message)).length).toBeGreaterThan(before.length / 2);
  });
});
