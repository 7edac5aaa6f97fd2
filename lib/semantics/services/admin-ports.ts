/**
 * Ports of remote-administration services: what a container listening on them lets in, and the
 * programs that serve them (so an image whose own process is that server is recognised as its
 * purpose). One row per service. Read by `no-exposed-admin-port`.
 *
 * Sources: IANA Service Name and Transport Protocol Port Number Registry (ssh 22/tcp, telnet 23/tcp,
 * ms-wbt-server 3389/tcp+udp, docker 2375/tcp, docker-s 2376/tcp); RFC 6143 §4 (an RFB/VNC server
 * listens on 5900 + display number; displays :0-:3 are the ones desktop images start); Docker Engine
 * documentation, "Protect the Docker daemon socket" (2375 is the unencrypted, unauthenticated API,
 * 2376 the TLS one; either gives root on the host to whoever may call it).
 */
export interface AdminService {
  /** Short name used in messages. */
  name: string;
  /** Services that one server program provides together (the Docker API on 2375 and 2376). */
  group: "ssh" | "telnet" | "rdp" | "vnc" | "docker";
  /** First and last port (inclusive) the service listens on. */
  ports: readonly [number, number];
  protocols: ReadonlySet<"tcp" | "udp">;
  /** What a reachable listener gives away, for the message. */
  risk: string;
  /**
   * Whether the protocol itself carries no authentication or encryption worth the name (telnet, the
   * plain Docker API, VNC's default password-only auth): publishing it to the network is a finding on
   * its own, whatever the image is for.
   */
  unprotected: boolean;
  /** Basenames of the server programs (or their entrypoint wrappers) that make the service an image's purpose. */
  servers: ReadonlySet<string>;
}

const ADMIN_SERVICES: readonly AdminService[] = [
  { name: "SSH", group: "ssh", ports: [22, 22], protocols: new Set(["tcp"]), risk: "a login shell inside the container", unprotected: false, servers: new Set(["sshd", "dropbear", "sshd.sh"]) },
  { name: "Telnet", group: "telnet", ports: [23, 23], protocols: new Set(["tcp"]), risk: "a login shell over an unencrypted connection", unprotected: true, servers: new Set(["telnetd", "in.telnetd", "utelnetd"]) },
  { name: "RDP", group: "rdp", ports: [3389, 3389], protocols: new Set(["tcp", "udp"]), risk: "a remote desktop session", unprotected: false, servers: new Set(["xrdp", "xrdp-sesman"]) },
  { name: "VNC", group: "vnc", ports: [5900, 5903], protocols: new Set(["tcp"]), risk: "a remote desktop session, usually behind a password alone", unprotected: true, servers: new Set(["x11vnc", "Xvnc", "vncserver", "tigervncserver", "websockify"]) },
  { name: "Docker API", group: "docker", ports: [2375, 2375], protocols: new Set(["tcp"]), risk: "the unauthenticated Docker API, root on the host", unprotected: true, servers: new Set(["dockerd", "dockerd-entrypoint.sh"]) },
  { name: "Docker API (TLS)", group: "docker", ports: [2376, 2376], protocols: new Set(["tcp"]), risk: "the Docker API, root on the host for any client certificate", unprotected: false, servers: new Set(["dockerd", "dockerd-entrypoint.sh"]) },
];

/** The admin service whose ports contain every port of `start`-`end` with `protocol`, or null. */
export function adminServiceOfPorts(start: number, end: number, protocol: string): AdminService | null {
  const lower = protocol.toLowerCase();
  return ADMIN_SERVICES.find((service) => service.protocols.has(lower as "tcp" | "udp") && start >= service.ports[0] && end <= service.ports[1]) ?? null;
}
