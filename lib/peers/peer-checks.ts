/**
 * The checks of other Dockerfile linters and scanners, and the rules of ours that judge the same
 * problem: the data behind honouring their suppression comments (`# hadolint ignore=DL3008`,
 * `# check=skip=JSONArgsRecommended`, `# trivy:ignore:DS002`, `# checkov:skip=CKV_DOCKER_3`), so a
 * team that moves in keeps its existing suppressions. One row per peer check; a check that several
 * of our rules split between them lists each. Rule ids are ours without the `docker/` prefix.
 *
 * `tests/peers/peer-checks.test.ts` keeps this table and the rules' `meta.docs.peers` in agreement.
 */

export type PeerTool = "hadolint" | "buildkit" | "trivy" | "checkov" | "kics" | "sonarqube" | "dclint" | "shellcheck";

export interface PeerCheck {
  tool: PeerTool;
  /**
   * The check's id as the tool prints it: `DL3008`, `JSONArgsRecommended`, `DS-0002`, `CKV_DOCKER_3`,
   * a KICS query id (a UUID), a SonarQube rule key (`S6471`), a dclint rule name.
   */
  id: string;
  /** The check's title where its id alone does not say it: the KICS query name (`Missing User Instruction`). */
  name?: string;
  /** Which part of our rule's ground the check covers, where the rule covers several checks' (`apt-get`). */
  note?: string;
  /** Our rules that report what it reports (possibly more or less of it: each rule doc says how). */
  rules: readonly string[];
}

/** How each tool is named in prose and in `meta.docs.peers` (`KICS Missing User Instruction`, `SonarQube S6471`). */
export const PEER_TOOL_LABELS: Readonly<Record<PeerTool, string>> = {
  hadolint: "hadolint",
  buildkit: "BuildKit",
  trivy: "Trivy",
  checkov: "Checkov",
  kics: "KICS",
  sonarqube: "SonarQube",
  dclint: "dclint",
  shellcheck: "ShellCheck",
};

/** A check as `meta.docs.peers` and the docs name it: the tool's label, then the KICS query name or the id. */
export function peerCheckLabel(check: PeerCheck): string {
  return `${PEER_TOOL_LABELS[check.tool]} ${check.name ?? check.id}`;
}

/** Where each tool's check ids and their meaning are documented. */
export const PEER_SOURCES: Readonly<Record<PeerTool, string>> = {
  hadolint: "https://github.com/hadolint/hadolint#rules (rule table, hadolint 2.12-2.14)",
  buildkit: "https://docs.docker.com/reference/build-checks/ (every check BuildKit's Dockerfile frontend runs)",
  trivy: "https://github.com/aquasecurity/trivy-checks/tree/main/checks/docker (each check's METADATA id, AVD-DS-00NN)",
  checkov:
    "https://github.com/bridgecrewio/checkov/tree/main/checkov/dockerfile/checks (CKV_DOCKER_1 to CKV_DOCKER_11, and the graph checks CKV2_DOCKER_1 to CKV2_DOCKER_18 in graph_checks/)",
  kics: "https://github.com/Checkmarx/kics/tree/master/assets/queries (dockerfile/, dockerCompose/, common/passwords_and_secrets: each query's metadata.json id and queryName; docs/queries/dockerfile-queries.md, dockercompose-queries.md)",
  sonarqube: "https://github.com/SonarSource/sonar-iac/tree/master/iac-extensions/docker/src/main/resources/org/sonar/l10n/docker/rules/docker (each rule's S<key>.json title; keys since moved to the commercial editions read from the commit before their move)",
  dclint: "https://github.com/zavoloklom/docker-compose-linter/tree/main/src/rules (each rule class's static name; dclint 3.1)",
  shellcheck:
    "https://www.shellcheck.net/wiki/ (one page per SCnnnn code; the parse errors are raised in src/ShellCheck/Parser.hs of https://github.com/koalaman/shellcheck, ShellCheck 0.9.0). hadolint runs ShellCheck over every RUN and its `# hadolint ignore=` pragmas take these codes",
};

const rows = (tool: PeerTool, entries: Readonly<Record<string, readonly string[]>>): PeerCheck[] =>
  Object.entries(entries).map(([id, rules]) => ({ tool, id, rules }));

/** KICS queries: `[query id, query name, our rules]`. */
const kicsRows = (entries: readonly (readonly [string, string, readonly string[]])[]): PeerCheck[] =>
  entries.map(([id, name, rules]) => ({ tool: "kics", id, name, rules }));

/** What each of several checks that one rule of ours covers is about (hadolint's rule table). */
const NOTES: Readonly<Record<string, string>> = {
  "hadolint DL3006": "untagged image",
  "ShellCheck SC2164": "`cd` only",
  "hadolint DL3007": "`latest`",
  "hadolint DL3008": "apt-get",
  "hadolint DL3009": "apt lists",
  "hadolint DL3012": "HEALTHCHECK",
  "hadolint DL3013": "pip",
  "hadolint DL3014": "apt-get",
  "hadolint DL3016": "npm",
  "hadolint DL3018": "apk",
  "hadolint DL3019": "apk",
  "hadolint DL3028": "gem",
  "hadolint DL3030": "yum",
  "hadolint DL3032": "yum",
  "hadolint DL3033": "yum",
  "hadolint DL3034": "zypper",
  "hadolint DL3036": "zypper",
  "hadolint DL3037": "zypper",
  "hadolint DL3038": "dnf",
  "hadolint DL3040": "dnf",
  "hadolint DL3041": "dnf",
  "hadolint DL3042": "pip",
  "hadolint DL3048": "label keys",
  "hadolint DL3049": "missing label",
  "hadolint DL3050": "superfluous label",
  "hadolint DL3051": "empty label",
  "hadolint DL3052": "URL",
  "hadolint DL3053": "RFC 3339 time",
  "hadolint DL3054": "SPDX license",
  "hadolint DL3055": "git hash",
  "hadolint DL3056": "semantic version",
  "hadolint DL3058": "e-mail",
  "hadolint DL3060": "yarn",
  "hadolint DL3062": "go install",
  "hadolint DL4003": "CMD",
  "hadolint DL4004": "ENTRYPOINT",
  "Checkov CKV2_DOCKER_2": "curl -k",
  "Checkov CKV2_DOCKER_3": "wget --no-check-certificate",
  "Checkov CKV2_DOCKER_4": "pip --trusted-host",
  "Checkov CKV2_DOCKER_8": "apt-get --allow-unauthenticated",
};

const PEER_ROWS: readonly PeerCheck[] = [
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
    DL3010: ["prefer-add-for-archive"],
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
    CopyIgnoredFile: ["no-copy-ignored-file"],
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
    "DS-0004": ["no-exposed-admin-port"],
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
    CKV_DOCKER_1: ["no-exposed-admin-port"],
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
    CKV2_DOCKER_1: ["no-sudo"],
    CKV2_DOCKER_2: ["no-insecure-download"],
    CKV2_DOCKER_3: ["no-insecure-download"],
    CKV2_DOCKER_4: ["no-disabled-verification"],
    CKV2_DOCKER_5: ["no-disabled-verification"],
    CKV2_DOCKER_6: ["no-disabled-verification"],
    CKV2_DOCKER_7: ["no-disabled-verification"],
    CKV2_DOCKER_8: ["no-disabled-verification"],
    CKV2_DOCKER_9: ["no-disabled-verification"],
    CKV2_DOCKER_10: ["no-disabled-verification"],
    CKV2_DOCKER_11: ["no-disabled-verification"],
    CKV2_DOCKER_12: ["no-disabled-verification"],
    CKV2_DOCKER_13: ["no-disabled-verification"],
    CKV2_DOCKER_14: ["no-disabled-verification"],
    CKV2_DOCKER_15: ["no-disabled-verification"],
    CKV2_DOCKER_16: ["no-disabled-verification"],
    CKV2_DOCKER_17: ["no-hardcoded-secret"],
    CKV2_DOCKER_18: ["no-disabled-verification"],
  }),
  // ShellCheck's codes for the problems our shell rules judge with the stage's shell and the file's ARG/ENV
  // scope. A script ShellCheck cannot parse gets SC1072 ("… Fix any mentioned problems and try again") or
  // SC1070/SC1088/SC1089 ("Parsing stopped here"), with SC1073 ("Couldn't parse this …") on the construct.
  ...rows("shellcheck", {
    SC1070: ["valid-run-script"],
    SC1072: ["valid-run-script"],
    SC1073: ["valid-run-script"],
    SC1088: ["valid-run-script"],
    SC1089: ["valid-run-script"],
    SC2154: ["no-undefined-variable"],
    SC2164: ["no-ignored-failure"],
    SC2251: ["no-ineffective-negation"],
    // The bash-only constructs of lib/shell/bashisms.ts (each entry's `shellcheck` code; SC3xxx is ShellCheck's
    // "In POSIX sh/dash, … is undefined" family, SC2113 its `function` keyword check).
    SC2113: ["no-bashism"],
    SC3001: ["no-bashism"],
    SC3003: ["no-bashism"],
    SC3006: ["no-bashism"],
    SC3008: ["no-bashism"],
    SC3009: ["no-bashism"],
    SC3010: ["no-bashism"],
    SC3011: ["no-bashism"],
    SC3014: ["no-bashism"],
    SC3020: ["no-bashism"],
    SC3024: ["no-bashism"],
    SC3029: ["no-bashism"],
    SC3030: ["no-bashism"],
    SC3036: ["no-bashism"],
    SC3039: ["no-bashism"],
    SC3040: ["no-bashism"],
    SC3044: ["no-bashism"],
    SC3046: ["no-bashism"],
    SC3053: ["no-bashism"],
    SC3057: ["no-bashism"],
    SC3059: ["no-bashism"],
    SC3060: ["no-bashism"],
  }),
  ...kicsRows([
    // assets/queries/dockerfile
    ["9513a694-aa0d-41d8-be61-3271e056f36b", "Add Instead of Copy", ["prefer-copy"]],
    ["ae9c56a6-3ed1-4ac0-9b54-31267f51151d", "Apk Add Using Local Cache Path", ["package-manager-clean-cache"]],
    ["df746b39-6564-4fed-bf85-e9c44382303c", "Apt Get Install Lists Were Not Deleted", ["package-manager-clean-cache"]],
    ["965a08d7-ef86-4f14-8792-4a3b2098937e", "Apt Get Install Pin Version Not Defined", ["pin-package-versions"]],
    ["77783205-c4ca-4f80-bb80-c777f267c547", "APT-GET Missing '-y' To Avoid Manual Input", ["package-manager-non-interactive"]],
    ["7384dfb2-fcd1-4fbf-91cd-6c44c318c33c", "APT-GET Not Avoiding Additional Packages", ["no-install-recommends"]],
    ["8a301064-c291-4b20-adcb-403fe7fd95fd", "Changing Default Shell Using SHELL Command", []],
    ["aa93e17f-b6db-4162-9334-c70334e7ac28", "Chown Flag Exists", []],
    ["cdddb86f-95f6-4fc4-b5a1-483d9afceb2b", "COPY '--from' References Current FROM Alias", ["no-self-stage-reference"]],
    ["68a51e22-ae5a-4d48-8e87-b01a323605c9", "COPY '--from' Without FROM Alias Defined Previously", ["no-undefined-stage"]],
    ["6db6e0c2-32a3-4a2e-93b5-72c35f4119db", "Copy With More Than Two Arguments Not Ending With Slash", ["copy-destination-slash"]],
    ["5907595b-5b6d-4142-b173-dbb0e73fbff8", "Exposing Port 22 (SSH)", ["no-exposed-admin-port"]],
    ["22cd11f7-9c6c-4f6e-84c0-02058120b341", "Gem Install Without Version", ["pin-package-versions"]],
    ["b03a748a-542d-44f4-bb86-9199ab4fd2d5", "Healthcheck Instruction Missing", ["require-healthcheck"]],
    ["9efb0b2d-89c9-41a3-91ca-dcc0aec911fd", "Image Version Not Explicit", ["require-image-tag"]],
    ["f45ea400-6bbe-4501-9fc7-1c3d75c32067", "Image Version Using 'latest'", ["require-image-tag"]],
    ["67fd0c4a-68cf-46d7-8c41-bc9fba7e40ae", "Last User Is 'root'", ["no-root-user"]],
    ["99614418-f82b-4852-a9ae-5051402b741c", "MAINTAINER Instruction Being Used", ["no-maintainer"]],
    ["295acb63-9246-4b21-b441-7c1f1fb62dc0", "Missing Dnf Clean All", ["package-manager-clean-cache"]],
    ["7ebd323c-31b7-4e5b-b26f-de5e9e477af8", "Missing Flag From Dnf Install", ["package-manager-non-interactive"]],
    ["fd54f200-402c-4333-a5a4-36ef6709af2f", "Missing User Instruction", ["no-root-user"]],
    ["93d88cf7-f078-46a8-8ddc-178e03aeacf1", "Missing Version Specification In dnf install", ["pin-package-versions"]],
    ["38300d1a-feb2-4a48-936a-d1ef1cd24313", "Missing Zypper Clean", ["package-manager-clean-cache"]],
    ["45e1fca5-f90e-465d-825f-c2cb63fa3944", "Missing Zypper Non-interactive Switch", ["package-manager-non-interactive"]],
    ["41c195f4-fc31-4a5c-8a1b-90605538d49f", "Multiple CMD Instructions Listed", ["no-duplicate-instruction"]],
    ["6938958b-3f1a-451c-909b-baeee14bdc97", "Multiple ENTRYPOINT Instructions Listed", ["no-duplicate-instruction"]],
    ["b86987e1-6397-4619-81d5-8807f2387c79", "Not Using JSON In CMD And ENTRYPOINT Arguments", ["json-args"]],
    ["e36d8880-3f78-4546-b9a1-12f0745ca0d5", "NPM Install Command Without Pinned Version", ["pin-package-versions"]],
    ["f2f903fb-b977-461e-98d7-b3e2185c6118", "Pip install Keeping Cached Packages", ["package-manager-clean-cache"]],
    ["f4a6bcd3-e231-4acf-993c-aa027be50d2e", "RUN Instruction Using 'cd' Instead of WORKDIR", ["prefer-workdir"]],
    ["b84a0b47-2e99-4c9f-8933-98bcabe2b94d", "Run Using apt", ["no-apt"]],
    ["09fda05e-da85-4ee7-ab8d-2800a5e6e756", "Run Using dnf Update", []],
    ["8ada6e80-0ade-439e-b176-0b28f6bce35a", "Run Using Sudo", ["no-sudo"]],
    ["682fe378-c180-4bd5-8a14-95fc285fb269", "Run Using Upgrade Commands", []],
    ["fc775e75-fcfb-4c98-b2f2-910c5858b359", "Run Using 'wget' and 'curl'", ["single-http-client"]],
    ["d4895357-dd49-4ba5-b726-1bb81cb50989", "Run Using Zypper Update", []],
    ["9b6b0f38-92a2-41f9-b881-3a1083d99f1b", "Run Utilities And POSIX Commands", ["no-interactive-command"]],
    ["f2daed12-c802-49cd-afed-fe41d0b82fed", "Same Alias In Different Froms", ["no-duplicate-stage-name"]],
    ["c3e1b6ae-d92c-44b3-8ed5-1f5442bab6a4", "Secrets Stored In Dockerfile", ["no-secret-in-arg-env"]],
    ["efbf148a-67e9-42d2-ac47-02fa1c0d0b22", "Shell Running A Pipe Without Pipefail Flag", ["require-pipefail"]],
    ["71bf8cf8-f0a1-42fa-b9d2-d10525e0a38e", "UNIX Ports Out Of Range", ["valid-expose"]],
    ["d3499f6d-1651-41bb-a9a7-de925fea487b", "Unpinned Package Version in Apk Add", ["pin-package-versions"]],
    ["02d9c71f-3ee8-4986-9c27-1a20d0d19bfc", "Unpinned Package Version in Pip Install", ["pin-package-versions"]],
    ["9bae49be-0aa3-4de5-bab2-4c3a069e40cd", "Update Instruction Alone", ["no-update-without-install"]],
    ["989ab888-7d1e-410f-9dde-c64a1d367bf2", "Use of Apk Upgrade", []],
    ["b16e8501-ef3c-44e1-a543-a093238099c9", "Using Platform Flag with FROM Command", ["no-constant-platform"]],
    ["6b376af8-cfe8-49ab-a08d-f32de23661a4", "WORKDIR Path Not Absolute", ["workdir-absolute"]],
    ["6e19193a-8753-436d-8a09-76dcff91bb03", "Yum Install Allows Manual Input", ["package-manager-non-interactive"]],
    ["6452c424-1d92-4deb-bb18-a03e95d579c4", "Yum install Without Version", ["pin-package-versions"]],
    ["00481784-25aa-4a55-8633-3136dfcf4f37", "Yum Clean All Missing", ["package-manager-clean-cache"]],
    ["8f6456be-0018-46db-9ce6-b3b6dc8d34d2", "Yum Update Enabled", []],
    // assets/queries/dockerCompose
    ["4d9f44c6-2f4a-4317-9bb5-267adbea0232", "Cgroup Not Default", ["no-custom-cgroup-parent"]],
    ["ce76b7d0-9e77-464d-b86f-c5c48e03e22d", "Container Capabilities Unrestricted", ["no-dangerous-capability", "require-cap-drop-all"]],
    ["451d79dc-0588-476a-ad03-3c7f0320abb3", "Container Traffic Not Bound To Host Interface", ["no-unbound-port"]],
    ["6b610c50-99fb-4ef0-a5f3-e312fd945bc3", "Cpus Not Limited", ["require-resource-limits"]],
    ["404fde2c-bc4b-4371-9747-7054132ac953", "Default Seccomp Profile Disabled", ["no-dangerous-capability"]],
    ["d6355c88-1e8d-49e9-b2f2-f8a1ca12c75b", "Docker Socket Mounted In Container", ["no-docker-socket-mount"]],
    ["698ed579-b239-4f8f-a388-baa4bcb13ef8", "Healthcheck Not Set", ["require-healthcheck"]],
    ["4f31dd9f-2cc3-4751-9b53-67e4af83dac0", "Host Namespace is Shared", ["no-host-namespace"]],
    ["bb9ac4f7-e13b-423d-a010-c74a1bfbe492", "Memory Not Limited", ["require-resource-limits"]],
    ["ce14a68b-1668-41a0-ab7d-facd9f784742", "Networks Not Set", []],
    ["27fcc7d6-c49b-46e0-98f1-6c082a6a2750", "No New Privileges Not Set", ["require-no-new-privileges"]],
    ["221e0658-cb2a-44e3-b08a-db96a341d6fa", "Pids Limit Not Set", ["require-resource-limits"]],
    ["ae5b6871-7f45-42e0-bb4c-ab300c4d2026", "Privileged Containers Enabled", ["no-privileged"]],
    ["bc2908f3-f73c-40a9-8793-c1b7d5544f79", "Privileged Ports Mapped In Container", []],
    // Reports `on-failure` with a retry count other than 5, not a missing policy (query.rego).
    ["2fc99041-ddad-49d5-853f-e35e70a48391", "Restart Policy On Failure Not Set To 5", []],
    ["610e266e-6c12-4bca-9925-1ed0cd29742b", "Security Opt Not Set", []],
    ["baa3890f-bed7-46f5-ab8f-1da8fc91c729", "Shared Host IPC Namespace", ["no-host-namespace"]],
    ["071a71ff-f868-47a4-ac0b-3c59e4ab5443", "Shared Host Network Namespace", ["no-host-namespace"]],
    ["8af7162d-6c98-482f-868e-0d33fb675ca8", "Shared Host User Namespace", ["no-host-namespace"]],
    ["1c1325ff-831d-43a1-973e-839ae57dfcc0", "Volume Has Sensitive Host Directory", ["no-sensitive-host-mount"]],
    ["baa452f0-1f21-4a25-ace5-844e7a5f410d", "Volume Mounted In Multiple Containers", ["no-shared-mount-propagation"]],
    // assets/queries/common: every file kind, compose files and Dockerfiles included.
    ["a88baa34-e2ad-44ea-ad6f-8cac87bc7c71", "Passwords And Secrets", ["no-hardcoded-secret", "no-secret-in-arg-env"]],
  ]),
  ...rows("sonarqube", {
    S2612: ["no-chmod-777"],
    S5332: ["no-insecure-download"],
    S6431: [],
    S6437: ["no-hardcoded-secret"],
    S6469: ["no-insecure-build-flag"],
    S6470: ["no-secret-in-context"],
    S6471: ["no-root-user"],
    S6472: ["no-secret-in-arg-env"],
    S6473: ["no-exposed-admin-port"],
    S6476: ["instruction-casing"],
    S6500: ["no-install-recommends"],
    S6502: ["no-insecure-build-flag"],
    S6504: [],
    S6505: [],
    S6506: [],
    S6570: [],
    S6573: [],
    S6574: ["env-key-value-format"],
    S6579: ["no-undefined-variable"],
    S6581: [],
    S6584: ["package-manager-non-interactive"],
    S6586: ["no-maintainer"],
    S6587: ["package-manager-clean-cache"],
    S6589: ["no-duplicate-instruction"],
    S6595: ["no-update-without-install"],
    S6596: ["require-image-tag"],
    S6597: ["prefer-workdir"],
    S7018: ["sort-package-lists"],
    S7019: ["json-args"],
    S7020: [],
    S7021: ["workdir-absolute"],
    S7023: ["require-image-digest"],
    S7026: [],
    S7028: ["valid-label"],
    S7029: ["prefer-copy"],
    S7030: ["valid-exec-form"],
    S7031: ["no-consecutive-run"],
    S8431: ["require-image-tag"],
  }),
  ...rows("dclint", {
    "no-build-and-image": ["no-build-and-image"],
    "no-duplicate-container-names": ["no-duplicate-container-name"],
    "no-duplicate-exported-ports": ["no-duplicate-published-port"],
    "no-quotes-in-volumes": ["no-quoted-volumes"],
    "no-unbound-port-interfaces": ["no-unbound-port"],
    "no-version-field": ["no-obsolete-version"],
    "require-project-name-field": ["require-project-name"],
    "require-quotes-in-ports": ["require-quoted-ports"],
    "service-container-name-regex": [],
    "service-dependencies-alphabetical-order": ["sort-dependencies"],
    "service-image-require-explicit-tag": ["require-image-tag"],
    "service-keys-order": ["sort-service-keys"],
    "service-ports-alphabetical-order": ["sort-ports"],
    "services-alphabetical-order": ["sort-services"],
    "top-level-properties-order": ["sort-top-level-keys"],
  }),
];

export const PEER_CHECKS: readonly PeerCheck[] = PEER_ROWS.map((check) => {
  const note = NOTES[peerCheckLabel(check)];
  return note === undefined ? check : { ...check, note };
});

const byTool = new Map<PeerTool, Map<string, PeerCheck>>();
for (const check of PEER_CHECKS) {
  const table = byTool.get(check.tool) ?? new Map<string, PeerCheck>();
  table.set(normalizedPeerId(check.tool, check.id), check);
  byTool.set(check.tool, table);
}

/**
 * A peer id as the table keys it. Trivy's checks are written `DS002`, `DS-0002` and `AVD-DS-0002`
 * (its ignore comments take any of them); BuildKit's check names are case-insensitive in
 * `# check=skip=` (`frontend/dockerfile/linter/linter.go` lowercases them); KICS query ids (UUIDs) and
 * dclint rule names are compared in lower case; hadolint's, Checkov's and SonarQube's ids in upper case.
 */
export function normalizedPeerId(tool: PeerTool, id: string): string {
  if (tool === "buildkit" || tool === "kics" || tool === "dclint") return id.toLowerCase();
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
 * pragmas themselves; the others were retired): a pragma
 * naming them is valid and suppresses nothing here.
 */
export const HADOLINT_CODES_WITHOUT_RULE: ReadonlySet<string> = new Set(["DL1001", "DL3005", "DL3017", "DL3031", "DL3035", "DL3039", "DL4002"]);
