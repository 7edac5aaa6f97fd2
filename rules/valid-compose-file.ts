import type { AST } from "yaml-eslint-parser";
import type { ComposeRuleTypes, ComposeVisitor } from "../lib/languages/compose/rule-types.js";
import { SPEC_PROBLEM_MESSAGES, validateComposeFile, type SpecProblemId } from "../lib/compose/validate.js";
import { createRule } from "../lib/utils/create-rule.js";

export default createRule<ComposeRuleTypes<[], SpecProblemId>>("valid-compose-file", {
  meta: {
    type: "problem",
    docs: {
      description: "Require compose files to follow the Compose Specification: known keys, right types and shapes, valid durations, sizes, restart policies, ports and volumes",
      category: "environment",
      config: "recommended",
      fileKinds: ["compose"],
      peers: ["docker compose config"],
    },
    schema: [],
    // One message id per kind of problem (lib/compose/validate.ts).
    messages: SPEC_PROBLEM_MESSAGES,
  },
  create(context) {
    // `Program` is not in ComposeVisitor (multi-language rules would see two Program types); only this
    // rule needs it: the docker/compose language gives a file with no YAML content no document at all.
    const visitor: ComposeVisitor & { Program(program: AST.YAMLProgram): void } = {
      Program(program) {
        // Compose refuses a file without content (compose-go: "empty compose file"); so does the Compose Specification's schema.
        if (program.body.length === 0) context.report({ loc: { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } }, messageId: "emptyFile" });
      },
      YAMLDocument(document) {
        const program = document.parent;
        // Report once per file, from the first document.
        if (program?.type !== "Program" || program.body[0] !== document) return;
        for (const problem of validateComposeFile(program)) {
          context.report({ loc: problem.node.loc, messageId: problem.id, data: problem.data });
        }
      },
    };
    return visitor;
  },
});
