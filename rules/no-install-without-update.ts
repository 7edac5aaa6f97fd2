import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { invocationSpan, packageManagerInvocations, runsScript } from "../lib/semantics/packages/package-manager-invocations.js";
import { findOptionWords } from "../lib/shell/index.js";
import type { ShellCommand } from "../lib/shell/index.js";
import type { PackageManagerSpec } from "../lib/shell/package-managers/types.js";
import { unwrappedCommand } from "../lib/shell/unwrapped.js";
import { createRule } from "../lib/utils/create-rule.js";

type ManualIndex = NonNullable<PackageManagerSpec["manualIndex"]>;

/** `add-apt-repository ppa:x` refreshes the index it belongs to (the table's `refreshCommands`). */
function refreshesIndex(command: ShellCommand, index: ManualIndex): boolean {
  const unwrapped = unwrappedCommand(command);
  const refresh = index.refreshCommands.find((candidate) => candidate.name === unwrapped.baseName);
  return refresh !== undefined && findOptionWords(unwrapped.args, refresh.unless).length === 0;
}

export default createRule<DockerfileRuleTypes<[], "noUpdate">>("no-install-without-update", {
  meta: {
    type: "problem",
    docs: {
      description: "Require installing system packages in the same RUN that refreshes the package index",
      category: "run",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: [],
    },
    schema: [],
    messages: {
      noUpdate:
        "`{{command}}` installs from the package index ({{path}}) without refreshing it in this RUN: it reads whatever a cached earlier layer or the base image left (official images ship none), so the build fails or installs versions the mirrors no longer serve. Run `{{update}} && {{command}} …` in one RUN.",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    return {
      Run(run) {
        const found = packageManagerInvocations(program, run);
        if (found.length === 0) return;
        const commands = found[0]!.script.commands;
        const refreshed = new Set<string>();
        let position = 0;
        for (const { invocation, command } of found) {
          const index = invocation.spec.manualIndex;
          if (!index) continue;
          const at = commands.indexOf(command);
          // Everything the shell runs before this install: a refresh, or a script that may hold one.
          for (; position < at; position++) {
            const earlier = commands[position]!;
            if (runsScript(earlier)) return;
            if (refreshesIndex(earlier, index)) refreshed.add(index.family);
          }
          const tool = invocation.unwrapped.baseName ?? "";
          if (invocation.action === "update-index" || invocation.updatesIndex || index.mayRefreshCommands.includes(tool)) refreshed.add(index.family);
          if (invocation.action !== "install" || refreshed.has(index.family)) continue;
          // Local .deb files alone need the index only for their dependencies, which may be none.
          if (invocation.packages.length > 0 && invocation.packages.every((p) => p.kind === "file" || p.kind === "path")) continue;
          const { text, loc } = invocationSpan(context.sourceCode, invocation);
          const update = `${invocation.tool.value ?? invocation.manager} update`;
          context.report({ loc, messageId: "noUpdate", data: { command: text, path: index.path, update } });
        }
      },
    };
  },
});
