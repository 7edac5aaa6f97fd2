import type { RuleTextEditor } from "@eslint/core";
import type { ExecForm, Run, Shell } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { defineRunVisitor } from "../lib/languages/dockerfile/visitors.js";
import type { RunShell } from "../lib/languages/dockerfile/visitors.js";
import { stageImageShell } from "../lib/semantics/shell-environment/image-shell.js";
import { invokedDashBuild, rejectedBashisms, runShellProgram } from "../lib/semantics/shell-environment/stage-shell.js";
import { getStageGraph, stageOf } from "../lib/semantics/stages/stages.js";
import { BASHISMS } from "../lib/shell/bashisms.js";
import type { BashismFinding, SmallShell } from "../lib/shell/bashisms.js";
import { createRule } from "../lib/utils/create-rule.js";
import type { Range } from "../lib/utils/range.js";
import { locOfRange } from "../lib/utils/range-loc.js";

/** How messages name the two shells. */
const SHELL_NAMES: Readonly<Record<SmallShell, string>> = { dash: "dash", "busybox-ash": "BusyBox ash" };

const BASH_SHELL = 'SHELL ["/bin/bash", "-c"]';
/** For `set -o pipefail`: bash with the option the script meant to turn on. */
const BASH_PIPEFAIL_SHELL = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';

type MessageIds = "bashism" | "ampersandRedirect" | "setPipefail" | "invokePipefail" | "useBash" | "useBashProgram" | "usePosix" | "useRedirect";

/**
 * The `-o pipefail` among the options of an exec-form shell invocation (`["/bin/sh", "-eo", "pipefail", "-c"]`):
 * the elements from the option to `pipefail`, or null. Options end at the `-c` (cluster) that takes the script.
 */
function pipefailOption(form: ExecForm): [number, number] | null {
  const elements = form.elements;
  for (let i = 1; i + 1 < elements.length; i++) {
    const value = elements[i]!.value;
    if (/^-[a-zA-Z]+$/u.test(value) && value.includes("c")) return null;
    if (/^[-+][a-zA-Z]*o$/u.test(value) && elements[i + 1]!.value === "pipefail") return [i, i + 1];
  }
  return null;
}

/** One suggestion of a report: an edit described by its range and text. */
interface Suggestion {
  messageId: MessageIds;
  data: Record<string, string>;
  range: Range;
  text: string;
}

function asEdits(suggestions: readonly Suggestion[]) {
  return suggestions.map(({ messageId, data, range, text }) => ({ messageId, data, fix: (fixer: RuleTextEditor) => fixer.replaceTextRange(range, text) }));
}

export default createRule<DockerfileRuleTypes<[], MessageIds>>("no-bashism", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow bash-only syntax in RUN scripts that the image's `/bin/sh` (dash or BusyBox ash) runs",
      category: "run",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["ShellCheck SC2113", "ShellCheck SC3001", "ShellCheck SC3003", "ShellCheck SC3006", "ShellCheck SC3008", "ShellCheck SC3009", "ShellCheck SC3010", "ShellCheck SC3011", "ShellCheck SC3014", "ShellCheck SC3020", "ShellCheck SC3024", "ShellCheck SC3029", "ShellCheck SC3030", "ShellCheck SC3036", "ShellCheck SC3039", "ShellCheck SC3040", "ShellCheck SC3044", "ShellCheck SC3046", "ShellCheck SC3053", "ShellCheck SC3057", "ShellCheck SC3059", "ShellCheck SC3060"],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      bashism:
        "Bash syntax ({{construct}}) in a script that {{shell}} runs ({{why}}): {{shell}} does not accept it, so the command fails or does something else. Write the POSIX form, or run the script with bash.",
      ampersandRedirect:
        "`{{op}}` is bash's \"redirect both outputs\", but dash runs this script ({{why}}): dash reads `cmd {{op}} file` as `cmd &` then `{{rest}} file`, so the command runs in the background, its output is not redirected, and its failure (or its status in a condition, which is then always true) is lost. Write `{{rest}} file 2>&1`.",
      setPipefail:
        "`{{written}}` in a script that dash runs ({{why}}): the dash of {{release}} (package {{version}}) has no pipefail option, so `set` stops the script with \"Illegal option -o pipefail\" and the RUN fails. Run the script with bash (`SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]`), or build from a release whose dash has it.",
      invokePipefail:
        "`{{written}}` starts dash with `-o pipefail`, but the dash of {{release}} (package {{version}}) has no pipefail option: it stops with \"Illegal option -o pipefail\", so {{fails}}. Start bash instead (`/bin/bash`).",
      useBashProgram: "Start `/bin/bash` instead (bash is in the image).",
      useBash: "Insert `{{shell}}` before this RUN (bash is in the image; it also applies to the RUN, CMD and ENTRYPOINT instructions after it).",
      usePosix: "Write the POSIX form `{{form}}`.",
      useRedirect: "Write `{{replacement}}`.",
    },
  },
  create(context) {
    const sourceText = context.sourceCode.text;

    /** Why the shell is what it is, for the message. */
    function why(shell: RunShell, finding: BashismFinding): string {
      if (finding.context.some((each) => each.kind === "shell-string")) return "it is the script of an `sh -c` string";
      const via = runShellProgram(shell.program, shell.run).via;
      if (via === "shebang") return "the heredoc's `#!` line";
      if (via === "shell-instruction") return "the SHELL instruction";
      return "it is `/bin/sh` of the base image";
    }

    function suggestions(shell: RunShell, finding: BashismFinding, program: SmallShell, bashShell = BASH_SHELL): Suggestion[] {
      // Text inside an `sh -c` string or a JSON array would need quoting the edit does not do.
      const plain = shell.script.form !== "exec" && !finding.context.some((each) => each.kind === "shell-string");
      const out: Suggestion[] = [];
      const kind = BASHISMS[finding.id];
      if (plain && kind.posixForm !== undefined && posixFormFits(finding)) {
        const form = kind.posixForm;
        out.push({ messageId: "usePosix", data: { form }, range: finding.range, text: form });
      }
      const outer = runShellProgram(shell.program, shell.run);
      const located = shell.stage !== null && getStageGraph(shell.program).locate(shell.run) !== null;
      if (plain && located && outer.via === "image" && outer.program === program && outer.hasBash === true) {
        const at = sourceText.lastIndexOf("\n", shell.run.range[0] - 1) + 1;
        const indent = sourceText.slice(at, shell.run.range[0]);
        const eol = sourceText.includes("\r\n") ? "\r\n" : "\n";
        out.push({ messageId: "useBash", data: { shell: bashShell }, range: [at, at], text: `${indent}${bashShell}${eol}` });
      }
      return out;
    }

    /** `source file` becomes `. file` only when `.` finds the same file (a path with `/`; no arguments, which `.` does not pass). */
    function posixFormFits(finding: BashismFinding): boolean {
      if (finding.id !== "source") return true;
      const args = finding.command?.args ?? [];
      return args.length === 1 && args[0]!.value !== null && args[0]!.value.includes("/");
    }

    /**
     * A SHELL or exec-form RUN that starts the image's dash with `-o pipefail` where that dash lacks it:
     * dash refuses to start, so the RUN (every RUN under the SHELL) fails.
     */
    function checkInvocation(instruction: Run | Shell, form: ExecForm): void {
      const option = pipefailOption(form);
      if (!option) return;
      const program = context.sourceCode.ast;
      const dash = invokedDashBuild(program, instruction, form.elements.map((element) => element.value));
      if (dash?.features.pipefail !== false) return;
      const first = form.elements[0]!;
      const stage = stageOf(program, instruction);
      const bash = stage !== null && stageImageShell(program, stage).hasBash === true && /^(?:\/usr)?\/bin\/(?:sh|dash)$|^(?:sh|dash)$/u.test(first.value);
      context.report({
        loc: locOfRange(context.sourceCode, [form.elements[option[0]]!.range[0], form.elements[option[1]]!.range[1]]),
        messageId: "invokePipefail",
        data: {
          written: sourceText.slice(form.range[0], form.range[1]),
          release: dash.release,
          version: dash.version,
          fails: instruction.type === "Shell" ? "every RUN under this SHELL fails" : "the RUN fails",
        },
        suggest: bash ? [{ messageId: "useBashProgram", fix: (fixer: RuleTextEditor) => fixer.replaceTextRange(first.range, '"/bin/bash"') }] : [],
      });
    }

    const runs = defineRunVisitor(context, {
      onRun(shell) {
        if (shell.run.form?.type === "ExecForm") checkInvocation(shell.run, shell.run.form);
        for (const finding of rejectedBashisms(shell.program, shell.run, shell.script, sourceText)) {
          const program = finding.program;
          const loc = locOfRange(context.sourceCode, finding.range);
          if (finding.dash && finding.invokes !== undefined) {
            // `sh -o pipefail -c '…'`: the started dash refuses to start; a SHELL line would not change `sh`.
            context.report({
              loc,
              messageId: "invokePipefail",
              data: { written: `${finding.invokes} ${sourceText.slice(finding.range[0], finding.range[1]).replace(/\\\r?\n\s*/gu, " ")}`, release: finding.dash.release, version: finding.dash.version, fails: "the RUN fails" },
            });
            continue;
          }
          if (finding.dash) {
            context.report({
              loc,
              messageId: "setPipefail",
              data: { written: `set ${sourceText.slice(finding.range[0], finding.range[1]).replace(/\\\r?\n\s*/gu, " ")}`, why: why(shell, finding), release: finding.dash.release, version: finding.dash.version },
              suggest: asEdits(suggestions(shell, finding, program, BASH_PIPEFAIL_SHELL)),
            });
            continue;
          }
          const suggest = suggestions(shell, finding, program);
          if (finding.id === "ampersand-redirect" && program === "dash") {
            const written = sourceText.slice(finding.range[0], finding.range[1]);
            const op = written.startsWith("&>>") ? "&>>" : "&>";
            const rest = op === "&>>" ? ">>" : ">";
            const plain = shell.script.form !== "exec" && !finding.context.some((each) => each.kind === "shell-string");
            const redirect = plain ? `${rest}${written.slice(op.length)} 2>&1` : null;
            context.report({
              loc,
              messageId: "ampersandRedirect",
              data: { op, rest, why: why(shell, finding) },
              suggest: asEdits([...(redirect ? [{ messageId: "useRedirect" as const, data: { replacement: redirect }, range: finding.range, text: redirect }] : []), ...suggest]),
            });
            continue;
          }
          context.report({
            loc,
            messageId: "bashism",
            data: { construct: BASHISMS[finding.id].label, shell: SHELL_NAMES[program], why: why(shell, finding) },
            suggest: asEdits(suggest),
          });
        }
      },
    });
    return {
      ...runs,
      Shell(node: Shell) {
        if (node.form?.type === "ExecForm") checkInvocation(node, node.form);
      },
    };
  },
});
