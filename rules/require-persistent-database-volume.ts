import type { AST } from "yaml-eslint-parser";
import { getServiceScalarList } from "../lib/compose/model.js";
import {
  coversDataDir,
  databaseOfService,
  dataHolder,
  dataLayoutsOf,
  normalizeContainerPath,
  runsDatabaseServer,
  type ContainerMount,
  type DataLayout,
} from "../lib/semantics/services/databases.js";
import { effectiveValue, type ProjectService } from "../lib/project/compose-project.js";
import { reportNode } from "../lib/languages/compose/rule-support.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeProjectVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

export default createRule<ComposeRuleTypes<[], "noVolume" | "anonymous" | "wrongPath">>("require-persistent-database-volume", {
  meta: {
    type: "problem",
    docs: {
      description: "Require a named volume or bind mount on a database service's data directory",
      category: "compose",
      config: "recommended",
      fileKinds: ["compose"],
      peers: [],
    },
    schema: [],
    messages: {
      noVolume:
        "Service '{{service}}' ({{database}}) keeps its data in {{dataDir}} with no volume there: the data lives in an anonymous volume that `docker compose down` leaves behind and the next `up` does not reuse. Mount a named volume on {{dataDir}}.",
      wrongPath:
        "Service '{{service}}' ({{database}}) mounts a volume on {{target}}, but the image keeps its data under its VOLUME {{dataDir}}: Docker gives that path an anonymous volume of its own (no mount is at exactly that path), so the data is not in this volume and is lost with `docker compose down`. Mount the volume on {{dataDir}}.",
      anonymous:
        "The volume on {{dataDir}} of service '{{service}}' ({{database}}) is anonymous: after `docker compose down` the next `up` starts from an empty database. Give it a name (`{{service}}-data:{{dataDir}}`) and declare it under top-level volumes.",
    },
  },
  create(context) {
    return defineComposeProjectVisitor(context, {
      onService(service, merged) {
        const database = merged ? databaseOfService(merged) : null;
        // Caches (Redis, Memcached) are often meant to start empty.
        if (!merged || !database || database.kind === "cache" || database.dataDirs.length === 0) return;
        if (!runsDatabaseServer(database, merged)) return;
        let moved: string | null = null;
        let unknown = false;
        for (const layer of merged.layers) {
          if (layer.service.volumesFrom.length > 0) unknown = true;
          if (database.dataDirVariable) {
            const entry = layer.service.environment.find((candidate) => candidate.key === database.dataDirVariable);
            if (entry) {
              // The image then keeps its data there and only there.
              if (entry.resolved) moved = normalizeContainerPath(entry.resolved);
              else unknown = true;
            }
          }
        }
        if (unknown) return;
        const image = effectiveValue(merged, (s) => s.image);
        const layouts = image ? dataLayoutsOf(database, image.value.resolved ?? image.value.text) : null;
        const finding = layouts ? judgeByLayout(merged, layouts, moved) : judgeByDataDirs(merged, moved ? [moved] : database.dataDirs);
        if (!finding) return;
        const data = { service: service.name, database: database.label, dataDir: finding.dataDir, target: finding.target ?? "" };
        const node = finding.node ?? (service.image ? reportNode(service.image) : service.keyNode);
        context.report({ loc: node.loc, messageId: finding.messageId, data });
      },
    });
  },
});

interface Finding {
  messageId: "noVolume" | "anonymous" | "wrongPath";
  /** Where the data should be mounted (one or more paths, for an image whose version is not known). */
  dataDir: string;
  /** `wrongPath`: the destination of the mount that misses the data. */
  target?: string;
  /** A node of the linted file to report on, else the service's image. */
  node: AST.YAMLNode | null;
}

/** One mount of the merged service, with its node when the linted file declares it. */
interface ServiceMount extends ContainerMount {
  node: AST.YAMLNode | null;
}

/**
 * The mounts of the merged service by destination (a later file's mount on the same path replaces an
 * earlier one, as Compose merges `volumes`), or null when one cannot be known (a variable without a value).
 */
function serviceMounts(service: ProjectService): Map<string, ServiceMount> | null {
  const mounts = new Map<string, ServiceMount>();
  for (const layer of service.layers) {
    for (const volume of layer.service.volumes) {
      if (volume.unresolved) return null;
      if (!volume.target) continue;
      const node = layer.own ? (volume.spec ? reportNode(volume.spec) : volume.node) : null;
      const kind: ContainerMount["kind"] =
        volume.type === "tmpfs" ? "tmpfs" : volume.type === "bind" ? "bind" : volume.type === "volume" ? (volume.source ? "named" : "anonymous") : "bind";
      const target = normalizeContainerPath(volume.target);
      mounts.set(target, { target, kind, node });
    }
    for (const tmpfs of getServiceScalarList(layer.service, "tmpfs")) {
      // `/var/lib/mysql:size=1g`: the path is before the first colon.
      const target = tmpfs.resolved?.split(":")[0];
      if (target === undefined) return null;
      mounts.set(normalizeContainerPath(target), { target: normalizeContainerPath(target), kind: "tmpfs", node: null });
    }
  }
  return mounts;
}

/**
 * Judged with the image's layouts (lib/semantics/services/databases.ts): the mount that holds the data, image
 * VOLUMEs included. With several possible layouts (a tag without a version), a finding only when every
 * layout gives one: what one version accepts is not reported.
 */
function judgeByLayout(service: ProjectService, layouts: readonly DataLayout[], moved: string | null): Finding | null {
  const mounts = serviceMounts(service);
  if (!mounts) return null;
  const list = [...mounts.values()];
  const findings: Finding[] = [];
  for (const layout of layouts) {
    const dataDir = moved ?? layout.dataDir;
    const holder = dataHolder(layout, dataDir, list);
    if (!holder) {
      findings.push({ messageId: "noVolume", dataDir, node: null });
      continue;
    }
    if (holder.kind === "named" || holder.kind === "bind" || holder.kind === "tmpfs") return null;
    if (holder.kind === "anonymous") {
      findings.push({ messageId: "anonymous", dataDir: holder.target, node: mounts.get(holder.target)?.node ?? null });
      continue;
    }
    // An image VOLUME's anonymous volume holds the data. A mount of the user's on a parent of the data
    // directory, or inside that VOLUME, was meant for it and misses it.
    const near = list.find((mount) => (mount.kind === "named" || mount.kind === "bind") && (dataDir.startsWith(`${mount.target}/`) || mount.target.startsWith(`${holder.target}/`)));
    findings.push(near ? { messageId: "wrongPath", dataDir: holder.target, target: near.target, node: (near as ServiceMount).node } : { messageId: "noVolume", dataDir: holder.target, node: null });
  }
  const first = findings[0];
  if (!first) return null;
  // The same finding for every version: name every version's path. Different findings (an anonymous
  // volume on the old data directory, which 18+ does not even use): the first is true of every version.
  if (first.messageId === "anonymous" || findings.some((finding) => finding.messageId !== first.messageId)) return first;
  const dataDirs = [...new Set(findings.map((finding) => finding.dataDir))];
  if (dataDirs.length === 1) return first;
  // `/var/lib/postgresql/data (up to 17) or /var/lib/postgresql (18 and later)`.
  const labelled = findings.map((finding, index) => {
    const from = layouts[index]!.fromMajor;
    const next = layouts[index + 1]?.fromMajor;
    const versions = from === null ? (next ? `up to ${next - 1}` : "every version") : `${from} and later`;
    return `${finding.dataDir} (${versions})`;
  });
  return { ...first, dataDir: [...new Set(labelled)].join(" or ") };
}

/**
 * Judged without layouts (an image whose VOLUMEs are not in the table): a named volume, bind mount or
 * tmpfs on a data directory or a parent of it counts, since nothing says the image puts a VOLUME deeper.
 */
function judgeByDataDirs(service: ProjectService, dataDirs: readonly string[]): Finding | null {
  let anonymous: { node: AST.YAMLNode | null; target: string } | null = null;
  for (const layer of service.layers) {
    for (const volume of layer.service.volumes) {
      if (volume.unresolved) return null; // cannot know: stay silent
      if (!volume.target || !coversDataDir(dataDirs, volume.target)) continue;
      if (volume.type === "bind" || (volume.type === "volume" && volume.source)) return null;
      if (volume.type === "tmpfs") return null; // ephemeral on purpose
      if (volume.type === "volume" && layer.own) anonymous = { node: volume.spec ? reportNode(volume.spec) : volume.node, target: volume.target };
    }
    // `tmpfs:` on the data directory: a deliberately throw-away database.
    for (const tmpfs of getServiceScalarList(layer.service, "tmpfs")) {
      const target = tmpfs.resolved?.split(":")[0];
      if (target === undefined || coversDataDir(dataDirs, target)) return null;
    }
  }
  if (anonymous) return { messageId: "anonymous", dataDir: anonymous.target, node: anonymous.node };
  return { messageId: "noVolume", dataDir: dataDirs[0]!, node: null };
}
