import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { stageOf } from "../lib/semantics/stages/stages.js";
import { resolveWordAt } from "../lib/semantics/variables/resolve-word.js";
import { isAbsolutePath, workdirBefore } from "../lib/semantics/files/workdir.js";
import { createRule } from "../lib/utils/create-rule.js";

export default createRule<DockerfileRuleTypes<[], "relative">>("workdir-absolute", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require WORKDIR to be an absolute path unless an absolute WORKDIR comes before it",
      category: "hygiene",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3000", "BuildKit WorkdirRelativePath", "Trivy DS-0009", "Checkov CKV_DOCKER_10", "KICS WORKDIR Path Not Absolute", "SonarQube S7021"],
    },
    schema: [],
    messages: {
      relative:
        "WORKDIR '{{path}}' is relative and no absolute WORKDIR comes before it in this stage: it lands under whatever working directory the base image has. Write an absolute path.",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    return {
      Workdir(node) {
        if (!node.path) return;
        const stage = stageOf(program, node);
        // ONBUILD triggers run in another build, whose working directory this file cannot know.
        if (!stage || node.parent?.type === "Onbuild") return;
        const path = resolveWordAt(program, stage, node, node.path);
        if (path === null || isAbsolutePath(path)) return;
        if (workdirBefore(program, node).kind === "absolute") return;
        context.report({ loc: node.path.loc, messageId: "relative", data: { path: node.path.value } });
      },
    };
  },
});
