import type { DockerfileProgram, Stage } from "../lib/dockerfile/ast.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { runShellScript } from "../lib/semantics/run/run-shell.js";
import type { ShellWord } from "../lib/shell/model.js";
import { isOfficialImage } from "../lib/semantics/images/official-images.js";
import { getStageGraph } from "../lib/semantics/stages/stages.js";
import { isRootUser, stageUser } from "../lib/semantics/users/user.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";
import { producedStage } from "../lib/semantics/stages/build-target.js";
import { isExportOnlyStage, isToolboxStage } from "../lib/semantics/stages/shipped-image.js";

/**
 * Tools an entrypoint uses to start as root and then run the service as another user (the pattern of
 * the Docker Official Images: `exec gosu postgres "$@"`). Their presence in the image is the sign.
 * https://github.com/tianon/gosu, https://github.com/ncopa/su-exec, setpriv(1).
 */
const PRIVILEGE_DROP_TOOLS = ["gosu", "su-exec", "setpriv"];

/** Whether the word's last path segment is one of the tools, alone or followed by `-`, `=` or `.` (`gosu-amd64`, `su-exec=0.2-r3`). */
function namesPrivilegeDropTool(word: ShellWord | null): boolean {
  const value = word?.value;
  if (!value) return false;
  // Read in place, without a copy of the segment: this runs for every word of every RUN of a stage without USER.
  const start = value.lastIndexOf("/") + 1;
  for (const tool of PRIVILEGE_DROP_TOOLS) {
    if (!value.startsWith(tool, start)) continue;
    const next = value[start + tool.length];
    if (next === undefined || next === "-" || next === "=" || next === ".") return true;
  }
  return false;
}

/** Whether a RUN of the stages installs or uses a privilege-dropping tool (a command or argument naming it, a download URL ending in it). */
function dropsPrivilegesAtStart(program: DockerfileProgram, stages: readonly Stage[]): boolean {
  for (const stage of stages) {
    for (const instruction of stage.instructions) {
      if (instruction.type !== "Run") continue;
      const script = runShellScript(program, instruction);
      if (!script) continue;
      for (const command of script.commands) {
        if (namesPrivilegeDropTool(command.name)) return true;
        for (const word of command.args) if (namesPrivilegeDropTool(word)) return true;
      }
    }
  }
  return false;
}

type MessageId = "rootUser" | "noUser" | "composeRoot";

export default createRule<DockerfileRuleTypes<[], MessageId> & ComposeRuleTypes<[], MessageId>>("no-root-user", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow images and compose services that run as root",
      category: "security",
      config: "recommended",
      fileKinds: ["dockerfile", "compose"],
      peers: ["hadolint DL3002", "Trivy DS-0002", "Checkov CKV_DOCKER_3", "Checkov CKV_DOCKER_8", "KICS Last User Is 'root'", "KICS Missing User Instruction", "SonarQube S6471"],
    },
    schema: [],
    messages: {
      rootUser: "The image runs as root: this is the last USER of the final stage ('{{user}}'). Switch to an unprivileged user after the steps that need root.",
      noUser: "The image runs as root: no USER in the final stage or the stages it is built on, and {{base}} runs as root. Add a USER with an unprivileged user.",
      composeRoot: "Service '{{service}}' runs as root (user: '{{user}}'). Use an unprivileged user (or leave the image's own user in place).",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;

    function checkFinalStage(stage: Stage): void {
      if (stage !== producedStage(program, context.filename)) return;
      // A FROM scratch stage with no CMD or ENTRYPOINT only exports files (`--output`): nothing runs as any user.
      if (isExportOnlyStage(program, stage)) return;
      const user = stageUser(program, stage);
      if (user.kind === "instruction") {
        if (user.user === null || !isRootUser(user.user) || !user.instruction.user) return;
        const word = user.instruction.user;
        const end = user.instruction.group?.range[1] ?? word.range[1];
        context.report({
          loc: { start: word.loc.start, end: context.sourceCode.getLocFromIndex(end) },
          messageId: "rootUser",
          data: { user: user.user },
        });
      } else if (user.kind === "image-default") {
        // Only bases known to run as root: scratch and Docker Official Images (none of which sets a USER,
        // except those in the non-root table). Another vendor's image may set its own user.
        if (user.base.kind === "image" && !isOfficialImage(user.base.reference)) return;
        if (dropsPrivilegesAtStart(program, getStageGraph(program).ancestry(stage))) return;
        // A toolbox (a base, toolchain or development image whose command is a shell or a REPL, or that has
        // none of its own): whoever runs it, or builds FROM it, chooses the user; only a USER it sets is its own.
        if (isToolboxStage(program, stage, context.filename)) return;
        const base = user.base.kind === "scratch" ? "an image FROM scratch" : `the base image '${user.base.value}'`;
        context.report({ loc: stage.from.keyword.loc, messageId: "noUser", data: { base } });
      }
    }

    return {
      Stage: checkFinalStage,
      ...defineComposeFileVisitor(context, {
        onDocument({ model }) {
          for (const service of model.services.values()) {
            const user = service.user;
            const value = user?.resolved ?? (typeof user?.value === "number" ? String(user.value) : null);
            if (!user || value === null || !isRootUser(value)) continue;
            context.report({ loc: (user.via ?? user.node).loc, messageId: "composeRoot", data: { service: service.name, user: value } });
          }
        },
      }),
    };
  },
});
