import { asBoolean } from "../lib/compose/model.js";
import { mergedItems } from "../lib/project/compose-project.js";
import { defineComposeProjectVisitor } from "../lib/languages/compose/visitors.js";
import { isDevelopmentService } from "../lib/semantics/services/service-role.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { createRule } from "../lib/utils/create-rule.js";

/**
 * Whether a `cap_drop` item drops every capability. Docker upper-cases capability names and accepts
 * them with or without the `CAP_` prefix, except `ALL` (moby `oci/caps.NormalizeLegacyCapabilities`).
 */
function dropsAll(text: string): boolean {
  return text.trim().toUpperCase() === "ALL";
}

export default createRule<ComposeRuleTypes<[], "missing" | "partial">>("require-cap-drop-all", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require `cap_drop: [ALL]` so that a service keeps only the capabilities it adds back",
      category: "security",
      config: "strict",
      fileKinds: ["compose"],
      peers: ["KICS Container Capabilities Unrestricted"],
    },
    schema: [],
    messages: {
      missing:
        "Service '{{service}}' keeps Docker's default capabilities (CHOWN, DAC_OVERRIDE, FOWNER, NET_RAW, SETUID…): a compromised process can use every one. Set cap_drop: [ALL] and cap_add only what it needs.",
      partial:
        "Service '{{service}}' drops some capabilities but not ALL: the rest of Docker's defaults stay. Set cap_drop: [ALL] and cap_add only what it needs.",
    },
  },
  create(context) {
    return defineComposeProjectVisitor(context, {
      onService(service, merged, { project }) {
        if (!merged) return;
        // A development, test or CI container is not deployed: hardening it protects no one's host.
        if (isDevelopmentService(service, project, context.physicalFilename)) return;
        // The merged list: compose-go appends each layer's items, `!override`/`!reset` replace them.
        const items = mergedItems(merged, ["cap_drop"], (layer) => layer.capDrop).map((entry) => entry.item);
        // An item only known at deployment (`${DROP}`) may be ALL: unknown stays silent.
        if (items.some((item) => item.resolved === null || dropsAll(item.resolved))) return;
        // Privileged: cap_drop is moot and no-privileged reports the real problem.
        if (merged.layers.some((layer) => asBoolean(layer.service.privileged) === true)) return;
        const own = service.fields.get("cap_drop");
        const partial = items.length > 0;
        const node = partial && own ? (own.via ?? own.keyNode) : service.keyNode;
        context.report({ loc: node.loc, messageId: partial ? "partial" : "missing", data: { service: service.name } });
      },
    });
  },
});
