import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { stageOf } from "../lib/semantics/stages/stages.js";
import { initialShellKind } from "../lib/semantics/run/run-shell.js";
import { resolveWordAt } from "../lib/semantics/variables/resolve-word.js";
import { isExportOnlyStage } from "../lib/semantics/stages/shipped-image.js";
import { isRootUser, stageUser } from "../lib/semantics/users/user.js";
import { defineBuildVisitor } from "../lib/languages/dockerfile/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

export default createRule<DockerfileRuleTypes<[], "userName">>("prefer-numeric-user", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Prefer a numeric UID in USER, so that Kubernetes can verify `runAsNonRoot`",
      category: "security",
      config: "strict",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3066"],
    },
    schema: [],
    messages: {
      userName:
        "USER '{{user}}' is a name: Kubernetes' runAsNonRoot can only verify a numeric UID and refuses to start the pod. Use the UID (for example USER {{example}}).",
    },
  },
  create(context) {
    return defineBuildVisitor(context, {
      onProducedStage({ program, stage: produced }) {
        // Kubernetes checks the user of the image: the last USER of the produced stage or the stages it is
        // built FROM. A USER of a builder stage, or one a later USER replaces, never reaches it.
        if (isExportOnlyStage(program, produced)) return;
        const inEffect = stageUser(program, produced);
        if (inEffect.kind !== "instruction") return;
        const node = inEffect.instruction;
        if (!node.user) return;
        const stage = stageOf(program, node);
        // Windows users (ContainerUser) have no UID.
        if (!stage || initialShellKind(program, stage) === "non-posix") return;
        const user = resolveWordAt(program, stage, node, node.user);
        if (user === null || user === "" || /^\d+$/u.test(user)) return;
        // An image that runs as root is no-root-user's finding: a UID would not let it pass runAsNonRoot either.
        if (isRootUser(user)) return;
        context.report({ loc: node.user.loc, messageId: "userName", data: { user, example: `10001${node.group ? `:${node.group.value}` : ""}` } });
      },
    });
  },
});
