import path from "node:path";
import { contextInLintScope } from "../lib/project/lint-scope.js";
import { defineComposeProjectVisitor } from "../lib/languages/compose/visitors.js";
import type { HealthcheckTest } from "../lib/compose/types.js";
import type { DockerfileProgram, Healthcheck, Stage } from "../lib/dockerfile/ast.js";
import { parseImageReference } from "../lib/dockerfile/image-reference.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { serviceBuildFiles } from "../lib/project/project-model.js";
import { execRunsShell, judgeHealthcheckTools, type HealthcheckToolVerdict } from "../lib/semantics/health/healthcheck-tools.js";
import { imageHasShell, imageToolAvailability, stageHasShell, toolAvailability, type ImageTool } from "../lib/semantics/images/image-tools.js";
import { stageOf } from "../lib/semantics/stages/stages.js";
import { lastLayerWith, mergedBuild, mergedHealthcheck } from "../lib/semantics/health/service-healthcheck.js";
import { settingInEffect } from "../lib/semantics/stages/stage-references.js";
import { getStageGraph } from "../lib/semantics/stages/stages.js";
import { getShellScript, parseExecForm } from "../lib/shell/index.js";
import type { ShellScript } from "../lib/shell/model.js";
import type { ShellText } from "../lib/shell/shell-text.js";
import { createRule } from "../lib/utils/create-rule.js";

type MessageId = "missing" | "noShell";

const NO_OFFSETS: ShellText = { text: "", segments: [] };

/** A shell text for a string that is not in the linted source (a compose scalar): offsets are the string's own. */
function plainShellText(text: string): ShellText {
  return { text, segments: [{ textStart: 0, sourceStart: 0, length: text.length }] };
}

function parsedShell(text: ShellText): ShellScript | null {
  const parsed = getShellScript(text, { dialect: "posix" });
  return parsed.ok ? parsed : null;
}

/** The alternatives clause of the message. */
function alternativesText(alternatives: readonly ImageTool[]): string {
  return alternatives.length === 0 ? "" : `; the image has ${alternatives.map((tool) => `'${tool}'`).join(" and ")}`;
}

/** A SHELL in effect that is not a POSIX shell: Docker runs a shell-form check with it, which we do not model. */
function hasForeignShell(program: DockerfileProgram, stage: Stage): boolean {
  const shell = settingInEffect(program, stage, "Shell");
  if (!shell) return false;
  const first = shell.form?.type === "ExecForm" ? shell.form.elements[0]?.value : undefined;
  return first === undefined || !/^(?:(?:\/usr)?\/bin\/)?(?:sh|bash|ash|dash)$/u.test(first);
}

export default createRule<DockerfileRuleTypes<[], MessageId> & ComposeRuleTypes<[], MessageId>>("healthcheck-command-available", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow health checks that call a program (`curl`, `wget`, `nc`, `pg_isready`…) or a shell the image does not have",
      category: "healthchecks",
      config: "recommended",
      fileKinds: ["dockerfile", "compose"],
      peers: [],
    },
    schema: [],
    messages: {
      missing:
        "The health check calls {{tools}}, which {{image}} does not have{{alternatives}}: the check fails every time, the container is never healthy, and `depends_on: condition: service_healthy` never starts its dependants. Install it in a RUN or call a program the image has.",
      noShell:
        "The health check is a shell command, but {{image}} has no shell (/bin/sh): it can never run, and the container is never healthy. Use the exec form with a program the image has (`[\"CMD\", \"/app/healthcheck\"]`).",
    },
  },
  create(context) {
    function dockerfileImage(program: DockerfileProgram, stage: Stage): string {
      const graph = getStageGraph(program);
      const root = graph.ancestry(stage).at(-1);
      const base = root ? graph.baseOf(root) : null;
      const from = base?.kind === "image" ? `'${base.value}'` : base?.kind === "scratch" ? "scratch" : "its base";
      return stage === graph.finalStage ? `the image (built on ${from})` : `the image of stage '${stage.name ?? stage.index}' (built on ${from})`;
    }

    function checkHealthcheck(node: Healthcheck): void {
      if (node.kind !== "cmd" || !node.command) return;
      const program = context.sourceCode.ast;
      const graph = getStageGraph(program);
      const own = stageOf(program, node);
      if (!own) return;
      const form = node.command;
      const script = form.type === "ExecForm" ? parseExecForm(NO_OFFSETS, form.elements.map((element) => ({ value: element.value, raw: element.raw, textStart: element.range[0] }))) : parsedShell(form.shell);
      const needsShell = form.type === "ShellForm" || (script !== null && execRunsShell(script));
      // The images this HEALTHCHECK is the health check of: the stages that can ship and inherit it.
      const images = program.stages.filter((stage) => graph.isShipped(stage) && settingInEffect(program, stage, "Healthcheck") === node);
      if (images.length === 0) return;
      let reported: { verdict: NonNullable<HealthcheckToolVerdict>; stage: Stage } | null = null;
      for (const stage of images) {
        if (form.type === "ShellForm" && hasForeignShell(program, stage)) return;
        const verdict = judgeHealthcheckTools(script, needsShell, (tool) => toolAvailability(program, stage, tool, "end"), stageHasShell(program, stage));
        if (!verdict) return;
        if (!reported || stage === own) reported = { verdict, stage };
      }
      if (!reported) return;
      const { verdict, stage } = reported;
      const image = dockerfileImage(program, stage);
      if (verdict.kind === "noShell") {
        context.report({ loc: form.loc, messageId: "noShell", data: { image } });
        return;
      }
      const word = verdict.first.word;
      const loc = form.type === "ExecForm" && !needsShell ? form.elements[0]!.loc : { start: context.sourceCode.getLocFromIndex(word.range[0]), end: context.sourceCode.getLocFromIndex(word.range[1]) };
      context.report({ loc, messageId: "missing", data: { tools: verdict.tools.map((tool) => `'${tool}'`).join(" and "), image, alternatives: alternativesText(verdict.alternatives) } });
    }

    /** The script of a compose `test:` and whether Docker runs it with a shell; null when a value is unknown. */
    function composeScript(test: HealthcheckTest): { script: ShellScript | null; needsShell: boolean } | null {
      if (test.kind === "CMD") {
        const values = test.command.map((item) => item.resolved);
        if (values.length === 0 || values.some((value) => value === null)) return null;
        const script = parseExecForm(NO_OFFSETS, values.map((value) => ({ value: value!, raw: JSON.stringify(value), textStart: 0 })));
        return { script, needsShell: script !== null && execRunsShell(script) };
      }
      if (test.kind === "CMD-SHELL") {
        const text = test.command.length === 1 ? test.command[0]!.resolved : null;
        if (text === null) return null;
        return { script: parsedShell(plainShellText(text)), needsShell: true };
      }
      return null;
    }

    return {
      Healthcheck: checkHealthcheck,
      ...defineComposeProjectVisitor(context, {
        onService(service, merged) {
          const test = service.healthcheck?.test;
          if (!test || test.kind === null || test.kind === "NONE") return;
          // Judged when this file's test is the one the merged service runs (an override may replace it).
          if (!merged || mergedHealthcheck(merged.layers)?.test !== test) return;
          const parsed = composeScript(test);
          if (!parsed) return;
          let availability: (tool: ImageTool) => ReturnType<typeof imageToolAvailability>;
          let hasShell: boolean | null;
          let image: string;
          const build = mergedBuild(merged.layers);
          if (build) {
            if (!path.isAbsolute(build.file)) return;
            const files = serviceBuildFiles(build.file, build.build);
            const program = files?.dockerfile;
            if (!program) return;
            // A Dockerfile outside the project being linted is unknown here, as the other cross-file rules treat it.
            if (files.dockerfilePath && !contextInLintScope(path.dirname(files.dockerfilePath), { cwd: context.cwd, file: build.file })) return;
            const target = build.build.target ? build.build.target.resolved : null;
            if (build.build.target && target === null) return;
            const graph = getStageGraph(program);
            const stage = target === null ? graph.finalStage : graph.stageNamed(target);
            if (!stage) return;
            if (test.kind === "CMD-SHELL" && hasForeignShell(program, stage)) return;
            availability = (tool) => toolAvailability(program, stage, tool, "end");
            hasShell = stageHasShell(program, stage);
            const dockerfile = files.dockerfilePath ? path.relative(path.dirname(build.file), files.dockerfilePath) || files.dockerfilePath : "its dockerfile_inline";
            image = `the image built from ${dockerfile}${target ? ` (stage '${target}')` : ""}`;
          } else {
            const name = lastLayerWith(merged.layers, "image")?.service.image?.resolved;
            if (!name) return;
            const reference = parseImageReference(name);
            availability = (tool) => imageToolAvailability(reference, tool);
            hasShell = imageHasShell(reference);
            image = `the image '${name}'`;
          }
          const verdict = judgeHealthcheckTools(parsed.script, parsed.needsShell, availability, hasShell);
          if (!verdict) return;
          if (verdict.kind === "noShell") {
            context.report({ loc: (test.kindNode?.node ?? test.node).loc, messageId: "noShell", data: { image } });
            return;
          }
          // The list item that names the program, else the shell string.
          const item =
            test.command.find((entry) => entry.resolved !== null && path.posix.basename(entry.resolved) === verdict.first.tool) ??
            test.command.find((entry) => entry.resolved?.includes(verdict.first.tool));
          context.report({
            loc: (item ?? test.command[0]!).node.loc,
            messageId: "missing",
            data: { tools: verdict.tools.map((tool) => `'${tool}'`).join(" and "), image, alternatives: alternativesText(verdict.alternatives) },
          });
        },
      }),
    };
  },
});
