import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { hasOption, parseCli } from "../lib/shell/cli.js";
import type { ShellWord } from "../lib/shell/model.js";
import { LN } from "../lib/shell/tool-specs.js";
import { commandsNamed, defineRunVisitor } from "../lib/languages/dockerfile/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

/** Where the image's `sh` lives: `/bin` is a link to `/usr/bin` on merged-/usr distributions. */
const SHELL_PATHS = new Set(["/bin/sh", "/usr/bin/sh"]);
const SHELL_DIRS = new Set(["/bin", "/usr/bin"]);
const LN_NAMES = new Set(["ln"]);

function normalise(path: string): string {
  return path.replace(/\/+/gu, "/").replace(/(?<=.)\/$/u, "");
}

/** The word naming the link `ln` creates over `/bin/sh`, if it does. */
function linkOverShell(args: readonly ShellWord[]): ShellWord | null {
  const parsed = parseCli(args, LN, { noSubcommand: true });
  const targetDirectory = parsed.options.find((option) => option.name === "-t" || option.name === "--target-directory");
  if (targetDirectory) {
    // `ln -s -t /bin bash-as-sh/sh`: each operand is linked into the directory under its base name.
    if (targetDirectory.value === null || !SHELL_DIRS.has(normalise(targetDirectory.value))) return null;
    return parsed.operands.find((word) => word.value !== null && word.value.split("/").at(-1) === "sh") ?? null;
  }
  // `ln [options] TARGET LINK_NAME`, or `ln TARGET… DIRECTORY`.
  if (parsed.operands.length < 2) return null;
  const last = parsed.operands.at(-1)!;
  if (last.value === null) return null;
  const path = normalise(last.value);
  if (SHELL_PATHS.has(path)) return last;
  // `ln -s /bin/bash /bin` (no -T): creates /bin/bash… only when a source is named `sh`.
  if (SHELL_DIRS.has(path) && !hasOption(parsed.options, "-T", "--no-target-directory")) {
    return parsed.operands.slice(0, -1).some((word) => word.value?.split("/").at(-1) === "sh") ? last : null;
  }
  return null;
}

export default createRule<DockerfileRuleTypes<[], "lnShell">>("no-ln-bin-sh", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow replacing `/bin/sh` with `ln`; use the SHELL instruction",
      category: "run",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL4005"],
    },
    schema: [],
    messages: {
      lnShell:
        "Linking over `/bin/sh` changes the shell of every later RUN and of the programs in the image that call `sh`. Use `SHELL [\"/bin/bash\", \"-c\"]` to choose the shell of RUN instructions.",
    },
  },
  create(context) {
    return defineRunVisitor(context, {
      onRun(shell) {
        for (const { unwrapped } of commandsNamed(shell, LN_NAMES)) {
          const link = linkOverShell(unwrapped.args);
          if (link) context.report({ loc: locOfRange(context.sourceCode, link.range), messageId: "lnShell" });
        }
      },
    });
  },
});
