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

/**
 * Whether the merged service limits its number of processes: `pids_limit` (service level) or
 * `deploy.resources.limits.pids`, the last layer that sets one deciding. Docker reads 0 and -1 as
 * "unlimited" (Engine API `HostConfig.PidsLimit`: "Set 0 or -1 for unlimited"); a value only known at
 * deployment counts as a limit (unknown stays silent).
 */
function hasPidsLimit(service: ProjectService): boolean {
  return [["pids_limit"], ["deploy", "resources", "limits", "pids"]].some((fieldPath) => {
    const node = effectivePath(service, fieldPath)?.field.node;
    if (!node) return false;
    if (node.type !== "YAMLScalar") return true;
    if (node.value === null) return false;
    if (typeof node.value === "number") return node.value > 0;
    const text = String(node.value).trim();
    return !/^(?:0|-1)$/u.test(text);
  });
}

export default createRule<ComposeRuleTypes<[{ pids?: boolean }], "noLimits" | "noPidsLimit">>("require-resource-limits", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require memory and CPU limits on every service",
      category: "security",
      config: "strict",
      fileKinds: ["compose"],
      peers: ["KICS Cpus Not Limited", "KICS Memory Not Limited", "KICS Pids Limit Not Set"],
    },
    schema: [
      {
        type: "object",
        properties: {
          pids: {
            type: "boolean",
            description:
              "Also require a process-count limit (`pids_limit` or `deploy.resources.limits.pids`, not 0 or -1), which stops a fork bomb from exhausting the host's process table.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ pids: false }],
    messages: {
      noLimits:
        "Service '{{service}}' has no {{missing}} limit: one runaway or attacked container can starve the host and every other service. Set deploy.resources.limits ({{keys}}).",
      noPidsLimit:
        "Service '{{service}}' has no process-count limit: a fork bomb or a leak of threads in it exhausts the host's process table for every container. Set pids_limit (or deploy.resources.limits.pids) to a positive number.",
    },
  },
  create(context) {
    const pids = context.options[0]?.pids ?? false;
    return defineComposeProjectVisitor(context, {
      onService(service, merged, { project }) {
        if (!merged) return;
        // A development, test or CI container is not deployed: limits there protect no one's host.
        if (isDevelopmentService(service, project, context.physicalFilename)) return;
        if (pids && !hasPidsLimit(merged)) context.report({ loc: service.keyNode.loc, messageId: "noPidsLimit", data: { service: service.name } });
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
