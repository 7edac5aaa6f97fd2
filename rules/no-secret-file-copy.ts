import type { Add, Copy } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { isRemoteUrl } from "../lib/semantics/files/add-sources.js";
import { secretFileKind } from "../lib/semantics/secrets/secret-files.js";
import { getStageGraph, stageOf } from "../lib/semantics/stages/stages.js";
import { argumentValue } from "../lib/semantics/variables/word-value.js";
import { createRule } from "../lib/utils/create-rule.js";

export default createRule<DockerfileRuleTypes<[], "secretFile">>("no-secret-file-copy", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow COPY/ADD of secret files (`.env`, private keys, `.npmrc`, `.netrc`, credentials) into an image",
      category: "security",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: [],
    },
    schema: [],
    messages: {
      secretFile:
        "'{{file}}' is {{what}}: copied into a layer, it stays in the image even if a later step deletes it. Use a build secret (RUN --mount=type=secret) or provide it at run time.",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;

    function check(node: Copy | Add): void {
      // From another stage or image: not a file of the build context.
      if (node.flags.some((flag) => flag.name === "from")) return;
      // A builder stage's layers never ship (only what is copied out of it does).
      const stage = stageOf(program, node);
      if (stage && !getStageGraph(program).isShipped(stage)) return;
      for (const source of node.sources) {
        const value = argumentValue(program, node, source) ?? source.value;
        if (isRemoteUrl(value)) continue;
        const kind = secretFileKind(value);
        if (!kind) continue;
        context.report({ loc: source.loc, messageId: "secretFile", data: { file: value, what: kind.description } });
      }
    }

    return {
      Copy: check,
      Add: check,
    };
  },
});
