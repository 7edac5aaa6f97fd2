import type { Range } from "../lib/dockerfile/ast.js";
import { parseImageReference } from "../lib/dockerfile/image-reference.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { describeOrigins } from "../lib/compose/model.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { tagProblem, type TagPrecision, type TagProblem } from "../lib/semantics/images/image-tags.js";
import { fromReference } from "../lib/semantics/stages/stage-references.js";
import { getStageGraph } from "../lib/semantics/stages/stages.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

type MessageId = "missingTag" | "floatingTag" | "impreciseTag";
type Options = [{ precision?: TagPrecision }];

const MESSAGE_ID: Record<TagProblem["kind"], MessageId> = {
  missing: "missingTag",
  floating: "floatingTag",
  imprecise: "impreciseTag",
};

/**
 * Docker refuses repository names with capitals (`FROM REPLACE-ME`, a template placeholder): that is
 * an invalid reference, not an untagged one, and not this rule's finding.
 */
function isValidRepository(path: string): boolean {
  return path !== "" && path === path.toLowerCase();
}

export default createRule<DockerfileRuleTypes<Options, MessageId> & ComposeRuleTypes<Options, MessageId>>("require-image-tag", {
  meta: {
    type: "problem",
    docs: {
      description: "Require images to be pinned to a version tag, not `latest` or another floating tag",
      category: "images",
      config: "recommended",
      fileKinds: ["dockerfile", "compose"],
      peers: ["hadolint DL3006", "hadolint DL3007", "Trivy DS-0001", "Checkov CKV_DOCKER_7", "KICS Image Version Not Explicit", "KICS Image Version Using 'latest'", "SonarQube S6596", "SonarQube S8431", "dclint service-image-require-explicit-tag"],
    },
    schema: [
      {
        type: "object",
        properties: {
          precision: {
            enum: ["any", "minor"],
            description:
              "`any`: any tag that is not floating (`latest`, `lts`, `stable`…) is enough; `minor`: the tag must also name at least a major.minor version (`node:20` floats, `node:20.11-alpine` does not), a date or a commit.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ precision: "any" }],
    messages: {
      missingTag: "Image '{{image}}'{{origin}} has no tag, so it means ':latest', which changes whenever upstream publishes. Pin a version tag (or a digest).",
      floatingTag: "Tag '{{tag}}' of '{{image}}'{{origin}} floats: it points at a different image whenever upstream publishes. Pin a version tag (or a digest).",
      impreciseTag: "Tag '{{tag}}' of '{{image}}'{{origin}} names no minor version, so it still moves with every release. Pin at least major.minor (or a digest).",
    },
  },
  create(context) {
    const precision = context.options[0]?.precision ?? "any";
    const { sourceCode } = context;

    /** `origin`: where an interpolated value came from (` (TAG=nightly from .env line 3)`), or "". */
    function report(range: Range, image: string, problem: TagProblem, origin = ""): void {
      context.report({
        loc: { start: sourceCode.getLocFromIndex(range[0]), end: sourceCode.getLocFromIndex(range[1]) },
        messageId: MESSAGE_ID[problem.kind],
        data: { image, tag: problem.kind === "missing" ? "" : problem.tag, origin },
      });
    }

    return {
      From(node) {
        const program = sourceCode.ast;
        const stage = program.stages.find((candidate) => candidate.from === node);
        if (!stage || !node.image) return;
        const base = getStageGraph(program).baseOf(stage);
        // Earlier stages, scratch, and references we cannot resolve (an ARG without a default) are not ours to judge.
        if (base.kind !== "image" || !isValidRepository(base.reference.path)) return;
        // A name a build of this file declares as a named context (`additional_contexts`) is not pulled.
        if (fromReference(program, stage, context.filename)?.target.kind === "context") return;
        const problem = tagProblem(base.reference, precision);
        if (!problem) return;
        const image = node.image;
        // Point at the tag itself when it is written literally, else at the whole reference.
        const range = image.variables.length === 0 && problem.kind !== "missing" && image.tagRange ? image.tagRange : image.range;
        report(range, base.value, problem);
      },
      ...defineComposeFileVisitor(context, {
        onDocument({ model }) {
          for (const service of model.services.values()) {
            // With `build:`, `image:` names the image Compose builds, not one it pulls.
            if (service.build || !service.image || !service.image.resolved) continue;
            const reference = parseImageReference(service.image.resolved);
            if (!isValidRepository(reference.path)) continue;
            const problem = tagProblem(reference, precision);
            if (!problem) continue;
            const node = service.image.via ?? service.image.node;
            report(node.range, service.image.resolved, problem, describeOrigins(service.image));
          }
        },
      }),
    };
  },
});
