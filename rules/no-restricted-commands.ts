import type { Run } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { createRule } from "../lib/utils/create-rule.js";

/**
 * TODO: what the rule judges, from what. Answer only what the rule can know: when it cannot tell, it is
 * silent (a false positive is a bug).
 */
function isReported(_run: Run): boolean {
  // A RUN's shell model, stage and commands: runShellOf / defineRunVisitor (lib/languages/dockerfile/visitors.ts); see CONTRIBUTING.md.
  return false;
}

export default createRule<DockerfileRuleTypes<[], "todo">>("no-restricted-commands", {
  meta: {
    type: "problem",
    docs: {
      description: "TODO: what the rule disallows or requires, in one sentence",
      category: "hygiene",
      // Opt-in until the corpus report (`npx tsx scripts/corpus-report.ts no-restricted-commands`) shows no false positive.
      config: null,
      fileKinds: ["dockerfile"],
      // Equivalent checks of other tools, also mapped in lib/peers/peer-checks.ts.
      peers: [],
    },
    schema: [],
    messages: {
      todo: "TODO: what is wrong, why it matters, and what to write instead.",
    },
  },
  create(context) {
    return {
      Run(run) {
        if (isReported(run)) context.report({ loc: run.keyword.loc, messageId: "todo" });
      },
    };
  },
});
