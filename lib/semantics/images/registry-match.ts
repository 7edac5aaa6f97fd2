/**
 * Which registry an image comes from, as the image-policy rules (`allowed-registries`,
 * `no-restricted-images`) read it: one matcher, so an allow-list and a deny-list treat look-alike hosts
 * (`registry.example.com.evil.io`, `evil.io/registry.example.com/x`) alike. Names are Docker's
 * normalized names (`normalizedImageName`: `node` → `docker.io/library/node`).
 */

/**
 * Whether `name` (normalized: `docker.io/library/node`, `ghcr.io/org/app`) comes from `entry`: a
 * registry host (`ghcr.io`, `registry.local:5000`), a host wildcard (`*.example.com`, any subdomain),
 * or a host with a path prefix (`ghcr.io/my-org`, `docker.io/library` for official images only).
 * `docker.io` also matches `index.docker.io` and unqualified names, as Docker reads them. The host is
 * compared whole, never as a prefix or a substring.
 */
export function registryAllows(entry: string, name: string): boolean {
  const normalizedEntry = normalizedRegistryEntry(entry);
  if (normalizedEntry === "") return false;
  const host = name.slice(0, name.indexOf("/"));
  if (normalizedEntry.startsWith("*.")) {
    const suffix = normalizedEntry.slice(1);
    // The port is not part of the host name a wildcard matches (`app.corp.example:5000`).
    return !normalizedEntry.includes("/") && host.replace(/:\d+$/u, "").endsWith(suffix);
  }
  return name === normalizedEntry || name.startsWith(`${normalizedEntry}/`);
}

/**
 * Whether `name` comes from the registry `entry` names, on any port when the entry names a host
 * without one (`evil.io` covers `evil.io:443/x`): the deny-list reading, where a port must not be a
 * way around the entry. An entry with a port or a path prefix reads as in {@link registryAllows}.
 */
export function registryNamedBy(entry: string, name: string): boolean {
  if (registryAllows(entry, name)) return true;
  const normalizedEntry = normalizedRegistryEntry(entry);
  if (normalizedEntry === "" || normalizedEntry.includes(":") || normalizedEntry.includes("/")) return false;
  return name.slice(0, name.indexOf("/")).replace(/:\d+$/u, "") === normalizedEntry;
}

function normalizedRegistryEntry(entry: string): string {
  return entry.trim().toLowerCase().replace(/\/+$/u, "").replace(/^index\.docker\.io(?=\/|$)/u, "docker.io");
}
