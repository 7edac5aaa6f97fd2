import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { validateComposeFile } from "../lib/compose/validate.js";
import { createRule } from "../lib/utils/create-rule.js";

export default createRule<ComposeRuleTypes<[], "invalid">>("valid-compose-file", {
  meta: {
    type: "problem",
    docs: {
      description: "Require compose files to follow the Compose Specification: known keys, right types and shapes, valid durations, sizes, restart policies, ports and volumes",
      category: "environment",
      config: "recommended",
      fileKinds: ["compose"],
      peers: ["docker compose config", "dclint (JSON schema)"],
    },
    schema: [],
    messages: {
      invalid: "{{message}}",
    },
  },
  create(context) {
    return {
      YAMLDocument(document) {
        const program = document.parent;
        // Report once per file, from the first document.
        if (program?.type !== "Program" || program.body[0] !== document) return;
        for (const problem of validateComposeFile(program)) {
          context.report({ loc: problem.node.loc, messageId: "invalid", data: { message: problem.message } });
        }
      },
    };
  },
});
