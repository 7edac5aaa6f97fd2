import { asBoolean } from "../lib/compose/model.js";
import { effectiveValue } from "../lib/project/compose-project.js";
import { reportNode } from "../lib/languages/compose/rule-support.js";
import { isDevelopmentService } from "../lib/semantics/services/service-role.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeProjectVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

export default createRule<ComposeRuleTypes<[], "writable">>("require-read-only-rootfs", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require `read_only: true`, so that the container's root filesystem cannot be changed at run time",
      category: "security",
      config: "strict",
      fileKinds: ["compose"],
      peers: [],
    },
    schema: [],
    messages: {
      writable:
        "Service '{{service}}' has a writable root filesystem: an attacker who gets in can change its binaries and configuration. Set read_only: true and give the paths it writes a volume or tmpfs.",
    },
  },
  create(context) {
    return defineComposeProjectVisitor(context, {
      onService(service, merged, { project }) {
        const readOnly = merged ? effectiveValue(merged, (s) => s.readOnly, "read_only") : null;
        const value = readOnly ? asBoolean(readOnly.value) : null;
        if (value === true) return;
        // A development, test or CI container is changed by hand on purpose; an explicit `read_only: false` is still reported.
        if (!readOnly && isDevelopmentService(service, project, context.physicalFilename)) return;
        // Unknown (interpolated without default): silent.
        if (readOnly && value === null) return;
        // `read_only: false` written in another file of the project is reported there.
        if (readOnly && !readOnly.layer.own) return;
        const node = readOnly ? reportNode(readOnly.value) : service.keyNode;
        context.report({ loc: node.loc, messageId: "writable", data: { service: service.name } });
      },
    });
  },
});
