import path from "node:path";
import { containerPortRange, hostPortRange, isAnyAddress } from "../lib/compose/ports.js";
import { mergedItems, type ServiceLayer } from "../lib/project/compose-project.js";
import { canRunTogether } from "../lib/languages/compose/rule-support.js";
import type { PortEntry } from "../lib/compose/types.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeProjectVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

interface Binding {
  layer: ServiceLayer;
  port: PortEntry;
  ip: string | null;
  protocol: string;
  start: number;
  end: number;
}

/** Ranges wider than this are not expanded into the index (nobody publishes 10,000 ports by hand twice). */
const MAX_RANGE = 1024;

function overlapsIp(a: string | null, b: string | null): boolean {
  return isAnyAddress(a) || isAnyAddress(b) || a === b;
}

export default createRule<ComposeRuleTypes<[], "duplicate">>("no-duplicate-published-port", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow publishing the same host port (and IP, protocol) twice",
      category: "networking",
      config: "recommended",
      fileKinds: ["compose"],
      peers: ["dclint no-duplicate-exported-ports"],
    },
    schema: [],
    messages: {
      duplicate:
        "Host port {{port}}/{{protocol}} is already published by service '{{other}}'{{where}}: the second container fails to start with \"port is already allocated\".",
    },
  },
  create(context) {
    return defineComposeProjectVisitor(context, {
      onDocument({ project }) {
        const own: Binding[] = [];
        const others: Binding[] = [];
        for (const merged of project.services.values()) {
          // The ports of the merged service: a later layer's `!override` or `!reset` drops what the
          // layers before published, and the same entry in a base file and its override is one.
          const key = (port: PortEntry) => `${port.hostIp}|${port.hostPort}|${port.containerPort}|${port.protocol}`;
          for (const { item: port, layer } of mergedItems(merged, ["ports"], (s) => s.ports, key)) {
            const range = hostPortRange(port);
            if (!range || port.error) continue;
            // A host range for one container port (`8093-9000:80`) is where Docker allocates one free port
            // (docker/go-connections nat.ParsePortSpec: "use the host port range as the dynamic host port range
            // to allocate into"): it takes whichever port is free, so no fixed port conflicts with it.
            const container = containerPortRange(port);
            if (range.end > range.start && container !== null && container.start === container.end) continue;
            (layer.own ? own : others).push({ layer, port, ip: port.hostIp, protocol: port.protocol, start: range.start, end: range.end });
          }
        }
        own.sort((a, b) => a.port.node.range[0] - b.port.node.range[0]);
        const index = new Map<string, Binding[]>();
        const conflict = (binding: Binding): Binding | null => {
          for (let p = binding.start; p <= Math.min(binding.end, binding.start + MAX_RANGE); p++) {
            for (const other of index.get(`${binding.protocol}/${p}`) ?? []) {
              if (other.layer.service.name === binding.layer.service.name && other.layer.file === binding.layer.file && other.port === binding.port) continue;
              if (!overlapsIp(other.ip, binding.ip)) continue;
              // A later document of the same file: its own run reports the second binding, as in one document.
              if (!other.layer.own && other.layer.file === binding.layer.file && other.port.node.range[0] > binding.port.node.range[0]) continue;
              if (!canRunTogether(other.layer.service, binding.layer.service)) continue;
              return other;
            }
          }
          return null;
        };
        const add = (binding: Binding) => {
          for (let p = binding.start; p <= Math.min(binding.end, binding.start + MAX_RANGE); p++) {
            const key = `${binding.protocol}/${p}`;
            const list = index.get(key);
            if (list) list.push(binding);
            else index.set(key, [binding]);
          }
        };
        for (const binding of others) add(binding);
        const reported = new Set<object>();
        for (const binding of own) {
          const other = conflict(binding);
          add(binding);
          if (!other) continue;
          const node = (binding.port.form === "short" ? binding.port.spec?.via : binding.port.target?.via) ?? binding.port.node;
          if (reported.has(node)) continue;
          reported.add(node);
          const where = other.layer.file === project.file ? ` (line ${other.port.node.loc.start.line})` : ` in ${path.relative(path.dirname(project.file), other.layer.file)}`;
          context.report({
            loc: node.loc,
            messageId: "duplicate",
            data: { port: binding.start === binding.end ? String(binding.start) : `${binding.start}-${binding.end}`, protocol: binding.protocol, other: other.layer.service.name, where },
          });
        }
      },
    });
  },
});
