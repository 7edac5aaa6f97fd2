import { getServiceScalarList } from "../lib/compose/model.js";
import { coversDataDir, databaseOfService, runsDatabaseServer } from "../lib/compose/databases.js";
import { composeForDocument, reportNode } from "../lib/compose/rule-support.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { createRule } from "../lib/utils/create-rule.js";

export default createRule<ComposeRuleTypes<[], "noVolume" | "anonymous">>("require-persistent-database-volume", {
  meta: {
    type: "problem",
    docs: {
      description: "Require a named volume or bind mount on a database service's data directory",
      category: "compose",
      config: "recommended",
      fileKinds: ["compose"],
      peers: [],
    },
    schema: [],
    messages: {
      noVolume:
        "Service '{{service}}' ({{database}}) keeps its data in {{dataDir}} with no volume there: the data lives in an anonymous volume that `docker compose down` leaves behind and the next `up` does not reuse. Mount a named volume on {{dataDir}}.",
      anonymous:
        "The volume on {{dataDir}} of service '{{service}}' ({{database}}) is anonymous: after `docker compose down` the next `up` starts from an empty database. Give it a name (`{{service}}-data:{{dataDir}}`) and declare it under top-level volumes.",
    },
  },
  create(context) {
    return {
      YAMLDocument(document) {
        const compose = composeForDocument(document, context.physicalFilename);
        if (!compose) return;
        for (const service of compose.model.services.values()) {
          const merged = compose.project.services.get(service.name);
          const database = merged ? databaseOfService(merged) : null;
          // Caches (Redis, Memcached) are often meant to start empty.
          if (!merged || !database || database.kind === "cache" || database.dataDirs.length === 0) continue;
          if (!runsDatabaseServer(database, merged)) continue;
          let dataDirs: readonly string[] = database.dataDirs;
          let unknown = false;
          for (const layer of merged.layers) {
            if (layer.service.volumesFrom.length > 0) unknown = true;
            if (database.dataDirVariable) {
              const moved = layer.service.environment.find((entry) => entry.key === database.dataDirVariable);
              if (moved) {
                // The image then keeps its data there and only there.
                if (moved.resolved) dataDirs = [moved.resolved];
                else unknown = true;
              }
            }
          }
          if (unknown) continue;
          let anonymous: { node: ReturnType<typeof reportNode>; target: string } | null = null;
          let persistent = false;
          for (const layer of merged.layers) {
            for (const volume of layer.service.volumes) {
              if (volume.unresolved) persistent = true; // cannot know: stay silent
              if (!volume.target || !coversDataDir(dataDirs, volume.target)) continue;
              if (volume.type === "bind" || (volume.type === "volume" && volume.source)) persistent = true;
              else if (volume.type === "tmpfs") persistent = true; // ephemeral on purpose
              else if (volume.type === "volume" && layer.own) anonymous = { node: volume.spec ? reportNode(volume.spec) : volume.node, target: volume.target };
            }
            // `tmpfs:` on the data directory: a deliberately throw-away database.
            for (const tmpfs of getServiceScalarList(layer.service, "tmpfs")) {
              // `/var/lib/mysql:size=1g`: the path is before the first colon.
              const target = tmpfs.resolved?.split(":")[0];
              if (target === undefined || coversDataDir(dataDirs, target)) persistent = true;
            }
          }
          if (persistent) continue;
          const data = { service: service.name, database: database.label, dataDir: anonymous?.target ?? dataDirs[0]! };
          if (anonymous) {
            context.report({ loc: anonymous.node.loc, messageId: "anonymous", data });
            continue;
          }
          const node = service.image ? reportNode(service.image) : service.keyNode;
          context.report({ loc: node.loc, messageId: "noVolume", data });
        }
      },
    };
  },
});
