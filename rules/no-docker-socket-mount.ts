import { bindSource, isEngineSocket, volumeSourceNode } from "../lib/compose/host-mounts.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { describeOrigins } from "../lib/compose/model.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

export default createRule<ComposeRuleTypes<[], "socket">>("no-docker-socket-mount", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow mounting the Docker Engine socket into a container",
      category: "security",
      config: "recommended",
      fileKinds: ["compose"],
      peers: ["KICS Docker Socket Mounted In Container"],
    },
    schema: [],
    messages: {
      socket:
        "Service '{{service}}' mounts the engine socket {{source}}: anything in the container can start a privileged container that mounts the host's /, which is root on the host (read-only does not help: it is an API). Use a socket proxy that allows only the calls needed, or drop the mount.",
    },
  },
  create(context) {
    return defineComposeFileVisitor(context, {
      onService(service, { firstSighting: first }) {
        for (const volume of service.volumes) {
          const source = bindSource(volume);
          if (source === null || !isEngineSocket(source)) continue;
          const node = volumeSourceNode(volume);
          if (!first(node)) continue;
          // A source taken from the project's `.env` says which line set it.
          const origin = describeOrigins(volume.form === "short" ? volume.spec : volume.sourceNode);
          context.report({ loc: node.loc, messageId: "socket", data: { service: service.name, source: `${source}${origin}` } });
        }
      },
    });
  },
});
