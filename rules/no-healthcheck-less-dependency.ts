import type { ProjectService } from "../lib/project/compose-project.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { serviceHealthcheck } from "../lib/semantics/health/service-healthcheck.js";
import { defineComposeProjectVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

/** Why a service is known to have no health check in the merged project, or null when it has one or we cannot know. */
function missingHealthcheck(service: ProjectService): string | null {
  const verdict = serviceHealthcheck(service);
  return verdict.kind === "absent" || verdict.kind === "disabled" ? verdict.why : null;
}

export default createRule<ComposeRuleTypes<[], "noHealthcheck">>("no-healthcheck-less-dependency", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `condition: service_healthy` on a service that has no health check in compose or in its image",
      category: "compose",
      config: "recommended",
      fileKinds: ["compose"],
      peers: [],
    },
    schema: [],
    messages: {
      noHealthcheck:
        "'{{dependent}}' waits for '{{service}}' to be healthy, but '{{service}}' has no health check ({{why}}), so Compose fails with \"dependency failed to start\". Give '{{service}}' a healthcheck, or use service_started.",
    },
  },
  create(context) {
    return defineComposeProjectVisitor(context, {
      onDocument({ model, project }) {
        const verdicts = new Map<string, string | null>();
        for (const dependent of model.services.values()) {
          for (const dependency of dependent.dependsOn) {
            if (dependency.condition !== "service_healthy") continue;
            // The service as Compose runs it: every file of the project merged (override, include, extends).
            const service = project.services.get(dependency.service);
            // An undefined service is another rule's finding.
            if (!service) continue;
            if (!verdicts.has(service.name)) verdicts.set(service.name, missingHealthcheck(service));
            const why = verdicts.get(service.name);
            if (!why) continue;
            context.report({
              loc: (dependency.conditionNode?.node ?? dependency.serviceNode).loc,
              messageId: "noHealthcheck",
              data: { dependent: dependent.name, service: service.name, why },
            });
          }
        }
      },
    });
  },
});
