import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { toolAvailability } from "../lib/semantics/images/image-tools.js";
import { parseCli } from "../lib/shell/cli.js";
import { WGET } from "../lib/shell/tool-specs.js";
import { commandsNamed, defineRunVisitor } from "../lib/languages/dockerfile/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";
import { commandWordsEditable } from "../lib/shell/editable.js";

const WGET_NAMES = new Set(["wget"]);
/**
 * GNU Wget options that already keep the log short (Wget manual, "Logging and Input File Options" and
 * "Download Options"): quiet, no-verbose, a chosen progress style, or the log sent to a file.
 */
const QUIET_OPTIONS = new Set(["-q", "--quiet", "--no-verbose", "--progress", "-o", "--output-file", "-a", "--append-output"]);

export default createRule<DockerfileRuleTypes<[], "progress">>("wget-progress", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require `wget` to be run with `--progress=dot:giga`, `-q` or `-nv` so the build log stays readable",
      category: "run",
      config: "strict",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3047"],
    },
    fixable: "code",
    schema: [],
    messages: {
      progress: "`wget` without a progress option prints a line of dots for every 50 KB it downloads into the build log. Use `wget --progress=dot:giga`, or `-nv`/`-q`.",
    },
  },
  create(context) {
    return defineRunVisitor(context, {
      onRun(shell) {
        const { program, run, stage, script } = shell;
        const found = commandsNamed(shell, WGET_NAMES);
        if (found.length === 0) return;
        // BusyBox wget (Alpine, busybox) draws one progress line, redrawn at most once a second, and has
        // neither dots nor `--progress`: only GNU Wget, or a wget that may be it, is judged.
        const wget = stage ? toolAvailability(program, stage, "wget", run) : ({ state: "unknown" } as const);
        if (wget.state === "present" && wget.implementation === "busybox") return;
        // The fix writes a GNU option: only where wget is known to be GNU Wget (or, absent from the base
        // image, would be the distribution's GNU package).
        const gnu = (wget.state === "present" && wget.implementation === "gnu") || (wget.state === "absent" && wget.packaged === "gnu");
        for (const { command, unwrapped } of found) {
          // `-nv` is GNU Wget's one two-letter short option; a getopt scan would read it as `-n -v`.
          if (unwrapped.args.some((word) => word.value === "-nv")) continue;
          const parsed = parseCli(unwrapped.args, WGET, { noSubcommand: true });
          if (parsed.options.some((option) => QUIET_OPTIONS.has(option.name))) continue;
          const name = unwrapped.name!;
          const fixable = gnu && commandWordsEditable(script, command);
          context.report({
            loc: locOfRange(context.sourceCode, name.range),
            messageId: "progress",
            fix: fixable ? (fixer) => fixer.insertTextAfterRange(name.range, " --progress=dot:giga") : null,
          });
        }
      },
    });
  },
});
