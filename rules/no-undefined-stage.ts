import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { stageReferences } from "../lib/semantics/stages/stage-references.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

type MessageId = "undefinedStage" | "indexOutOfRange" | "laterStage";

export default createRule<DockerfileRuleTypes<[], MessageId>>("no-undefined-stage", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `COPY --from`, `RUN --mount from=` and `FROM` names that refer to no stage defined before them",
      category: "stages",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3022", "KICS COPY '--from' Without FROM Alias Defined Previously"],
    },
    schema: [],
    messages: {
      undefinedStage:
        'No stage is named "{{name}}", so Docker pulls an image called "{{name}}:latest" instead. Define the stage (`FROM … AS {{name}}`) or, if you mean an image, write it with its tag ("{{name}}:<version>").',
      indexOutOfRange: "Stage index {{name}} does not exist: this Dockerfile has {{count}} stage(s), numbered from 0. Refer to the stage by its name.",
      laterStage:
        'Stage "{{name}}" is defined only later (line {{line}}): FROM looks up earlier stages only, so Docker pulls an image called "{{name}}" here. Move that stage above this one.',
    },
  },
  create(context) {
    const { sourceCode } = context;
    return {
      Program(program) {
        for (const reference of stageReferences(program, context.filename)) {
          const { target } = reference;
          if (target.kind !== "missing") continue;
          const loc = locOfRange(sourceCode, reference.range);
          if (target.laterStage) {
            context.report({ loc, messageId: "laterStage", data: { name: target.value, line: String(target.laterStage.loc.start.line) } });
          } else if (/^\d+$/u.test(target.value)) {
            context.report({ loc, messageId: "indexOutOfRange", data: { name: target.value, count: String(program.stages.length) } });
          } else {
            context.report({ loc, messageId: "undefinedStage", data: { name: target.value } });
          }
        }
      },
    };
  },
});
