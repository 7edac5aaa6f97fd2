import type { DockerignoreProblemKind } from "../lib/dockerignore/validate.js";
import { validateDockerignore } from "../lib/dockerignore/validate.js";
import type { DockerignoreRuleTypes } from "../lib/languages/dockerignore/rule-types.js";
import { createRule } from "../lib/utils/create-rule.js";

type MessageId = "invalid" | "neverMatches" | "doubleStar" | "reincludesNothing" | "shadowed";

/** One message per kind of problem; the reason (lib/dockerignore/validate.ts) says what exactly is wrong. */
const MESSAGE_OF: Readonly<Record<DockerignoreProblemKind, MessageId>> = {
  syntax: "invalid",
  "illegal-exclusion": "invalid",
  compile: "invalid",
  "never-matches": "neverMatches",
  "double-star": "doubleStar",
  "reincludes-nothing": "reincludesNothing",
  shadowed: "shadowed",
};

export default createRule<DockerignoreRuleTypes<[], MessageId>>("valid-dockerignore", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `.dockerignore` patterns Docker rejects, and lines that can never match or have no effect",
      category: "build-context",
      config: "recommended",
      fileKinds: ["dockerignore"],
      peers: [],
    },
    schema: [],
    messages: {
      invalid: "Docker rejects this pattern and every build that reads this file fails: {{reason}}",
      neverMatches: "{{reason}}",
      doubleStar: "{{reason}}",
      reincludesNothing: "{{reason}}",
      shadowed: "{{reason}}",
    },
  },
  create(context) {
    return {
      Program(program) {
        for (const problem of validateDockerignore(program)) {
          context.report({ loc: problem.loc, messageId: MESSAGE_OF[problem.kind], data: { reason: problem.message } });
        }
      },
    };
  },
});
