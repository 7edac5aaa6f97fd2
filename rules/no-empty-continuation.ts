import { allInstructions } from "../lib/dockerfile/ast-helpers.js";
import type { Instruction } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { createRule } from "../lib/utils/create-rule.js";

/** The 1-based line numbers of an instruction's own lines, heredoc bodies excluded. */
function logicalLines(instruction: Instruction): [number, number] {
  const heredocs = instruction.type === "Onbuild" ? heredocsOf(instruction.trigger) : heredocsOf(instruction);
  const last = heredocs.length > 0 ? heredocs[0]!.loc.start.line - 1 : instruction.loc.end.line;
  return [instruction.loc.start.line, last];
}

function heredocsOf(instruction: Instruction | null): readonly { loc: { start: { line: number } } }[] {
  if (!instruction) return [];
  return instruction.type === "Run" || instruction.type === "Copy" || instruction.type === "Add" ? instruction.heredocs : [];
}

export default createRule<DockerfileRuleTypes<[], "emptyLine">>("no-empty-continuation", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow empty lines inside an instruction continued with the escape character",
      category: "hygiene",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["BuildKit NoEmptyContinuation"],
    },
    fixable: "whitespace",
    schema: [],
    messages: {
      emptyLine:
        "Empty line inside the {{keyword}} on line {{line}}: Docker skips it and goes on with the instruction, so the instruction does not end where it seems to (BuildKit plans to make this an error). Remove the line, or end the instruction above it.",
    },
  },
  create(context) {
    const { sourceCode } = context;
    return {
      Program(program) {
        for (const instruction of allInstructions(program)) {
          // Most instructions are one or two lines: no line of theirs to look at (and no tuple per instruction).
          if (instruction.loc.end.line - instruction.loc.start.line < 2) continue;
          const [first, last] = logicalLines(instruction);
          if (last - first < 2) continue;
          // Only an instruction of three lines or more can hold an empty one: the lines are split then.
          const lines = sourceCode.lines;
          const empty: number[] = [];
          for (let line = first + 1; line < last; line++) if (/^\s*$/u.test(lines[line - 1] ?? "x")) empty.push(line);
          if (empty.length === 0) continue;
          // Docker drops the lines already: removing them changes nothing in the build. One fix removes
          // every empty line of the instruction, so `--fix` needs one pass however many there are
          // (one line per pass hit ESLint's limit of 10 passes).
          const ranges = empty.map((line): [number, number] => [sourceCode.getIndexFromLoc({ line, column: 0 }), sourceCode.getIndexFromLoc({ line: line + 1, column: 0 })]);
          for (const line of empty) {
            context.report({
              loc: { start: { line, column: 0 }, end: { line, column: lines[line - 1]!.length } },
              messageId: "emptyLine",
              data: { keyword: instruction.keyword.value.toUpperCase(), line: String(first) },
              fix: (fixer) => ranges.map((range) => fixer.removeRange(range)),
            });
          }
        }
      },
    };
  },
});
