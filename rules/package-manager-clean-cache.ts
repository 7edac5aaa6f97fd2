import type { RuleTextEditor } from "@eslint/core";
import type { DockerfileProgram, Run, Stage } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { aptDockerCleanRemoved } from "../lib/semantics/packages/apt-config.js";
import { defineRunVisitor } from "../lib/languages/dockerfile/visitors.js";
import { invocationSpan, packageManagerInvocations } from "../lib/semantics/packages/package-manager-invocations.js";
import { getStageGraph } from "../lib/semantics/stages/stages.js";
import { cacheAreasCoveredByMount, classifyCacheCleanup, pathCoversDirectory, removesDirectory } from "../lib/shell/index.js";
import { ensuredAfter } from "../lib/shell/control-flow.js";
import type { CacheArea, PackageManagerInvocation, ShellCommand, ShellScript } from "../lib/shell/index.js";
import { createRule } from "../lib/utils/create-rule.js";

type MessageId = "aptLists" | "aptArchives" | "apkIndex" | "apkCache" | "cacheLeft" | "noCacheFlag" | "appendClean";

/**
 * The command of the package-manager table (`PackageManagerSpec.clean`) that empties the first of `areas`
 * that has one, `{tool}` replaced with the command as invoked (`dnf5 clean all`); null when none does.
 */
function cleanCommand(invocation: PackageManagerInvocation, areas: readonly CacheArea[]): string | null {
  const { spec } = invocation;
  const command = areas.map((area) => spec.clean[area]).find((clean) => clean !== undefined);
  if (command === undefined) return null;
  const name = invocation.unwrapped.baseName;
  return command.replaceAll("{tool}", name !== null && spec.commands.includes(name) ? name : spec.commands[0]!);
}

const APT_MANAGERS: ReadonlySet<string> = new Set(["apt-get", "apt", "aptitude"]);

interface Finding {
  invocation: PackageManagerInvocation;
  messageId: MessageId;
  /** Where the cache is; several are alternatives (the RPM tool version decides): cleaning or mounting any one counts. */
  areas: readonly CacheArea[];
}

/** The targets of the RUN's `--mount=type=cache` and `type=tmpfs` mounts: what is written there stays out of the layer. */
function mountTargets(run: Run): string[] {
  return run.flags.flatMap((flag) => (flag.mount && (flag.mount.kind === "cache" || flag.mount.kind === "tmpfs") && flag.mount.target ? [flag.mount.target] : []));
}

/** Cache areas a `--mount=type=cache` or `type=tmpfs` keeps out of the layer. */
function areasKeptOutByMounts(run: Run): Set<CacheArea> {
  return new Set(mountTargets(run).flatMap((target) => cacheAreasCoveredByMount(target)));
}

/** Where the areas are cleaned in the script: area → offsets (source) of the unconditional cleaning commands. */
function cleanups(script: ShellScript): Map<CacheArea, number[]> {
  const cleaned = new Map<CacheArea, number[]>();
  for (const command of script.commands) {
    const cleanup = classifyCacheCleanup(command);
    if (!cleanup || command.conditional) continue;
    for (const area of cleanup.areas) cleaned.set(area, [...(cleaned.get(area) ?? []), command.range[0]]);
  }
  return cleaned;
}

/**
 * A cleanup of one of `areas` runs after `command` on every path from it (see `ensuredAfter`): later in
 * its branch (`if x; then dnf install -y a && dnf clean all; fi`), or in every branch of an if/else.
 */
function cleanedAfter(script: ShellScript, command: ShellCommand, areas: readonly CacheArea[]): boolean {
  return ensuredAfter(script, command, (candidate) => classifyCacheCleanup(candidate)?.areas.some((area) => areas.includes(area)) === true, `cleans:${areas.join(",")}`);
}

function findingFor(invocation: PackageManagerInvocation, aptArchivesKept: () => boolean): Finding | null {
  const { manager, action, fillsCache } = invocation;
  if (APT_MANAGERS.has(manager) && action === "update-index" && fillsCache.includes("apt-lists")) {
    return { invocation, messageId: "aptLists", areas: ["apt-lists"] };
  }
  if (APT_MANAGERS.has(manager) && (action === "install" || action === "upgrade") && fillsCache.includes("apt-archives") && aptArchivesKept()) {
    return { invocation, messageId: "aptArchives", areas: ["apt-archives"] };
  }
  // apk keeps no package cache unless one is configured; what it leaves is the index it downloads: apk-tools
  // 2.x fetches missing or expired indexes on every write (`apk add`, `apk update`, `apk upgrade`) and stores
  // them in /var/cache/apk, unless `--no-cache` keeps them in memory (`--no-network` fetches nothing).
  if (manager === "apk" && invocation.updatesIndex && !invocation.noCache) {
    return { invocation, messageId: action === "update-index" ? "apkIndex" : "apkCache", areas: ["apk"] };
  }
  if (APT_MANAGERS.has(manager) || manager === "apk") return null;
  // Every other manager as its table entry says (`PackageManagerSpec.cacheReport`): the actions reported,
  // and the remedy, its no-cache flag or else the command that empties the area.
  const report = invocation.spec.cacheReport;
  if (!report?.actions.includes(action) || fillsCache.length === 0) return null;
  return { invocation, messageId: invocation.spec.noCache?.fixFlag ? "noCacheFlag" : "cacheLeft", areas: fillsCache };
}

/**
 * The last top-level command of the script, when the script ends with it (nothing but blanks after,
 * not backgrounded): the one place where ` && <cleanup>` can be appended without changing what runs
 * before it. Null otherwise (a trailing comment, `&`, a compound command).
 */
function appendPoint(script: ShellScript, text: string): number | null {
  const topLevel = script.commands.filter((command) => command.context.length === 0 && !command.fromShellString);
  const last = topLevel.at(-1);
  if (!last || last.background || last.nextOperator !== null) return null;
  if (text.slice(last.textRange[1]).trim() !== "") return null;
  return last.range[1];
}

/** A RUN that installs from an index it does not fetch itself: it needs the one an earlier RUN left. */
function reliesOnStoredIndex(program: DockerfileProgram, run: Run, family: "apt" | "apk"): boolean {
  let fetches = false;
  let installsWithoutFetching = false;
  for (const { invocation } of packageManagerInvocations(program, run)) {
    const inFamily = family === "apt" ? APT_MANAGERS.has(invocation.manager) : invocation.manager === "apk";
    if (!inFamily) continue;
    if (invocation.updatesIndex) fetches = true;
    else if (invocation.action === "install") installsWithoutFetching = true;
  }
  return installsWithoutFetching && !fetches;
}

type IndexFamily = "apt" | "apk";

interface IndexReliance {
  /** Per stage and family: the position (in `stage.instructions`) of the last RUN that relies on a stored index. */
  lastRelyingRun: Map<Stage, Record<IndexFamily, number>>;
  /** Per stage: the stages built on it (directly or not). */
  descendants: Map<Stage, Stage[]>;
  /** Each RUN's position in its stage. */
  positions: Map<Run, number>;
}

const relianceCache = new WeakMap<DockerfileProgram, IndexReliance>();

/** One pass over the file (a 10 MB Dockerfile has 100,000 RUNs: no rescanning per RUN). */
function indexReliance(program: DockerfileProgram): IndexReliance {
  let reliance = relianceCache.get(program);
  if (reliance) return reliance;
  const graph = getStageGraph(program);
  const lastRelyingRun = new Map<Stage, Record<IndexFamily, number>>();
  const descendants = new Map<Stage, Stage[]>(program.stages.map((stage) => [stage, []]));
  const positions = new Map<Run, number>();
  for (const stage of program.stages) {
    for (const ancestor of graph.ancestry(stage).slice(1)) descendants.get(ancestor)?.push(stage);
    const last = { apt: -1, apk: -1 };
    stage.instructions.forEach((instruction, position) => {
      if (instruction.type !== "Run") return;
      positions.set(instruction, position);
      if (reliesOnStoredIndex(program, instruction, "apt")) last.apt = position;
      if (reliesOnStoredIndex(program, instruction, "apk")) last.apk = position;
    });
    lastRelyingRun.set(stage, last);
  }
  reliance = { lastRelyingRun, descendants, positions };
  relianceCache.set(program, reliance);
  return reliance;
}

/**
 * Removing a package index is safe unless a later RUN of this image (this stage after `run`, or a
 * stage built on it) installs without fetching its own, relying on the one this RUN leaves.
 */
function laterRunReliesOnIndex(program: DockerfileProgram, stage: Stage, run: Run, family: IndexFamily): boolean {
  const { lastRelyingRun, descendants, positions } = indexReliance(program);
  // An ONBUILD trigger has no position: it runs in some later build, after anything here.
  const position = positions.get(run);
  if (position === undefined) return true;
  if ((lastRelyingRun.get(stage)?.[family] ?? -1) > position) return true;
  return (descendants.get(stage) ?? []).some((descendant) => (lastRelyingRun.get(descendant)?.[family] ?? -1) >= 0);
}

export default createRule<DockerfileRuleTypes<[], MessageId>>("package-manager-clean-cache", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require package managers to leave no download cache or package index in the layer",
      category: "run",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3009", "hadolint DL3019", "hadolint DL3032", "hadolint DL3036", "hadolint DL3040", "hadolint DL3042", "hadolint DL3060", "Trivy DS-0015", "Trivy DS-0019", "Trivy DS-0020", "Trivy DS-0025", "Trivy DS-0027", "KICS Apk Add Using Local Cache Path", "KICS Apt Get Install Lists Were Not Deleted", "KICS Missing Dnf Clean All", "KICS Missing Zypper Clean", "KICS Pip install Keeping Cached Packages", "KICS Yum Clean All Missing", "SonarQube S6587"],
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
    messages: {
      apkIndex: "`{{command}}` stores the package index in /var/cache/apk in this layer. Use `apk add {{flag}}` instead, or end the RUN with `{{clean}}`.",
      aptLists:
        "`{{command}}` leaves the package lists (/var/lib/apt/lists, tens of MB) in this layer. End the RUN with `{{clean}}`, or use a cache mount.",
      aptArchives:
        "`{{command}}` leaves the downloaded .deb files and pkgcache.bin in /var/cache/apt in this layer: this image removed docker-clean, which deleted them. End the RUN with `{{clean}}`, or mount a cache on /var/cache/apt too.",
      apkCache: "`{{command}}` without `{{flag}}` leaves the package index in /var/cache/apk.",
      cacheLeft: "`{{command}}` leaves {{what}} in this layer. End the RUN with `{{clean}}`, or use a cache mount.",
      noCacheFlag: "`{{command}}` without `{{flag}}` leaves {{what}} in this layer.",
      appendClean: "Append `&& {{clean}}` ({{caveat}}).",
    },
  },
  create(context) {
    return defineRunVisitor(context, {
      onRun({ program, run, script, stage }) {
        // What a builder stage leaves behind is never shipped: only `COPY --from` reads it.
        if (stage && !getStageGraph(program).isShipped(stage)) return;
        const invocations = packageManagerInvocations(program, run);
        const archivesKept = (command: ShellCommand) => () => stage !== null && aptDockerCleanRemoved(program, stage, run, command.range[0]);
        if (!invocations.some(({ invocation, command }) => findingFor(invocation, archivesKept(command)) !== null)) return;
        const keptOut = areasKeptOutByMounts(run);
        const cleaned = cleanups(script);
        const text = run.script?.text.text ?? "";
        // An upgrade reads the lists as an install does (`apt-get update && apt-get upgrade` leaves them too).
        const hasAptInstall = invocations.some(({ invocation }) => APT_MANAGERS.has(invocation.manager) && (invocation.action === "install" || invocation.action === "upgrade"));
        // The apk index is one area: once an `apk update` of this RUN is reported (its fix removes the
        // index at the end of the RUN), a later `apk add` writing the same index is not reported again.
        let apkIndexReported = false;
        // In an exec-form RUN the words are JSON strings: appended shell text would land outside them.
        const fixable = script.form !== "exec";

        for (const { invocation, command } of invocations) {
          const finding = findingFor(invocation, archivesKept(command));
          if (!finding) continue;
          const moved = invocation.cacheDirectory;
          if (moved === null) continue; // Moved somewhere this linter cannot know.
          if (moved !== undefined) {
            // The cache is where `--cache-dir`/`PIP_CACHE_DIR`/`YARN_CACHE_FOLDER` put it: a mount there, or its removal later, counts.
            if (mountTargets(run).some((target) => pathCoversDirectory(target, moved))) continue;
            if (script.commands.some((later) => later.range[0] > command.range[0] && !later.conditional && removesDirectory(later, moved))) continue;
          } else if (finding.areas.some((area) => keptOut.has(area))) continue;
          if (finding.messageId === "apkCache" && apkIndexReported) continue;
          // A RUN that only refreshes the index is no-update-without-install's finding, not ours.
          if (finding.messageId === "aptLists" && !hasAptInstall) continue;
          if (moved === undefined && finding.areas.some((area) => (cleaned.get(area) ?? []).some((offset) => offset > command.range[0]))) continue;
          if (moved === undefined && cleanedAfter(script, command, finding.areas)) continue;
          if (finding.messageId === "apkIndex") apkIndexReported = true;

          const { text: commandText, loc } = invocationSpan(context.sourceCode, invocation);
          const end = fixable ? appendPoint(script, text) : null;
          const clean = cleanCommand(invocation, finding.areas);
          const flag = invocation.spec.noCache?.fixFlag;
          const what = invocation.spec.cacheReport?.what ?? "";
          const data = { command: commandText, clean: clean ?? "", flag: flag ?? "", what };
          switch (finding.messageId) {
            case "aptLists":
              context.report({
                loc,
                messageId: "aptLists",
                data,
                fix: end !== null && clean && stage && !laterRunReliesOnIndex(program, stage, run, "apt") ? (fixer) => fixer.insertTextAfterRange([end, end], ` && ${clean}`) : null,
              });
              break;
            case "apkIndex":
              context.report({
                loc,
                messageId: "apkIndex",
                data,
                fix: end !== null && clean && stage && !laterRunReliesOnIndex(program, stage, run, "apk") ? (fixer) => fixer.insertTextAfterRange([end, end], ` && ${clean}`) : null,
              });
              break;
            case "apkCache":
            case "noCacheFlag": {
              // The table's no-cache flag, right after the subcommand.
              const after = invocation.subcommandWords.at(-1);
              context.report({ loc, messageId: finding.messageId, data, fix: after && flag && fixable ? (fixer) => fixer.insertTextAfterRange(after.range, ` ${flag}`) : null });
              break;
            }
            case "aptArchives":
              context.report({ loc, messageId: "aptArchives", data, fix: end !== null && clean ? (fixer) => fixer.insertTextAfterRange([end, end], ` && ${clean}`) : null });
              break;
            case "cacheLeft": {
              const caveat = invocation.spec.cacheReport?.suggestOnly;
              const append = end !== null && clean ? (fixer: RuleTextEditor) => fixer.insertTextAfterRange([end, end], ` && ${clean}`) : null;
              // A cleanup that can change what the image runs is offered, not applied.
              if (caveat) context.report({ loc, messageId: "cacheLeft", data, suggest: append ? [{ messageId: "appendClean", data: { clean: clean ?? "", caveat }, fix: append }] : [] });
              else context.report({ loc, messageId: "cacheLeft", data, fix: append });
              break;
            }
          }
        }
      },
    });
  },
});
