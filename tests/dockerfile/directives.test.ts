/** Parser directives, following BuildKit's `DirectiveParser` (parser/directives.go). */
import { describe, expect, it } from "vitest";
import { parseErrors, parseOk, slice } from "./support/helpers.js";
import { dedent } from "../support/dedent.js";

describe("parser directives", () => {
  it("reads syntax, escape and check at the top, with exact ranges", () => {
    const text = dedent`
      # syntax=docker/dockerfile:1.7
      #Escape = \`
      # check=skip=JSONArgsRecommended
      FROM a
    `;
    const program = parseOk(text);
    expect(program.directives.map((d) => [d.name, d.value])).toEqual([
      ["syntax", "docker/dockerfile:1.7"],
      ["escape", "`"],
      ["check", "skip=JSONArgsRecommended"],
    ]);
    const [syntax, escape] = program.directives;
    expect(slice(text, syntax!.range)).toBe("# syntax=docker/dockerfile:1.7");
    expect(slice(text, syntax!.nameRange)).toBe("syntax");
    expect(slice(text, syntax!.valueRange)).toBe("docker/dockerfile:1.7");
    expect(slice(text, escape!.nameRange)).toBe("Escape");
    expect(escape!.loc).toEqual({ start: { line: 2, column: 0 }, end: { line: 2, column: 11 } });
    expect(program.escapeChar).toBe("`");
    expect(program.comments).toEqual([]);
  });

  it("trims blanks around the value", () => {
    const program = parseOk("#   syntax   =   docker/dockerfile:1   \nFROM a\n");
    expect(program.directives[0]!.value).toBe("docker/dockerfile:1");
  });

  it("ends the block at an unknown directive (dockerfile-ast's gap)", () => {
    const text = dedent`
      # foo=bar
      # escape=\`
      FROM a
      RUN echo \\
        b
    `;
    const program = parseOk(text);
    expect(program.directives).toEqual([]);
    expect(program.escapeChar).toBe("\\");
    expect(program.comments.map((c) => c.value)).toEqual([" foo=bar", " escape=`"]);
  });

  it("ends the block at an ordinary comment, a blank line or an instruction", () => {
    expect(parseOk(dedent`
      # hello
      # escape=\`
      FROM a
    `).directives).toEqual([]);
    expect(parseOk(dedent`
      # syntax=x

      # escape=\`
      FROM a
    `).directives.map((d) => d.name)).toEqual(["syntax"]);
    expect(parseOk("FROM a\n# escape=`\n").escapeChar).toBe("\\");
  });

  it("treats a #! first line as a comment that ends the parser's block, but keeps syntax/check after it", () => {
    const text = dedent`
      #!/usr/bin/env -S docker build -f
      # syntax=docker/dockerfile:1
      # escape=\`
      # check=error=true
      FROM a
    `;
    const program = parseOk(text);
    expect(program.escapeChar).toBe("\\");
    expect(program.directives.map((d) => [d.name, d.value])).toEqual([
      ["syntax", "docker/dockerfile:1"],
      ["check", "error=true"],
    ]);
    expect(program.comments.map((c) => c.value)).toEqual(["!/usr/bin/env -S docker build -f", " escape=`"]);
  });

  it("accepts leading blanks before a directive", () => {
    expect(parseOk("  # escape=`\nFROM a\n").escapeChar).toBe("`");
  });

  it("rejects an invalid escape value (fatal, BuildKit's message)", () => {
    expect(parseErrors("# escape=x\nFROM a\n")).toEqual([{ message: "invalid escape token 'x' does not match ` or \\", line: 1, column: 10 }]);
    expect(parseErrors(dedent`
      # syntax=a
      # escape=\\\\
      FROM a
    `)[0]).toMatchObject({ line: 2, column: 10 });
  });

  it("rejects a repeated directive (fatal)", () => {
    expect(parseErrors(dedent`
      # syntax=a
      # SYNTAX=b
      FROM a
    `)).toEqual([{ message: "only one syntax parser directive can be used", line: 2, column: 1 }]);
  });
});
