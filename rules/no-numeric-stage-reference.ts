import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { stageReferences } from "../lib/semantics/stages/stage-references.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

/** A stage index as BuildKit reads one in `--from`/`from=`: decimal digits only (`dockerfile2llb`, `strconv.Atoi`). */
const STAGE_INDEX = /^\d+$/u;

export default createRule<DockerfileRuleTypes<[], "numericReference" | "unnamedStage">>("no-numeric-stage-reference", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require `COPY --from` and `RUN --mount from=` to name a stage rather than count stages",
      category: "stages",
      config: "strict",
      fileKinds: ["dockerfile"],
      peers: [],
    },
    fixable: "code",
    schema: [],
    messages: {
      numericReference:
        "`{{site}}` counts stages: inserting or removing a stage above stage {{index}} silently makes it read another stage. Name the stage: `{{replacement}}`.",
      unnamedStage:
        "`{{site}}` counts stages: inserting or removing a stage above stage {{index}} silently makes it read another stage. Give stage {{index}} a name (`FROM … AS <name>`) and use it here.",
    },
  },
  create(context) {
    const { sourceCode } = context;
    return {
      Program(program) {
        for (const reference of stageReferences(program)) {
          if (reference.site === "from" || !reference.literal || !STAGE_INDEX.test(reference.written)) continue;
          // An index past the last stage is no-undefined-stage's finding; an index into the stage itself is no-self-stage-reference's.
          if (reference.target.kind !== "stage" || reference.target.stage === reference.stage) continue;
          const target = reference.target.stage;
          const site = reference.site === "copy-from" ? `${reference.instruction.keyword.value} --from=${reference.written}` : `--mount from=${reference.written}`;
          const loc = locOfRange(sourceCode, reference.range);
          if (target.name === null) {
            context.report({ loc, messageId: "unnamedStage", data: { site, index: String(target.index) } });
            continue;
          }
          // Stage names are looked up before named contexts and images, so the name reads the same stage the index did.
          const name = target.name;
          const replacement = reference.site === "copy-from" ? `--from=${name}` : `from=${name}`;
          context.report({
            loc,
            messageId: "numericReference",
            data: { site, index: String(target.index), replacement },
            fix: (fixer) => fixer.replaceTextRange(reference.range, name),
          });
        }
      },
    };
  },
});
