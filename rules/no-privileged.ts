import { asBoolean } from "../lib/compose/model.js";
import { reportNode } from "../lib/languages/compose/rule-support.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

export default createRule<ComposeRuleTypes<[], "privileged">>("no-privileged", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `privileged: true`, which gives a container every capability and every host device",
      category: "security",
      config: "recommended",
      fileKinds: ["compose"],
      peers: ["KICS Privileged Containers Enabled"],
    },
    schema: [],
    messages: {
      privileged:
        "Service '{{service}}' runs privileged: it gets every capability, every host device and no seccomp/AppArmor confinement, so escaping to the host is trivial. Grant only the capabilities (cap_add) or devices (devices) it needs.",
    },
  },
  create(context) {
    return defineComposeFileVisitor(context, {
      onService(service, { firstSighting: first }) {
        const value = service.privileged;
        if (!value || asBoolean(value) !== true) return;
        const node = reportNode(value);
        if (!first(node)) return;
        context.report({ loc: node.loc, messageId: "privileged", data: { service: service.name } });
      },
    });
  },
});
