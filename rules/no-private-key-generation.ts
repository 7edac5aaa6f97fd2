import path from "node:path";
import type { DockerfileProgram, Run, Stage } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { keyGenerationOf, pathCovers, type KeyGeneration } from "../lib/semantics/secrets/key-generation.js";
import { runShellOf } from "../lib/languages/dockerfile/visitors.js";
import { isExportOnlyStage } from "../lib/semantics/stages/shipped-image.js";
import { stageReach, stageReferences } from "../lib/semantics/stages/stage-references.js";
import { getStageGraph } from "../lib/semantics/stages/stages.js";
import { workdirBefore } from "../lib/semantics/files/workdir.js";
import type { ShellScript } from "../lib/shell/model.js";
import { unwrappedCommand } from "../lib/shell/unwrapped.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

type MessageIds = "generatedInImage" | "copiedIntoImage";

/** The key's absolute path, resolved against the RUN's working folder (root's home for `~`); null when unknown. */
function absoluteKeyPath(program: DockerfileProgram, run: Run, keyPath: string | null): string | null {
  if (keyPath === null) return null;
  if (keyPath.startsWith("/")) return path.posix.normalize(keyPath);
  // ssh-keygen's default under the user's home: BuildKit runs as root unless USER says otherwise; another user's home is unknown here.
  if (keyPath.startsWith("~/")) return null;
  const workdir = workdirBefore(program, run);
  return workdir.kind === "absolute" && workdir.path?.startsWith("/") ? path.posix.join(workdir.path, keyPath) : null;
}

/** Whether a later command of the same RUN deletes the key (then it never reaches a layer). */
function removedInSameRun(script: ShellScript, generation: KeyGeneration, keyPath: string | null): boolean {
  if (keyPath === null && generation.path === null) return false;
  return script.commands.some((command) => {
    if (command.index <= generation.command.index) return false;
    const unwrapped = unwrappedCommand(command);
    if (unwrapped.baseName !== "rm") return false;
    return unwrapped.args.some((word) => {
      const operand = word.value ?? word.raw;
      if (operand.startsWith("-")) return false;
      return (keyPath !== null && pathCovers(operand, keyPath)) || (generation.path !== null && pathCovers(operand, generation.path));
    });
  });
}

export default createRule<DockerfileRuleTypes<[], MessageIds>>("no-private-key-generation", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow generating private keys and certificates' keys during the build of an image that ships them",
      category: "security",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: [],
    },
    schema: [],
    messages: {
      generatedInImage:
        "`{{tool}}` generates a private key during the build: it is stored in a layer of the image, so everyone who pulls the image holds it and every container shares it. Generate keys when the container starts (an entrypoint), or mount them at run time as a secret or volume.",
      copiedIntoImage:
        "`{{tool}}` generates a private key in stage '{{stage}}', and `COPY --from` at line {{line}} copies it into the image: everyone who pulls the image holds it. Generate keys when the container starts, or mount them at run time as a secret or volume.",
    },
  },
  create(context) {
    const { sourceCode } = context;
    return {
      Program(program: DockerfileProgram) {
        const { produced, reachable } = stageReach(program);
        // `FROM scratch` + `COPY --from` with no program: a `docker build --output` export of the files (BuildKit's own create-certs example), not an image.
        if (!produced || isExportOnlyStage(program, produced)) return;
        const graph = getStageGraph(program);
        const image = new Set(graph.ancestry(produced));
        // What each builder stage hands the image: the sources of the image's COPY --from (relative to the stage's root).
        const copiedFrom = new Map<Stage, { source: string; line: number }[]>();
        for (const reference of stageReferences(program)) {
          if (reference.site !== "copy-from" || reference.target.kind !== "stage" || !image.has(reference.stage)) continue;
          const instruction = reference.instruction;
          if (instruction.type !== "Copy" && instruction.type !== "Add") continue;
          const list = copiedFrom.get(reference.target.stage) ?? [];
          for (const source of instruction.sources) list.push({ source: source.value, line: instruction.loc.start.line });
          copiedFrom.set(reference.target.stage, list);
        }
        for (const stage of program.stages) {
          if (!reachable.has(stage)) continue;
          for (const instruction of stage.instructions) {
            if (instruction.type !== "Run") continue;
            const script = runShellOf(program, instruction)?.script;
            if (!script) continue;
            for (const command of script.commands) {
              const generation = keyGenerationOf(command);
              if (!generation) continue;
              const keyPath = absoluteKeyPath(program, instruction, generation.path);
              if (removedInSameRun(script, generation, keyPath)) continue;
              const loc = locOfRange(sourceCode, command.range);
              if (image.has(stage)) {
                context.report({ loc, messageId: "generatedInImage", data: { tool: generation.tool } });
                continue;
              }
              if (keyPath === null) continue;
              const copy = copiedFrom.get(stage)?.find((candidate) => pathCovers(path.posix.join("/", candidate.source), keyPath));
              if (copy) context.report({ loc, messageId: "copiedIntoImage", data: { tool: generation.tool, stage: stage.name ?? String(stage.index), line: String(copy.line) } });
            }
          }
        }
      },
    };
  },
});
