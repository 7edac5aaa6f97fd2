import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { buildStepOf } from "../lib/semantics/stages/build-steps.js";
import { runShellScript } from "../lib/semantics/run/run-shell.js";
import { defineBuildVisitor } from "../lib/languages/dockerfile/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

export default createRule<DockerfileRuleTypes<[], "singleStageBuild">>("prefer-multi-stage-build", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Prefer a multi-stage build when a single-stage Dockerfile compiles or bundles the application",
      category: "stages",
      config: "strict",
      fileKinds: ["dockerfile"],
      peers: [],
    },
    schema: [],
    messages: {
      singleStageBuild:
        "This single-stage Dockerfile runs a build step (`{{step}}`), so the image ships the toolchain, the sources and the build's caches. Build in a first stage (`FROM … AS build`) and COPY --from=build only the result into a small runtime stage.",
    },
  },
  create(context) {
    const { sourceCode } = context;
    return defineBuildVisitor(context, {
      onShippedApplication({ program, stage }) {
        if (program.stages.length !== 1) return;
        for (const instruction of stage.instructions) {
          if (instruction.type !== "Run") continue;
          const script = runShellScript(program, instruction);
          for (const command of script?.commands ?? []) {
            const step = buildStepOf(command);
            if (!step) continue;
            // One finding per file: the first build step is where the builder stage would end.
            context.report({ loc: locOfRange(sourceCode, command.range), messageId: "singleStageBuild", data: { step: step.label } });
            return;
          }
        }
      },
    });
  },
});
