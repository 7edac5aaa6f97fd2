import path from "node:path";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { buildsOfDockerfile } from "../lib/project/build-contexts.js";
import { contextExclusions } from "../lib/project/context-exclusions.js";
import { readRequirementsFile } from "../lib/project/requirements-files.js";
import { fileCopiedBefore } from "../lib/semantics/packages/build-files.js";
import { invocationSpan, packageManagerInvocations } from "../lib/semantics/packages/package-manager-invocations.js";
import { stageOf } from "../lib/semantics/stages/stages.js";
import { invocationHasOption } from "../lib/shell/index.js";
import type { PackageManagerId, PackageManagerInvocation } from "../lib/shell/index.js";
import { createRule } from "../lib/utils/create-rule.js";
import { commandWordsEditable } from "../lib/shell/editable.js";

type MessageId = "unlocked" | "useCi" | "addFlag" | "unpinnedRequirements";

/**
 * The lockfile each JavaScript manager installs from, and how to make the install honour it exactly:
 * npm ci (https://docs.npmjs.com/cli/v10/commands/npm-ci), pnpm install --frozen-lockfile
 * (https://pnpm.io/cli/install#--frozen-lockfile), yarn install --frozen-lockfile (classic,
 * https://classic.yarnpkg.com/en/docs/cli/install#toc-yarn-install-frozen-lockfile) or --immutable
 * (berry, https://yarnpkg.com/cli/install), bun install --frozen-lockfile (https://bun.sh/docs/cli/install).
 */
const LOCKFILES: Partial<Record<PackageManagerId, { files: readonly string[]; flag: string | null }>> = {
  npm: { files: ["package-lock.json", "npm-shrinkwrap.json"], flag: null },
  pnpm: { files: ["pnpm-lock.yaml"], flag: "--frozen-lockfile" },
  yarn: { files: ["yarn.lock"], flag: "--frozen-lockfile" },
  bun: { files: ["bun.lock", "bun.lockb"], flag: "--frozen-lockfile" },
};

/** pip's and uv's requirements-file options (`-r file`, `--requirement=file`). */
const REQUIREMENT_OPTIONS: ReadonlySet<string> = new Set(["-r", "--requirement", "--requirements"]);

/** Yarn berry reads .yarnrc.yml; its flag is --immutable. */
const BERRY_CONFIG = ".yarnrc.yml";

function insertionPoint(invocation: PackageManagerInvocation): number {
  return (invocation.subcommandWords.at(-1) ?? invocation.tool).range[1];
}

export default createRule<DockerfileRuleTypes<[], MessageId>>("require-lockfile-install", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require dependency installs to follow the lockfile exactly (`npm ci`, `--frozen-lockfile`, `--immutable`)",
      category: "run",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: [],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      unlocked: "`{{command}}` may resolve versions other than {{lockfile}} says, and rewrite it: install exactly what it locks ({{remedy}}).",
      useCi: "Use `npm ci`.",
      addFlag: "Add `{{flag}}`.",
      unpinnedRequirements:
        "`{{file}}` does not pin `{{requirement}}` (line {{line}}): each build may install other versions. Pin every requirement with `==` (pip-compile, `uv pip compile` or `pip freeze` write such a file), or add `--require-hashes`.",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    const file = context.physicalFilename;
    const contextDir = file && path.isAbsolute(file) ? path.dirname(file) : null;
    // The builds of this Dockerfile (compose services, else `docker build` of its folder), each with
    // what its `.dockerignore` keeps out; null for text linted without a file (no context to read).
    type BuildContext = { dir: string; excluded: ((relativePath: string) => boolean) | null };
    let builds: BuildContext[] | null | undefined;
    const buildContexts = (): BuildContext[] | null =>
      (builds ??= contextDir === null ? null : buildsOfDockerfile(file).map((build) => ({ dir: build.context, excluded: contextExclusions(build) })));
    /** `pip install -r file` of a requirements file in the build context that pins not every requirement. */
    function reportLooseRequirements(invocation: PackageManagerInvocation, dir: string): void {
      if ((invocation.manager !== "pip" && invocation.manager !== "uv") || !invocation.manifestInstall || invocation.frozenLockfile) return;
      // A constraints file may pin what the requirements leave open.
      if (invocationHasOption(invocation, "-c", "--constraint", "--constraints")) return;
      for (const option of invocation.options.filter((o) => REQUIREMENT_OPTIONS.has(o.name))) {
        const name = option.value;
        const word = option.valueWord ?? option.word;
        if (name === null || name.includes("$") || path.isAbsolute(name)) continue;
        const loose = readRequirementsFile(path.join(dir, name))?.find((entry) => !entry.pinned);
        if (!loose) continue;
        context.report({
          loc: { start: context.sourceCode.getLocFromIndex(word.range[0]), end: context.sourceCode.getLocFromIndex(word.range[1]) },
          messageId: "unpinnedRequirements",
          data: { file: name, requirement: loose.text, line: String(loose.line) },
        });
      }
    }
    return {
      Run(run) {
        const stage = stageOf(program, run);
        if (!stage) return;
        for (const { invocation, command, script } of packageManagerInvocations(program, run)) {
          const contexts = buildContexts();
          if (contextDir !== null) reportLooseRequirements(invocation, contextDir);
          const lock = LOCKFILES[invocation.manager];
          if (!lock || !invocation.manifestInstall || invocation.frozenLockfile || invocation.global) continue;
          // Silent unless the lockfile is known to be in the image in every build of this Dockerfile: `npm ci`
          // fails without one. A `.dockerignore` that keeps it out of the context keeps it out of the image.
          const copied = (name: string): boolean =>
            contexts === null
              ? fileCopiedBefore(program, stage, run, name, null) === "yes"
              : contexts.length > 0 && contexts.every(({ dir, excluded }) => fileCopiedBefore(program, stage, run, name, dir, excluded) === "yes");
          const lockfile = lock.files.find(copied);
          if (lockfile === undefined) continue;
          const berry = invocation.manager === "yarn" && copied(BERRY_CONFIG);
          const flag = berry ? "--immutable" : lock.flag;
          const at = insertionPoint(invocation);
          const { text, loc } = invocationSpan(context.sourceCode, invocation);
          const sub = invocation.subcommandWords.at(-1);
          context.report({
            loc,
            messageId: "unlocked",
            data: { command: text, lockfile, remedy: flag === null ? "`npm ci`" : `\`${flag}\`` },
            suggest: invocationHasOption(invocation, "--no-frozen-lockfile") || !commandWordsEditable(script, command)
              ? []
              : flag === null
                ? sub
                  ? [{ messageId: "useCi" as const, fix: (fixer) => fixer.replaceTextRange(sub.range, "ci") }]
                  : []
                : [{ messageId: "addFlag" as const, data: { flag }, fix: (fixer) => fixer.insertTextAfterRange([at, at], ` ${flag}`) }],
          });
        }
      },
    };
  },
});
