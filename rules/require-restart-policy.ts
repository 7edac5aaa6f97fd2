import { effectivePath } from "../lib/project/compose-project.js";
import { isDevelopmentService } from "../lib/semantics/services/service-role.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeProjectVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

export default createRule<ComposeRuleTypes<[], "noRestart">>("require-restart-policy", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require a `restart` policy on long-running services",
      category: "compose",
      config: "strict",
      fileKinds: ["compose"],
      peers: [],
    },
    schema: [],
    messages: {
      noRestart:
        "Service '{{service}}' has no restart policy: after a crash or a host reboot it stays down. Set restart: unless-stopped (or on-failure), or restart: \"no\" to say it is meant to stop.",
    },
  },
  create(context) {
    return defineComposeProjectVisitor(context, {
      onDocument({ model, project }) {
        // One-shot services: something waits for them to finish.
        const oneShot = new Set<string>();
        for (const merged of project.services.values()) {
          for (const layer of merged.layers) {
            for (const dependency of layer.service.dependsOn) if (dependency.condition === "service_completed_successfully") oneShot.add(dependency.service);
          }
        }
        for (const service of model.services.values()) {
          if (oneShot.has(service.name)) continue;
          const merged = project.services.get(service.name);
          if (!merged) continue;
          // A development, test or CI container is started and stopped by hand or by the job that runs it.
          if (isDevelopmentService(service, project, context.physicalFilename)) continue;
          // The merged service: a later layer's `!reset` removes a policy an earlier one set.
          if (effectivePath(merged, ["restart"]) || effectivePath(merged, ["deploy", "restart_policy"])) continue;
          context.report({ loc: service.keyNode.loc, messageId: "noRestart", data: { service: service.name } });
        }
      },
    });
  },
});
