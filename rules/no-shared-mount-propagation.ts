import { toScalarValue } from "../lib/compose/model.js";
import { reportNode } from "../lib/languages/compose/rule-support.js";
import type { ScalarValue, VolumeEntry } from "../lib/compose/types.js";
import { getEntry } from "../lib/compose/yaml.js";
import type { DotEnv } from "../lib/compose/env-file.js";
import type { AST } from "yaml-eslint-parser";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

/**
 * Propagation modes that carry mounts made inside the container back to the host (mount(8)
 * "shared subtree operations"; Docker "Bind propagation": `shared`/`rshared` propagate both ways,
 * `slave`/`rslave` only from the host into the container, `private`/`rprivate` not at all).
 */
const OUTWARD = new Set(["shared", "rshared"]);

/** The propagation a bind mount asks for, and the scalar that says it; null when none or unknown. */
function propagation(volume: VolumeEntry, environment: DotEnv | null, via: AST.YAMLAlias | null): { mode: string; value: ScalarValue } | null {
  if (volume.form === "short") {
    if (!volume.spec || !volume.parsed || volume.spec.resolved === null) return null;
    const mode = volume.parsed.options.flatMap((option) => option.split(",")).find((option) => OUTWARD.has(option.trim()));
    return mode ? { mode: mode.trim(), value: volume.spec } : null;
  }
  if (volume.node.type !== "YAMLMapping") return null;
  const bind = getEntry(volume.node, "bind")?.value.node;
  if (!bind || bind.type !== "YAMLMapping") return null;
  const entry = getEntry(bind, "propagation");
  const value = entry ? toScalarValue(entry.value, entry.value.via ?? via, environment) : null;
  const mode = value?.resolved?.trim();
  return value && mode && OUTWARD.has(mode) ? { mode, value } : null;
}

export default createRule<ComposeRuleTypes<[], "shared">>("no-shared-mount-propagation", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `shared`/`rshared` bind propagation, which carries mounts made in the container back to the host",
      category: "security",
      config: "recommended",
      fileKinds: ["compose"],
      peers: ["KICS Volume Mounted In Multiple Containers"],
    },
    schema: [],
    messages: {
      shared:
        "Service '{{service}}' mounts '{{target}}' with {{mode}} propagation: a mount made inside the container appears on the host (and in every container sharing it). Use the default (rprivate), or rslave to only receive the host's mounts.",
    },
  },
  create(context) {
    return defineComposeFileVisitor(context, {
      onService(service, { firstSighting: first }) {
        const field = service.fields.get("volumes");
        const environment = field?.environment ?? null;
        for (const volume of service.volumes) {
          const found = propagation(volume, environment, field?.via ?? null);
          if (!found) continue;
          const node = reportNode(found.value);
          if (!first(node)) continue;
          context.report({ loc: node.loc, messageId: "shared", data: { service: service.name, mode: found.mode, target: volume.target ?? "?" } });
        }
      },
    });
  },
});
