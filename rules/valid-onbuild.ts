import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { createRule } from "../lib/utils/create-rule.js";

/** Triggers BuildKit refuses (`instructions/parse.go`, `parseOnBuild`). */
const FORBIDDEN_TRIGGERS: Readonly<Record<string, "chained" | "notTrigger">> = {
  Onbuild: "chained",
  From: "notTrigger",
  Maintainer: "notTrigger",
};

export default createRule<DockerfileRuleTypes<[], "chained" | "notTrigger">>("valid-onbuild", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow ONBUILD triggers that BuildKit refuses: ONBUILD, FROM and MAINTAINER",
      category: "hygiene",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3043"],
    },
    schema: [],
    messages: {
      chained: "ONBUILD cannot trigger another ONBUILD: `docker build` stops with \"Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed\". Put the trigger on the image that needs it.",
      notTrigger: "{{trigger}} cannot be an ONBUILD trigger: `docker build` stops with \"{{trigger}} isn't allowed as an ONBUILD trigger\".{{advice}}",
    },
  },
  create(context) {
    return {
      Onbuild(node) {
        const trigger = node.trigger;
        if (!trigger) return;
        const problem = FORBIDDEN_TRIGGERS[trigger.type];
        if (!problem) return;
        const name = trigger.keyword.value.toUpperCase();
        context.report({
          loc: trigger.keyword.loc,
          messageId: problem,
          data: {
            trigger: name,
            advice: name === "FROM" ? " A child image chooses its own base with its own FROM." : " Use LABEL org.opencontainers.image.authors in this image.",
          },
        });
      },
    };
  },
});
