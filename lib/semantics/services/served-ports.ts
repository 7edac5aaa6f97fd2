/**
 * Which container ports each service of a project serves, indexed once per lint: its `ports`
 * (container side, and the host ports that map to it), its `expose`, the EXPOSE instructions of the
 * Dockerfile it builds (target stage and the stages it is built on, read through the project model),
 * and the well-known ports of a known database image (lib/semantics/services/databases.ts).
 */
import path from "node:path";
import type { Expose } from "../../dockerfile/ast.js";
import { serviceBuildFiles } from "../../project/project-model.js";
import { getStageGraph } from "../stages/stages.js";
import { databaseOfService } from "./databases.js";
import { containerPortRange, hostPortRange } from "../../compose/ports.js";
import { effectiveValue, mergedItems, type ComposeProject, type ProjectService } from "../../project/compose-project.js";

/** A port a service answers on, from inside the compose network. */
export interface ServedPort {
  service: string;
  /** The port another container connects to (`service:containerPort`). */
  containerPort: number;
}

/** Ranges wider than this are not expanded (they publish port pools, not services). */
const MAX_RANGE = 100;

export interface ServedPortIndex {
  /**
   * Port number → the services that serve it. A host port of a `ports` mapping (`15432:5432`) is
   * indexed too, pointing at its container port: a URL written with the host port means that service.
   */
  byPort: ReadonlyMap<number, readonly ServedPort[]>;
  /** Service name → the port numbers indexed for it. */
  byService: ReadonlyMap<string, ReadonlySet<number>>;
}

const cache = new WeakMap<ComposeProject, ServedPortIndex>();

/** The ports every service of the project serves, built once per project (linear in its size). */
export function servedPorts(project: ComposeProject): ServedPortIndex {
  const cached = cache.get(project);
  if (cached) return cached;
  const byPort = new Map<number, ServedPort[]>();
  const byService = new Map<string, Set<number>>();
  for (const service of project.services.values()) {
    const own = new Set<number>();
    byService.set(service.name, own);
    for (const { port, containerPort } of portsOf(service)) {
      const list = byPort.get(port) ?? [];
      if (!list.some((item) => item.service === service.name && item.containerPort === containerPort)) list.push({ service: service.name, containerPort });
      byPort.set(port, list);
      own.add(port);
    }
  }
  const index = { byPort, byService };
  cache.set(project, index);
  return index;
}

function* portsOf(service: ProjectService): Generator<{ port: number; containerPort: number }> {
  // The merged service's lists: a later layer's `!override`/`!reset` drops what earlier layers gave.
  for (const { item: entry } of mergedItems(service, ["ports"], (s) => s.ports)) {
    const container = containerPortRange(entry);
    if (!container || container.end - container.start > MAX_RANGE) continue;
    const host = hostPortRange(entry);
    for (let offset = 0; offset <= container.end - container.start; offset++) {
      yield { port: container.start + offset, containerPort: container.start + offset };
      if (host && host.end - host.start === container.end - container.start) yield { port: host.start + offset, containerPort: container.start + offset };
    }
  }
  for (const { item: value } of mergedItems(service, ["expose"], (s) => s.expose)) {
    const port = /^(\d{1,5})(?:\/\w+)?$/u.exec(String(value.resolved ?? ""))?.[1];
    if (port) yield { port: Number(port), containerPort: Number(port) };
  }
  const build = effectiveValue(service, (s) => s.build, "build");
  if (build && path.isAbsolute(build.layer.file)) {
    const files = serviceBuildFiles(build.layer.file, build.value);
    if (files?.dockerfile) {
      const graph = getStageGraph(files.dockerfile);
      const target = build.value.target?.resolved;
      const stage = target ? graph.stageNamed(target) : graph.finalStage;
      for (const current of stage ? graph.ancestry(stage) : []) {
        for (const instruction of current.instructions) {
          if (instruction.type !== "Expose") continue;
          for (const word of (instruction as Expose).ports) {
            const port = /^(\d{1,5})(?:\/\w+)?$/u.exec(word.value)?.[1];
            if (port && word.variables.length === 0) yield { port: Number(port), containerPort: Number(port) };
          }
        }
      }
    }
  } else {
    const database = databaseOfService(service);
    for (const port of database?.ports ?? []) yield { port, containerPort: port };
  }
}
