/** What makes BuildKit's parser reject a file, and nothing else. */
import { describe, expect, it } from "vitest";
import { parseDockerfile } from "../../lib/dockerfile/parse.js";
import { parseErrors, parseOk } from "./support/helpers.js";
import { dedent } from "../support/dedent.js";

describe("fatal errors", () => {
  it("rejects a file with no instructions", () => {
    const expected = [{ message: "file with no instructions", line: 1, column: 1 }];
    expect(parseErrors("")).toEqual(expected);
    expect(parseErrors("  \n\t\n")).toEqual(expected);
    expect(parseErrors(dedent`
      # just a comment

      # another
    `)).toEqual(expected);
    expect(parseErrors("# syntax=docker/dockerfile:1\n")).toEqual(expected);
  });

  it("rejects NUL characters (binary or UTF-16 content) at their position", () => {
    expect(parseErrors("FROM a\nRUN x\u0000y\n")).toEqual([
      { message: "file contains a NUL character: binary or UTF-16 content is not text", line: 2, column: 6 },
    ]);
    // A UTF-16LE file read as UTF-8.
    expect(parseErrors("F\u0000R\u0000O\u0000M\u0000")[0]).toMatchObject({ line: 1, column: 2 });
  });

  it("rejects an unterminated heredoc at its marker", () => {
    expect(parseErrors(dedent`
      FROM a
      RUN cat <<EOF
      hello
    `)).toEqual([{ message: "unterminated heredoc", line: 2, column: 9 }]);
    expect(parseErrors(dedent`
      FROM a
      COPY <<A <<B /x
      a
      A
      b
    `)).toEqual([{ message: "unterminated heredoc", line: 2, column: 10 }]);
    // The terminator must match exactly: trailing blanks do not end the body.
    expect(parseErrors("FROM a\nRUN <<EOF\necho\nEOF \n")[0]).toMatchObject({ message: "unterminated heredoc", line: 2 });
  });

  it("rejects a JSON array with non-string elements", () => {
    expect(parseErrors('FROM a\nCMD ["a", 1]\n')).toEqual([{ message: "when using JSON array syntax, arrays must be comprised of strings only", line: 2, column: 5 }]);
    expect(parseErrors('FROM a\nCOPY ["a", ["b"]]\n')[0]).toMatchObject({ line: 2, column: 6 });
  });

  it("parses everything else tolerantly", () => {
    const program = parseOk(dedent`
      RUN before from
      FROM
      FROMM x
      COPY
      ENV
      ENV A
      ENV a=b c
      HEALTHCHECK
      HEALTHCHECK FOO
      SHELL sh -c
      USER
      ONBUILD
      EXPOSE
    `);
    expect(program.preamble.map((i) => i.type)).toEqual(["Run"]);
    expect(program.stages[0]!.instructions.map((i) => i.type)).toEqual([
      "UnknownInstruction",
      "Copy",
      "Env",
      "Env",
      "Env",
      "Healthcheck",
      "Healthcheck",
      "Shell",
      "User",
      "Onbuild",
      "Expose",
    ]);
  });

  it("never throws", () => {
    const inputs = ["\\", "FROM a\n\\", "FROM a\nRUN [", 'FROM a\nRUN ["', "FROM a\nENV ${", "FROM ${A:?}", "FROM a\nRUN <<\n", dedent`
      FROM a
      RUN <<''

    `, "\r\r\n\n"];
    for (const input of inputs) expect(() => parseDockerfile(input)).not.toThrow();
  });

  it("survives deeply nested JSON", () => {
    const deep = "[".repeat(20000);
    expect(parseDockerfile(`FROM a\nCMD ${deep}\n`).ok).toBe(true);
    const nested = "[".repeat(5000) + "]".repeat(5000);
    expect(parseDockerfile(`FROM a\nCMD ${nested}\n`).ok).toBe(false);
  });
});
