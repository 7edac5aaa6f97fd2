/** The classic parser route: `languageOptions.parser` with ESLint's JavaScript language. */
import { Linter, type Rule } from "eslint";
import { describe, expect, it } from "vitest";
import { parse, parseForESLint } from "../../lib/dockerfile/parse-for-eslint.js";
import { dedent } from "../support/dedent.js";

/** A rule that reports every RUN instruction. */
const noRun: Rule.RuleModule = {
  meta: { type: "problem", schema: [], messages: { run: "RUN found" } },
  create(context) {
    return {
      Run(node: unknown) {
        context.report({ node: node as never, messageId: "run" });
      },
    };
  },
};

function lint(code: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: "flat" });
  return linter.verify(code, [
    {
      files: ["**/*"],
      plugins: { test: { rules: { "no-run": noRun } } },
      languageOptions: { parser: { parseForESLint } },
      rules: { "test/no-run": "error" },
    },
  ]);
}

describe("parseForESLint", () => {
  it("returns a Program with tokens, Block comments and our visitor keys", () => {
    const result = parseForESLint(dedent`
      FROM a
      # note
      RUN x
    `);
    expect(result.ast.type).toBe("Program");
    expect(result.ast.tokens).toEqual([]);
    expect(result.ast.comments).toEqual([{ type: "Block", value: " note", range: [7, 13], loc: { start: { line: 2, column: 0 }, end: { line: 2, column: 6 } } }]);
    expect(result.visitorKeys.Run).toContain("form");
    expect(result.services).toEqual({});
    expect(parse("FROM a\n").stages).toHaveLength(1);
  });

  it("throws a SyntaxError with 1-based lineNumber and column", () => {
    let caught: unknown;
    try {
      parseForESLint("FROM a\nRUN <<EOF\n");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SyntaxError);
    expect(caught).toMatchObject({ message: "unterminated heredoc", lineNumber: 2, column: 5 });
  });

  it("works inside ESLint: rules run, eslint-disable comments apply, parse errors are fatal messages", () => {
    expect(lint(dedent`
      FROM a
      RUN x
      RUN y
    `).map((m) => [m.ruleId, m.line, m.column])).toEqual([
      ["test/no-run", 2, 1],
      ["test/no-run", 3, 1],
    ]);
    expect(lint(dedent`
      FROM a
      # eslint-disable-next-line test/no-run
      RUN x
      RUN y
    `).map((m) => m.line)).toEqual([4]);
    expect(lint(dedent`
      FROM a
      # eslint-disable test/no-run
      RUN x
      # eslint-enable test/no-run
      RUN y
    `).map((m) => m.line)).toEqual([5]);
    expect(lint("FROM a\nRUN <<EOF\n")).toMatchObject([{ fatal: true, message: "Parsing error: unterminated heredoc", line: 2, column: 5 }]);
  });

  it("reads back a shebang line that ESLint rewrote to //", () => {
    const messages = lint(dedent`
      #!/usr/bin/env docker-build
      FROM a
      RUN x
    `);
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([["test/no-run", 3]]);
    const ast = parseForESLint("///usr/bin/env x\nFROM a\n").ast;
    expect(ast.comments[0]).toMatchObject({ value: "/usr/bin/env x" });
  });
});
