import { appendToMapping } from "../lib/compose/edit.js";
import { isAnyAddress, publishesToHost } from "../lib/compose/ports.js";
import { sourceText } from "../lib/languages/compose/rule-support.js";
import { getScalarContentRange } from "../lib/compose/yaml.js";
import type { PortEntry } from "../lib/compose/types.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

function describePort(port: PortEntry): string {
  return port.hostPort ? `host port ${port.hostPort}` : `a random host port for ${port.containerPort}`;
}

export default createRule<ComposeRuleTypes<[], "unbound" | "bindLoopback">>("no-unbound-port", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow published ports without a host IP, which listen on every interface of the host",
      category: "networking",
      config: "strict",
      fileKinds: ["compose"],
      peers: ["KICS Container Traffic Not Bound To Host Interface", "dclint no-unbound-port-interfaces"],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      unbound:
        "Service '{{service}}' publishes {{port}} on every interface of the host, and Docker's iptables rules bypass host firewalls such as ufw. Give the host IP it should listen on (127.0.0.1 for local use).",
      bindLoopback: "Bind to 127.0.0.1 (this host only).",
    },
  },
  create(context) {
    const text = sourceText(context.sourceCode);
    return defineComposeFileVisitor(context, {
      onService(service, { firstSighting: first }) {
        for (const port of service.ports) {
          if (!publishesToHost(port) || !isAnyAddress(port.hostIp)) continue;
          // An explicit 0.0.0.0 is a decision, not an omission.
          if (port.hostIp !== null) continue;
          const via = port.form === "short" ? port.spec?.via : port.target?.via;
          const node = via ?? port.node;
          if (!first(node)) continue;
          context.report({
            loc: node.loc,
            messageId: "unbound",
            data: { service: service.name, port: describePort(port) },
            // An anchored entry is shared with other services: no edit there.
            suggest: via ? [] : [{ messageId: "bindLoopback", fix: (fixer) => {
              if (port.form === "short" && port.spec) {
                const [start] = getScalarContentRange(port.spec.node);
                return fixer.insertTextBeforeRange([start, start], port.hostPort === null ? "127.0.0.1::" : "127.0.0.1:");
              }
              const edit = port.node.type === "YAMLMapping" ? appendToMapping(text, port.node, ["host_ip: 127.0.0.1"]) : null;
              return edit ? fixer.insertTextAfterRange([edit.offset, edit.offset], edit.insert) : null;
            } }],
          });
        }
      },
    });
  },
});
