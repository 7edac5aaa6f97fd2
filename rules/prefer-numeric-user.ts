import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { initialShellKind, stageOf } from "../lib/semantics/run-shell.js";
import { resolveWordAt } from "../lib/semantics/resolve-word.js";
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
    const program = context.sourceCode.ast;
    return {
      User(node) {
        if (!node.user) return;
        const stage = stageOf(program, node);
        // Windows users (ContainerUser) have no UID.
        if (!stage || initialShellKind(program, stage) === "non-posix") return;
        const user = resolveWordAt(program, stage, node, node.user);
        if (user === null || user === "" || /^\d+$/u.test(user)) return;
        context.report({ loc: node.user.loc, messageId: "userName", data: { user, example: `${user === "root" ? "0" : "10001"}${node.group ? `:${node.group.value}` : ""}` } });
      },
    };
  },
});
