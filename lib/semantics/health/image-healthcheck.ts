/**
 * Whether the image a Dockerfile builds has a health check: the last HEALTHCHECK of the target stage,
 * else of the stage it is built on, and so on down to the base image (HEALTHCHECK is image config,
 * inherited through FROM).
 */
import type { DockerfileProgram, Healthcheck } from "../../dockerfile/ast.js";
import { isOfficialImage } from "../images/official-images.js";
import { fromReference } from "../stages/stage-references.js";
import { getStageGraph } from "../stages/stages.js";

export type ImageHealthcheck =
  | { kind: "present"; instruction: Healthcheck }
  /** `HEALTHCHECK NONE` turns an inherited check off. */
  | { kind: "disabled"; instruction: Healthcheck }
  /** No HEALTHCHECK down to scratch or an official image (which never ships one). */
  | { kind: "absent" }
  /** The chain ends in an image we cannot see into, or the stage does not exist. */
  | { kind: "unknown" };

/**
 * The health check of the image `program` builds (its `target` stage, else the last one). With
 * `filename` (the Dockerfile's path), a base that a build of the file declares as a named context
 * (`build.additional_contexts`) is an image we cannot see into, whatever its name.
 */
export function imageHealthcheck(program: DockerfileProgram, target: string | null, filename?: string): ImageHealthcheck {
  const graph = getStageGraph(program);
  const stage = target === null ? graph.finalStage : graph.stageNamed(target);
  if (!stage) return { kind: "unknown" };
  const chain = graph.ancestry(stage);
  for (const current of chain) {
    const last = current.instructions.findLast((instruction): instruction is Healthcheck => instruction.type === "Healthcheck");
    if (!last) continue;
    if (last.kind === "cmd") return { kind: "present", instruction: last };
    if (last.kind === "none") return { kind: "disabled", instruction: last };
    return { kind: "unknown" };
  }
  const root = chain.at(-1);
  const base = root ? graph.baseOf(root) : { kind: "unknown" as const };
  if (base.kind === "scratch") return { kind: "absent" };
  if (root && fromReference(program, root, filename)?.target.kind === "context") return { kind: "unknown" };
  if (base.kind === "image" && isOfficialImage(base.reference)) return { kind: "absent" };
  return { kind: "unknown" };
}
