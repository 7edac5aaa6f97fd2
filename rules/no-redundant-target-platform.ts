import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { platformFlag, platformRequest } from "../lib/semantics/stages/platform.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

export default createRule<DockerfileRuleTypes<[], "redundant">>("no-redundant-target-platform", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow `FROM --platform=$TARGETPLATFORM`, which is what FROM does without the flag",
      category: "images",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3065", "BuildKit RedundantTargetPlatform"],
    },
    fixable: "code",
    schema: [],
    messages: {
      redundant:
        "--platform={{value}} is redundant: FROM already pulls the image for the target platform. Remove the flag (use $BUILDPLATFORM if the stage should run on the build machine).",
    },
  },
  create(context) {
    const { sourceCode } = context;
    const text = sourceCode.text;
    return {
      From(node) {
        const flag = platformFlag(node);
        if (!flag?.value || platformRequest(flag, text)?.kind !== "target-platform") return;
        // Drop the flag and the blanks after it; a line continuation after it stays.
        let end = flag.range[1];
        while (text[end] === " " || text[end] === "\t") end += 1;
        context.report({
          loc: locOfRange(sourceCode, flag.range),
          messageId: "redundant",
          data: { value: flag.value.raw },
          fix: (fixer) => fixer.removeRange([flag.range[0], end]),
        });
      },
    };
  },
});
