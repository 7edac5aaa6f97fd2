/**
 * Questions rules ask about a service's `ports` entries (both syntaxes, after interpolation).
 */
import { parsePortSpec, type PortRange } from "./short-syntax.js";
import type { PortEntry } from "./types.js";

/** Whether a host IP is a loopback address (IPv4 127.0.0.0/8, IPv6 `::1`, or the name `localhost`). */
export function isLoopback(ip: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/u.test(ip) || ip === "::1" || ip === "localhost" || /^(?:0{1,4}:){7}0{0,3}1$/u.test(ip);
}

/** Whether a host IP means every interface (none given, `0.0.0.0`, `::`). */
export function isAnyAddress(ip: string | null): boolean {
  return ip === null || ip === "" || ip === "0.0.0.0" || ip === "::";
}

/** A `mode: ingress`/host entry publishes when it has a published port; a short entry without host port publishes a random one. */
export function publishesToHost(port: PortEntry): boolean {
  return port.error === null && !port.unresolved && port.containerPort !== null;
}

/** The host port range of an entry, or null when Compose picks a random host port or it is unknown. */
export function hostPortRange(port: PortEntry): PortRange | null {
  if (port.unresolved || port.hostPort === null) return null;
  if (port.parsed) return port.parsed.hostPortRange;
  return rangeOf(port.hostPort);
}

/** The container port range of an entry, or null when unknown. */
export function containerPortRange(port: PortEntry): PortRange | null {
  if (port.parsed) return port.parsed.containerPortRange;
  return port.containerPort === null ? null : rangeOf(port.containerPort);
}

function rangeOf(text: string): PortRange | null {
  // Reuse the short-syntax parser for `8080` and `8000-8010`.
  return parsePortSpec(`${text}`).containerPortRange;
}
