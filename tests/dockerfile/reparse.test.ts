/**
 * reparseEdited: what an instruction becomes after a fix, read as BuildKit reads it. Its parses are
 * kept by text (a bounded cache): a text seen before gives the same answer as a first parse, whatever
 * else was parsed in between, and the escape directive is part of the text.
 */
import { describe, expect, it } from "vitest";
import type { DockerfileProgram, Instruction } from "../../lib/dockerfile/ast.js";
import { reparseEdited } from "../../lib/dockerfile/reparse.js";
import { parseOk } from "./support/helpers.js";

function firstInstruction(program: DockerfileProgram): Instruction {
  return program.stages[0]!.instructions[0]!;
}

/** The parts of an instruction a fix proof reads: its type and its pairs or its shell text. */
function summary(instruction: Instruction | null): unknown {
  if (instruction === null) return null;
  if (instruction.type === "Env" || instruction.type === "Label") return [instruction.type, instruction.pairs.map((pair) => [pair.key.value, pair.value?.value ?? null, pair.legacy])];
  if (instruction.type === "Run") return [instruction.type, instruction.form?.type === "ShellForm" ? instruction.form.shell.text : null];
  return [instruction.type];
}

/** The legacy pair's fix (`KEY value` → `KEY=<replacement>`) applied and read again. */
function reparseLegacyFix(text: string, replacement: string): Instruction | null {
  const program = parseOk(text);
  const instruction = firstInstruction(program);
  if (instruction.type !== "Env") throw new Error("expected an ENV");
  const pair = instruction.pairs[0]!;
  return reparseEdited(text, program, instruction, [{ range: [pair.key.range[1], pair.value!.range[1]], text: replacement }]);
}

describe("reparseEdited", () => {
  it("reads the edited instruction, and gives the same answer for the same text again", () => {
    const text = "FROM alpine\nENV GREETING hello world\n";
    const first = reparseLegacyFix(text, '="hello world"');
    expect(summary(first)).toEqual(["Env", [["GREETING", '"hello world"', false]]]);
    expect(summary(reparseLegacyFix(text, '="hello world"'))).toEqual(summary(first));
  });

  it("is null for an edit that leaves a continuation swallowing the next instruction, the first time and again", () => {
    const text = "FROM alpine\nENV A b\n";
    expect(reparseLegacyFix(text, "=b \\")).toBeNull();
    expect(reparseLegacyFix(text, "=b \\")).toBeNull();
  });

  it("reads the same edit under another escape directive as that directive says", () => {
    // A line ending in `\` continues under the default escape, and is a literal backslash under `# escape=\``.
    const backslash = "FROM alpine\nENV P a\n";
    const backtick = "# escape=`\nFROM alpine\nENV P a\n";
    expect(reparseLegacyFix(backslash, "=C:\\")).toBeNull();
    expect(summary(reparseLegacyFix(backtick, "=C:\\"))).toEqual(["Env", [["P", "C:\\", false]]]);
    expect(reparseLegacyFix(backslash, "=C:\\")).toBeNull();
  });

  it("gives the first answer again after more texts than it keeps were parsed in between", () => {
    const text = "FROM alpine\nENV KEEP me\n";
    const expected = summary(reparseLegacyFix(text, "=me"));
    for (let index = 0; index < 1200; index++) reparseLegacyFix(`FROM alpine\nENV K${index} v\n`, `=v${index}`);
    expect(summary(reparseLegacyFix(text, "=me"))).toEqual(expected);
    expect(summary(reparseLegacyFix("FROM alpine\nENV K7 v\n", "=v7"))).toEqual(["Env", [["K7", "v7", false]]]);
  });

  it("refuses an edit outside the instruction", () => {
    const text = "FROM alpine\nENV A b\n";
    const program = parseOk(text);
    const instruction = firstInstruction(program);
    expect(reparseEdited(text, program, instruction, [{ range: [0, 4], text: "" }])).toBeNull();
  });
});
