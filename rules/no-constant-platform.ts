import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { platformFlag, platformRequest } from "../lib/semantics/stages/platform.js";
import { createRule } from "../lib/utils/create-rule.js";

/**
 * BuildKit's own exception: a stage whose name carries the platform's OS, architecture or variant
 * (`build_amd64`) is platform-specific on purpose and is picked by a `FROM build_${TARGETARCH}`.
 */
function nameCarriesPlatform(stageName: string | null, platform: string): boolean {
  if (stageName === null) return false;
  const name = stageName.toLowerCase();
  return platform
    .toLowerCase()
    .split("/")
    .some((part) => part !== "" && name.includes(part));
}

export default createRule<DockerfileRuleTypes<[], "constantPlatform">>("no-constant-platform", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `FROM --platform` with a constant platform such as `linux/amd64`",
      category: "images",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3029", "BuildKit FromPlatformFlagConstDisallowed", "KICS Using Platform Flag with FROM Command"],
    },
    schema: [],
    messages: {
      constantPlatform:
        'FROM --platform="{{platform}}" pins this stage to one platform: multi-platform builds and builds on other machines get a {{platform}} image (emulated, or the wrong architecture). Drop the flag and pass `docker build --platform`, or use $BUILDPLATFORM for build tools.',
    },
  },
  create(context) {
    const { sourceCode } = context;
    return {
      From(node) {
        const flag = platformFlag(node);
        if (!flag?.value) return;
        const request = platformRequest(flag, sourceCode.text);
        if (request?.kind !== "constant") return;
        if (nameCarriesPlatform(node.stageName?.value ?? null, request.value)) return;
        context.report({ loc: flag.value.loc, messageId: "constantPlatform", data: { platform: request.value } });
      },
    };
  },
});
