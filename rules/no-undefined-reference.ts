import path from "node:path";
import type { AST } from "yaml-eslint-parser";
import { readComposeFile, type ResourceKind } from "../lib/project/compose-project.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeProjectVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";
import { closestMatch } from "../lib/utils/did-you-mean.js";

type Kind = "service" | "network" | "volume" | "secret" | "config";

const RESOURCE_KIND: Record<Exclude<Kind, "service">, ResourceKind> = { network: "networks", volume: "volumes", secret: "secrets", config: "configs" };

export default createRule<ComposeRuleTypes<[], "undefined">>("no-undefined-reference", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow references to services, networks, volumes, secrets and configs that the project does not define",
      category: "environment",
      config: "recommended",
      fileKinds: ["compose"],
      peers: [],
    },
    schema: [],
    messages: {
      undefined: "Service '{{service}}' refers to {{kind}} '{{name}}' in {{field}}, which {{where}} does not define{{suggestion}}: Compose refuses the file.",
    },
  },
  create(context) {
    return defineComposeProjectVisitor(context, {
      onDocument({ model, project, firstSighting: first }) {
        // Some file of the project could not be read, or the file is an overlay stacked on files we
        // cannot know: what looks undefined here may be defined there.
        if (project.incomplete || project.overlay) return;
        const serviceNames = [...project.services.keys()];
        const where = project.files.length > 0 ? "the project (this file and the files Compose merges with it)" : "the file";
        const check = (service: string, kind: Kind, name: string, node: AST.YAMLNode, field: string) => {
          const defined = kind === "service" ? project.services.has(name) : project.definitions[RESOURCE_KIND[kind]].has(name) || (kind === "network" && name === "default");
          if (defined || name.includes("$") || !first(node)) return;
          const candidates = kind === "service" ? serviceNames.filter((n) => n !== service) : [...project.definitions[RESOURCE_KIND[kind]]];
          const guess = closestMatch(name, candidates);
          context.report({ loc: node.loc, messageId: "undefined", data: { service, kind, name, field, where, suggestion: guess ? ` (did you mean '${guess}'?)` : "" } });
        };
        for (const service of model.services.values()) {
          const name = service.name;
          for (const dependency of service.dependsOn) {
            // `required: false`: Compose only warns.
            if (dependency.required) check(name, "service", dependency.service, dependency.serviceNode, "depends_on");
          }
          for (const link of service.links) check(name, "service", link.name, link.via ?? link.node, "links");
          for (const value of service.volumesFrom) {
            const text = value.resolved;
            if (!text || text.startsWith("container:")) continue;
            check(name, "service", text.split(":")[0]!, value.via ?? value.node, "volumes_from");
          }
          for (const [field, value] of [["network_mode", service.networkMode], ["pid", service.pid], ["ipc", service.ipc]] as const) {
            const text = value?.resolved;
            if (value && text?.startsWith("service:")) check(name, "service", text.slice("service:".length), value.via ?? value.node, field);
          }
          if (service.extends) {
            const ext = service.extends;
            if (!ext.file) check(name, "service", ext.service, ext.serviceNode, "extends");
            else if (ext.file.resolved !== null && path.isAbsolute(project.file)) {
              // Every document of the extended file, interpolated with this project's `.env`.
              const other = readComposeFile(path.resolve(path.dirname(project.file), ext.file.resolved), model.environment);
              const names = new Set(other?.documents.flatMap((document) => [...document.services.keys()]));
              if (other && !names.has(ext.service) && first(ext.serviceNode)) {
                const guess = closestMatch(ext.service, names);
                context.report({ loc: ext.serviceNode.loc, messageId: "undefined", data: { service: name, kind: "service", name: ext.service, field: "extends", where: ext.file.resolved, suggestion: guess ? ` (did you mean '${guess}'?)` : "" } });
              }
            }
          }
          for (const network of service.networks) check(name, "network", network.name, network.via ?? network.node, "networks");
          for (const volume of service.volumes) {
            if (volume.type !== "volume" || !volume.source || volume.unresolved) continue;
            const node = volume.form === "short" ? (volume.spec?.via ?? volume.node) : (volume.sourceNode?.via ?? volume.sourceNode?.node ?? volume.node);
            check(name, "volume", volume.source, node, "volumes");
          }
          for (const secret of service.secrets) check(name, "secret", secret.name, secret.via ?? secret.node, "secrets");
          // Compose checks the secrets a build mounts like the service's own (compose-go checkConsistency).
          for (const secret of service.build?.secrets ?? []) check(name, "secret", secret.name, secret.via ?? secret.node, "build.secrets");
          for (const config of service.configs) check(name, "config", config.name, config.via ?? config.node, "configs");
        }
      },
    });
  },
});
