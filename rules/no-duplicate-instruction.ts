import type { Instruction, Stage } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { createRule } from "../lib/utils/create-rule.js";
import { wholeLinesRange } from "../lib/utils/line-edits.js";

/**
 * Instructions that set one field of the image config: only the last one of a stage takes effect
 * (Dockerfile reference, "CMD": "If you list more than one CMD, only the last one takes effect";
 * the same holds for ENTRYPOINT and HEALTHCHECK, https://docs.docker.com/reference/dockerfile/).
 */
const SINGLE_VALUED = ["Cmd", "Entrypoint", "Healthcheck"] as const;
type SingleValued = (typeof SINGLE_VALUED)[number];

function isSingleValued(instruction: Instruction): instruction is Extract<Instruction, { type: SingleValued }> {
  return (SINGLE_VALUED as readonly string[]).includes(instruction.type);
}

export default createRule<DockerfileRuleTypes<[], "overridden" | "removeEarlier">>("no-duplicate-instruction", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow more than one CMD, ENTRYPOINT or HEALTHCHECK in a stage: only the last one takes effect",
      category: "healthchecks",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3012", "hadolint DL4003", "hadolint DL4004", "BuildKit MultipleInstructionsDisallowed", "Trivy DS-0007", "Trivy DS-0016", "Trivy DS-0023", "KICS Multiple CMD Instructions Listed", "KICS Multiple ENTRYPOINT Instructions Listed", "SonarQube S6589"],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      overridden: "This {{keyword}} does nothing: the {{keyword}} on line {{line}} of the same stage replaces it.",
      removeEarlier: "Remove this {{keyword}} (the one on line {{line}} is the one that applies).",
    },
  },
  create(context) {
    const { sourceCode } = context;

    function check(stage: Stage): void {
      const last = new Map<SingleValued, Instruction>();
      for (const instruction of stage.instructions) if (isSingleValued(instruction)) last.set(instruction.type, instruction);
      for (const instruction of stage.instructions) {
        if (!isSingleValued(instruction)) continue;
        const winner = last.get(instruction.type);
        if (!winner || winner === instruction) continue;
        const data = { keyword: instruction.type.toUpperCase(), line: String(winner.loc.start.line) };
        context.report({
          loc: instruction.keyword.loc,
          messageId: "overridden",
          data,
          suggest: [
            {
              messageId: "removeEarlier",
              data,
              fix: (fixer) => fixer.removeRange(wholeLinesRange(sourceCode.text, instruction.range)),
            },
          ],
        });
      }
    }

    return {
      Stage: check,
    };
  },
});
