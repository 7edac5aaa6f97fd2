import { databaseOfService } from "../lib/semantics/services/databases.js";
import { containerPortRange, isLoopback, publishesToHost } from "../lib/compose/ports.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeProjectVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

export default createRule<ComposeRuleTypes<[], "published">>("no-published-database-port", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow publishing a database's or cache's port on the host's network interfaces",
      category: "networking",
      config: "recommended",
      fileKinds: ["compose"],
      peers: [],
    },
    schema: [],
    messages: {
      published:
        "Service '{{service}}' ({{database}}) publishes its port {{port}} on every host interface: the database is reachable from the network, where scanners try default passwords within minutes. Other services reach it as '{{service}}:{{port}}' without publishing; for local tools bind it to 127.0.0.1.",
    },
  },
  create(context) {
    return defineComposeProjectVisitor(context, {
      onService(service, merged, { firstSighting: first }) {
        const database = merged ? databaseOfService(merged) : null;
        if (!database) return;
        for (const port of service.ports) {
          if (!publishesToHost(port)) continue;
          if (port.hostIp !== null && isLoopback(port.hostIp)) continue;
          const range = containerPortRange(port);
          const served = database.ports.find((p) => range !== null && p >= range.start && p <= range.end);
          if (served === undefined) continue;
          const node = (port.form === "short" ? port.spec?.via : port.target?.via) ?? port.node;
          if (!first(node)) continue;
          context.report({ loc: node.loc, messageId: "published", data: { service: service.name, database: database.label, port: String(served) } });
        }
      },
    });
  },
});
