import { allInstructions } from "../lib/dockerfile/ast-helpers.js";
import type { Instruction, Range } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { INSTRUCTION_NAMES } from "../lib/semantics/instructions/buildkit-instructions.js";
import { buildkitParseProblems } from "../lib/semantics/instructions/buildkit-parse-checks.js";
import { getStrayHeredocs, type StrayHeredoc } from "../lib/semantics/instructions/stray-heredocs.js";
import { createRule } from "../lib/utils/create-rule.js";
import { closestMatch } from "../lib/utils/edit-distance.js";

type MessageIds = "unknown" | "unknownDidYouMean" | "unknownFlag" | "invalid" | "loneCarriageReturn";

/**
 * The lone carriage returns of a Dockerfile, one per line (the first): `\r`s not followed by a `\n`
 * (after more `\r`s) nor by the end of the file. BuildKit splits lines on `\n` only
 * (`parser.go`, `scanLines`) and reads a `\r` inside a line as a blank (`reWhitespace`), so the text
 * after one belongs to the line before it (`lib/utils/line-ends.ts`).
 */
function loneCarriageReturns(text: string): number[] {
  const found: number[] = [];
  let lastLine = -1;
  for (let i = text.indexOf("\r"); i !== -1; i = text.indexOf("\r", i + 1)) {
    let k = i;
    while (k < text.length && text.charCodeAt(k) === 13) k++;
    if (k === text.length || text.charCodeAt(k) === 10) {
      i = k - 1;
      continue;
    }
    const lineStart = text.lastIndexOf("\n", i) + 1;
    if (lineStart !== lastLine) found.push(i);
    lastLine = lineStart;
    i = k - 1;
  }
  return found;
}

const UPPER_NAMES = INSTRUCTION_NAMES.map((name) => name.toUpperCase());

export default createRule<DockerfileRuleTypes<[], MessageIds>>("no-unknown-instruction", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow unknown instructions and instructions BuildKit's parser rejects (a missing image, an ENV without name, an unknown flag)",
      category: "hygiene",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["docker build (parse errors)"],
    },
    schema: [],
    messages: {
      unknown: "'{{keyword}}' is not a Dockerfile instruction: `docker build` stops with \"unknown instruction\".{{note}}",
      unknownDidYouMean: "'{{keyword}}' is not a Dockerfile instruction (did you mean '{{suggestion}}'?): `docker build` stops with \"unknown instruction\".{{note}}",
      unknownFlag: "{{instruction}} has no flag '--{{flag}}'{{hint}}: `docker build` stops with \"unknown flag\".{{note}}",
      invalid: "{{problem}}.{{note}}",
      loneCarriageReturn:
        "A lone carriage return (`\\r`, an old Mac line end) is not a line end for Docker: BuildKit ends lines only at `\\n`, so `{{after}}` belongs to the line before it{{where}}, not to a line of its own. Save the file with LF (or CRLF) line ends.",
    },
  },
  create(context) {
    const { sourceCode } = context;
    const loc = (range: Range) => ({ start: sourceCode.getLocFromIndex(range[0]), end: sourceCode.getLocFromIndex(range[1]) });

    /** Why the line is an instruction at all, when it stands in a would-be heredoc body. */
    function strayNote(stray: StrayHeredoc | undefined): string {
      if (!stray) return "";
      const host = stray.host.keyword.value.toUpperCase();
      return ` This line follows '<<${stray.delimiter}' on ${host} (line ${stray.host.loc.start.line}), but only RUN, COPY and ADD take heredocs: Docker reads each line below it as an instruction.`;
    }

    function check(instruction: Instruction, note: string, trigger: boolean): void {
      const where = trigger ? " (an ONBUILD trigger: images built FROM this one fail)" : "";
      if (instruction.type === "UnknownInstruction") {
        const keyword = instruction.keyword.value;
        const suggestion = note === "" ? closestMatch(keyword, UPPER_NAMES) : null;
        context.report({
          loc: instruction.keyword.loc,
          messageId: suggestion ? "unknownDidYouMean" : "unknown",
          data: { keyword, suggestion: suggestion ?? "", note: note + where },
        });
        return;
      }
      for (const problem of buildkitParseProblems(instruction, sourceCode.text)) {
        if (problem.kind === "unknownFlag") {
          context.report({
            loc: loc(problem.range),
            messageId: "unknownFlag",
            data: {
              instruction: instruction.keyword.value.toUpperCase(),
              flag: problem.flag!,
              hint: problem.suggestion ? ` (did you mean '--${problem.suggestion}'?)` : "",
              note: note + where,
            },
          });
        } else {
          context.report({ loc: loc(problem.range), messageId: "invalid", data: { problem: problem.problem!, note: note + where } });
        }
      }
      if (instruction.type === "Onbuild" && instruction.trigger) check(instruction.trigger, note, true);
    }

    return {
      Program(program) {
        const { text } = sourceCode;
        // Offsets only grow: one walk over the instructions and comments (both in source order).
        const instructions = allInstructions(program);
        let nextInstruction = 0;
        let nextComment = 0;
        for (const offset of loneCarriageReturns(text)) {
          const lineEnd = text.indexOf("\n", offset);
          const after = text.slice(offset + 1, lineEnd === -1 ? text.length : lineEnd).split("\r")[0]!.trim();
          while (nextInstruction < instructions.length && instructions[nextInstruction]!.range[1] <= offset) nextInstruction++;
          while (nextComment < program.comments.length && program.comments[nextComment]!.range[1] <= offset) nextComment++;
          const candidate = instructions[nextInstruction];
          const holder = candidate && candidate.range[0] <= offset ? candidate : undefined;
          const nearComment = program.comments[nextComment];
          const comment = !holder && nearComment && nearComment.range[0] <= offset ? nearComment : undefined;
          const where = holder ? ` (the ${holder.keyword.value.toUpperCase()} instruction)` : comment ? " (a comment, so Docker ignores it)" : "";
          context.report({ loc: loc([offset, offset + 1]), messageId: "loneCarriageReturn", data: { after: after.length > 40 ? `${after.slice(0, 40)}…` : after, where } });
        }
        const stray = getStrayHeredocs(program, sourceCode.text);
        for (const instruction of allInstructions(program)) check(instruction, strayNote(stray.get(instruction)), false);
      },
    };
  },
});
