import { effectivePath, type ProjectService } from "../lib/project/compose-project.js";
import { isDevelopmentService } from "../lib/semantics/services/service-role.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeProjectVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

/** Where Compose reads limits: `deploy.resources.limits` (Compose Specification "Deploy") or the service-level `mem_limit`/`cpus`/`cpu_quota`. */
const LIMIT_PATHS: Readonly<Record<"memory" | "cpu", readonly (readonly string[])[]>> = {
  memory: [["deploy", "resources", "limits", "memory"], ["mem_limit"]],
  cpu: [["deploy", "resources", "limits", "cpus"], ["cpus"], ["cpu_quota"]],
};

/** Whether the merged service sets a limit of the kind (a later layer's `!reset` or `!override` of it, or of `deploy`, removes it). */
function hasLimit(service: ProjectService, kind: "memory" | "cpu"): boolean {
  return LIMIT_PATHS[kind].some((fieldPath) => {
    const node = effectivePath(service, fieldPath)?.field.node;
    return node !== null && node !== undefined && !(node.type === "YAMLScalar" && node.value === null);
  });
}

export default createRule<ComposeRuleTypes<[], "noLimits">>("require-resource-limits", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require memory and CPU limits on every service",
      category: "security",
      config: "strict",
      fileKinds: ["compose"],
      peers: ["KICS Cpus Not Limited", "KICS Memory Not Limited"],
    },
    schema: [],
    messages: {
      noLimits:
        "Service '{{service}}' has no {{missing}} limit: one runaway or attacked container can starve the host and every other service. Set deploy.resources.limits ({{keys}}).",
    },
  },
  create(context) {
    return defineComposeProjectVisitor(context, {
      onService(service, merged, { project }) {
        if (!merged) return;
        // A development, test or CI container is not deployed: limits there protect no one's host.
        if (isDevelopmentService(service, project, context.physicalFilename)) return;
        const memory = hasLimit(merged, "memory");
        const cpu = hasLimit(merged, "cpu");
        if (memory && cpu) return;
        const missing = !memory && !cpu ? "memory or CPU" : memory ? "CPU" : "memory";
        const keys = !memory && !cpu ? "memory, cpus" : memory ? "cpus" : "memory";
        context.report({ loc: service.keyNode.loc, messageId: "noLimits", data: { service: service.name, missing, keys } });
      },
    });
  },
});
