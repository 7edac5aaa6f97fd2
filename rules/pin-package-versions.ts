import path from "node:path";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { readRequirementsFile } from "../lib/project/requirements-files.js";
import { invocationSpan, packageManagerInvocations } from "../lib/semantics/packages/package-manager-invocations.js";
import { environmentAt } from "../lib/semantics/shell-environment/shell-environment.js";
import { URL_RE } from "../lib/shell/package-managers/arguments.js";
import type { EnvironmentLookup, PackageArgument, PackageManagerInvocation } from "../lib/shell/index.js";
import { createRule } from "../lib/utils/create-rule.js";

/** `$NAME` / `${NAME…}` references in a version written with variables. */
function variableNames(version: string): string[] {
  return [...version.matchAll(/\$\{?([A-Z_a-z]\w*)/gu)].map((match) => match[1]!);
}

/** Pinned, and every variable the pin is written with is set where the command runs (ARG/ENV, export…). */
function isPinned(argument: PackageArgument, env: EnvironmentLookup): boolean {
  if (!argument.pinned) return false;
  return variableNames(argument.version ?? argument.constraint ?? "").every((name) => env(name) !== undefined);
}

/** PEP 503 normalised project name (`Foo_Bar` and `foo-bar` are one project). */
function normalizedPythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/gu, "-");
}

/**
 * The names the invocation's constraints files pin (`pip -c constraints.txt`, `PIP_CONSTRAINT`), read
 * from the build context like `require-lockfile-install` reads requirements files; null when one of
 * them cannot be read (a URL, an expansion, an absolute path, a file not found): what it pins is unknown.
 */
function constrainedNames(invocation: PackageManagerInvocation, contextDir: string | null): Set<string> | null {
  const names = new Set<string>();
  for (const file of invocation.constraintFiles) {
    if (file === null || contextDir === null || URL_RE.test(file) || path.isAbsolute(file)) return null;
    const entries = readRequirementsFile(path.join(contextDir, file));
    if (entries === null) return null;
    for (const entry of entries) if (entry.pinned) names.add(normalizedPythonName(entry.name));
  }
  return names;
}

/** `a`, `a` and `b`, `a`, `b` and `c`, …; past four names, the first three and how many more. */
function nameList(names: readonly string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  if (quoted.length === 1) return quoted[0]!;
  if (quoted.length <= 4) return `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)!}`;
  return `${quoted.slice(0, 3).join(", ")} and ${quoted.length - 3} more`;
}

/** dnf(8) "Module Command": a module spec is `NAME[:STREAM][/PROFILE]`; without a stream the default stream is used. */
const MODULE_PIN_EXAMPLE = "nodejs:20";

export default createRule<DockerfileRuleTypes<[], "unpinned" | "unpinnedMany">>("pin-package-versions", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require packages installed by package managers to be pinned to a version",
      category: "run",
      config: "strict",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3008", "hadolint DL3013", "hadolint DL3016", "hadolint DL3018", "hadolint DL3028", "hadolint DL3033", "hadolint DL3037", "hadolint DL3041", "hadolint DL3062", "KICS Apt Get Install Pin Version Not Defined", "KICS Gem Install Without Version", "KICS Missing Version Specification In dnf install", "KICS NPM Install Command Without Pinned Version", "KICS Unpinned Package Version in Apk Add", "KICS Unpinned Package Version in Pip Install", "KICS Yum install Without Version"],
    },
    schema: [],
    messages: {
      unpinned: "{{names}} is installed at whatever version {{manager}} finds on the day of the build: pin it (as in `{{example}}`).",
      unpinnedMany: "{{names}} are installed at whatever version {{manager}} finds on the day of the build: pin them (as in `{{example}}`).",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    const file = context.physicalFilename;
    const contextDir = file && path.isAbsolute(file) ? path.dirname(file) : null;
    return {
      Run(run) {
        for (const { invocation, command, script } of packageManagerInvocations(program, run)) {
          // Installs, and the module streams `dnf module enable`/`switch-to` choose for later installs.
          const judged = invocation.action === "install" ? invocation.packages : invocation.packages.filter((argument) => argument.kind === "module" && invocation.action === "other");
          const candidates = judged.filter((argument) => (argument.kind === "name" || argument.kind === "module") && argument.name !== null && argument.name !== "");
          if (candidates.length === 0) continue;
          let constrained: Set<string> | null = new Set();
          if (invocation.constraintFiles.length > 0) {
            constrained = constrainedNames(invocation, contextDir);
            if (constrained === null) continue;
          }
          const env = environmentAt(program, run, script, command);
          const unpinned = candidates.filter(
            (argument) => !isPinned(argument, env) && !(constrained.size > 0 && constrained.has(normalizedPythonName(argument.name!))),
          );
          if (unpinned.length === 0) continue;
          const { loc } = invocationSpan(context.sourceCode, invocation);
          const example = unpinned[0]!.kind === "module" ? MODULE_PIN_EXAMPLE : invocation.spec.pinExample;
          context.report({
            loc,
            messageId: unpinned.length === 1 ? "unpinned" : "unpinnedMany",
            data: { names: nameList([...new Set(unpinned.map((argument) => argument.name!))]), manager: invocation.manager, example },
          });
        }
      },
    };
  },
});
