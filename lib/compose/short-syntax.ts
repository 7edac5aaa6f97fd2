/**
 * Parsers for the Compose short syntaxes that pack several fields in one string, following the
 * code Compose runs on them:
 * - ports: `[[IP:]HOST:]CONTAINER[/PROTOCOL]` — docker/go-connections `nat.ParsePortSpec`, used by
 *   compose-go's `types.ParsePortConfig`;
 * - volumes: `[SOURCE:]TARGET[:MODE]` — compose-go `format.ParseVolume`.
 * Both are given the string after interpolation (Compose interpolates first).
 */

export interface PortRange {
  start: number;
  end: number;
}

export interface ParsedPortSpec {
  /** Host IP without IPv6 brackets; null when none is given (binds every interface). */
  hostIp: string | null;
  /** Host port or range as written (`"8080"`, `"8000-8010"`); null when none (random host port). */
  hostPort: string | null;
  hostPortRange: PortRange | null;
  /** Container port or range as written (`"80"`, `"80-90"`). */
  containerPort: string;
  containerPortRange: PortRange | null;
  /** Lowercased protocol; `tcp` by default. */
  protocol: string;
  /** Why Compose would reject the spec, or null. */
  error: string | null;
}

function parsePortRange(text: string): PortRange | string {
  if (text === "") return "empty string specified for ports";
  const parts = text.split("-");
  const parseOne = (part: string | undefined): number | null =>
    part !== undefined && /^\d+$/.test(part) && Number(part) <= 65_535 ? Number(part) : null;
  if (parts.length === 1) {
    const port = parseOne(parts[0]);
    return port === null ? `invalid port "${text}"` : { start: port, end: port };
  }
  // Go splits on every "-" and only reads the first two parts.
  const start = parseOne(parts[0]);
  const end = parseOne(parts[1]);
  if (start === null || end === null) return `invalid port range "${text}"`;
  if (end < start) return `invalid range specified for the port: ${text}`;
  return { start, end };
}

/** Go `net.ParseIP` acceptance, close enough: dotted IPv4 or an IPv6 address. */
function isIpAddress(text: string): boolean {
  if (/^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(text)) return true;
  if (!text.includes(":") || !/^[0-9a-f:.]+$/i.test(text)) return false;
  const doubleColon = text.split("::").length - 1;
  if (doubleColon > 1) return false;
  let groups = text.split(":").filter((g) => g !== "");
  let extra = 0;
  const last = groups[groups.length - 1];
  if (last?.includes(".")) {
    if (!isIpAddress(last)) return false;
    groups = groups.slice(0, -1);
    extra = 2;
  }
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  const count = groups.length + extra;
  return doubleColon === 1 ? count <= 7 : count === 8;
}

/** Parses a short-syntax `ports` entry. Never throws. */
export function parsePortSpec(spec: string): ParsedPortSpec {
  const parts = spec.split(":");
  const n = parts.length;
  let rawIp = "";
  let hostPort = "";
  let containerWithProto = parts[n - 1] ?? "";
  if (n === 2) {
    hostPort = parts[0]!;
  } else if (n === 3) {
    rawIp = parts[0]!;
    hostPort = parts[1]!;
  } else if (n > 3) {
    rawIp = parts.slice(0, n - 2).join(":");
    hostPort = parts[n - 2]!;
  }
  const result: ParsedPortSpec = {
    hostIp: null,
    hostPort: hostPort === "" ? null : hostPort,
    hostPortRange: null,
    containerPort: "",
    containerPortRange: null,
    protocol: "tcp",
    error: null,
  };

  // nat.SplitProtoPort
  const protoParts = containerWithProto.split("/");
  if (containerWithProto === "" || protoParts[0] === "") {
    containerWithProto = "";
  } else if (protoParts.length > 1 && protoParts[1] !== "") {
    result.protocol = protoParts[1]!.toLowerCase();
    containerWithProto = protoParts[0]!;
  } else {
    containerWithProto = protoParts[0]!;
  }
  result.containerPort = containerWithProto;

  // net.SplitHostPort(rawIP + ":") strips the brackets of an IPv6 address.
  let ip = rawIp;
  if (ip.startsWith("[")) {
    if (!ip.endsWith("]")) {
      result.error = `invalid IP address ${rawIp}`;
      return result;
    }
    ip = ip.slice(1, -1);
  } else if (ip.includes(":")) {
    result.error = `invalid IP address ${rawIp}: too many colons (write IPv6 addresses in brackets)`;
    return result;
  }
  if (ip !== "") {
    result.hostIp = ip;
    if (!isIpAddress(ip)) {
      result.error = `invalid IP address: ${ip}`;
      return result;
    }
  }
  if (result.containerPort === "") {
    result.error = `no port specified: ${spec}<empty>`;
    return result;
  }
  if (!["tcp", "udp", "sctp"].includes(result.protocol)) {
    result.error = `invalid protocol: ${result.protocol}`;
    return result;
  }
  const container = parsePortRange(result.containerPort);
  if (typeof container === "string") {
    result.error = `invalid containerPort: ${result.containerPort}`;
    return result;
  }
  result.containerPortRange = container;
  if (result.hostPort !== null) {
    const host = parsePortRange(result.hostPort);
    if (typeof host === "string") {
      result.error = `invalid hostPort: ${result.hostPort}`;
      return result;
    }
    result.hostPortRange = host;
    if (host.end - host.start !== container.end - container.start && container.end !== container.start) {
      result.error = `invalid ranges specified for container and host ports: ${result.containerPort} and ${result.hostPort}`;
    }
  }
  return result;
}

export interface ParsedVolumeSpec {
  /** `bind` when the source is a path (`.`, `/`, `~`, `\\`, `C:`), `volume` otherwise. */
  type: "bind" | "volume";
  /** Host path or volume name; null for an anonymous volume. */
  source: string | null;
  target: string;
  /** The options after the second colon (`ro`, `rw`, `z`, `nocopy`, `rshared`…), as written. */
  options: string[];
  readOnly: boolean;
  error: string | null;
}

function isWindowsDrive(buffer: string[], char: string): boolean {
  return char === ":" && buffer.length === 1 && /\p{L}/u.test(buffer[0]!);
}

function isFilePath(source: string): boolean {
  if (source === "") return false;
  if (source[0] === "." || source[0] === "/" || source[0] === "~") return true;
  if (source.startsWith("\\\\")) return true;
  const chars = [...source];
  return chars.length > 1 && isWindowsDrive([chars[0]!], chars[1]!);
}

/** Parses a short-syntax service `volumes` entry. Never throws. */
export function parseVolumeSpec(spec: string): ParsedVolumeSpec {
  const volume: ParsedVolumeSpec = { type: "volume", source: null, target: "", options: [], readOnly: false, error: null };
  const byteLength = Buffer.byteLength(spec, "utf8");
  if (byteLength === 0) {
    volume.error = "invalid empty volume spec";
    return volume;
  }
  if (byteLength <= 2) {
    volume.target = spec;
    return volume;
  }
  let source = "";
  let target = "";
  let buffer: string[] = [];
  let inVariable = 0;
  const chars = [...spec];
  const populate = (end: boolean): string | null => {
    const text = buffer.join("");
    if (buffer.length === 0) return "empty section between colons";
    if (source === "" && end) {
      target = text;
      return null;
    }
    if (source === "") {
      source = text;
      return null;
    }
    if (target === "") {
      target = text;
      return null;
    }
    if (!end) return "too many colons";
    volume.options = text.split(",");
    for (const option of volume.options) {
      if (option === "ro") volume.readOnly = true;
      else if (option === "rw") volume.readOnly = false;
    }
    return null;
  };
  for (let index = 0; index <= chars.length; index++) {
    const char = index < chars.length ? chars[index]! : "\0end";
    if (char === "$" && chars[index + 1] === "{") {
      inVariable++;
      buffer.push(char);
      continue;
    }
    if (char === "}" && inVariable > 0) {
      inVariable--;
      buffer.push(char);
      continue;
    }
    const end = index === chars.length;
    if (!end && isWindowsDrive(buffer, char)) {
      buffer.push(char);
    } else if ((char === ":" || end) && inVariable === 0) {
      const error = populate(end);
      if (error) {
        volume.error = `invalid spec: ${spec}: ${error}`;
        break;
      }
      buffer = [];
    } else if (!end) {
      buffer.push(char);
    }
  }
  volume.source = source === "" ? null : source;
  volume.target = target;
  volume.type = isFilePath(source) ? "bind" : "volume";
  return volume;
}
