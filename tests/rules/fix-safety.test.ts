/**
 * The fixable rules' fixes against the quality bar, with tests/support/fix-safety.ts: the fixed file
 * parses, a second `--fix` changes nothing, and what the file means is kept (or only waste is dropped).
 * dockerignore-required-entries has its own, stronger meaning check in its test file.
 */
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getStaticYAMLValue, parseForESLint } from "yaml-eslint-parser";
import type { DockerfileProgram } from "../../lib/dockerfile/ast.js";
import { evaluateWord, parseDockerfile } from "../../lib/dockerfile/index.js";
import { assertFixPreservesMeaning, makeTree } from "../support/fix-safety.js";
import { dedent } from "../support/dedent.js";

const tree = makeTree({});
afterAll(tree.cleanup);
const dockerfile = path.join(tree.root, "Dockerfile");
const compose = path.join(tree.root, "compose.yaml");

function program(text: string): DockerfileProgram {
  const result = parseDockerfile(text);
  if (!result.ok) throw new Error(result.errors[0]!.message);
  return result.ast;
}

function instructions(text: string) {
  const ast = program(text);
  return [...ast.preamble, ...ast.stages.flatMap((stage) => stage.instructions)].map((instruction) => ({
    type: instruction.type,
    keyword: instruction.keyword.value,
    // Everything after the keyword, as written.
    rest: text.slice(instruction.keyword.range[1], instruction.range[1]),
  }));
}

describe("instruction-casing", () => {
  it.each([
    dedent`
      FROM alpine:3.20
      run echo hi
      Run echo there
    `,
    dedent`
      from alpine:3.20
      RUN echo hi
      copy a b
    `,
    dedent`
      FROM alpine:3.20 as build
      run <<EOF
      run this is a heredoc body
      EOF
      onbuild run make
    `,
    dedent`
      # escape=\`
      FROM alpine:3.20
      run echo \`
        hi
    `,
  ])("%j: only keywords change, to the same instructions", (code) => {
    assertFixPreservesMeaning({
      rule: "instruction-casing",
      code,
      filename: dockerfile,
      meaning(before, after) {
        const old = instructions(before);
        const now = instructions(after);
        expect(now.map(({ type, rest }) => ({ type, rest }))).toEqual(old.map(({ type, rest }) => ({ type, rest })));
        expect(now.map((entry) => entry.keyword.toUpperCase())).toEqual(old.map((entry) => entry.keyword.toUpperCase()));
      },
    });
  });
});

describe("no-maintainer", () => {
  it.each([dedent`
    FROM alpine:3.20
    MAINTAINER Jane Doe <jane@example.com>
    RUN true
  `, 'FROM alpine:3.20\nMAINTAINER "Ops" $TEAM \\o/\n', dedent`
    # escape=\`
    FROM alpine:3.20
    MAINTAINER a\`b \`"c\`"
  `])(
    "%j: the LABEL says what MAINTAINER said",
    (code) => {
      assertFixPreservesMeaning({
        rule: "no-maintainer",
        code,
        filename: dockerfile,
        meaning(before, after) {
          const old = program(before);
          const now = program(after);
          const maintainer = old.stages.flatMap((stage) => stage.instructions).find((instruction) => instruction.type === "Maintainer");
          const label = now.stages.flatMap((stage) => stage.instructions).find((instruction) => instruction.type === "Label");
          if (maintainer?.type !== "Maintainer" || label?.type !== "Label") throw new Error("expected MAINTAINER before and LABEL after");
          const pair = label.pairs[0]!;
          expect(pair.key.value).toBe("org.opencontainers.image.authors");
          expect(evaluateWord(pair.value!.value, now.escapeChar, () => undefined).value).toBe(maintainer.value!.value);
          expect(instructions(after).filter((entry) => entry.type !== "Label")).toEqual(instructions(before).filter((entry) => entry.type !== "Maintainer"));
        },
      });
    },
  );
});

describe("no-obsolete-version", () => {
  it.each([dedent`
    version: '3.8'
    services:
      web:
        image: nginx:1.27
  `, dedent`
    # app
    version: "3"

    services:
      a: {image: redis:7}
  `, dedent`
    services:
      web:
        image: nginx:1.27
    version: '2.4'
  `])(
    "%j: the same data without `version`",
    (code) => {
      assertFixPreservesMeaning({
        rule: "no-obsolete-version",
        code,
        filename: compose,
        meaning(before, after) {
          const old = getStaticYAMLValue(parseForESLint(before).ast) as Record<string, unknown>;
          const now = getStaticYAMLValue(parseForESLint(after).ast) as Record<string, unknown>;
          delete old.version;
          expect(now).toEqual(old);
          expect(after.startsWith("\n")).toBe(false);
        },
      });
    },
  );
});

describe("package-manager-clean-cache", () => {
  it.each([
    "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n",
    "FROM python:3.12\nRUN pip install numpy\n",
    dedent`
      FROM alpine:3.20
      RUN apk add --no-cache curl && pip install requests
      USER nobody
    `,
    dedent`
      FROM debian:12
      RUN apt-get update \\
       && apt-get install -y curl
    `,
  ])("%j: the other instructions are untouched and every command is still there", (code) => {
    assertFixPreservesMeaning({
      rule: "package-manager-clean-cache",
      code,
      filename: dockerfile,
      meaning(before, after) {
        const old = instructions(before);
        const now = instructions(after);
        expect(now.map((entry) => entry.type)).toEqual(old.map((entry) => entry.type));
        for (const [index, entry] of old.entries()) {
          if (entry.type !== "Run") expect(now[index]).toEqual(entry);
          // A fix only adds (flags, cleanup commands): every word written before is still there, in order.
          else {
            const words = entry.rest.split(/\s+/u).filter(Boolean);
            let position = 0;
            for (const word of words) {
              position = now[index]!.rest.indexOf(word, position);
              expect(position, `${word} kept`).toBeGreaterThanOrEqual(0);
            }
          }
        }
      },
    });
  });
});
