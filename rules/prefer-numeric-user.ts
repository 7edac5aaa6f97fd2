import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { reportNode } from "../lib/languages/compose/rule-support.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { stageOf } from "../lib/semantics/stages/stages.js";
import { initialShellKind } from "../lib/semantics/run/run-shell.js";
import { resolveWordAt } from "../lib/semantics/variables/resolve-word.js";
import { isExportOnlyStage } from "../lib/semantics/stages/shipped-image.js";
import { isRootUser, stageUser } from "../lib/semantics/users/user.js";
import { isWindowsImage } from "../lib/semantics/users/image-users.js";
import { parseImageReference } from "../lib/dockerfile/image-reference.js";
import { defineBuildVisitor } from "../lib/languages/dockerfile/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

type MessageId = "userName" | "serviceUserName";

export default createRule<DockerfileRuleTypes<[], MessageId> & ComposeRuleTypes<[], MessageId>>("prefer-numeric-user", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Prefer a numeric UID in USER, so that Kubernetes can verify `runAsNonRoot`",
      category: "security",
      config: "strict",
      fileKinds: ["dockerfile", "compose"],
      peers: ["hadolint DL3066"],
    },
    schema: [],
    messages: {
      userName:
        "USER '{{user}}' is a name: Kubernetes' runAsNonRoot can only verify a numeric UID and refuses to start the pod. Use the UID (for example USER {{example}}).",
      serviceUserName:
        "Service '{{service}}' runs as user '{{user}}', a name: it must exist in the image's /etc/passwd or the container does not start, and runAsNonRoot-style checks can only verify a numeric UID. Use the UID (for example user: \"{{example}}\").",
    },
  },
  create(context) {
    return {
      ...defineComposeFileVisitor(context, {
        onService(service, { firstSighting }) {
          const value = service.user;
          // An interpolated value the project's .env and defaults do not decide is unknown.
          if (!value || value.resolved === null) return;
          const [user = "", group] = value.resolved.trim().split(":");
          if (user === "" || /^\d+$/u.test(user) || isRootUser(user)) return;
          // Windows users (ContainerUser) have no UID; a built image's system is the Dockerfile's to say.
          if (service.image?.resolved && isWindowsImage(parseImageReference(service.image.resolved))) return;
          if (user === "ContainerUser") return;
          const node = reportNode(value);
          if (!firstSighting(node)) return;
          const example = `10001${group === undefined ? "" : `:${/^\d+$/u.test(group) ? group : "10001"}`}`;
          context.report({ loc: node.loc, messageId: "serviceUserName", data: { service: service.name, user: value.resolved, example } });
        },
      }),
      ...defineBuildVisitor(context, {
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
      }),
    };
  },
});
