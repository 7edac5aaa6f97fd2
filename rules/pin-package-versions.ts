import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { packageManagerInvocations } from "../lib/semantics/package-manager-invocations.js";
import { environmentAt } from "../lib/semantics/shell-environment.js";
import type { EnvironmentLookup, PackageArgument } from "../lib/shell/index.js";
import { createRule } from "../lib/utils/create-rule.js";

/** `$NAME` / `${NAME…}` references in a version written with variables. */
function variableNames(version: string): string[] {
  return [...version.matchAll(/\$\{?([A-Z_a-z]\w*)/gu)].map((match) => match[1]!);
}

/** Pinned, and every variable the pin is written with is set where the command runs (ARG/ENV, export…). */
function isPinned(argument: PackageArgument, env: EnvironmentLookup): boolean {
  if (!argument.pinned) return false;
  return variableNames(argument.version ?? argument.constraint ?? "").every((name) => env(name) !== undefined);
}

export default createRule<DockerfileRuleTypes<[], "unpinned">>("pin-package-versions", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require packages installed by package managers to be pinned to a version",
      category: "run",
      config: "strict",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3008", "hadolint DL3013", "hadolint DL3016", "hadolint DL3018", "hadolint DL3028", "hadolint DL3033", "hadolint DL3037", "hadolint DL3041", "hadolint DL3062"],
    },
    schema: [],
    messages: {
      unpinned: "`{{name}}` is installed at whatever version {{manager}} finds on the day of the build: pin it (as in `{{example}}`).",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    return {
      Run(run) {
        for (const { invocation, command, script } of packageManagerInvocations(program, run)) {
          if (invocation.action !== "install") continue;
          let env: EnvironmentLookup | undefined;
          for (const argument of invocation.packages) {
            if (argument.kind !== "name" || argument.name === null) continue;
            env ??= environmentAt(program, run, script, command);
            if (isPinned(argument, env)) continue;
            const { range } = argument.word;
            context.report({
              loc: { start: context.sourceCode.getLocFromIndex(range[0]), end: context.sourceCode.getLocFromIndex(range[1]) },
              messageId: "unpinned",
              data: { name: argument.name, manager: invocation.manager, example: invocation.spec.pinExample },
            });
          }
        }
      },
    };
  },
});
