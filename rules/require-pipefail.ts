import type { DockerfileProgram, Run, Stage } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { imageShellFamily } from "../lib/semantics/shell-environment/image-shell.js";
import { scriptSetsPipefailBefore, shellInstructionAt, shellSetsPipefail, wordsSetPipefail } from "../lib/semantics/shell-environment/pipefail.js";
import { runDashBuild, runShellProgram } from "../lib/semantics/shell-environment/stage-shell.js";
import { runShellScript } from "../lib/semantics/run/run-shell.js";
import { getStageGraph, stageOf } from "../lib/semantics/stages/stages.js";
import { findShellStringArgument } from "../lib/shell/commands.js";
import type { ShellPipeline, ShellScript } from "../lib/shell/model.js";
import { hidesFailure } from "../lib/shell/pipe-failure.js";
import { unwrappedCommand } from "../lib/shell/unwrapped.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

/** The SHELL lines the suggestion writes, by the image's shell (see lib/semantics/shell-environment/image-shell.ts). */
const PIPEFAIL_SHELL = {
  bash: 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
  busybox: 'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]',
} as const;

/** The `bash -o pipefail -c '…'` whose string holds the pipeline turns pipefail on for it. */
function shellStringSetsPipefail(script: ShellScript, pipeline: ShellPipeline): boolean {
  const first = pipeline.elements[0]?.commands[0];
  const strings = first?.context.filter((context) => context.kind === "shell-string") ?? [];
  return strings.some((string) =>
    script.commands.some((command) => {
      const argument = findShellStringArgument(command);
      if (!argument || argument.word.range[0] > string.range[0] || argument.word.range[1] < string.range[1]) return false;
      return wordsSetPipefail(argument.unwrapped.args.map((word) => word.value));
    }),
  );
}

/** A pipeline where the failure of an element before the last would go unnoticed. */
function riskyPipeline(script: ShellScript, pipeline: ShellPipeline, everyPipeline: boolean): boolean {
  if (pipeline.negated) return false;
  const first = pipeline.elements[0]?.commands[0];
  // In a condition the pipeline's status is the point (`if curl … | grep -q x`), not a step to fail on.
  if (!first || first.inCondition) return false;
  if (!hidesFailure(pipeline.elements, everyPipeline)) return false;
  return !scriptSetsPipefailBefore(script, pipeline) && !shellStringSetsPipefail(script, pipeline);
}

function describe(element: ShellPipeline["elements"][number] | undefined): string {
  const command = element?.command;
  return (command && unwrappedCommand(command).baseName) ?? "…";
}

/**
 * How the message says to turn pipefail on: `set -o pipefail` is left out where the RUN's dash is known
 * to reject it (`DASH_BUILDS`: "Illegal option -o pipefail", the RUN fails).
 */
function howToTurnOn(program: DockerfileProgram, run: Run): string {
  const dash = runShellProgram(program, run).program === "dash" ? runDashBuild(program, run) : null;
  if (dash?.features.pipefail === false) return `Turn on pipefail with \`${PIPEFAIL_SHELL.bash}\` (the dash of ${dash.release} that runs this RUN has no \`set -o pipefail\`).`;
  return `Turn on pipefail with \`${PIPEFAIL_SHELL.bash}\` or \`set -o pipefail\` first.`;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function suggestionFor(program: DockerfileProgram, stage: Stage | null, run: Run): string | null {
  // An ONBUILD trigger runs in a later build: a SHELL here would not reach it.
  if (!stage || getStageGraph(program).locate(run) === null) return null;
  // Only where the SHELL we would write is certain to exist, and no other SHELL is replaced.
  if (shellInstructionAt(program, run) !== null) return null;
  const family = imageShellFamily(program, stage);
  return family === "bash" || family === "busybox" ? PIPEFAIL_SHELL[family] : null;
}

type Options = [{ everyPipeline?: boolean }];

export default createRule<DockerfileRuleTypes<Options, "pipefail" | "addShell">>("require-pipefail", {
  meta: {
    type: "problem",
    docs: {
      description: "Require `pipefail` for RUN instructions that pipe a command which can fail",
      category: "run",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL4006", "KICS Shell Running A Pipe Without Pipefail Flag"],
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          everyPipeline: {
            type: "boolean",
            description:
              "Report every pipeline whose earlier commands can fail (hadolint DL4006), not only those where a failure is likely to go unnoticed (a download, or a pipe into `tee` or an interpreter).",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ everyPipeline: false }],
    messages: {
      pipefail:
        "If `{{first}}` fails, this RUN still succeeds: the shell only checks the last command of `{{first}} | {{next}}`. {{turnOn}}",
      addShell: "Insert `{{shell}}` before this RUN (it also applies to the RUN, CMD and ENTRYPOINT instructions after it).",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    const [{ everyPipeline = false }] = context.options;
    return {
      Run(run) {
        const script = runShellScript(program, run);
        if (!script || script.pipelines.length === 0) return;
        const stage = stageOf(program, run);
        if (stage && shellSetsPipefail(shellInstructionAt(program, run))) return;
        const pipeline = script.pipelines.find((candidate) => riskyPipeline(script, candidate, everyPipeline));
        if (!pipeline) return;
        const shell = suggestionFor(program, stage, run);
        const at = lineStart(context.sourceCode.text, run.range[0]);
        const indent = context.sourceCode.text.slice(at, run.range[0]);
        const eol = context.sourceCode.text.includes("\r\n") ? "\r\n" : "\n";
        context.report({
          loc: locOfRange(context.sourceCode, pipeline.elements[0]!.range),
          messageId: "pipefail",
          data: { first: describe(pipeline.elements[0]), next: describe(pipeline.elements[1]), turnOn: howToTurnOn(program, run) },
          suggest: shell
            ? [{ messageId: "addShell", data: { shell }, fix: (fixer) => fixer.insertTextBeforeRange([at, at], `${indent}${shell}${eol}`) }]
            : [],
        });
      },
    };
  },
});
