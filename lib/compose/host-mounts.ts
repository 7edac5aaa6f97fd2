/**
 * Host paths a bind mount should not expose to a container, as data. Read by `no-docker-socket-mount`
 * and `no-sensitive-host-mount`.
 */
import path from "node:path";
import type { AST } from "yaml-eslint-parser";
import type { VolumeEntry } from "./types.js";

/**
 * The Docker Engine API endpoints. Whoever can talk to them can start a privileged container that
 * mounts `/`: owning the socket is owning the host (Docker docs, "Protect the Docker daemon socket",
 * https://docs.docker.com/engine/security/protect-access/). Podman's socket is the same API.
 */
const ENGINE_SOCKETS: readonly string[] = [
  "/var/run/docker.sock",
  "/run/docker.sock",
  "/run/podman/podman.sock",
  "/var/run/podman/podman.sock",
  "//./pipe/docker_engine",
  "\\\\.\\pipe\\docker_engine",
];

/**
 * Host directories whose bind mount hands the container the host's configuration, kernel interfaces,
 * credentials or other containers' data (KICS "Volume Mount With OS Directory Write Permission" and
 * "Sensitive Host Directory"; CIS Docker Benchmark 5.5 "Ensure sensitive host system directories are
 * not mounted on containers", which lists `/`, `/boot`, `/dev`, `/etc`, `/lib`, `/proc`, `/sys`,
 * `/usr`). Only the directory itself counts: `/etc/localtime` is a file read for the time zone.
 */
export const SENSITIVE_HOST_DIRECTORIES: readonly string[] = [
  "/",
  "/boot",
  "/dev",
  "/etc",
  "/lib",
  "/proc",
  "/sys",
  "/usr",
  "/root",
  "/home",
  "/var/run",
  "/run",
  "/var/lib/docker",
  "/var/lib/kubelet",
  "/etc/ssh",
  "/etc/shadow",
  "/etc/sudoers",
  "/etc/kubernetes",
  "/root/.ssh",
  "/root/.docker",
];

/** The host path of a bind mount, normalized (`/etc/` → `/etc`, `/var//run` → `/var/run`), or null for other mounts and unknown sources. */
export function bindSource(volume: VolumeEntry): string | null {
  if (volume.type !== "bind" || volume.source === null || volume.source.includes("$")) return null;
  const source = volume.source;
  if (source.startsWith("\\\\") || source.startsWith("//./")) return source;
  if (!source.startsWith("/")) return source;
  return path.posix.normalize(source).replace(/(.)\/$/u, "$1");
}

/** Whether a host path is the engine socket. */
export function isEngineSocket(source: string): boolean {
  const lower = source.toLowerCase();
  return ENGINE_SOCKETS.includes(lower) || lower.endsWith("/docker.sock");
}

/** The node naming a volume's host source, to report on: the short-syntax item, or `source:` of the long syntax (or the alias that brought it). */
export function volumeSourceNode(volume: VolumeEntry): AST.YAMLNode {
  if (volume.form === "short") return volume.spec?.via ?? volume.node;
  return volume.sourceNode ? (volume.sourceNode.via ?? volume.sourceNode.node) : volume.node;
}
