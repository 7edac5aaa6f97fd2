/**
 * The user a stage's image runs as: the last USER of the stage or of the stages it is built FROM,
 * else what its base image sets (lib/semantics/users/image-users.ts).
 */
import type { DockerfileProgram, Stage, User } from "../../dockerfile/ast.js";
import type { ParsedImageReference } from "../../dockerfile/image-reference.js";
import { isWindowsImage, nonRootImageUser } from "./image-users.js";
import { getStageGraph } from "../stages/stages.js";
import { argumentValue } from "../variables/word-value.js";

export type StageUser =
  /** A USER of the stage or an ancestor; `user` is its processed value, null when only known at build time. */
  | { kind: "instruction"; instruction: User; user: string | null }
  /** No USER: the base image sets a non-root user. */
  | { kind: "image-non-root"; image: string; user: string; source: string }
  /** No USER, base image runs as root (scratch, or an image not known to set a user). */
  | { kind: "image-default"; base: { kind: "scratch" } | { kind: "image"; value: string; reference: ParsedImageReference } }
  /** No USER, and the base image is only known at build time, or it is a Windows image. */
  | { kind: "unknown" };

/**
 * Whether a user value (`name`, `uid`, `name:group`, `uid:gid`) names the superuser: `root` or uid 0;
 * on Windows, `ContainerAdministrator`. The group does not matter (`app:root` is not root; `0:1000` is).
 */
export function isRootUser(value: string): boolean {
  const user = value.split(":")[0]!.trim();
  return user === "root" || /^0+$/u.test(user) || user.toLowerCase() === "containeradministrator";
}

/** The user `stage`'s image runs as (see {@link StageUser}). */
export function stageUser(program: DockerfileProgram, stage: Stage): StageUser {
  const graph = getStageGraph(program);
  const chain = graph.ancestry(stage);
  for (const member of chain) {
    const last = member.instructions.findLast((instruction): instruction is User => instruction.type === "User");
    if (!last) continue;
    if (!last.user) return { kind: "instruction", instruction: last, user: null };
    const user = argumentValue(program, last, last.user);
    const group = last.group ? argumentValue(program, last, last.group) : "";
    return { kind: "instruction", instruction: last, user: user === null || group === null ? user : last.group ? `${user}:${group}` : user };
  }
  const base = graph.baseOf(chain.at(-1)!);
  if (base.kind === "scratch") return { kind: "image-default", base };
  if (base.kind !== "image") return { kind: "unknown" };
  if (isWindowsImage(base.reference)) return { kind: "unknown" };
  const fact = nonRootImageUser(base.reference);
  if (fact) return { kind: "image-non-root", image: base.value, user: fact.user, source: fact.source };
  return { kind: "image-default", base };
}
