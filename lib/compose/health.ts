/**
 * Whether a project service has a health check Compose can wait on (`condition: service_healthy`):
 * the merged compose `healthcheck:` with a test, else the HEALTHCHECK of the Dockerfile it builds (read
 * through the project model). Shared by the dependency rules.
 */
import path from "node:path";
import { serviceBuildFiles } from "../project/project-model.js";
import { imageHealthcheck } from "../semantics/healthcheck.js";
import { effectiveValue, type ProjectService } from "./project.js";

export type HealthVerdict = "healthy-capable" | "none" | "unknown";

/** `healthy-capable` when the merged service has a health check, `none` when it surely has none, `unknown` otherwise. */
export function serviceHealth(service: ProjectService): HealthVerdict {
  const healthcheck = effectiveValue(service, (s) => s.healthcheck)?.value;
  if (healthcheck?.disabled) return "none";
  if (healthcheck?.test) return "healthy-capable";
  const build = effectiveValue(service, (s) => s.build);
  if (build && path.isAbsolute(build.layer.file)) {
    const files = serviceBuildFiles(build.layer.file, build.value);
    if (!files?.dockerfile) return "unknown";
    const target = build.value.target ? build.value.target.resolved : null;
    if (build.value.target && target === null) return "unknown";
    const verdict = imageHealthcheck(files.dockerfile, target).kind;
    return verdict === "present" ? "healthy-capable" : verdict === "unknown" ? "unknown" : "none";
  }
  return build ? "unknown" : "none";
}
