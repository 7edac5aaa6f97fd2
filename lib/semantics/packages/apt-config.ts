/**
 * Whether the image's APT configuration may already turn recommended packages off before a RUN:
 * an earlier RUN (of the stage or a stage it is built on) that writes into `/etc/apt/apt.conf.d/`
 * and mentions `Install-Recommends`, a COPY/ADD into that folder (its content is not read), or
 * `APT_CONFIG` in effect. apt.conf(5): https://manpages.debian.org/bookworm/apt/apt.conf.5.en.html.
 * One pass per file, cached.
 */
import type { DockerfileProgram, Instruction, Run, Stage } from "../../dockerfile/ast.js";
import { getStageGraph } from "../stages/stages.js";
import { runShellScript } from "../run/run-shell.js";
import { variableBefore } from "../variables/declared-values.js";
import { removesDirectory } from "../../shell/index.js";

const APT_CONF_DIR = /^\/etc\/apt\/apt\.conf(?:\.d)?(?:\/|$)/u;

/** The RUN writes an apt.conf file (a redirect or `tee` target in /etc/apt/apt.conf.d) that names Install-Recommends. */
function runConfiguresRecommends(program: DockerfileProgram, run: Run): boolean {
  const script = runShellScript(program, run);
  if (!script || !/install-recommends/iu.test(run.script?.text.text ?? "")) return false;
  return script.commands.some(
    (command) =>
      command.redirects.some((redirect) => APT_CONF_DIR.test(redirect.target?.value ?? "")) ||
      (command.name?.value === "tee" && command.args.some((word) => APT_CONF_DIR.test(word.value ?? ""))),
  );
}

function configures(program: DockerfileProgram, instruction: Instruction): boolean {
  if (instruction.type === "Run") return runConfiguresRecommends(program, instruction);
  if (instruction.type === "Copy" || instruction.type === "Add") return APT_CONF_DIR.test(instruction.destination?.value ?? "");
  return false;
}

const cache = new WeakMap<DockerfileProgram, Map<Stage, number>>();

/** Per stage: the position of the first instruction that configures recommends (Infinity when none). */
function firstConfiguring(program: DockerfileProgram): Map<Stage, number> {
  let found = cache.get(program);
  if (found) return found;
  found = new Map();
  for (const stage of program.stages) {
    const index = stage.instructions.findIndex((instruction) => configures(program, instruction));
    found.set(stage, index === -1 ? Number.POSITIVE_INFINITY : index);
  }
  cache.set(program, found);
  return found;
}

/** May APT already be configured to skip recommended packages when `run` (of `stage`) runs? */
export function aptRecommendsMayBeConfigured(program: DockerfileProgram, stage: Stage, run: Run): boolean {
  if (variableBefore(program, stage, run, "APT_CONFIG") !== undefined) return true;
  const first = firstConfiguring(program);
  const graph = getStageGraph(program);
  // An ONBUILD trigger has no position in the stage: it runs in a later build, after every instruction
  // here, so any configuring instruction of the stage comes before it. Nothing configuring: Infinity,
  // which must not compare as "at or before" the trigger's Infinity.
  const position = graph.locate(run)?.position ?? Number.POSITIVE_INFINITY;
  const configuredAt = first.get(stage) ?? Number.POSITIVE_INFINITY;
  if (configuredAt !== Number.POSITIVE_INFINITY && configuredAt <= position) return true;
  return graph.ancestry(stage).slice(1).some((ancestor) => (first.get(ancestor) ?? Number.POSITIVE_INFINITY) !== Number.POSITIVE_INFINITY);
}

/**
 * The official Debian and Ubuntu images' `/etc/apt/apt.conf.d/docker-clean` (debuerreotype) deletes the
 * downloaded `.deb` files after every dpkg run (`DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb
 * /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };`) and turns off
 * `pkgcache.bin`/`srcpkgcache.bin` (`Dir::Cache::pkgcache "";`). BuildKit's `RUN --mount=type=cache`
 * example removes it to keep a download cache. Once it is removed, apt leaves those files in
 * /var/cache/apt, in the layer unless a cache is mounted there.
 */
const DOCKER_CLEAN = "/etc/apt/apt.conf.d/docker-clean";

const dockerCleanRemovals = new WeakMap<DockerfileProgram, Map<Stage, number>>();

/** Per stage: the position of the first RUN that removes docker-clean (Infinity when none). */
function firstDockerCleanRemoval(program: DockerfileProgram): Map<Stage, number> {
  let found = dockerCleanRemovals.get(program);
  if (found) return found;
  found = new Map();
  for (const stage of program.stages) {
    const index = stage.instructions.findIndex(
      (instruction) =>
        instruction.type === "Run" &&
        (instruction.script?.text.text ?? "").includes("apt.conf.d") &&
        (runShellScript(program, instruction)?.commands.some((command) => removesDirectory(command, DOCKER_CLEAN)) ?? false),
    );
    found.set(stage, index === -1 ? Number.POSITIVE_INFINITY : index);
  }
  dockerCleanRemovals.set(program, found);
  return found;
}

const removalsInRuns = new WeakMap<Run, number>();

/** Source end offset of the first unconditional command of the RUN that removes docker-clean (Infinity when none). */
function removalInRun(program: DockerfileProgram, run: Run): number {
  let end = removalsInRuns.get(run);
  if (end === undefined) {
    const script = (run.script?.text.text ?? "").includes("apt.conf.d") ? runShellScript(program, run) : null;
    const command = script?.commands.find((candidate) => !candidate.conditional && removesDirectory(candidate, DOCKER_CLEAN));
    end = command ? command.range[1] : Number.POSITIVE_INFINITY;
    removalsInRuns.set(run, end);
  }
  return end;
}

/**
 * Has the image's `docker-clean` apt configuration been removed before the command at source offset
 * `offset` of `run` runs: by an earlier RUN of the stage or of a stage it is built on, or earlier in
 * this RUN? Only a removal the file shows counts (whether a base image ships docker-clean is not known).
 */
export function aptDockerCleanRemoved(program: DockerfileProgram, stage: Stage, run: Run, offset: number): boolean {
  if (removalInRun(program, run) <= offset) return true;
  const first = firstDockerCleanRemoval(program);
  const graph = getStageGraph(program);
  // An ONBUILD trigger has no position: it runs after every instruction of the stage.
  const position = graph.locate(run)?.position ?? Number.POSITIVE_INFINITY;
  const removedAt = first.get(stage) ?? Number.POSITIVE_INFINITY;
  if (removedAt !== Number.POSITIVE_INFINITY && removedAt < position) return true;
  return graph.ancestry(stage).slice(1).some((ancestor) => (first.get(ancestor) ?? Number.POSITIVE_INFINITY) !== Number.POSITIVE_INFINITY);
}
