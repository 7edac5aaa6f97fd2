import path from "node:path";
import { effectiveValue } from "../lib/project/compose-project.js";
import { canRunTogether, reportNode } from "../lib/languages/compose/rule-support.js";
import type { ComposeService } from "../lib/compose/types.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeProjectVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

/** Docker's container name rule (moby `daemon/names` `RestrictedNamePattern`: `^[a-zA-Z0-9][a-zA-Z0-9_.-]+$`). */
const VALID_NAME = /^\/?[a-zA-Z0-9][\w.-]+$/u;

export default createRule<ComposeRuleTypes<[], "duplicate" | "invalid">>("no-duplicate-container-name", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow the same `container_name` on two services, and names Docker rejects",
      category: "compose",
      config: "recommended",
      fileKinds: ["compose"],
      peers: ["dclint no-duplicate-container-names"],
    },
    schema: [],
    messages: {
      duplicate: "Service '{{service}}' uses container_name '{{name}}', already the name of service '{{other}}'{{where}}: the second container cannot be created (\"Conflict. The container name is already in use\").",
      invalid: "container_name '{{name}}' is not a valid container name: Docker accepts [a-zA-Z0-9][a-zA-Z0-9_.-]+ only.",
    },
  },
  create(context) {
    return defineComposeProjectVisitor(context, {
      onDocument({ model, project }) {
        const byName = new Map<string, { service: ComposeService; file: string; own: boolean }[]>();
        for (const merged of project.services.values()) {
          const found = effectiveValue(merged, (s) => s.containerName, "container_name");
          const name = found?.value.resolved;
          if (!found || !name) continue;
          const list = byName.get(name) ?? [];
          list.push({ service: found.layer.service, file: found.layer.file, own: found.layer.own });
          byName.set(name, list);
        }
        for (const service of model.services.values()) {
          const value = service.containerName;
          const name = value?.resolved;
          if (!value || !name) continue;
          if (!VALID_NAME.test(name)) {
            context.report({ loc: reportNode(value).loc, messageId: "invalid", data: { name } });
            continue;
          }
          const holders = byName.get(name) ?? [];
          // The first holder in this file keeps the name; a holder in another file always came first.
          const other = holders.find((holder) => holder.service.name !== service.name && canRunTogether(holder.service, service) && (!holder.own || holder.service.keyNode.range[0] < service.keyNode.range[0]));
          if (!other) continue;
          const where = other.own ? "" : ` in ${path.relative(path.dirname(project.file), other.file)}`;
          context.report({ loc: reportNode(value).loc, messageId: "duplicate", data: { service: service.name, name, other: other.service.name, where } });
        }
      },
    });
  },
});
