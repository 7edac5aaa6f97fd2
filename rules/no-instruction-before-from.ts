import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { createRule } from "../lib/utils/create-rule.js";

export default createRule<DockerfileRuleTypes<[], "beforeFrom">>("no-instruction-before-from", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow instructions other than ARG before the first FROM",
      category: "hygiene",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3061"],
    },
    schema: [],
    messages: {
      beforeFrom:
        "{{keyword}} comes before the first FROM: only ARG (and comments, parser directives) may, and `docker build` stops with \"no build stage in current context\". Move it below FROM.",
    },
  },
  create(context) {
    return {
      Program(program) {
        for (const instruction of program.preamble) {
          // ARG is the one instruction allowed here; an unknown word is no-unknown-instruction's finding.
          if (instruction.type === "Arg" || instruction.type === "UnknownInstruction") continue;
          context.report({ loc: instruction.keyword.loc, messageId: "beforeFrom", data: { keyword: instruction.keyword.value.toUpperCase() } });
        }
      },
    };
  },
});
