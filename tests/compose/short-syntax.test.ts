import { describe, expect, it } from "vitest";
import { parsePortSpec, parseVolumeSpec } from "../../lib/compose/index.js";

describe("parsePortSpec (nat.ParsePortSpec)", () => {
  const cases: [string, string | null, string | null, string, string, boolean][] = [
    // spec, hostIp, hostPort, containerPort, protocol, valid
    ["80", null, null, "80", "tcp", true],
    ["8080:80", null, "8080", "80", "tcp", true],
    ["127.0.0.1:8080:80", "127.0.0.1", "8080", "80", "tcp", true],
    ["127.0.0.1::80", "127.0.0.1", null, "80", "tcp", true],
    ["0.0.0.0:53:53/udp", "0.0.0.0", "53", "53", "udp", true],
    ["53:53/UDP", null, "53", "53", "udp", true],
    ["80/tcp", null, null, "80", "tcp", true],
    ["80/", null, null, "80", "tcp", true],
    ["8000-8010:80-90", null, "8000-8010", "80-90", "tcp", true],
    ["8000-8010:80", null, "8000-8010", "80", "tcp", true],
    ["[::1]:8080:80", "::1", "8080", "80", "tcp", true],
    ["[2001:db8::1]:443:443", "2001:db8::1", "443", "443", "tcp", true],
    ["::1:8080:80", null, "8080", "80", "tcp", false],
    ["8000-8010:80-85", null, "8000-8010", "80-85", "tcp", false],
    ["70000:80", null, "70000", "80", "tcp", false],
    ["abc", null, null, "abc", "tcp", false],
    ["", null, null, "", "tcp", false],
    ["1.2.3:80:80", "1.2.3", "80", "80", "tcp", false],
    ["80:80/icmp", null, "80", "80", "icmp", false],
    ["90-80", null, null, "90-80", "tcp", false],
  ];
  it.each(cases)("%j", (spec, hostIp, hostPort, containerPort, protocol, valid) => {
    const parsed = parsePortSpec(spec);
    if (valid) {
      expect(parsed.error).toBeNull();
      expect(parsed).toMatchObject({ hostIp, hostPort, containerPort, protocol });
    } else {
      expect(parsed.error).not.toBeNull();
    }
  });

  it("gives ranges", () => {
    expect(parsePortSpec("8000-8010:80-90")).toMatchObject({
      hostPortRange: { start: 8000, end: 8010 },
      containerPortRange: { start: 80, end: 90 },
    });
  });
});

describe("parseVolumeSpec (compose-go format.ParseVolume)", () => {
  const cases: [string, "bind" | "volume", string | null, string, string[], boolean, boolean][] = [
    // spec, type, source, target, options, readOnly, valid
    ["/data", "volume", null, "/data", [], false, true],
    ["data:/data", "volume", "data", "/data", [], false, true],
    ["./src:/app", "bind", "./src", "/app", [], false, true],
    [".:/app:ro", "bind", ".", "/app", ["ro"], true, true],
    ["~/x:/x:rw", "bind", "~/x", "/x", ["rw"], false, true],
    ["/a:/b:ro,z", "bind", "/a", "/b", ["ro", "z"], true, true],
    ["vol:/b:nocopy", "volume", "vol", "/b", ["nocopy"], false, true],
    ["C:\\data:/data", "bind", "C:\\data", "/data", [], false, true],
    ["\\\\pipe\\docker:/pipe", "bind", "\\\\pipe\\docker", "/pipe", [], false, true],
    ["${DIR}:/data", "volume", "${DIR}", "/data", [], false, true],
    ["${DIR:-./x}:/data", "volume", "${DIR:-./x}", "/data", [], false, true],
    ["/a", "volume", null, "/a", [], false, true],
    ["a", "volume", null, "a", [], false, true],
    // "a:" is a Windows drive prefix for compose-go: one letter then a colon
    ["a:/data", "volume", null, "a:/data", [], false, true],
    ["/a::/b", "bind", "/a", "", [], false, false],
    ["/a:/b:ro:extra", "bind", "/a", "/b", ["ro"], true, false],
    ["", "volume", null, "", [], false, false],
  ];
  it.each(cases)("%j", (spec, type, source, target, options, readOnly, valid) => {
    const parsed = parseVolumeSpec(spec);
    expect(parsed.error === null).toBe(valid);
    if (valid) expect(parsed).toMatchObject({ type, source, target, options, readOnly });
  });
});
