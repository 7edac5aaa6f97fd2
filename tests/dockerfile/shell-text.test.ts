/**
 * Logical lines and the text handed to the shell (BuildKit `parser.Parse`: continuation joining,
 * comment lines and blank lines inside continuations dropped), with the offset map back to the source.
 */
import { describe, expect, it } from "vitest";
import type { Run, ShellForm } from "../../lib/dockerfile/ast.js";
import { contiguousShellText, sliceShellText, toSourceOffset, toSourceRange, toSourceStartOffset } from "../../lib/dockerfile/shell-text.js";
import { expectVerbatimMapping, only, parseOk, slice, sourceOffsetOf } from "./support/helpers.js";
import { dedent } from "../support/dedent.js";

function runShell(text: string): { run: Run; form: ShellForm } {
  const run = only(text, "Run");
  if (run.form?.type !== "ShellForm") throw new Error("expected shell form");
  return { run, form: run.form };
}

describe("continuation lines", () => {
  it("joins lines: the escape, blanks after it and the line break go, nothing is inserted, leading blanks stay", () => {
    const text = "FROM a\nRUN apt-get update \\\n    && apt-get install -y curl\\  \n\t&& rm -rf /var/lib/apt/lists/*\n";
    const { form, run } = runShell(text);
    expect(form.shell.text).toBe("apt-get update     && apt-get install -y curl\t&& rm -rf /var/lib/apt/lists/*");
    expect(form.raw).toBe("apt-get update \\\n    && apt-get install -y curl\\  \n\t&& rm -rf /var/lib/apt/lists/*");
    expect(slice(text, form.range)).toBe(form.raw);
    expectVerbatimMapping(text, form.shell);
    expect(form.shell.segments).toEqual([
      { textStart: 0, sourceStart: 11, length: 15 },
      { textStart: 15, sourceStart: 28, length: 30 },
      { textStart: 45, sourceStart: 62, length: 31 },
    ]);
    // Chosen characters map to their source offsets.
    expect(sourceOffsetOf(form.shell, "&&")).toBe(text.indexOf("&& apt-get"));
    expect(sourceOffsetOf(form.shell, "&&", 1)).toBe(text.indexOf("&& rm"));
    expect(sourceOffsetOf(form.shell, "curl")).toBe(text.indexOf("curl"));
    expect(run.range).toEqual([7, text.length - 1]);
    expect(run.loc).toEqual({ start: { line: 2, column: 0 }, end: { line: 4, column: 31 } });
    expect(run.script).toEqual({ kind: "command", text: form.shell });
  });

  it("drops comment lines (also indented ones) inside a continuation, and lists them as comments", () => {
    const text = dedent`
      FROM a
      RUN set -eux; \\
      # a comment
          apk add foo; \\
          # indented comment \\
          apk add bar
    `;
    const { form } = runShell(text);
    expect(form.shell.text).toBe("set -eux;     apk add foo;     apk add bar");
    expectVerbatimMapping(text, form.shell);
    expect(sourceOffsetOf(form.shell, "apk add bar")).toBe(text.indexOf("apk add bar"));
    const program = parseOk(text);
    expect(program.comments.map((comment) => comment.value)).toEqual([" a comment", " indented comment \\"]);
    expect(program.comments.map((comment) => slice(text, comment.range))).toEqual(["# a comment", "# indented comment \\"]);
    expect(program.comments[1]!.loc).toEqual({ start: { line: 5, column: 4 }, end: { line: 5, column: 24 } });
  });

  it("drops blank lines inside a continuation (they do not end the instruction)", () => {
    const text = "FROM a\nRUN echo one \\\n\n   \t\n    two\nRUN echo three\n";
    const program = parseOk(text);
    const runs = program.stages[0]!.instructions;
    expect(runs).toHaveLength(2);
    const first = runs[0] as Run;
    expect(first.form?.type === "ShellForm" && first.form.shell.text).toBe("echo one     two");
    expect(first.loc.end.line).toBe(5);
  });

  it("keeps continuing across a trailing comment and blank lines, as BuildKit does", () => {
    const text = dedent`
      FROM a
      RUN a \\
          b \\
      # trailing

      RUN c
    `;
    const { form } = runShell(text);
    expect(form.shell.text).toBe("a     b RUN c");
  });

  it("does not treat an escaped escape character as a continuation", () => {
    const text = dedent`
      FROM a
      RUN echo foo\\\\
      RUN echo bar
    `;
    const program = parseOk(text);
    expect(program.stages[0]!.instructions).toHaveLength(2);
    const first = program.stages[0]!.instructions[0] as Run;
    expect(first.form?.type === "ShellForm" && first.form.shell.text).toBe("echo foo\\\\");
  });

  it("continues on a line that is only the escape character", () => {
    const text = dedent`
      FROM a
      RUN echo a \\
      \\
        b
    `;
    const { form } = runShell(text);
    expect(form.shell.text).toBe("echo a   b");
  });

  it("keeps the blanks of a continuation line that holds only blanks and the escape", () => {
    const text = dedent`
      FROM a
      RUN echo a\\
         \\
      b
    `;
    const { form } = runShell(text);
    expect(form.shell.text).toBe("echo a   b");
  });

  it("ends an instruction at the end of the file even when a continuation is pending", () => {
    const text = "FROM a\nRUN echo a \\";
    const { run, form } = runShell(text);
    expect(form.shell.text).toBe("echo a");
    expect(slice(text, run.range)).toBe("RUN echo a \\");
  });

  it("handles CRLF line endings", () => {
    const text = "FROM a\r\nRUN echo a \\\r\n  # c\r\n    && echo b\r\nCMD x\r\n";
    const { form, run } = runShell(text);
    expect(form.shell.text).toBe("echo a     && echo b");
    expectVerbatimMapping(text, form.shell);
    expect(sourceOffsetOf(form.shell, "&&")).toBe(text.indexOf("&&"));
    expect(run.loc).toEqual({ start: { line: 2, column: 0 }, end: { line: 4, column: 13 } });
    const program = parseOk(text);
    expect(program.comments[0]!.loc).toEqual({ start: { line: 3, column: 2 }, end: { line: 3, column: 5 } });
    expect(program.stages[0]!.instructions[1]!.loc.start).toEqual({ line: 5, column: 0 });
  });

  it("reads a lone CR as BuildKit does: inside the line, where it separates words", () => {
    // BuildKit splits lines on \n only (parser.go scanLines); `USER 10001` is part of the RUN.
    const text = "FROM a\nRUN echo a\rUSER 10001\nCMD x\n";
    const program = parseOk(text);
    const [run, cmd] = program.stages[0]!.instructions;
    expect(program.stages[0]!.instructions.map((instruction) => instruction.type)).toEqual(["Run", "Cmd"]);
    expect(run!.type === "Run" && run!.form?.type === "ShellForm" && run!.form.shell.text).toBe("echo a\rUSER 10001");
    expect(cmd!.loc.start).toEqual({ line: 3, column: 0 });
    // A file with lone CRs only is one line: one FROM whose words run on.
    const single = parseOk("FROM a\rRUN echo a \\\r    b\rCMD x\r");
    expect(single.stages).toHaveLength(1);
    expect(single.stages[0]!.instructions).toHaveLength(0);
  });

  it("continues a line exactly as BuildKit's regexp does: escape, optional [ \\t], end of line", () => {
    // `([^\\])\\[ \\t]*$|^\\[ \\t]*$` (parser.go setEscapeToken)
    const types = (text: string) => parseOk(text).stages[0]!.instructions.map((instruction) => instruction.type);
    expect(types("FROM a\nRUN apt-get install zz\\ \nUSER app\n")).toEqual(["Run"]); // `zz\ ` continues
    expect(types("FROM a\nRUN echo a \\ \t\r\nUSER app\r\n")).toEqual(["Run"]);
    expect(types(dedent`
      FROM a
      RUN echo a\\\\
      USER app
    `)).toEqual(["Run", "User"]); // `\\` is an escaped escape
    expect(types(dedent`
      FROM a
      RUN echo a \\
      \\
      USER app
    `)).toEqual(["Run"]); // a lone `\` line continues
    expect(types("FROM a\nRUN echo a \\\f\nUSER app\n")).toEqual(["Run", "User"]); // only blanks and tabs may follow
    const run = parseOk("FROM a\nRUN apt-get install zz\\ \nUSER app\n").stages[0]!.instructions[0]!;
    expect(run.type === "Run" && run.form?.type === "ShellForm" && run.form.shell.text).toBe("apt-get install zzUSER app");
  });

  it("trims every \\r before a \\n, and at the end of the file, from a line (trimNewline)", () => {
    const text = "FROM a\r\r\nRUN echo a \\\r\n    b\r\r";
    const program = parseOk(text);
    const run = program.stages[0]!.instructions[0]!;
    expect(run.type === "Run" && run.form?.type === "ShellForm" && run.form.shell.text).toBe("echo a     b");
    expect(run.loc).toEqual({ start: { line: 2, column: 0 }, end: { line: 3, column: 5 } });
    expect(program.stages[0]!.from.loc.end).toEqual({ line: 1, column: 6 });
  });

  it("uses the backtick as continuation character with # escape=`", () => {
    const text = dedent`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN Write-Host C:\\temp\\ \`
          ; Write-Host done
      COPY C:\\src\\ C:\\dst\\
    `;
    const program = parseOk(text);
    expect(program.escapeChar).toBe("`");
    const [run, copy] = program.stages[0]!.instructions;
    expect(run!.type === "Run" && run!.form?.type === "ShellForm" && run!.form.shell.text).toBe("Write-Host C:\\temp\\     ; Write-Host done");
    expect(copy!.type === "Copy" && copy!.destination?.type === "Word" && copy!.destination.value).toBe("C:\\dst\\");
  });

  it("strips leading blanks of the first line only", () => {
    const text = "FROM a\n   RUN   echo a\n";
    const run = only(text, "Run");
    expect(run.keyword.range).toEqual([10, 13]);
    expect(run.form?.type === "ShellForm" && run.form.shell.text).toBe("echo a");
  });

  it("maps a word split by a continuation back to both source pieces", () => {
    const text = dedent`
      FROM a
      ENV A=foo\\
      bar
    `;
    const env = only(text, "Env");
    const value = env.pairs[0]!.value!;
    expect(value.value).toBe("foobar");
    expect(slice(text, value.range)).toBe("foo\\\nbar");
  });
});

describe("ShellText helpers", () => {
  const shell = { text: "abcdef", segments: [{ textStart: 0, sourceStart: 10, length: 3 }, { textStart: 3, sourceStart: 20, length: 3 }] };

  it("maps offsets (start-biased and end-biased at a boundary)", () => {
    expect(toSourceStartOffset(shell, 0)).toBe(10);
    expect(toSourceStartOffset(shell, 3)).toBe(20);
    expect(toSourceOffset(shell, 3)).toBe(13);
    expect(toSourceOffset(shell, 4)).toBe(21);
    expect(toSourceOffset(shell, 6)).toBe(23);
    expect(toSourceOffset(shell, 99)).toBe(23);
    expect(toSourceRange(shell, 2, 4)).toEqual([12, 21]);
    expect(toSourceRange(shell, 3, 3)).toEqual([20, 20]);
  });

  it("slices with a rebased mapping", () => {
    expect(sliceShellText(shell, 2, 5)).toEqual({ text: "cde", segments: [{ textStart: 0, sourceStart: 12, length: 1 }, { textStart: 1, sourceStart: 20, length: 2 }] });
    expect(contiguousShellText("xy", 5)).toEqual({ text: "xy", segments: [{ textStart: 0, sourceStart: 5, length: 2 }] });
    expect(contiguousShellText("", 5)).toEqual({ text: "", segments: [] });
  });
});
