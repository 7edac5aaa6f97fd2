import { allInstructions } from "../lib/dockerfile/ast-helpers.js";
import type { Instruction, Range } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { INSTRUCTION_NAMES } from "../lib/semantics/buildkit-instructions.js";
import { buildkitParseProblems } from "../lib/semantics/buildkit-parse-checks.js";
import { getStrayHeredocs, type StrayHeredoc } from "../lib/semantics/stray-heredocs.js";
import { createRule } from "../lib/utils/create-rule.js";
import { closestMatch } from "../lib/utils/edit-distance.js";

type MessageIds = "unknown" | "unknownDidYouMean" | "unknownFlag" | "invalid";

const UPPER_NAMES = INSTRUCTION_NAMES.map((name) => name.toUpperCase());

export default createRule<DockerfileRuleTypes<[], MessageIds>>("no-unknown-instruction", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow unknown instructions and instructions BuildKit's parser rejects (a missing image, an ENV without name, an unknown flag)",
      category: "hygiene",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["BuildKit \"unknown instruction\" and instruction parse errors"],
    },
    schema: [],
    messages: {
      unknown: "'{{keyword}}' is not a Dockerfile instruction: `docker build` stops with \"unknown instruction\".{{note}}",
      unknownDidYouMean: "'{{keyword}}' is not a Dockerfile instruction (did you mean '{{suggestion}}'?): `docker build` stops with \"unknown instruction\".{{note}}",
      unknownFlag: "{{instruction}} has no flag '--{{flag}}'{{hint}}: `docker build` stops with \"unknown flag\".{{note}}",
      invalid: "{{problem}}.{{note}}",
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
        const stray = getStrayHeredocs(program, sourceCode.text);
        for (const instruction of allInstructions(program)) check(instruction, strayNote(stray.get(instruction)), false);
      },
    };
  },
});
