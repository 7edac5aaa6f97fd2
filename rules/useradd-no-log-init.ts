import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { resolveRunWords } from "../lib/semantics/run/run-words.js";
import { hasOption, parseCli } from "../lib/shell/cli.js";
import { USERADD } from "../lib/shell/tool-specs.js";
import { commandsNamed, defineRunVisitor } from "../lib/languages/dockerfile/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";
import { commandWordsEditable } from "../lib/shell/editable.js";

/**
 * useradd records every user in /var/log/lastlog and /var/log/faillog, files indexed by UID (lastlog(8):
 * one fixed-size record per UID: 292 bytes for lastlog and 32 for faillog on 64-bit glibc). They are sparse on disk, but image layers
 * store them in full (moby/moby#5419), so a UID of 100000 adds about 32 MB. hadolint DL3046 draws the
 * line at UIDs of six digits or more; so do we.
 */
const LARGE_UID = 100_000;
const USERADD_NAMES = new Set(["useradd"]);

export default createRule<DockerfileRuleTypes<[], "noLogInit">>("useradd-no-log-init", {
  meta: {
    type: "problem",
    docs: {
      description: "Require `useradd -l` (`--no-log-init`) when the UID is large",
      category: "run",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3046"],
    },
    fixable: "code",
    schema: [],
    messages: {
      noLogInit:
        "`useradd` with UID {{uid}} writes lastlog and faillog records up to that UID, about {{megabytes}} MB of zeros stored in the layer. Add `-l` (`--no-log-init`).",
    },
  },
  create(context) {
    return defineRunVisitor(context, {
      onRun(shell) {
        const { program, run, script } = shell;
        for (const { command, unwrapped } of commandsNamed(shell, USERADD_NAMES)) {
          const parsed = parseCli(resolveRunWords(program, run, unwrapped.args), USERADD, { noSubcommand: true });
          if (hasOption(parsed.options, "-l", "--no-log-init")) continue;
          const uidOption = parsed.options.findLast((option) => option.name === "-u" || option.name === "--uid");
          if (!uidOption) continue;
          if (uidOption.value === null || !/^\d+$/u.test(uidOption.value)) continue;
          const uid = Number(uidOption.value);
          if (uid < LARGE_UID) continue;
          const name = unwrapped.name!;
          context.report({
            loc: locOfRange(context.sourceCode, [uidOption.word.range[0], (uidOption.valueWord ?? uidOption.word).range[1]]),
            messageId: "noLogInit",
            data: { uid: String(uid), megabytes: String(Math.round((uid * (292 + 32)) / 1_000_000)) },
            fix: commandWordsEditable(script, command) ? (fixer) => fixer.insertTextAfterRange(name.range, " -l") : null,
          });
        }
      },
    });
  },
});
