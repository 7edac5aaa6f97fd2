import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { aptRecommendsMayBeConfigured } from "../lib/semantics/packages/apt-config.js";
import { invocationSpan, packageManagerInvocations } from "../lib/semantics/packages/package-manager-invocations.js";
import { getStageGraph, stageOf } from "../lib/semantics/stages/stages.js";
import { createRule } from "../lib/utils/create-rule.js";
import { commandWordsEditable } from "../lib/shell/editable.js";

const FLAG = "--no-install-recommends";

export default createRule<DockerfileRuleTypes<[], "recommends" | "addFlag">>("no-install-recommends", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require `apt-get install --no-install-recommends`",
      category: "run",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3015", "Trivy DS-0029", "KICS APT-GET Not Avoiding Additional Packages", "SonarQube S6500"],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      recommends: "`{{command}}` also installs every recommended package: add `--no-install-recommends` and name what you need.",
      addFlag: "Add `--no-install-recommends` (check that nothing the image needs came in only as a recommendation).",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    return {
      Run(run) {
        const stage = stageOf(program, run);
        // Recommended packages cost image size: a builder stage that only `COPY --from` reads never ships
        // its layers (the same stage question as package-manager-clean-cache).
        if (stage && !getStageGraph(program).isShipped(stage)) return;
        let configured: boolean | undefined;
        for (const { invocation, command, script } of packageManagerInvocations(program, run)) {
          if ((invocation.manager !== "apt-get" && invocation.manager !== "apt") || invocation.subcommand !== "install") continue;
          if (invocation.installsRecommends !== true) continue;
          configured ??= stage !== null && aptRecommendsMayBeConfigured(program, stage, run);
          if (configured) return;
          const after = invocation.subcommandWords.at(-1)!.range[1];
          const { text, loc } = invocationSpan(context.sourceCode, invocation);
          context.report({
            loc,
            messageId: "recommends",
            data: { command: text },
            suggest: commandWordsEditable(script, command) ? [{ messageId: "addFlag", fix: (fixer) => fixer.insertTextAfterRange([after, after], ` ${FLAG}`) }] : [],
          });
        }
      },
    };
  },
});
