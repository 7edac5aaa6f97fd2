import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { commandsNamed, defineRunVisitor } from "../lib/languages/dockerfile/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

/**
 * Commands that make no sense during an image build: they need a terminal, a running init system or
 * the host, or only print the build container's state. The list is hadolint's DL3001
 * (https://github.com/hadolint/hadolint/wiki/DL3001), plus `vi`, which is vim on most images.
 */
const INTERACTIVE_COMMANDS: ReadonlyMap<string, string> = new Map([
  ["ssh", "needs a remote host and credentials at build time"],
  ["vim", "is an interactive editor"],
  ["vi", "is an interactive editor"],
  ["shutdown", "cannot shut a build container down"],
  ["service", "starts a service that stops when this RUN ends"],
  ["ps", "only lists the build container's processes"],
  ["free", "only shows the build machine's memory"],
  ["top", "is interactive"],
  ["kill", "signals processes that end with this RUN anyway"],
  ["mount", "needs privileges a build does not have; use RUN --mount"],
]);

/** The table's command names, made once (not per file). */
const INTERACTIVE_NAMES: ReadonlySet<string> = new Set(INTERACTIVE_COMMANDS.keys());

export default createRule<DockerfileRuleTypes<[], "interactive">>("no-interactive-command", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow commands that make no sense in an image build (ssh, vim, service, shutdown, ps, top, kill, mount…)",
      category: "run",
      config: "strict",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3001", "KICS Run Utilities And POSIX Commands"],
    },
    schema: [],
    messages: {
      interactive: "`{{name}}` {{why}}: it does nothing useful in a RUN.",
    },
  },
  create(context) {
    return defineRunVisitor(context, {
      onRun(shell) {
        for (const { unwrapped } of commandsNamed(shell, INTERACTIVE_NAMES)) {
          const name = unwrapped.baseName!;
          context.report({
            loc: locOfRange(context.sourceCode, unwrapped.name!.range),
            messageId: "interactive",
            data: { name, why: INTERACTIVE_COMMANDS.get(name)! },
          });
        }
      },
    });
  },
});
