/**
 * The checks of other Dockerfile linters and scanners, and the rules of ours that judge the same
 * problem: the data behind honouring their suppression comments (`# hadolint ignore=DL3008`,
 * `# check=skip=JSONArgsRecommended`, `# trivy:ignore:DS002`, `# checkov:skip=CKV_DOCKER_3`), so a
 * team that moves in keeps its existing suppressions. One row per peer check; a check that several
 * of our rules split between them lists each. Rule ids are ours without the `docker/` prefix.
 *
 * `tests/peers/peer-checks.test.ts` keeps this table and the rules' `meta.docs.peers` in agreement.
 */

export type PeerTool = "hadolint" | "buildkit" | "trivy" | "checkov";

export interface PeerCheck {
  tool: PeerTool;
  /** The check's id as the tool prints it: `DL3008`, `JSONArgsRecommended`, `DS-0002`, `CKV_DOCKER_3`. */
  id: string;
  /** Our rules that report what it reports (possibly more or less of it: each rule doc says how). */
  rules: readonly string[];
}

// Where each tool's check ids and their meaning are documented:
// - hadolint: https://github.com/hadolint/hadolint#rules (rule table, hadolint 2.12-2.14)
// - buildkit: https://docs.docker.com/reference/build-checks/ (every check BuildKit's Dockerfile frontend runs)
// - trivy: https://github.com/aquasecurity/trivy-checks/tree/main/checks/docker (each check's METADATA id, AVD-DS-00NN)
// - checkov: https://www.checkov.io/5.Policy%20Index/dockerfile.html (CKV_DOCKER_1 to CKV_DOCKER_11)

const rows = (tool: PeerTool, entries: Readonly<Record<string, readonly string[]>>): PeerCheck[] =>
  Object.entries(entries).map(([id, rules]) => ({ tool, id, rules }));

export const PEER_CHECKS: readonly PeerCheck[] = [
  ...rows("hadolint", {
    DL3000: ["workdir-absolute"],
    DL3001: ["no-interactive-command"],
    DL3002: ["no-root-user"],
    DL3003: ["prefer-workdir"],
    DL3004: ["no-sudo"],
    DL3006: ["require-image-tag"],
    DL3007: ["require-image-tag"],
    DL3008: ["pin-package-versions"],
    DL3009: ["package-manager-clean-cache"],
    DL3011: ["valid-expose"],
    DL3012: ["no-duplicate-instruction"],
    DL3013: ["pin-package-versions"],
    DL3014: ["package-manager-non-interactive"],
    DL3015: ["no-install-recommends"],
    DL3016: ["pin-package-versions"],
    DL3018: ["pin-package-versions"],
    DL3019: ["package-manager-clean-cache"],
    DL3020: ["prefer-copy"],
    DL3021: ["copy-destination-slash"],
    DL3022: ["no-undefined-stage"],
    DL3023: ["no-self-stage-reference"],
    DL3024: ["no-duplicate-stage-name"],
    DL3025: ["json-args"],
    DL3026: ["allowed-registries"],
    DL3027: ["no-apt"],
    DL3028: ["pin-package-versions"],
    DL3029: ["no-constant-platform"],
    DL3030: ["package-manager-non-interactive"],
    DL3032: ["package-manager-clean-cache"],
    DL3033: ["pin-package-versions"],
    DL3034: ["package-manager-non-interactive"],
    DL3036: ["package-manager-clean-cache"],
    DL3037: ["pin-package-versions"],
    DL3038: ["package-manager-non-interactive"],
    DL3040: ["package-manager-clean-cache"],
    DL3041: ["pin-package-versions"],
    DL3042: ["package-manager-clean-cache"],
    DL3043: ["valid-onbuild"],
    DL3044: ["no-self-referencing-env"],
    DL3045: ["require-workdir-for-relative-copy"],
    DL3046: ["useradd-no-log-init"],
    DL3047: ["wget-progress"],
    DL3048: ["valid-label"],
    DL3049: ["valid-label"],
    DL3050: ["valid-label"],
    DL3051: ["valid-label"],
    DL3052: ["valid-label"],
    DL3053: ["valid-label"],
    DL3054: ["valid-label"],
    DL3055: ["valid-label"],
    DL3056: ["valid-label"],
    DL3057: ["require-healthcheck"],
    DL3058: ["valid-label"],
    DL3059: ["no-consecutive-run"],
    DL3060: ["package-manager-clean-cache"],
    DL3061: ["no-instruction-before-from"],
    DL3062: ["pin-package-versions"],
    DL3063: ["no-reserved-stage-name"],
    DL3064: ["no-secret-in-arg-env"],
    DL3065: ["no-redundant-target-platform"],
    DL3066: ["prefer-numeric-user"],
    DL3067: ["no-copy-root-filesystem"],
    DL4000: ["no-maintainer"],
    DL4001: ["single-http-client"],
    DL4003: ["no-duplicate-instruction"],
    DL4004: ["no-duplicate-instruction"],
    DL4005: ["no-ln-bin-sh"],
    DL4006: ["require-pipefail"],
  }),
  ...rows("buildkit", {
    ConsistentInstructionCasing: ["instruction-casing"],
    CopyIgnoredFile: [],
    DuplicateStageName: ["no-duplicate-stage-name"],
    ExposeInvalidFormat: ["valid-expose"],
    ExposeProtoCasing: ["valid-expose"],
    FromAsCasing: ["instruction-casing"],
    FromPlatformFlagConstDisallowed: ["no-constant-platform"],
    InvalidBaseImagePlatform: [],
    InvalidDefaultArgInFrom: ["no-undefined-variable"],
    JSONArgsRecommended: ["json-args"],
    LegacyKeyValueFormat: ["env-key-value-format"],
    MaintainerDeprecated: ["no-maintainer"],
    MultipleInstructionsDisallowed: ["no-duplicate-instruction"],
    NoEmptyContinuation: ["no-empty-continuation"],
    RedundantTargetPlatform: ["no-redundant-target-platform"],
    ReservedStageName: ["no-reserved-stage-name"],
    SecretsUsedInArgOrEnv: ["no-secret-in-arg-env"],
    StageNameCasing: ["stage-name-casing"],
    UndefinedArgInFrom: ["no-undefined-variable"],
    UndefinedVar: ["no-undefined-variable"],
    WorkdirRelativePath: ["workdir-absolute"],
  }),
  ...rows("trivy", {
    "DS-0001": ["require-image-tag"],
    "DS-0002": ["no-root-user"],
    "DS-0004": [],
    "DS-0005": ["prefer-copy"],
    "DS-0006": ["no-self-stage-reference"],
    "DS-0007": ["no-duplicate-instruction"],
    "DS-0008": ["valid-expose"],
    "DS-0009": ["workdir-absolute"],
    "DS-0010": ["no-sudo"],
    "DS-0011": ["copy-destination-slash"],
    "DS-0012": ["no-duplicate-stage-name"],
    "DS-0013": ["prefer-workdir"],
    "DS-0014": ["single-http-client"],
    "DS-0015": ["package-manager-clean-cache"],
    "DS-0016": ["no-duplicate-instruction"],
    "DS-0017": ["no-update-without-install"],
    "DS-0019": ["package-manager-clean-cache"],
    "DS-0020": ["package-manager-clean-cache"],
    "DS-0021": ["package-manager-non-interactive"],
    "DS-0022": ["no-maintainer"],
    "DS-0023": ["no-duplicate-instruction"],
    "DS-0024": [],
    "DS-0025": ["package-manager-clean-cache"],
    "DS-0026": ["require-healthcheck"],
    "DS-0027": ["package-manager-clean-cache"],
    "DS-0029": ["no-install-recommends"],
    "DS-0030": [],
    "DS-0031": ["no-secret-in-arg-env", "no-hardcoded-secret"],
  }),
  ...rows("checkov", {
    CKV_DOCKER_1: [],
    CKV_DOCKER_2: ["require-healthcheck"],
    CKV_DOCKER_3: ["no-root-user"],
    CKV_DOCKER_4: ["prefer-copy"],
    CKV_DOCKER_5: ["no-update-without-install"],
    CKV_DOCKER_6: ["no-maintainer"],
    CKV_DOCKER_7: ["require-image-tag"],
    CKV_DOCKER_8: ["no-root-user"],
    CKV_DOCKER_9: ["no-apt"],
    CKV_DOCKER_10: ["workdir-absolute"],
    CKV_DOCKER_11: ["no-duplicate-stage-name"],
  }),
];

const byTool = new Map<PeerTool, Map<string, PeerCheck>>();
for (const check of PEER_CHECKS) {
  const table = byTool.get(check.tool) ?? new Map<string, PeerCheck>();
  table.set(normalizedPeerId(check.tool, check.id), check);
  byTool.set(check.tool, table);
}

/**
 * A peer id as the table keys it. Trivy's checks are written `DS002`, `DS-0002` and `AVD-DS-0002`
 * (its ignore comments take any of them); BuildKit's check names are case-insensitive in
 * `# check=skip=` (`frontend/dockerfile/linter/linter.go` lowercases them); hadolint's and Checkov's
 * ids are compared as written, upper case.
 */
export function normalizedPeerId(tool: PeerTool, id: string): string {
  if (tool === "buildkit") return id.toLowerCase();
  if (tool === "trivy") {
    const match = /^(?:AVD-)?DS-?(\d+)$/iu.exec(id);
    return match ? `DS-${String(Number(match[1])).padStart(4, "0")}` : id.toUpperCase();
  }
  return id.toUpperCase();
}

/** The peer check with this id, or null when the tool has no such check (a typo, or a check we do not know). */
export function peerCheck(tool: PeerTool, id: string): PeerCheck | null {
  return byTool.get(tool)?.get(normalizedPeerId(tool, id)) ?? null;
}

/** Every check of the tool (for `skip=all`). */
export function peerChecksOf(tool: PeerTool): readonly PeerCheck[] {
  return [...(byTool.get(tool)?.values() ?? [])];
}

/**
 * hadolint codes that exist, or existed in a release, but have no rule of ours (DL1001 forbids the
 * pragmas themselves; DL3010 asks for ADD to extract archives; the others were retired): a pragma
 * naming them is valid and suppresses nothing here.
 */
export const HADOLINT_CODES_WITHOUT_RULE: ReadonlySet<string> = new Set(["DL1001", "DL3005", "DL3010", "DL3017", "DL3031", "DL3035", "DL3039", "DL4002"]);
