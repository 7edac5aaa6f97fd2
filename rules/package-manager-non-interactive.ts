import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { invocationSpan, packageManagerInvocations } from "../lib/semantics/packages/package-manager-invocations.js";
import { commandName } from "../lib/shell/index.js";
import type { PackageManagerInvocation, ShellCommand } from "../lib/shell/index.js";
import { createRule } from "../lib/utils/create-rule.js";
import { commandWordsEditable } from "../lib/shell/editable.js";

/** Where the fix puts the manager's non-interactive flag (after the subcommand, or as a global option after the tool). */
function fixPoint(invocation: PackageManagerInvocation): number | null {
  const settings = invocation.spec.nonInteractive;
  if (!settings?.fixFlag) return null;
  if (settings.fixBeforeSubcommand) return invocation.tool.range[1];
  return invocation.subcommandWords.at(-1)?.range[1] ?? null;
}

/** Commands whose output answers a prompt (`yes | pacman -Scc`, `echo y | conda install x`). */
const ANSWERING_COMMANDS: ReadonlySet<string> = new Set(["yes", "echo", "printf"]);

/** Input comes from a pipe whose previous element answers the prompt. */
function answeredByPipe(command: ShellCommand): boolean {
  if (!command.pipedFrom || !command.pipeline) return false;
  const previous = command.pipeline.elements[command.pipelineIndex - 1]?.command;
  const name = previous ? commandName(previous) : null;
  return name !== null && ANSWERING_COMMANDS.has(name);
}

export default createRule<DockerfileRuleTypes<[], "prompts">>("package-manager-non-interactive", {
  meta: {
    type: "problem",
    docs: {
      description: "Require package managers that ask for confirmation to run non-interactively (`-y`, `-n`, `--noconfirm`)",
      category: "run",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3014", "hadolint DL3030", "hadolint DL3034", "hadolint DL3038", "Trivy DS-0021", "KICS APT-GET Missing '-y' To Avoid Manual Input", "KICS Missing Flag From Dnf Install", "KICS Missing Zypper Non-interactive Switch", "KICS Yum Install Allows Manual Input", "SonarQube S6584"],
    },
    fixable: "code",
    schema: [],
    messages: {
      prompts: "`{{command}}` asks for confirmation, and a build has no one to answer: add `{{flag}}`.",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    return {
      Run(run) {
        for (const { invocation, command, script } of packageManagerInvocations(program, run)) {
          if (!invocation.promptsWithoutFlag || invocation.nonInteractive || answeredByPipe(command)) continue;
          const flag = invocation.spec.nonInteractive?.fixFlag ?? "-y";
          const at = commandWordsEditable(script, command) ? fixPoint(invocation) : null;
          const { text, loc } = invocationSpan(context.sourceCode, invocation);
          context.report({
            loc,
            messageId: "prompts",
            data: { command: text, flag },
            fix: at === null ? null : (fixer) => fixer.insertTextAfterRange([at, at], ` ${flag}`),
          });
        }
      },
    };
  },
});
