import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { defineRunVisitor } from "../lib/languages/dockerfile/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

type Options = [{ everyCd?: boolean }];

export default createRule<DockerfileRuleTypes<Options, "lostCd" | "cd">>("prefer-workdir", {
  meta: {
    type: "problem",
    docs: {
      description: "Require WORKDIR, not `cd`, to set the directory for later instructions",
      category: "run",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3003", "Trivy DS-0013", "KICS RUN Instruction Using 'cd' Instead of WORKDIR", "SonarQube S6597"],
    },
    schema: [
      {
        type: "object",
        properties: {
          everyCd: {
            type: "boolean",
            description: "Also report a `cd` that later commands of the same RUN use (hadolint DL3003 reports every `cd`).",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ everyCd: false }],
    messages: {
      lostCd: "`cd` is the last command of this RUN, so it changes nothing: every instruction starts in the WORKDIR. Use `WORKDIR {{dir}}` instead.",
      cd: "Use `WORKDIR {{dir}}` instead of `cd` to set the directory.",
    },
  },
  create(context) {
    const [{ everyCd }] = context.options;
    return defineRunVisitor(context, {
      onRun({ commands }) {
        commands.forEach(({ command, unwrapped }, index) => {
          if (unwrapped.baseName !== "cd" || command.kind !== "simple" || unwrapped.wrappers.length > 0) return;
          const target = unwrapped.args.find((word) => word.value === null || !word.value.startsWith("-"));
          const dir = target?.value ?? (target ? target.raw : "~");
          // A later command of the same shell runs in that directory; after the last one nothing does.
          const usedLater = commands.slice(index + 1).some((later) => later.command.name !== null);
          if (usedLater && !everyCd) return;
          context.report({ loc: locOfRange(context.sourceCode, command.range), messageId: usedLater ? "cd" : "lostCd", data: { dir } });
        });
      },
    });
  },
});
