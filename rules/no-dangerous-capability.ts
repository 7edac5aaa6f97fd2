import { reportNode } from "../lib/languages/compose/rule-support.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

/**
 * Capabilities that break container isolation, with what they allow (capabilities(7),
 * https://man7.org/linux/man-pages/man7/capabilities.7.html). Docker's default set
 * (https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities) has none of them.
 */
const DANGEROUS_CAPABILITIES: Readonly<Record<string, string>> = {
  ALL: "every capability, as good as privileged",
  SYS_ADMIN: "mount, namespaces, BPF: the usual container escape",
  SYS_MODULE: "load kernel modules",
  SYS_RAWIO: "raw I/O on host devices and memory",
  SYS_PTRACE: "trace and inject into other processes",
  SYS_BOOT: "reboot the host",
  SYS_TIME: "set the host clock",
  NET_ADMIN: "reconfigure interfaces, routes and firewall rules",
  DAC_READ_SEARCH: "bypass file read permissions (open_by_handle_at escape)",
  BPF: "load BPF programs",
  PERFMON: "read kernel performance data",
  MAC_ADMIN: "change the mandatory access control policy",
  MAC_OVERRIDE: "bypass the mandatory access control policy",
  SYSLOG: "read and clear the kernel log",
};

/** `security_opt` values that switch a confinement off (docker run --security-opt reference). */
const UNCONFINED = /^(?:seccomp|apparmor|systempaths)[:=]unconfined$|^label[:=]disable$/iu;

type Options = [{ allow?: string[] }];

export default createRule<ComposeRuleTypes<Options, "capability" | "unconfined">>("no-dangerous-capability", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `cap_add` of capabilities that break isolation (`ALL`, `SYS_ADMIN`, `NET_ADMIN`, …) and `security_opt` that turns confinement off",
      category: "security",
      config: "recommended",
      fileKinds: ["compose"],
      peers: ["KICS Container Capabilities Unrestricted", "KICS Default Seccomp Profile Disabled"],
    },
    schema: [
      {
        type: "object",
        properties: {
          allow: { type: "array", items: { type: "string" }, uniqueItems: true, description: "Capabilities to accept, without the `CAP_` prefix (`NET_ADMIN` for a VPN container)." },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      capability: "Service '{{service}}' adds {{capability}} ({{why}}). Add only narrow capabilities, or allow this one in the rule options for a service that truly needs it.",
      unconfined: "Service '{{service}}' sets security_opt {{option}}: it turns off a confinement layer that stops container escapes. Use a custom profile that allows what the service needs.",
    },
  },
  create(context) {
    const allow = new Set((context.options[0]?.allow ?? []).map((name) => name.toUpperCase().replace(/^CAP_/u, "")));
    return defineComposeFileVisitor(context, {
      onService(service, { firstSighting: first }) {
        for (const value of service.capAdd) {
          const name = value.resolved?.trim().toUpperCase().replace(/^CAP_/u, "");
          if (!name || allow.has(name)) continue;
          const why = DANGEROUS_CAPABILITIES[name];
          if (!why) continue;
          const node = reportNode(value);
          if (!first(node)) continue;
          context.report({ loc: node.loc, messageId: "capability", data: { service: service.name, capability: name, why } });
        }
        for (const value of service.securityOpt) {
          const option = value.resolved?.trim();
          if (!option || !UNCONFINED.test(option)) continue;
          const node = reportNode(value);
          if (!first(node)) continue;
          context.report({ loc: node.loc, messageId: "unconfined", data: { service: service.name, option } });
        }
      },
    });
  },
});
