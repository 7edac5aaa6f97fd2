import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { packageManagerInvocations } from "../lib/semantics/packages/package-manager-invocations.js";
import { wordBaseName } from "../lib/shell/index.js";
import type { PackageManagerInvocation } from "../lib/shell/index.js";
import { createRule } from "../lib/utils/create-rule.js";
import { commandWordsEditable } from "../lib/shell/editable.js";

/**
 * apt subcommands that apt-get runs the same way (apt-get(8),
 * https://manpages.debian.org/bookworm/apt/apt-get.8.en.html). Not `upgrade` (apt's installs new
 * dependencies, apt-get's keeps them back: `apt-get upgrade --with-new-pkgs`), nor apt's own `list`,
 * `search`, `show`, `full-upgrade`, `edit-sources`.
 */
const SAME_IN_APT_GET: ReadonlySet<string> = new Set([
  "update", "install", "reinstall", "remove", "purge", "autoremove", "autopurge", "dist-upgrade", "build-dep",
  "satisfy", "source", "download", "clean", "autoclean", "check", "changelog",
]);

/** `apt-get` spelled the way the tool word is (`apt` → `apt-get`, `/usr/bin/apt` → `/usr/bin/apt-get`), or null. */
function aptGetSpelling(invocation: PackageManagerInvocation): string | null {
  const tool = invocation.tool;
  if (tool.value === null || tool.quoted || tool.raw !== tool.value) return null;
  return `${tool.raw}-get`;
}

export default createRule<DockerfileRuleTypes<[], "apt">>("no-apt", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow `apt` in RUN: its command-line interface is not stable for scripts; use `apt-get`",
      category: "run",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3027", "Checkov CKV_DOCKER_9", "KICS Run Using apt"],
    },
    fixable: "code",
    schema: [],
    messages: {
      apt: "`apt` is meant for people at a terminal and warns that its interface may change: use `apt-get{{subcommand}}`.",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    return {
      Run(run) {
        for (const { invocation, command, script } of packageManagerInvocations(program, run)) {
          if (invocation.manager !== "apt" || wordBaseName(invocation.tool) !== "apt") continue;
          const replacement = aptGetSpelling(invocation);
          const sub = invocation.subcommand;
          const fixable = replacement !== null && sub !== null && SAME_IN_APT_GET.has(sub) && commandWordsEditable(script, command);
          context.report({
            loc: { start: context.sourceCode.getLocFromIndex(invocation.tool.range[0]), end: context.sourceCode.getLocFromIndex(invocation.tool.range[1]) },
            messageId: "apt",
            data: { subcommand: sub === null ? "" : ` ${sub}` },
            fix: fixable ? (fixer) => fixer.replaceTextRange(invocation.tool.range, replacement) : null,
          });
        }
      },
    };
  },
});
