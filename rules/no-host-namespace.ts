import { getServiceScalar } from "../lib/compose/model.js";
import { reportNode } from "../lib/languages/compose/rule-support.js";
import type { ComposeService, ScalarValue } from "../lib/compose/types.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

/** Service fields that take `host` to share a host namespace (Compose Specification, service attributes). */
const NAMESPACE_FIELDS: readonly { field: string; value: (service: ComposeService) => ScalarValue | null; shares: string }[] = [
  { field: "network_mode", value: (s) => s.networkMode, shares: "the host's network stack (every host port and interface, no isolation)" },
  { field: "pid", value: (s) => s.pid, shares: "the host's process table (it can see and signal every host process)" },
  { field: "ipc", value: (s) => s.ipc, shares: "the host's IPC namespace (shared memory of host processes)" },
  { field: "userns_mode", value: (s) => s.usernsMode, shares: "the host's user namespace (no user remapping: root in the container is root on the host)" },
  { field: "uts", value: (s) => getServiceScalar(s, "uts"), shares: "the host's UTS namespace (it can change the host name)" },
];

export default createRule<ComposeRuleTypes<[], "hostNamespace">>("no-host-namespace", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow sharing the host's network, PID, IPC, user or UTS namespace",
      category: "security",
      config: "recommended",
      fileKinds: ["compose"],
      peers: ["KICS Host Namespace is Shared", "KICS Shared Host IPC Namespace", "KICS Shared Host Network Namespace", "KICS Shared Host User Namespace"],
    },
    schema: [],
    messages: {
      hostNamespace: "Service '{{service}}' sets {{field}}: host, so it shares {{shares}}. Remove it and publish or share only what the service needs.",
    },
  },
  create(context) {
    return defineComposeFileVisitor(context, {
      onService(service, { firstSighting: first }) {
        for (const { field, value, shares } of NAMESPACE_FIELDS) {
          const scalar = value(service);
          if (scalar?.resolved?.trim() !== "host") continue;
          const node = reportNode(scalar);
          if (!first(node)) continue;
          context.report({ loc: node.loc, messageId: "hostNamespace", data: { service: service.name, field, shares } });
        }
      },
    });
  },
});
