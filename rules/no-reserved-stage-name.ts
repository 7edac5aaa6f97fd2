import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

/**
 * Names BuildKit reserves (`ReservedStageName`, https://docs.docker.com/reference/build-checks/reserved-stage-name/):
 * `scratch` is the empty image and `context` the build context in `COPY --from`/`--mount from=`.
 */
const RESERVED: Readonly<Record<string, string>> = {
  scratch: "the empty base image",
  context: "the build context (and named contexts)",
};

export default createRule<DockerfileRuleTypes<[], "reserved">>("no-reserved-stage-name", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow the reserved stage names `scratch` and `context`",
      category: "stages",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3063", "BuildKit ReservedStageName"],
    },
    schema: [],
    messages: {
      reserved: 'Stage name "{{name}}" is reserved: "{{reserved}}" means {{meaning}}, so references to this stage would not reach it. Rename the stage.',
    },
  },
  create(context) {
    const { sourceCode } = context;
    return {
      From(node) {
        const name = node.stageName;
        if (!name) return;
        const reserved = name.value.toLowerCase();
        const meaning = Object.hasOwn(RESERVED, reserved) ? RESERVED[reserved] : undefined;
        if (meaning === undefined) return;
        context.report({ loc: locOfRange(sourceCode, name.range), messageId: "reserved", data: { name: name.value, reserved, meaning } });
      },
    };
  },
});
