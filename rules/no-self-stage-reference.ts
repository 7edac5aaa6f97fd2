import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { stageReferences } from "../lib/semantics/stages/stage-references.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

export default createRule<DockerfileRuleTypes<[], "selfReference">>("no-self-stage-reference", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `COPY --from` and `RUN --mount from=` naming the stage they are in",
      category: "stages",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3023", "Trivy DS-0006", "KICS COPY '--from' References Current FROM Alias"],
    },
    schema: [],
    messages: {
      selfReference:
        'Stage "{{name}}" cannot read from itself: `{{site}}` names the stage it is in, and the build fails with a circular dependency. Copy from the stage that produces the files, or use a plain COPY/RUN in this stage.',
    },
  },
  create(context) {
    const { sourceCode } = context;
    return {
      Program(program) {
        for (const reference of stageReferences(program)) {
          if (reference.site === "from" || reference.target.kind !== "stage" || reference.target.stage !== reference.stage) continue;
          context.report({
            loc: locOfRange(sourceCode, reference.range),
            messageId: "selfReference",
            data: {
              name: reference.stage.name ?? String(reference.stage.index),
              site: reference.site === "copy-from" ? `${reference.instruction.keyword.value} --from=${reference.written}` : `--mount from=${reference.written}`,
            },
          });
        }
      },
    };
  },
});
