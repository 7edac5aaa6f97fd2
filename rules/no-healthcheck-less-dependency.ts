import path from "node:path";
import { parseImageReference } from "../lib/dockerfile/image-reference.js";
import type { ComposeService } from "../lib/compose/types.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { composeModelForDocument } from "../lib/languages/compose/rule-types.js";
import { serviceBuildFiles } from "../lib/project/project-model.js";
import { imageHealthcheck } from "../lib/semantics/healthcheck.js";
import { isOfficialImage } from "../lib/semantics/official-images.js";
import { createRule } from "../lib/utils/create-rule.js";

/** Why a service is known to have no health check, or null when it has one or we cannot know. */
function missingHealthcheck(service: ComposeService, composeFile: string): string | null {
  const healthcheck = service.healthcheck;
  if (healthcheck?.disabled) return "its compose healthcheck is disabled";
  // A compose healthcheck with a test is enough; one with only timings keeps the image's test.
  if (healthcheck?.test) return null;
  // `extends` pulls fields from elsewhere: we do not follow it.
  if (service.extends) return null;
  if (service.build) {
    const files = serviceBuildFiles(composeFile, service.build);
    if (!files?.dockerfile) return null;
    const target = service.build.target ? service.build.target.resolved : null;
    if (service.build.target && target === null) return null;
    const image = imageHealthcheck(files.dockerfile, target);
    const dockerfile = files.dockerfilePath ? path.relative(path.dirname(composeFile), files.dockerfilePath) || files.dockerfilePath : "its dockerfile_inline";
    if (image.kind === "absent") return `no healthcheck in compose, and no HEALTHCHECK in ${dockerfile}${target ? ` (stage '${target}')` : ""} or its base image`;
    if (image.kind === "disabled") return `${dockerfile} turns it off with HEALTHCHECK NONE (line ${image.instruction.loc.start.line})`;
    return null;
  }
  const imageName = service.image?.resolved;
  if (!imageName) return null;
  const reference = parseImageReference(imageName);
  if (isOfficialImage(reference)) return `no healthcheck in compose, and the official image '${imageName}' ships none`;
  return null;
}

export default createRule<ComposeRuleTypes<[], "noHealthcheck">>("no-healthcheck-less-dependency", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `condition: service_healthy` on a service that has no health check in compose or in its image",
      category: "compose",
      config: "recommended",
      fileKinds: ["compose"],
      peers: [],
    },
    schema: [],
    messages: {
      noHealthcheck:
        "'{{dependent}}' waits for '{{service}}' to be healthy, but '{{service}}' has no health check ({{why}}), so Compose fails with \"dependency failed to start\". Give '{{service}}' a healthcheck, or use service_started.",
    },
  },
  create(context) {
    const composeFile = context.physicalFilename;
    return {
      YAMLDocument(document) {
        const model = composeModelForDocument(document);
        if (!model) return;
        const verdicts = new Map<string, string | null>();
        for (const dependent of model.services.values()) {
          for (const dependency of dependent.dependsOn) {
            if (dependency.condition !== "service_healthy") continue;
            const service = model.services.get(dependency.service);
            // An undefined service is another rule's finding.
            if (!service) continue;
            if (!verdicts.has(service.name)) verdicts.set(service.name, missingHealthcheck(service, composeFile));
            const why = verdicts.get(service.name);
            if (!why) continue;
            context.report({
              loc: (dependency.conditionNode?.node ?? dependency.serviceNode).loc,
              messageId: "noHealthcheck",
              data: { dependent: dependent.name, service: service.name, why },
            });
          }
        }
      },
    };
  },
});
