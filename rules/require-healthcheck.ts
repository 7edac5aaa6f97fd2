import type { Stage } from "../lib/dockerfile/ast.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { imageHealthcheck } from "../lib/semantics/health/image-healthcheck.js";
import { declaresWhatRuns, serviceHealthcheck } from "../lib/semantics/health/service-healthcheck.js";
import { fromReference } from "../lib/semantics/stages/stage-references.js";
import { getStageGraph } from "../lib/semantics/stages/stages.js";
import { defineComposeProjectVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";
import { composeBuildTarget } from "../lib/semantics/stages/build-target.js";
import { shippedApplicationStage } from "../lib/semantics/stages/shipped-image.js";

type MessageId = "missing" | "missingUnlessBase" | "serviceMissing";

export default createRule<DockerfileRuleTypes<[], MessageId> & ComposeRuleTypes<[], MessageId>>("require-healthcheck", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require a health check on the image a Dockerfile builds and on every compose service",
      category: "healthchecks",
      config: "strict",
      fileKinds: ["dockerfile", "compose"],
      peers: ["hadolint DL3057", "Trivy DS-0026", "Checkov CKV_DOCKER_2", "KICS Healthcheck Instruction Missing", "KICS Healthcheck Not Set"],
    },
    schema: [],
    messages: {
      missing: "The image this Dockerfile builds has no HEALTHCHECK (neither its final stage, nor the stages it is built on, nor its base image): Docker and Compose cannot tell a hung container from a healthy one.",
      missingUnlessBase:
        "No HEALTHCHECK in the final stage or the stages it is built on; unless the base image '{{image}}' defines one, Docker and Compose cannot tell a hung container from a healthy one.",
      serviceMissing: "Service '{{service}}' has no health check ({{why}}): Compose cannot tell when it is ready or when it hangs.",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;

    function checkFinalStage(stage: Stage): void {
      const graph = getStageGraph(program);
      // The image an application ships: not a toolbox (a base or builder image whose command is a shell
      // or a REPL, a dev or test target, a dev container, an export-only `FROM scratch` stage that runs
      // nothing), where a health check would check nothing.
      if (stage !== shippedApplicationStage(program, { filename: context.filename })) return;
      const verdict = imageHealthcheck(program, composeBuildTarget(program, context.filename) ?? null);
      if (verdict.kind === "present" || verdict.kind === "disabled") return;
      const chain = graph.ancestry(stage);
      const root = chain.at(-1)!;
      const base = graph.baseOf(root);
      if (verdict.kind === "absent") {
        context.report({ loc: stage.from.keyword.loc, messageId: "missing" });
      } else if (base.kind === "image" && fromReference(program, root, context.filename)?.target.kind !== "context") {
        context.report({ loc: stage.from.keyword.loc, messageId: "missingUnlessBase", data: { image: base.value } });
      }
    }

    return {
      Stage: checkFinalStage,
      ...defineComposeProjectVisitor(context, {
        onDocument({ model, project }) {
          for (const service of model.services.values()) {
            const merged = project.services.get(service.name);
            // Judged on the merged project service, and reported in the file that says what it runs (once).
            if (!merged || !declaresWhatRuns(merged)) continue;
            const verdict = serviceHealthcheck(merged);
            if (verdict.kind !== "absent") continue;
            context.report({ loc: service.keyNode.loc, messageId: "serviceMissing", data: { service: service.name, why: verdict.why } });
          }
        },
      }),
    };
  },
});
