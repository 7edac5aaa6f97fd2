import type { Flag, MountFlag, Run } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

type MessageIds = "insecureSecurity" | "hostNetwork" | "openMountMode";

/** A flag's value when the file writes it out (BuildKit expands variables in these flags; one from `--build-arg` is unknown). */
function literalValue(flag: Flag): string | null {
  return flag.value && flag.value.variables.length === 0 ? flag.value.value : null;
}

/**
 * The permission bits of a secret or ssh mount's `mode=`, as BuildKit parses it (`strconv.ParseUint(v, 8, 32)`
 * in `instructions/commands_runmount.go`), or null when it is unset or not octal.
 */
function mountMode(flag: MountFlag): number | null {
  const mode = flag.mount.mode;
  if (mode === null || !/^[0-7]+$/u.test(mode)) return null;
  return Number.parseInt(mode, 8);
}

export default createRule<DockerfileRuleTypes<[], MessageIds>>("no-insecure-build-flag", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow RUN flags that lift the build sandbox: `--security=insecure`, `--network=host`, and secret or ssh mounts that other users can read",
      category: "security",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["SonarQube S6502", "SonarQube S6469"],
    },
    schema: [],
    messages: {
      insecureSecurity:
        "RUN --security=insecure runs this step with every Linux capability and no seccomp or AppArmor confinement: whatever it downloads and runs can escape to the build host. Build without it, or move the step that needs it (a loop device, a nested container) out of the image build.",
      hostNetwork:
        "RUN --network=host gives this step the build host's network: it reaches services listening on the host's localhost and the cloud metadata endpoint, and its result depends on the machine that builds it. Use the default network, and pass what it needs as a build argument or a secret mount.",
      openMountMode:
        "The {{kind}} mount's mode={{mode}} lets every user of the build container read the {{what}}: a process running as another user in this step (a package's install script, a daemon it starts) can copy it. Leave `mode` out ({{default}}) or give the user that needs it `uid=`/`gid=` with mode=0400.",
    },
  },
  create(context) {
    const { sourceCode } = context;
    return {
      Run(node: Run) {
        for (const flag of node.flags) {
          if (flag.mount) {
            const kind = flag.mount.kind;
            if (kind !== "secret" && kind !== "ssh") continue;
            const mode = mountMode(flag);
            // Only the "others" bits: group access is the `gid=` option's purpose (SonarQube S6469 draws the same line).
            if (mode === null || (mode & 0o007) === 0) continue;
            const option = flag.mount.options.findLast((candidate) => candidate.key.toLowerCase() === "mode");
            context.report({
              loc: locOfRange(sourceCode, option?.range ?? flag.range),
              messageId: "openMountMode",
              data: {
                kind,
                mode: flag.mount.mode!,
                what: kind === "secret" ? "secret" : "SSH agent socket (and sign with its keys)",
                default: kind === "secret" ? "0400" : "0600",
              },
            });
            continue;
          }
          const value = literalValue(flag);
          if (flag.name === "security" && value === "insecure") context.report({ loc: locOfRange(sourceCode, flag.range), messageId: "insecureSecurity" });
          else if (flag.name === "network" && value === "host") context.report({ loc: locOfRange(sourceCode, flag.range), messageId: "hostNetwork" });
        }
      },
    };
  },
});
