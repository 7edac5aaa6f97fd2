import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { referencesTo } from "../lib/semantics/stages/stage-references.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

export default createRule<DockerfileRuleTypes<[], "notLowercase">>("stage-name-casing", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require stage names in lowercase; the fix renames the stage and every reference to it",
      category: "stages",
      config: "stylistic",
      fileKinds: ["dockerfile"],
      peers: ["BuildKit StageNameCasing"],
    },
    fixable: "code",
    schema: [],
    messages: {
      notLowercase:
        'Stage name "{{name}}" is not lowercase. Stage names match case-insensitively but image references must be lowercase, so mixed case reads like an image and invites mismatches: name it "{{lower}}".',
    },
  },
  create(context) {
    const { sourceCode } = context;
    return {
      Program(program) {
        for (const stage of program.stages) {
          const name = stage.from.stageName;
          if (!name || name.value === name.value.toLowerCase()) continue;
          const lower = name.value.toLowerCase();
          // Every reference that resolves here; those written with variables or quotes keep matching
          // (BuildKit compares case-insensitively), so only literal ones are rewritten.
          const references = referencesTo(program, stage).filter(
            (reference) => reference.literal && reference.written !== reference.written.toLowerCase(),
          );
          context.report({
            loc: locOfRange(sourceCode, name.range),
            messageId: "notLowercase",
            data: { name: name.value, lower },
            fix: (fixer) => [
              fixer.replaceTextRange(name.range, lower),
              ...references.map((reference) => fixer.replaceTextRange(reference.range, reference.written.toLowerCase())),
            ],
          });
        }
      },
    };
  },
});
