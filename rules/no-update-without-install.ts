import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { invocationSpan, packageManagerInvocations, runsScript } from "../lib/semantics/packages/package-manager-invocations.js";
import { commandName } from "../lib/shell/index.js";
import type { PackageManagerId } from "../lib/shell/index.js";
import { createRule } from "../lib/utils/create-rule.js";

/** Managers that share one package index. */
const INDEX_FAMILY: Partial<Record<PackageManagerId, string>> = {
  "apt-get": "apt", apt: "apt", aptitude: "apt", apk: "apk", yum: "rpm", dnf: "rpm", microdnf: "rpm", zypper: "zypper", pacman: "pacman",
};

/** Other commands that read the apt index (apt-cache(8), apt-file(1)). */
const APT_INDEX_READERS: ReadonlySet<string> = new Set(["apt-cache", "apt-file", "apt-rdepends"]);

export default createRule<DockerfileRuleTypes<[], "updateOnly">>("no-update-without-install", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow refreshing the package index in a RUN that installs nothing from it",
      category: "run",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["Trivy DS-0017", "Checkov CKV_DOCKER_5", "KICS Update Instruction Alone", "SonarQube S6595"],
    },
    schema: [],
    messages: {
      updateOnly:
        "`{{command}}` refreshes the package index in a RUN that installs nothing: the layer caches the index, and a later RUN installs from a stale copy. Update and install in the same RUN.",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    return {
      Run(run) {
        const found = packageManagerInvocations(program, run);
        const updates = found.filter(({ invocation }) => invocation.action === "update-index" && INDEX_FAMILY[invocation.manager] !== undefined);
        if (updates.length === 0) return;
        const commands = updates[0]!.script.commands;
        if (commands.some(runsScript)) return;
        const used = new Set<string>();
        for (const { invocation } of found) {
          if (invocation.action === "update-index" || invocation.action === "clean") continue;
          const family = INDEX_FAMILY[invocation.manager];
          if (family) used.add(family);
        }
        if (commands.some((command) => APT_INDEX_READERS.has(commandName(command) ?? ""))) used.add("apt");
        for (const { invocation } of updates) {
          if (used.has(INDEX_FAMILY[invocation.manager]!)) continue;
          const { text, loc } = invocationSpan(context.sourceCode, invocation);
          context.report({ loc, messageId: "updateOnly", data: { command: text } });
        }
      },
    };
  },
});
