import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { composeImageUses, dockerfileImageUses } from "../lib/semantics/images/image-uses.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";
import { fileKindOf } from "../lib/utils/file-kind.js";
import { locOfRange } from "../lib/utils/range-loc.js";

type MessageId = "missingDigest";

export default createRule<DockerfileRuleTypes<[], MessageId> & ComposeRuleTypes<[], MessageId>>("require-image-digest", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require images to be pinned by `@sha256:` digest",
      category: "images",
      config: "strict",
      fileKinds: ["dockerfile", "compose"],
      peers: ["SonarQube S7023"],
    },
    schema: [],
    messages: {
      missingDigest:
        'Image "{{image}}" is not pinned by digest: the registry can move its tag to different content at any time. Append the digest ("{{image}}@sha256:…"; `docker buildx imagetools inspect {{image}}` shows it) and let an update bot refresh it.',
    },
  },
  create(context) {
    const { sourceCode } = context;
    return {
      Program(program) {
        // Program is also the root of a compose file; only the Dockerfile one is read here.
        if (fileKindOf(program) !== "dockerfile") return;
        for (const use of dockerfileImageUses(program, context.filename)) {
          if (use.reference.digest !== null) continue;
          context.report({ loc: locOfRange(sourceCode, use.range), messageId: "missingDigest", data: { image: use.value } });
        }
      },
      ...defineComposeFileVisitor(context, {
        onDocument({ model }) {
          for (const use of composeImageUses(model)) {
            if (use.reference.digest !== null) continue;
            context.report({ node: use.node, messageId: "missingDigest", data: { image: use.value } });
          }
        },
      }),
    };
  },
});
