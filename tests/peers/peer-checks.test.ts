import { describe, expect, it } from "vitest";
import { normalizedPeerId, PEER_CHECKS, peerCheck } from "../../lib/peers/peer-checks.js";
import { rules } from "../../rules/index.js";

/** `hadolint DL3008` / `BuildKit JSONArgsRecommended` in a rule's meta.docs.peers, as table keys. */
function declaredPeers(): { tool: "hadolint" | "buildkit"; id: string; rule: string }[] {
  return Object.entries(rules).flatMap(([rule, definition]) =>
    (definition.meta.docs.peers ?? []).flatMap((peer: string) => {
      const match = /^(hadolint|BuildKit) ([A-Za-z0-9]+)$/u.exec(peer);
      return match ? [{ tool: match[1] === "hadolint" ? ("hadolint" as const) : ("buildkit" as const), id: match[2]!, rule }] : [];
    }),
  );
}

describe("the peer-check table", () => {
  it("names only rules that exist", () => {
    for (const check of PEER_CHECKS) for (const rule of check.rules) expect(Object.keys(rules), `${check.tool} ${check.id}`).toContain(rule);
  });

  it("maps every hadolint and BuildKit check a rule doc names to that rule", () => {
    for (const { tool, id, rule } of declaredPeers()) expect(peerCheck(tool, id)?.rules, `${tool} ${id}`).toContain(rule);
  });

  it("maps a hadolint or BuildKit check to a rule only when that rule names it as a peer", () => {
    const declared = new Set(declaredPeers().map(({ tool, id, rule }) => `${tool} ${normalizedPeerId(tool, id)} ${rule}`));
    for (const check of PEER_CHECKS.filter((candidate) => candidate.tool === "hadolint" || candidate.tool === "buildkit")) {
      for (const rule of check.rules) expect(declared, `${check.id} → ${rule}`).toContain(`${check.tool} ${normalizedPeerId(check.tool, check.id)} ${rule}`);
    }
  });

  it("has each id once", () => {
    const keys = PEER_CHECKS.map((check) => `${check.tool} ${normalizedPeerId(check.tool, check.id)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    ["trivy", "DS002", "DS-0002"],
    ["trivy", "AVD-DS-0002", "DS-0002"],
    ["trivy", "ds-0026", "DS-0026"],
    ["buildkit", "jsonargsrecommended", "jsonargsrecommended"],
    ["hadolint", "dl3008", "DL3008"],
  ] as const)("reads %s id %s as %s", (tool, id, key) => {
    expect(normalizedPeerId(tool, id)).toBe(key);
    expect(peerCheck(tool, id)).not.toBeNull();
  });
});
