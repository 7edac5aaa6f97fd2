import { toScalarValue } from "../lib/compose/model.js";
import { effectivePath } from "../lib/project/compose-project.js";
import { parseImageReference } from "../lib/dockerfile/image-reference.js";
import { imageFamily } from "../lib/semantics/images/image-families.js";
import { isOfficialImage } from "../lib/semantics/images/official-images.js";
import { defineComposeProjectVisitor } from "../lib/languages/compose/visitors.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { createRule } from "../lib/utils/create-rule.js";

/**
 * Whether a registry may serve an image by this name, so that Compose's default pull-first behaviour
 * can replace the build: any name with a registry or a namespace (`ghcr.io/org/app`, `org/app`,
 * `localhost:5000/app`). A bare name (`myapp`) is `docker.io/library/myapp`, where only Docker
 * Official Images live: Compose's pull of a made-up name fails and it builds, which is the intended
 * result. A bare name is reported only when the image-family table knows it as an official image
 * (`nginx`, `postgres`: the pull succeeds and replaces the build); another official image's name cannot
 * be told from a made-up one, so it is not (unknown stays silent). Null when the name is not known.
 */
function mayBePulled(image: string | null): boolean | null {
  if (image === null || image.trim() === "") return null;
  const reference = parseImageReference(image.trim());
  if (reference.variables.length > 0) return null;
  return !isOfficialImage(reference) || imageFamily(reference) !== null;
}

interface Options {
  checkPullPolicy?: boolean;
}

export default createRule<ComposeRuleTypes<[Options], "buildAndImage">>("no-build-and-image", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `build` with `image` unless `pull_policy` says whether the registry's image or the local build wins",
      category: "compose",
      config: "recommended",
      fileKinds: ["compose"],
      peers: ["dclint no-build-and-image"],
    },
    schema: [
      {
        type: "object",
        properties: {
          checkPullPolicy: {
            type: "boolean",
            description:
              "`true` (default): a `pull_policy` on the service settles which wins, so it is not reported. `false`: report every service with both, whatever its `pull_policy` (dclint's `checkPullPolicy: false`).",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkPullPolicy: true }],
    messages: {
      buildAndImage:
        "Service '{{service}}' has both build and image '{{image}}' but no pull_policy: `docker compose up` first pulls '{{image}}' when it is not on the machine and, when the registry has it, runs that image and skips the build. Set pull_policy: build to always build from source (image then only names the result), or pull_policy: missing to say the registry's image is meant.",
    },
  },
  create(context) {
    const checkPullPolicy = context.options[0]?.checkPullPolicy ?? true;
    return defineComposeProjectVisitor(context, {
      onService(service, merged, { firstSighting: first }) {
        if (!merged) return;
        // The merged service: an override file often adds `build` to a base file's `image` (or the reverse).
        const build = effectivePath(merged, ["build"]);
        const image = effectivePath(merged, ["image"]);
        if (!build || !image || build.field.node === null || image.field.node === null) return;
        // Any pull_policy, even one only known at deployment, is the author saying which wins.
        if (checkPullPolicy && effectivePath(merged, ["pull_policy"])) return;
        // Reported in a file that writes one of the two; on `build`, the half that loses silently.
        const own = build.layer.own ? build.field : image.layer.own ? image.field : null;
        if (!own) return;
        const node = own.via ?? own.keyNode;
        const imageValue = toScalarValue({ node: image.field.node, tag: null, via: image.field.via, unresolvedAlias: null }, image.field.via, image.field.environment);
        const imageText = imageValue?.resolved ?? null;
        if (mayBePulled(imageText) !== true) return;
        if (!first(node)) return;
        context.report({ loc: node.loc, messageId: "buildAndImage", data: { service: service.name, image: imageText } });
      },
    });
  },
});
