import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { buildToolsLeftIn } from "../lib/semantics/build-tools.js";
import { shippedApplicationStage } from "../lib/semantics/shipped-image.js";
import { createRule } from "../lib/utils/create-rule.js";
import { rangeLoc } from "../lib/utils/range-loc.js";

export default createRule<DockerfileRuleTypes<[], "buildTools">>("no-build-tools-in-final-stage", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow compilers and `-dev` packages left in the image a build ships; build in a builder stage",
      category: "stages",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: [],
    },
    schema: [],
    messages: {
      buildTools:
        "{{where}} installs build tools ({{packages}}) with {{manager}} and never removes them, so they ship in the image (size, attack surface). Compile in a builder stage and COPY --from it only the result, or remove them in the same RUN.",
    },
  },
  create(context) {
    const { sourceCode } = context;
    return {
      Program(program) {
        const shipped = shippedApplicationStage(program, { filename: context.filename });
        if (!shipped) return;
        for (const left of buildToolsLeftIn(program, shipped)) {
          const first = left.packages[0];
          if (!first) continue;
          const where =
            left.stage === shipped
              ? shipped.name
                ? `The final stage "${shipped.name}"`
                : "The final stage"
              : `Stage "${left.stage.name ?? String(left.stage.index)}", which the final stage is built FROM,`;
          context.report({
            loc: rangeLoc(sourceCode, [first.word.range[0], (left.packages.at(-1) ?? first).word.range[1]]),
            messageId: "buildTools",
            data: { where, packages: left.packages.map((argument) => argument.name ?? argument.word.raw).join(", "), manager: left.invocation.manager },
          });
        }
      },
    };
  },
});
