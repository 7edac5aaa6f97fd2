import { getServiceScalar } from "../lib/compose/model.js";
import { reportNode } from "../lib/languages/compose/rule-support.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

export default createRule<ComposeRuleTypes<[], "cgroupParent">>("no-custom-cgroup-parent", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow `cgroup_parent`, which moves a container out of the cgroup Docker creates for it",
      category: "security",
      config: "strict",
      fileKinds: ["compose"],
      peers: ["KICS Cgroup Not Default"],
    },
    schema: [],
    messages: {
      cgroupParent:
        "Service '{{service}}' sets cgroup_parent '{{parent}}': its resource limits and accounting then depend on a cgroup the host must provide and configure. Leave it unset unless the host's cgroup layout requires it.",
    },
  },
  create(context) {
    return defineComposeFileVisitor(context, {
      onService(service, { firstSighting: first }) {
        const value = getServiceScalar(service, "cgroup_parent");
        // An empty value is Docker's default parent; one only known at deployment may be empty.
        if (!value || value.resolved === null || value.resolved.trim() === "") return;
        const node = reportNode(value);
        if (!first(node)) return;
        context.report({ loc: node.loc, messageId: "cgroupParent", data: { service: service.name, parent: value.resolved } });
      },
    });
  },
});
