import { describe, expect, it } from "vitest";
import { normalizedPeerId, PEER_CHECKS, PEER_TOOL_LABELS, peerCheck, peerCheckLabel, type PeerTool } from "../../lib/peers/peer-checks.js";
import { rules } from "../../rules/index.js";

const TOOLS = Object.entries(PEER_TOOL_LABELS) as [PeerTool, string][];

/** Every entry of a rule's meta.docs.peers that names a tool of the table (`hadolint DL3008`, `KICS Missing User Instruction`). */
function declaredPeers(): { tool: PeerTool; label: string; rule: string }[] {
  return Object.entries(rules).flatMap(([rule, definition]) =>
    (definition.meta.docs.peers ?? []).flatMap((peer: string) => {
      const tool = TOOLS.find(([, label]) => peer.startsWith(`${label} `));
      return tool ? [{ tool: tool[0], label: peer, rule }] : [];
    }),
  );
}

describe("the peer-check table", () => {
  it("names only rules that exist", () => {
    for (const check of PEER_CHECKS) for (const rule of check.rules) expect(Object.keys(rules), `${check.tool} ${check.id}`).toContain(rule);
  });

  it("maps every peer check a rule's meta.docs.peers names to that rule (a check of a tool in the table must be in the table)", () => {
    for (const { label, rule } of declaredPeers()) {
      const check = PEER_CHECKS.find((candidate) => peerCheckLabel(candidate) === label);
      expect(check?.rules, label).toContain(rule);
    }
  });

  it("maps a check to a rule only when that rule names it as a peer", () => {
    const declared = new Set(declaredPeers().map(({ label, rule }) => `${label} → ${rule}`));
    for (const check of PEER_CHECKS) for (const rule of check.rules) expect(declared).toContain(`${peerCheckLabel(check)} → ${rule}`);
  });

  it("names each check once (a KICS query name is unique too)", () => {
    const labels = PEER_CHECKS.map(peerCheckLabel);
    expect(new Set(labels).size).toBe(labels.length);
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
    ["kics", "FD54F200-402C-4333-A5A4-36EF6709AF2F", "fd54f200-402c-4333-a5a4-36ef6709af2f"],
    ["sonarqube", "s6471", "S6471"],
    ["dclint", "no-version-field", "no-version-field"],
  ] as const)("reads %s id %s as %s", (tool, id, key) => {
    expect(normalizedPeerId(tool, id)).toBe(key);
    expect(peerCheck(tool, id)).not.toBeNull();
  });
});
