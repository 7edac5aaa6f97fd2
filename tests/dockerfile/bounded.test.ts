/**
 * Deeply nested and very long Dockerfile constructs (issue 12): each lints without an exception and
 * without an internal error; a limit that must exist is named in a clear message.
 */
import path from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { MAX_VARIABLE_NESTING, scanVariables } from "../../lib/dockerfile/variables.js";
import plugin from "../../lib/index.js";

const dir = path.resolve(import.meta.dirname, "../fixtures/projects/dockerignore/empty");

function lint(code: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: "flat", cwd: dir });
  return linter.verify(code, plugin.configs.strict, { filename: path.join(dir, "Dockerfile") });
}

const nested = (depth: number) => "${A:-".repeat(depth) + "x" + "}".repeat(depth);

const CASES: [string, string][] = [
  ["5,000 nested subshells", `FROM alpine:3.20\nRUN ${"(".repeat(5000)}true${")".repeat(5000)}\n`],
  ["3,000 nested command substitutions", `FROM alpine:3.20\nRUN echo ${"$(echo ".repeat(3000)}x${")".repeat(3000)}\n`],
  ["5,000 nested ${A:-…} in RUN", `FROM alpine:3.20\nARG A=1\nRUN echo ${nested(5000)}\n`],
  ["5,000 nested ${A:-…} in ENV", `FROM alpine:3.20\nENV B=${nested(5000)}\n`],
  ["5,000 nested ${A:-…} in FROM", `ARG A=alpine\nFROM ${nested(5000)}\n`],
  ["3,000 nested ifs", `FROM alpine:3.20\nRUN ${"if true; then ".repeat(3000)}true${"; fi".repeat(3000)}\n`],
  ["20,000 pipes", `FROM alpine:3.20\nRUN ${"true | ".repeat(20_000)}true\n`],
  ["20,000-segment image name", `FROM ${"a/".repeat(20_000)}b:1\n`],
  ["20,000 continuation lines", `FROM alpine:3.20\nRUN echo \\\n${"a \\\n".repeat(20_000)}b\n`],
];

describe("deep and long Dockerfile constructs", () => {
  it.each(CASES)("%s", (_name, code) => {
    const messages = lint(code);
    expect(messages.filter((message) => message.fatal)).toEqual([]);
  });

  it("names the nesting limit of variable references", () => {
    expect(scanVariables(nested(MAX_VARIABLE_NESTING + 1), "\\").error).toBe(`variable references nested more than ${MAX_VARIABLE_NESTING} levels deep are not supported`);
    const within = scanVariables(nested(MAX_VARIABLE_NESTING), "\\");
    expect(within.error).toBeNull();
    expect(within.variables).toHaveLength(MAX_VARIABLE_NESTING);
  });
});
