import path from "node:path";
import type { Copy, Stage } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { existsIn, isDirectory } from "../lib/project/project-model.js";
import { packageManagerInvocations } from "../lib/semantics/packages/package-manager-invocations.js";
import type { InvocationInRun } from "../lib/semantics/packages/package-manager-invocations.js";
import type { PackageManagerId, PackageManagerInvocation } from "../lib/shell/index.js";
import { createRule } from "../lib/utils/create-rule.js";

type MessageId = "copyAll" | "copyManifestsFirst";

/**
 * The manifests and lockfiles a dependency install reads, per manager (each tool's documentation:
 * npm package.json/package-lock.json, pnpm-lock.yaml, yarn.lock + .yarnrc.yml, bun.lock(b),
 * pyproject.toml + poetry.lock / uv.lock, Pipfile(.lock), Gemfile(.lock), go.mod + go.sum,
 * composer.json/.lock, Cargo.toml/.lock, pom.xml, build.gradle(.kts) + settings.gradle(.kts)).
 * Only those that exist in the build context are copied by the suggestion.
 */
const MANIFESTS: Partial<Record<PackageManagerId, readonly string[]>> = {
  // pip and uv pip: the requirement files the command names are added.
  pip: [],
  npm: ["package.json", "package-lock.json", "npm-shrinkwrap.json", ".npmrc"],
  pnpm: ["package.json", "pnpm-lock.yaml", "pnpm-workspace.yaml", ".npmrc"],
  yarn: ["package.json", "yarn.lock", ".yarnrc.yml", ".yarnrc"],
  bun: ["package.json", "bun.lock", "bun.lockb", "bunfig.toml"],
  poetry: ["pyproject.toml", "poetry.lock", "poetry.toml"],
  uv: ["pyproject.toml", "uv.lock"],
  pipenv: ["Pipfile", "Pipfile.lock"],
  bundler: ["Gemfile", "Gemfile.lock"],
  go: ["go.mod", "go.sum"],
  composer: ["composer.json", "composer.lock"],
  cargo: ["Cargo.toml", "Cargo.lock"],
  maven: ["pom.xml"],
  gradle: ["build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "gradle.properties"],
};

const WHOLE_CONTEXT: ReadonlySet<string> = new Set([".", "./", "*", "./*"]);

/** A COPY of the whole build context (`COPY . .`, `COPY ./ /app/`). */
function copiesWholeContext(copy: Copy): boolean {
  if (copy.flags.some((flag) => flag.name === "from") || copy.heredocs.length > 0) return false;
  return copy.sources.some((source) => WHOLE_CONTEXT.has(source.value));
}

/** The files the suggestion copies first: the manager's manifests (and pip's requirement files) found in the context. */
function manifestsIn(contextDir: string, invocation: PackageManagerInvocation): string[] {
  const names =
    invocation.manager === "pip" || invocation.manager === "uv"
      ? [...(MANIFESTS[invocation.manager] ?? []), ...invocation.requirementFiles.map((word) => word.value ?? "")]
      : (MANIFESTS[invocation.manager] ?? []);
  return [...new Set(names)].filter((name) => name !== "" && !name.includes("/") && !name.includes("$") && existsIn(contextDir, name));
}

/**
 * The suggestion applies to a RUN that does nothing but install (moving `COPY .` after a RUN that also
 * builds would take the sources away from the build).
 */
function onlyInstalls(invocations: readonly InvocationInRun[]): boolean {
  const commands = invocations[0]?.script.commands ?? [];
  return commands.length > 0 && commands.every((command) => invocations.some((found) => found.command === command && found.invocation.action !== "other"));
}

export default createRule<DockerfileRuleTypes<[], MessageId>>("no-copy-all-before-install", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow copying the whole build context before the dependency install of the same stage",
      category: "run",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: [],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      copyAll:
        "`COPY {{source}}` comes before `{{command}}` (line {{line}}): any change to any file in the context reruns the dependency install. Copy the manifests first, install, then copy the rest.",
      copyManifestsFirst: "Copy {{files}} and install before `COPY {{source}}`.",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    const text = context.sourceCode.text;
    const file = context.physicalFilename;
    // Only a finding needs the context folder and the line ending: most files have none.
    const contextDirOf = () => (file && path.isAbsolute(file) && isDirectory(path.dirname(file)) ? path.dirname(file) : null);
    const eolOf = () => (text.includes("\r\n") ? "\r\n" : "\n");
    return {
      Stage(stage: Stage) {
        let copyAll: Copy | null = null;
        for (const instruction of stage.instructions) {
          if (instruction.type === "Copy" && copiesWholeContext(instruction)) copyAll ??= instruction;
          if (instruction.type !== "Run" || copyAll === null) continue;
          const invocations = packageManagerInvocations(program, instruction);
          const install = invocations.find(({ invocation }) => invocation.manifestInstall && !invocation.global && MANIFESTS[invocation.manager] !== undefined);
          if (!install) continue;
          const copy = copyAll;
          const run = instruction;
          if (copy.sources.length === 0) return;
          const source = copy.sources.find((s) => WHOLE_CONTEXT.has(s.value))!;
          const contextDir = contextDirOf();
          const files = contextDir !== null && copy.destination !== null ? manifestsIn(contextDir, install.invocation) : [];
          const destination = copy.destination?.value ?? ".";
          const target = destination.endsWith("/") ? destination : `${destination}/`;
          const copyText = text.slice(copy.range[0], copy.range[1]);
          const prefix = text.slice(copy.range[0], copy.sources[0]!.range[0]);
          const lineStart = text.lastIndexOf("\n", copy.range[0] - 1) + 1;
          const indent = text.slice(lineStart, copy.range[0]);
          const command = text.slice(install.invocation.tool.range[0], (install.invocation.subcommandWords.at(-1) ?? install.invocation.tool).range[1]);
          context.report({
            loc: source.loc,
            messageId: "copyAll",
            data: { source: source.value, command, line: String(run.loc.start.line) },
            suggest:
              files.length > 0 && !copy.json && onlyInstalls(invocations)
                ? [
                    {
                      messageId: "copyManifestsFirst" as const,
                      data: { files: files.join(", "), source: source.value },
                      // The manifests take the place of `COPY .`, which moves after the install.
                      fix: (fixer) => [
                        fixer.replaceTextRange(copy.range, `${prefix}${files.join(" ")} ${target}`),
                        fixer.insertTextAfterRange(run.range, `${eolOf()}${indent}${copyText}`),
                      ],
                    },
                  ]
                : [],
          });
          return;
        }
      },
    };
  },
});
