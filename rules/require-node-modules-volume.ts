import path from "node:path";
import { isFile } from "../lib/project/project-model.js";
import { appendToSequence } from "../lib/compose/edit.js";
import { volumeSourceNode } from "../lib/compose/host-mounts.js";
import { effectiveValue, mergedItems } from "../lib/project/compose-project.js";
import { sourceText } from "../lib/languages/compose/rule-support.js";
import type { ComposeService, VolumeEntry } from "../lib/compose/types.js";
import { parseImageReference } from "../lib/dockerfile/image-reference.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeProjectVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

/** Images whose projects keep dependencies in `node_modules` (Docker Hub `node`, `oven/bun`). */
const NODE_IMAGES = new Set(["node", "library/node", "oven/bun"]);

const trimSlash = (text: string) => text.replace(/\/+$/u, "") || "/";

/** A bind mount of a project folder (a relative host path) onto a container folder. */
function projectMount(volume: VolumeEntry): boolean {
  return volume.type === "bind" && volume.source !== null && volume.source.startsWith(".") && volume.target !== null && !volume.unresolved;
}

export default createRule<ComposeRuleTypes<[], "hidden" | "addVolume">>("require-node-modules-volume", {
  meta: {
    type: "problem",
    docs: {
      description: "Require an anonymous volume for `node_modules` when the project is bind-mounted over a Node.js app folder",
      category: "compose",
      config: "strict",
      fileKinds: ["compose"],
      peers: [],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      hidden:
        "Service '{{service}}' bind-mounts {{source}} over {{target}}, which hides the node_modules installed in the image with the host's (missing, or built for another OS): add a volume for {{target}}/node_modules.",
      addVolume: "Add an anonymous volume {{volume}}.",
    },
  },
  create(context) {
    const text = sourceText(context.sourceCode);
    return defineComposeProjectVisitor(context, {
      onDocument({ model, project }) {
        const onDisk = path.isAbsolute(project.file);
        const dir = path.dirname(project.file);
        for (const service of model.services.values()) {
          const merged = project.services.get(service.name);
          if (!merged) continue;
          const image = effectiveValue(merged, (s) => s.image, "image")?.value.resolved;
          const nodeImage = image ? NODE_IMAGES.has(parseImageReference(image).path) : false;
          for (const volume of service.volumes) {
            if (!projectMount(volume)) continue;
            const target = trimSlash(volume.target!);
            const isNodeProject = nodeImage || (onDisk && isFile(path.resolve(dir, volume.source!, "package.json")));
            if (!isNodeProject) continue;
            const modules = `${target === "/" ? "" : target}/node_modules`;
            if (mergedItems(merged, ["volumes"], (s) => s.volumes).some(({ item }) => item.target !== null && trimSlash(item.target) === modules)) continue;
            const edit = suggestion(text, service, modules);
            const node = volumeSourceNode(volume);
            context.report({
              loc: node.loc,
              messageId: "hidden",
              data: { service: service.name, source: volume.source!, target },
              suggest: edit ? [{ messageId: "addVolume", data: { volume: modules }, fix: (fixer) => fixer.insertTextAfterRange([edit.offset, edit.offset], edit.insert) }] : [],
            });
          }
        }
      },
    });
  },
});

function suggestion(text: string, service: ComposeService, modules: string): { offset: number; insert: string } | null {
  const field = service.fields.get("volumes");
  // A list merged from an anchor or reached through an alias is shared with other services.
  if (!field || field.via || field.merged || field.node?.type !== "YAMLSequence") return null;
  return appendToSequence(text, field.node, modules);
}
