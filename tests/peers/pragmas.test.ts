/**
 * Other tools' suppression comments, through the whole strict config: hadolint's own pragma test cases
 * (test/Hadolint/PragmaSpec.hs, rule codes mapped through the peer table), BuildKit's `check=skip`
 * directive, Trivy's and Checkov's comments, and the setting that turns them all off.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../lib/index.js";
import { parseDockerfile } from "../../lib/dockerfile/parse.js";
import { readPeerPragmas } from "../../lib/peers/pragmas.js";
import { dedent } from "../support/dedent.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-pragmas-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lint(lines: string[], languageOptions: Record<string, unknown> = {}): Linter.LintMessage[] {
  const linter = new Linter({ configType: "flat", cwd: dir });
  return linter.verify(
    `${lines.join("\n")}\n`,
    [...plugin.configs.strict, { files: ["**/Dockerfile"], languageOptions }],
    { filename: path.join(dir, "Dockerfile") },
  );
}

/** The findings of `rule` (`docker/…`), as line numbers. */
function linesOf(messages: Linter.LintMessage[], rule: string): number[] {
  return messages.filter((message) => message.ruleId === `docker/${rule}`).map((message) => message.line);
}

describe("hadolint's pragma tests", () => {
  it("ignores single rule", () => {
    expect(linesOf(lint(["FROM ubuntu:24.04", "# hadolint ignore=DL3002", "USER root"]), "no-root-user")).toEqual([]);
  });
  it("ignores only the given rule", () => {
    expect(linesOf(lint(["FROM ubuntu:24.04", "# hadolint ignore=DL3001", "USER root"]), "no-root-user")).toEqual([3]);
  });
  it("ignores only the given rule, when multiple passed", () => {
    expect(linesOf(lint(["FROM ubuntu:24.04", "# hadolint ignore=DL3001,DL3002", "USER root"]), "no-root-user")).toEqual([]);
  });
  it("ignores the rule only if directly above the instruction", () => {
    expect(linesOf(lint(["# hadolint ignore=DL3001,DL3002", "FROM ubuntu:24.04", "USER root"]), "no-root-user")).toEqual([3]);
  });
  it("won't ignore the rule if passed invalid rule names (the comment is not a pragma)", () => {
    const messages = lint(["FROM ubuntu:24.04", "# hadolint ignore=crazy,DL3002", "USER root"]);
    expect(linesOf(messages, "no-root-user")).toEqual([3]);
    expect(messages.filter((message) => message.ruleId === null)).toEqual([]);
  });
  it("ignores multiple rules correctly, even with some extra whitespace", () => {
    const messages = lint(["FROM node:22.12 AS foo", "# hadolint ignore=DL3023, DL3021", "COPY --from=foo bar baz ."]);
    expect(linesOf(messages, "no-self-stage-reference")).toEqual([]);
    expect(linesOf(messages, "copy-destination-slash")).toEqual([]);
    // Unmapped rules still report on that line.
    expect(linesOf(lint(["FROM node:22.12 AS foo", "COPY --from=foo bar baz ."]), "no-self-stage-reference")).toEqual([2]);
  });
  it("stage ignore: a single rule", () => {
    expect(linesOf(lint(["# hadolint stage ignore=DL3011", "FROM ubuntu:24.04", "EXPOSE 80000"]), "valid-expose")).toEqual([]);
  });
  it("stage ignore, but caught in a later stage", () => {
    const messages = lint(["# hadolint stage ignore=DL3011", "FROM ubuntu:24.04", "EXPOSE 80000", "FROM ubuntu:24.04", "EXPOSE 80000"]);
    expect(linesOf(messages, "valid-expose")).toEqual([5]);
  });
  it("stage ignore, but caught in an earlier stage", () => {
    const messages = lint(["FROM ubuntu:24.04", "EXPOSE 80000", "# hadolint stage ignore=DL3011", "FROM ubuntu:24.04", "EXPOSE 80000"]);
    expect(linesOf(messages, "valid-expose")).toEqual([2]);
  });
  it("stage ignore: multiple rules", () => {
    const messages = lint(["# hadolint stage ignore=DL3011,DL3002", "FROM ubuntu:24.04", "USER root", "EXPOSE 80000"]);
    expect(linesOf(messages, "valid-expose")).toEqual([]);
    expect(linesOf(messages, "no-root-user")).toEqual([]);
  });
  it("global ignore: a single rule", () => {
    expect(linesOf(lint(["# hadolint global ignore=DL3002", "FROM ubuntu:24.04", "USER root"]), "no-root-user")).toEqual([]);
  });
  it("global ignore: multiple rules, with extra whitespace", () => {
    const messages = lint(["# hadolint global ignore = DL3023 , DL3021", "FROM node:22.12 AS foo", "COPY --from=foo bar baz ."]);
    expect(linesOf(messages, "no-self-stage-reference")).toEqual([]);
    expect(linesOf(messages, "copy-destination-slash")).toEqual([]);
  });
  it.each(["# hadolint ignore=DL3002 ", "# hadolint ignore=DL3002 # foobar", "#hadolint ignore=DL3002", "#   hadolint\tignore=DL3002"])("a pragma written %j", (pragma) => {
    expect(linesOf(lint(["FROM ubuntu:24.04", pragma, "USER root"]), "no-root-user")).toEqual([]);
  });
});

describe("hadolint pragmas on instructions over several lines", () => {
  it("cover every line of the instruction below", () => {
    const lines = ["FROM debian:12", "# hadolint ignore=DL3008,DL3015", "RUN apt-get update \\", "  && apt-get install -y curl \\", "  && rm -rf /var/lib/apt/lists/*", "RUN apt-get install -y wget"];
    const messages = lint(lines);
    expect(linesOf(messages, "pin-package-versions")).toEqual([6]);
    expect(linesOf(messages, "no-install-recommends")).toEqual([6]);
    expect(linesOf(lint(lines.filter((line) => !line.includes("hadolint"))), "pin-package-versions")).toEqual([3, 5]);
  });
  it("ShellCheck codes are accepted and change nothing", () => {
    const messages = lint(["FROM ubuntu:24.04", "# hadolint ignore=SC2086,DL3002", "USER root"]);
    expect(linesOf(messages, "no-root-user")).toEqual([]);
    expect(messages.filter((message) => message.ruleId === null)).toEqual([]);
  });
  it("a ShellCheck code the peer table maps to a rule of ours silences that rule on the next instruction", () => {
    const lines = ["FROM ubuntu:24.04", "# hadolint ignore=SC1072", "RUN echo 'a", "RUN echo b )"];
    expect(linesOf(lint(lines), "valid-run-script")).toEqual([4]);
    expect(linesOf(lint(lines.map((line) => (line.includes("hadolint") ? "# no pragma" : line))), "valid-run-script")).toEqual([3, 4]);
  });
  it("a code hadolint does not have is reported at the comment; the known ones still apply", () => {
    const messages = lint(["FROM ubuntu:24.04", "# hadolint ignore=DL9999,DL3002", "USER root"]);
    expect(linesOf(messages, "no-root-user")).toEqual([]);
    expect(messages.filter((message) => message.ruleId === null).map((message) => [message.line, message.message])).toEqual([
      [2, "hadolint has no check 'DL9999', so this comment suppresses nothing: check the spelling."],
    ]);
  });
  it("a code hadolint has but we do not map suppresses nothing, silently", () => {
    const messages = lint(["FROM ubuntu:24.04", "# hadolint ignore=DL3010", "USER root"]);
    expect(linesOf(messages, "no-root-user")).toEqual([3]);
    expect(messages.filter((message) => message.ruleId === null)).toEqual([]);
  });
  it("a pragma inside a heredoc or a RUN is not a comment line", () => {
    expect(linesOf(lint(["FROM ubuntu:24.04", "RUN echo '# hadolint ignore=DL3002'", "USER root"]), "no-root-user")).toEqual([3]);
  });
});

describe("BuildKit's check directive", () => {
  it("skips the named checks in the whole file, case-insensitively", () => {
    const messages = lint(["# check=skip=jsonargsrecommended,StageNameCasing", "FROM alpine:3.22 AS Build", "CMD echo hi"]);
    expect(linesOf(messages, "json-args")).toEqual([]);
    expect(linesOf(messages, "stage-name-casing")).toEqual([]);
  });
  it("skip=all skips every rule that is a BuildKit check, and only those", () => {
    const messages = lint(["# check=skip=all;error=true", "FROM alpine:3.22 AS Build", "CMD echo hi", "USER root"]);
    expect(linesOf(messages, "json-args")).toEqual([]);
    expect(linesOf(messages, "stage-name-casing")).toEqual([]);
    expect(linesOf(messages, "no-root-user")).toEqual([4]);
  });
  it("is a directive only before the first instruction and other comments, where BuildKit reads it", () => {
    const messages = lint(["FROM alpine:3.22", "# check=skip=JSONArgsRecommended", "CMD echo hi"]);
    expect(linesOf(messages, "json-args")).toEqual([3]);
  });
  it("reports a check name BuildKit does not have", () => {
    const messages = lint(["# check=skip=JSONArgsRecomended", "FROM alpine:3.22", "CMD echo hi"]);
    expect(linesOf(messages, "json-args")).toEqual([3]);
    expect(messages.filter((message) => message.ruleId === null).map((message) => message.line)).toEqual([1]);
  });
});

describe("Trivy and Checkov comments", () => {
  it.each(["#trivy:ignore:DS002", "# trivy:ignore:DS-0002", "# trivy:ignore:AVD-DS-0002"])("%s covers the instruction below its comment block", (comment) => {
    const messages = lint(["FROM ubuntu:24.04", comment, "# runs as root on purpose", "USER root", "USER root"]);
    expect(linesOf(messages, "no-root-user")).toEqual([5]);
  });
  it("checkov:skip covers the whole file (a Dockerfile is one resource to Checkov)", () => {
    const messages = lint(["FROM ubuntu:24.04", "USER root", "# checkov:skip=CKV_DOCKER_8:the entrypoint drops privileges"]);
    expect(linesOf(messages, "no-root-user")).toEqual([]);
  });
  it("a Checkov check we do not map is valid and suppresses nothing", () => {
    const messages = lint(["FROM ubuntu:24.04", "# checkov:skip=CKV2_DOCKER_17", "USER root"]);
    expect(linesOf(messages, "no-root-user")).toEqual([3]);
    expect(messages.filter((message) => message.ruleId === null)).toEqual([]);
  });
});

describe("languageOptions.peerSuppressions: false", () => {
  it("turns every peer comment off, and their problems too", () => {
    const messages = lint(["# check=skip=all", "FROM ubuntu:24.04", "# hadolint ignore=DL3002,DL9999", "USER root", "CMD echo hi"], { peerSuppressions: false });
    expect(linesOf(messages, "no-root-user")).toEqual([4]);
    expect(linesOf(messages, "json-args")).toEqual([5]);
    expect(messages.filter((message) => message.ruleId === null)).toEqual([]);
  });
});

describe("readPeerPragmas", () => {
  it("finds nothing in a file without peer comments", () => {
    const parsed = parseDockerfile(dedent`
      FROM alpine:3.22
      # just a comment about hadolint
      RUN true
    `);
    if (!parsed.ok) throw new Error("parse");
    expect(readPeerPragmas(parsed.ast)).toEqual({ suppressions: [], problems: [] });
  });
  it("gives the lines each comment covers", () => {
    const parsed = parseDockerfile(dedent`
      FROM alpine:3.22
      # hadolint ignore=DL3018
      RUN apk add \\
        curl
    `);
    if (!parsed.ok) throw new Error("parse");
    const { suppressions } = readPeerPragmas(parsed.ast);
    expect(suppressions.map((suppression) => [suppression.tool, [...suppression.rules], suppression.startLine, suppression.endLine])).toEqual([
      ["hadolint", ["pin-package-versions"], 3, 4],
    ]);
  });
});

describe("KICS comments (pkg/parser/docker/comments.go)", () => {
  it("kics-scan ignore-line covers the instruction below its comment block, for every rule a KICS query maps to", () => {
    const lines = ["FROM ubuntu:24.04", "# kics-scan ignore-line", "# root on purpose", "RUN sudo apt install -y curl", "RUN sudo apt install -y wget"];
    const messages = lint(lines);
    expect(linesOf(messages, "no-sudo")).toEqual([5]);
    expect(linesOf(messages, "no-apt")).toEqual([5]);
    expect(messages.filter((message) => message.ruleId === null)).toEqual([]);
  });
  it("kics-scan ignore-line leaves rules no KICS query maps to", () => {
    const messages = lint(["FROM ubuntu:24.04", "# kics-scan ignore-line", "RUN chmod 777 /srv"]);
    expect(linesOf(messages, "no-chmod-777")).toEqual([3]);
  });
  it("kics-scan ignore-block above FROM covers that stage only", () => {
    const messages = lint(["# KICS-SCAN ignore-block", "FROM ubuntu:24.04 AS build", "RUN sudo make", "FROM ubuntu:24.04", "RUN sudo make"]);
    expect(linesOf(messages, "no-sudo")).toEqual([5]);
  });
  it("kics-scan ignore-block inside a stage covers the rest of it", () => {
    const messages = lint(["FROM ubuntu:24.04", "RUN sudo make", "# kics-scan ignore-block", "RUN sudo make install", "USER 1000"]);
    expect(linesOf(messages, "no-sudo")).toEqual([2]);
  });
  it("other kics-scan commands (disable=, enable=) are not read and report nothing", () => {
    const messages = lint(["# kics-scan disable=8ada6e80-0ade-439e-b176-0b28f6bce35a", "FROM ubuntu:24.04", "RUN sudo make"]);
    expect(linesOf(messages, "no-sudo")).toEqual([3]);
    expect(messages.filter((message) => message.ruleId === null)).toEqual([]);
  });
});
