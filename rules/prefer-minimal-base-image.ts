import type { AST } from "yaml-eslint-parser";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import type { Range } from "../lib/dockerfile/ast.js";
import { minimalAlternative } from "../lib/semantics/images/image-families.js";
import { composeImageUses, dockerfileImageUses } from "../lib/semantics/images/image-uses.js";
import { getStageGraph } from "../lib/semantics/stages/stages.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { defineBuildVisitor } from "../lib/languages/dockerfile/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

type MessageId = "fullImage" | "useMinimal";

export default createRule<DockerfileRuleTypes<[], MessageId> & ComposeRuleTypes<[], MessageId>>("prefer-minimal-base-image", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Prefer the slim, alpine or JRE variant of a language image for the image you ship",
      category: "images",
      config: "recommended",
      fileKinds: ["dockerfile", "compose"],
      peers: [],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      fullImage:
        '{{where}} runs on "{{image}}", the full {{family}} image with compilers, headers and tools the application does not need at run time (more size, more CVEs). Use the minimal variant "{{suggestion}}", building in a separate stage if needed.',
      useMinimal: 'Use "{{suggestion}}" (check that the application needs nothing the full image had).',
    },
  },
  create(context) {
    const { sourceCode } = context;
    return {
      ...defineBuildVisitor(context, {
        onShippedApplication({ program, stage: produced }) {
          // The image the final stage is built on: the FROM at the root of its ancestry.
          const root = getStageGraph(program).ancestry(produced).at(-1);
          const use = dockerfileImageUses(program, context.filename).find((candidate) => candidate.site === "from" && candidate.stage === root);
          if (!use) return;
          const alternative = minimalAlternative(use.reference);
          if (!alternative) return;
          const suggestion = `${use.value.slice(0, use.value.length - (use.reference.tag?.length ?? 0) - (use.reference.digest === null ? 0 : use.reference.digest.length + 1))}${alternative.tag}`;
          const where = produced.name ? `The final stage "${produced.name}"` : "The final stage";
          // A digest pins the full image's content: a new tag without a new digest would not build, so no suggestion then.
          const tagRange = use.reference.digest === null ? use.tagRange : null;
          context.report({
            loc: locOfRange(sourceCode, use.tagRange ?? use.range),
            messageId: "fullImage",
            data: { where, image: use.value, family: alternative.family.displayName, suggestion },
            suggest: tagRange ? [{ messageId: "useMinimal", data: { suggestion }, fix: (fixer) => fixer.replaceTextRange(tagRange, alternative.tag) }] : [],
          });
        },
      }),
      ...defineComposeFileVisitor(context, {
        onDocument({ model }) {
          for (const use of composeImageUses(model)) {
            const alternative = minimalAlternative(use.reference);
            if (!alternative) continue;
            const suggestion = `${use.value.slice(0, use.value.length - (use.reference.tag?.length ?? 0))}${alternative.tag}`;
            const image = use.service.image;
            const tagRange = image && use.reference.digest === null && image.variables.length === 0 && !image.via ? scalarTagRange(image.node, use.value, use.reference.tag ?? "") : null;
            context.report({
              node: use.node,
              messageId: "fullImage",
              data: { where: `Service "${use.service.name}"`, image: use.value, family: alternative.family.displayName, suggestion },
              suggest: tagRange ? [{ messageId: "useMinimal", data: { suggestion }, fix: (fixer) => fixer.replaceTextRange(tagRange, alternative.tag) }] : [],
            });
          }
        },
      }),
    };

    /** Where the tag of a plain or quoted scalar holding exactly `value` is in the source; null when it is not written as is. */
    function scalarTagRange(node: AST.YAMLScalar, value: string, tag: string): Range | null {
      const written = sourceCode.text.slice(node.range[0], node.range[1]);
      const at = written.indexOf(value);
      if (at === -1 || written.indexOf(value, at + 1) !== -1 || !value.endsWith(`:${tag}`)) return null;
      const end = node.range[0] + at + value.length;
      return [end - tag.length, end];
    }
  },
});
