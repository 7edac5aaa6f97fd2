import { bindSource, isEngineSocket, SENSITIVE_HOST_DIRECTORIES, volumeSourceNode } from "../lib/compose/host-mounts.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { describeOrigins } from "../lib/compose/model.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

type Options = [{ allow?: string[] }];

export default createRule<ComposeRuleTypes<Options, "sensitive">>("no-sensitive-host-mount", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow bind mounts of sensitive host directories (`/`, `/etc`, `/proc`, `/sys`, `/root`, `/var/run`, …)",
      category: "security",
      config: "recommended",
      fileKinds: ["compose"],
      peers: ["KICS Volume Has Sensitive Host Directory", "CIS Docker Benchmark 5.5"],
    },
    schema: [
      {
        type: "object",
        properties: {
          allow: { type: "array", items: { type: "string" }, uniqueItems: true, description: "Host paths to accept (monitoring agents that must read `/proc`, for example)." },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      sensitive:
        "Service '{{service}}' bind-mounts the host's {{source}}{{mode}}: the container can {{access}} the host's system files, credentials or other containers' state. Mount only the file or folder it needs.",
    },
  },
  create(context) {
    const allow = new Set(context.options[0]?.allow ?? []);
    return defineComposeFileVisitor(context, {
      onService(service, { firstSighting: first }) {
        for (const volume of service.volumes) {
          const source = bindSource(volume);
          // The engine socket is no-docker-socket-mount's finding.
          if (source === null || isEngineSocket(source) || allow.has(source)) continue;
          if (!SENSITIVE_HOST_DIRECTORIES.includes(source)) continue;
          const node = volumeSourceNode(volume);
          if (!first(node)) continue;
          context.report({
            loc: node.loc,
            messageId: "sensitive",
            // A source taken from the project's `.env` says which line set it.
            data: { service: service.name, source: `${source}${describeOrigins(volume.form === "short" ? volume.spec : volume.sourceNode)}`, mode: volume.readOnly ? " (read-only)" : "", access: volume.readOnly ? "read" : "read and change" },
          });
        }
      },
    });
  },
});
