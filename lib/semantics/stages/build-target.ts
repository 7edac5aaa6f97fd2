/**
 * Which stage the builds of a Dockerfile produce: the last stage, unless every build of it that the
 * project's compose files declare names the same `build.target` (lib/project/build-contexts.ts finds
 * them). Rules about the shipped image judge that stage and what it reaches (`stageReach`); with builds
 * that disagree (one service builds `dev`, another `prod`) or none, the default build is judged.
 */
import path from "node:path";
import type { DockerfileProgram, Stage } from "../../dockerfile/ast.js";
import { buildsOfDockerfile, type BuildOfDockerfile } from "../../project/build-contexts.js";
import { outsideFactsVersion } from "./outside-facts.js";
import { stageReach } from "./stage-references.js";
import { getStageGraph } from "./stages.js";

/** Read from the compose files around: kept with the filename and the file-system facts' version it was read under (outside-facts.ts). */
const targets = new WeakMap<DockerfileProgram, { filename: string; version: number; target: string | undefined }>();

/**
 * The compose `build.target` every build of this Dockerfile names, when they agree and it names a stage
 * of the file; undefined otherwise. `filename` is the Dockerfile's path (a relative or virtual name,
 * as for text linted without a file, has no builds).
 */
export function composeBuildTarget(program: DockerfileProgram, filename: string): string | undefined {
  const known = targets.get(program);
  const version = outsideFactsVersion(program);
  if (known && known.filename === filename && known.version === version) return known.target;
  let target: string | undefined;
  if (path.isAbsolute(filename)) {
    const named = new Set(buildsOfDockerfile(filename).map((build) => build.target));
    const only = named.size === 1 ? [...named][0] : null;
    if (only && getStageGraph(program).stageNamed(only)) target = only;
  }
  targets.set(program, { filename, version, target });
  return target;
}

/** The stage the builds of this Dockerfile produce (see the module comment), or null for a file without stages. */
export function producedStage(program: DockerfileProgram, filename: string): Stage | null {
  return stageReach(program, composeBuildTarget(program, filename)).produced;
}

/**
 * The stages whose layers and image config make up the image the builds of this Dockerfile produce: the
 * produced stage (see `producedStage`) and the stages it is built FROM, in that order. A stage only read
 * by `COPY --from`/`--mount from=` gives the image the files copied out of it and nothing else (no layer,
 * no USER, no ENV), and a stage the build does not reach gives it nothing; rules about the shipped image's
 * layers or config (its user, its layer hygiene) judge these stages only.
 */
export function shippedImageStages(program: DockerfileProgram, filename: string): readonly Stage[] {
  const produced = producedStage(program, filename);
  return produced ? getStageGraph(program).ancestry(produced) : [];
}

/** One image the builds of a Dockerfile make: the stage it is, and the build that makes it. */
export interface ImageOfBuild {
  stage: Stage;
  /** The build (a compose service's, or the default `docker build`); null when the builds are not known. */
  build: BuildOfDockerfile | null;
}

/**
 * Every image the builds of this Dockerfile make, one per build (`buildsOfDockerfile`): the stage its
 * `build.target` names, else the last stage. Two compose services that build `dev` and `prod` ship two
 * images, and both are judged (`producedStage` falls back to the last stage when they disagree). A
 * target that names no stage of the file fails the build (valid-build-target's finding) and makes no
 * image. A relative or virtual `filename` (text linted without a file), or a Dockerfile whose builds
 * cannot be known, gives the default build: the last stage, with `build` null.
 */
export function imagesOfBuilds(program: DockerfileProgram, filename: string): ImageOfBuild[] {
  const graph = getStageGraph(program);
  const builds = path.isAbsolute(filename) ? buildsOfDockerfile(filename) : [];
  if (builds.length === 0) return graph.finalStage ? [{ stage: graph.finalStage, build: null }] : [];
  const images: ImageOfBuild[] = [];
  for (const build of builds) {
    const stage = build.target === null ? graph.finalStage : graph.stageNamed(build.target);
    if (stage) images.push({ stage, build });
  }
  return images;
}
