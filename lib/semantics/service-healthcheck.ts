/**
 * Whether a compose service ends up with a health check: its own `healthcheck:`, else the one of the
 * image it builds (read through the project model) or pulls (official images ship none).
 */
import path from "node:path";
import type { ComposeService } from "../compose/types.js";
import { parseImageReference } from "../dockerfile/image-reference.js";
import { serviceBuildFiles } from "../project/project-model.js";
import { imageHealthcheck } from "./healthcheck.js";
import { isOfficialImage } from "./official-images.js";

export type ServiceHealthcheck =
  | { kind: "present" }
  /** Turned off on purpose (`disable: true`, `test: ["NONE"]`, or `HEALTHCHECK NONE` in the Dockerfile); `why` says where. */
  | { kind: "disabled"; why: string }
  /** Known to have none; `why` says how we know. */
  | { kind: "absent"; why: string }
  /** The image is one we cannot see into, a file is missing, or a value is unknown. */
  | { kind: "unknown" };

/**
 * The health check `service` runs with. `composeFile` is the absolute path of the compose file (build
 * contexts are relative to its folder). `extends` pulls fields from elsewhere and is not followed: such
 * a service is "unknown" unless it has its own test.
 */
export function serviceHealthcheck(service: ComposeService, composeFile: string): ServiceHealthcheck {
  const healthcheck = service.healthcheck;
  if (healthcheck?.disabled) return { kind: "disabled", why: "its compose healthcheck is disabled" };
  // A compose healthcheck with a test is enough; one with only timings keeps the image's test.
  if (healthcheck?.test && !(healthcheck.test.form === "list" && healthcheck.test.kindNode === null)) return { kind: "present" };
  if (service.extends) return { kind: "unknown" };
  if (service.build) {
    const files = serviceBuildFiles(composeFile, service.build);
    if (!files?.dockerfile) return { kind: "unknown" };
    const target = service.build.target ? service.build.target.resolved : null;
    if (service.build.target && target === null) return { kind: "unknown" };
    const image = imageHealthcheck(files.dockerfile, target);
    const dockerfile = files.dockerfilePath ? path.relative(path.dirname(composeFile), files.dockerfilePath) || files.dockerfilePath : "its dockerfile_inline";
    if (image.kind === "absent") return { kind: "absent", why: `no healthcheck in compose, and no HEALTHCHECK in ${dockerfile}${target ? ` (stage '${target}')` : ""} or its base image` };
    if (image.kind === "disabled") return { kind: "disabled", why: `${dockerfile} turns it off with HEALTHCHECK NONE (line ${image.instruction.loc.start.line})` };
    return image.kind === "present" ? { kind: "present" } : { kind: "unknown" };
  }
  const imageName = service.image?.resolved;
  if (!imageName) return { kind: "unknown" };
  const reference = parseImageReference(imageName);
  if (isOfficialImage(reference)) return { kind: "absent", why: `no healthcheck in compose, and the official image '${imageName}' ships none` };
  return { kind: "unknown" };
}
