/**
 * The one answer to "does this compose service have a health check", asked of the merged project
 * service (lib/project/compose-project.ts: every file Compose loads with the linted one, the default override
 * file, `include:`, `extends`). Every rule that asks it (require-healthy-dependency,
 * no-healthcheck-less-dependency, the compose half of require-healthcheck) gets the same verdict.
 *
 * The compose `healthcheck:` is merged as compose-go's `override` package merges a mapping: key by key
 * over the layers (extended service, declaration, override file), a `!reset` on `healthcheck` (or on
 * one of its keys) drops what earlier layers set, a `!override` replaces the whole mapping. The merged
 * `disable: true` or `test: ["NONE"]` turns it off; a merged `test` runs a check; a mapping with only
 * timings keeps the image's test. Without a compose test, the image decides (Docker applies the image's
 * HEALTHCHECK): the Dockerfile the service builds (its `build.target` stage and the stages it is built
 * on, down to the base image), or the image it pulls (official images ship none,
 * `official-images.ts`). Anything the files do not tell (an image we cannot see into, an unknown
 * variable, an `extends` whose file could not be read) is "unknown", and rules stay silent on it.
 */
import path from "node:path";
import type { ProjectService, ServiceLayer } from "../../project/compose-project.js";
import type { ComposeBuild, ComposeHealthcheck, HealthcheckTest, ScalarValue } from "../../compose/types.js";
import { getMappingEntries } from "../../compose/yaml.js";
import { parseImageReference } from "../../dockerfile/image-reference.js";
import { serviceBuildFiles } from "../../project/project-model.js";
import { imageHealthcheck } from "./image-healthcheck.js";
import { isOfficialImage } from "../images/official-images.js";

export type ServiceHealthcheck =
  | { kind: "present" }
  /** Turned off on purpose (`disable: true`, `test: ["NONE"]`, or `HEALTHCHECK NONE` in the Dockerfile); `why` says where. */
  | { kind: "disabled"; why: string }
  /** Known to have none; `why` says how we know. */
  | { kind: "absent"; why: string }
  /** The image is one we cannot see into, a file is missing, or a value is unknown. */
  | { kind: "unknown" };

/** The compose healthcheck of the merged service, key by key; null when no layer sets one. */
export interface MergedHealthcheck {
  /** The merged `disable:` (null when no layer sets it). */
  disable: ScalarValue | null;
  /** The merged `test:` (null when no layer sets it). */
  test: HealthcheckTest | null;
}

export function mergedHealthcheck(layers: readonly ServiceLayer[]): MergedHealthcheck | null {
  const contributing: ComposeHealthcheck[] = [];
  for (let index = layers.length - 1; index >= 0; index--) {
    const service = layers[index]!.service;
    const entry = service.node ? getMappingEntries(service.node).get("healthcheck") : undefined;
    if (entry?.reset) break;
    if (service.healthcheck) contributing.unshift(service.healthcheck);
    if (entry?.override) break;
  }
  if (contributing.length === 0) return null;
  const merged: MergedHealthcheck = { disable: null, test: null };
  for (const healthcheck of contributing) {
    const keys = healthcheck.node ? getMappingEntries(healthcheck.node) : null;
    if (keys?.get("disable")?.reset) merged.disable = null;
    if (keys?.get("test")?.reset) merged.test = null;
    if (healthcheck.disable) merged.disable = healthcheck.disable;
    if (healthcheck.test) merged.test = healthcheck.test;
  }
  return merged;
}

/** Whether some layer `extends` a service the project could not find (its file unreadable, a name it lacks). */
function hasUnresolvedExtends(layers: readonly ServiceLayer[]): boolean {
  return layers.some((layer, index) => {
    const ext = layer.service.extends;
    if (!ext) return false;
    const previous = layers[index - 1];
    return !previous || previous.service.name !== ext.service;
  });
}

/** The last layer (latest first) whose declaration has the field, unless a later layer `!reset`s it. */
export function lastLayerWith(layers: readonly ServiceLayer[], field: "build" | "image"): ServiceLayer | null {
  for (let index = layers.length - 1; index >= 0; index--) {
    const layer = layers[index]!;
    const entry = layer.service.node ? getMappingEntries(layer.service.node).get(field) : undefined;
    if (entry?.reset) return null;
    if (layer.service[field]) return layer;
  }
  return null;
}

/**
 * The merged `build:` (compose-go merges the mapping key by key): `context` from the last layer that
 * sets it (the short form sets only the context), `dockerfile`/`dockerfile_inline` and `target` from
 * the last layers that set them. `file` is the compose file whose folder the context is relative to.
 * Null when no layer builds the service (or a later `!reset` removed `build`).
 */
export function mergedBuild(layers: readonly ServiceLayer[]): { file: string; build: ComposeBuild } | null {
  const contributing: ServiceLayer[] = [];
  for (let index = layers.length - 1; index >= 0; index--) {
    const layer = layers[index]!;
    const entry = layer.service.node ? getMappingEntries(layer.service.node).get("build") : undefined;
    if (entry?.reset) break;
    if (layer.service.build) contributing.unshift(layer);
    if (entry?.override) break;
  }
  if (contributing.length === 0) return null;
  const last = <T>(pick: (build: ComposeBuild) => T | null): ServiceLayer | undefined => contributing.findLast((layer) => pick(layer.service.build!) !== null);
  const contextLayer = last((build) => build.context) ?? contributing.at(-1)!;
  const dockerfileLayer = last((build) => build.dockerfile ?? build.dockerfileInline);
  const target = last((build) => build.target)?.service.build!.target ?? null;
  const base = contextLayer.service.build!;
  const dockerfile = dockerfileLayer?.service.build ?? null;
  return {
    file: contextLayer.file,
    build: {
      ...base,
      dockerfile: dockerfile?.dockerfile ?? null,
      dockerfileInline: dockerfile?.dockerfileInline ?? null,
      dockerfilePath: dockerfile ? dockerfile.dockerfilePath : "Dockerfile",
      target,
    },
  };
}

/**
 * The health check the merged project service runs with (see the module comment). Paths in `why` are
 * relative to the folder of the compose file that declares the build.
 */
export function serviceHealthcheck(service: ProjectService): ServiceHealthcheck {
  const { layers } = service;
  const healthcheck = mergedHealthcheck(layers);
  const disable = healthcheck?.disable;
  if (disable && (disable.value === true || disable.resolved === "true")) return { kind: "disabled", why: "its compose healthcheck is disabled" };
  const test = healthcheck?.test;
  if (test?.kind === "NONE") return { kind: "disabled", why: "its compose healthcheck is disabled" };
  // A compose healthcheck with a test is enough; one with only timings keeps the image's test.
  if (test && !(test.form === "list" && test.kindNode === null)) return { kind: "present" };
  if (hasUnresolvedExtends(layers)) return { kind: "unknown" };
  const merged = mergedBuild(layers);
  if (merged) {
    const { file: composeFile, build } = merged;
    if (!path.isAbsolute(composeFile)) return { kind: "unknown" };
    const files = serviceBuildFiles(composeFile, build);
    if (!files?.dockerfile) return { kind: "unknown" };
    const target = build.target ? build.target.resolved : null;
    if (build.target && target === null) return { kind: "unknown" };
    const image = imageHealthcheck(files.dockerfile, target, files.dockerfilePath ?? undefined);
    const dockerfile = files.dockerfilePath ? path.relative(path.dirname(composeFile), files.dockerfilePath) || files.dockerfilePath : "its dockerfile_inline";
    if (image.kind === "absent") return { kind: "absent", why: `no healthcheck in compose, and no HEALTHCHECK in ${dockerfile}${target ? ` (stage '${target}')` : ""} or its base image` };
    if (image.kind === "disabled") return { kind: "disabled", why: `${dockerfile} turns it off with HEALTHCHECK NONE (line ${image.instruction.loc.start.line})` };
    return image.kind === "present" ? { kind: "present" } : { kind: "unknown" };
  }
  const imageName = lastLayerWith(layers, "image")?.service.image?.resolved;
  if (!imageName) return { kind: "unknown" };
  const reference = parseImageReference(imageName);
  if (isOfficialImage(reference)) return { kind: "absent", why: `no healthcheck in compose, and the official image '${imageName}' ships none` };
  return { kind: "unknown" };
}

/**
 * Whether the linted file's declaration says what the service runs: it holds the winning `build:` or
 * `image:`, or reaches it through its own `extends`. False when another file of the project says it (the
 * base file, seen from `compose.override.yaml`). A rule that reports a service's missing health check on
 * the service's key reports it there only, so a service split over `compose.yaml` and
 * `compose.override.yaml` is reported once.
 */
export function declaresWhatRuns(service: ProjectService): boolean {
  const layer = lastLayerWith(service.layers, "build") ?? lastLayerWith(service.layers, "image");
  if (!layer) return false;
  if (layer.own) return true;
  // Extended layers come just before the declaration that extends them.
  const ownIndex = service.layers.findIndex((candidate) => candidate.own);
  const own = service.layers[ownIndex];
  return own?.service.extends !== null && own?.service.extends !== undefined && service.layers.indexOf(layer) < ownIndex;
}
