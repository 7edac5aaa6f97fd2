import path from "node:path";
import type { Add, Copy } from "../lib/dockerfile/ast.js";
import { createIgnoreMatcher } from "../lib/dockerignore/matcher.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { buildsOfDockerfile, listContext, type ContextEntry } from "../lib/project/build-contexts.js";
import { contextIgnoreFile } from "../lib/project/context-exclusions.js";
import { contextSources, type ContextSource } from "../lib/semantics/files/copy-sources.js";
import { contextInLintScope } from "../lib/project/lint-scope.js";
import { isDirectory } from "../lib/project/project-model.js";
import { secretFileKind } from "../lib/semantics/secrets/secret-files.js";
import { createRule } from "../lib/utils/create-rule.js";

type MessageId = "noDockerignore";

/** What a context holds that should not be sent to the builder, by kind (for the message). */
type Unwanted = { kind: "git" | "node_modules" | "secret"; path: string; what: string };

/** Names shown per kind before "and N more". */
const SHOWN = 4;

/**
 * What of the context should not reach the builder: the Git history at its root (a `.git` folder, or
 * the `.git` file of a submodule or worktree), `node_modules` folders (a host install, with host
 * binaries), and the secret files of the shared table (lib/semantics/secret-files.ts).
 */
function unwantedEntries(entries: readonly ContextEntry[]): Unwanted[] {
  const found: Unwanted[] = [];
  for (const entry of entries) {
    const base = entry.path.split("/").at(-1)!;
    if (entry.path === ".git") found.push({ kind: "git", path: entry.path, what: "the Git history" });
    else if (entry.isDir && base === "node_modules") found.push({ kind: "node_modules", path: entry.path, what: "a host node_modules" });
    else if (!entry.isDir) {
      const secret = secretFileKind(entry.path);
      if (secret) found.push({ kind: "secret", path: entry.path, what: secret.description });
    }
  }
  return found;
}

/** The unwanted entries a context source brings: all for the whole context, those at or below a path, those a glob matches (or lie below). */
function brought(source: ContextSource, unwanted: readonly Unwanted[]): Unwanted[] {
  switch (source.kind) {
    case "root":
      return [...unwanted];
    case "path":
      return unwanted.filter((entry) => entry.path === source.path || entry.path.startsWith(`${source.path}/`));
    case "glob": {
      // Docker's patterns read a class differently from COPY's `filepath.Match` (`[!a]`): not judged.
      if (source.path.includes("[") || source.path.includes("\\")) return [];
      const matcher = createIgnoreMatcher([source.path]);
      return unwanted.filter((entry) => matcher(entry.path));
    }
  }
}

function describe(found: readonly Unwanted[]): string {
  const parts: string[] = [];
  const list = (entries: readonly Unwanted[]) => {
    const names = entries.slice(0, SHOWN).map((entry) => `\`${entry.path}\``);
    return entries.length > SHOWN ? `${names.join(", ")} and ${entries.length - SHOWN} more` : names.join(", ");
  };
  if (found.some((entry) => entry.kind === "git")) parts.push("the Git history (`.git`)");
  const modules = found.filter((entry) => entry.kind === "node_modules");
  if (modules.length > 0) parts.push(`a host \`node_modules\` (${list(modules)})`);
  const secrets = found.filter((entry) => entry.kind === "secret");
  if (secrets.length > 0) {
    // One file is named by its kind ("an SSH private key"), several as secret files.
    const kind = secrets.length === 1 ? secrets[0]!.what.replace(/ \([^)]*\)$/u, "") : "secret files";
    parts.push(`${kind} (${list(secrets)})`);
  }
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)!}`;
}

export default createRule<DockerfileRuleTypes<[], MessageId>>("require-dockerignore", {
  meta: {
    type: "problem",
    docs: {
      description: "Require a `.dockerignore` for a build context that holds the Git history, `node_modules` or secret files a COPY/ADD would send",
      category: "build-context",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: [],
    },
    schema: [],
    messages: {
      noDockerignore:
        "The build context {{context}} has no .dockerignore, so this {{instruction}} sends {{holds}} to the builder and into the layers of this stage. Create {{where}} to exclude them.",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    const file = context.physicalFilename;
    /** Each build context without a `.dockerignore`, with what it holds that a COPY would send. */
    type Bare = { dir: string; unwanted: Unwanted[]; reported: boolean };
    let bare: Bare[] | undefined;

    function bareContexts(): Bare[] {
      if (bare) return bare;
      bare = [];
      if (!file || !path.isAbsolute(file)) return bare;
      const seen = new Set<string>();
      for (const build of buildsOfDockerfile(file)) {
        if (seen.has(build.context)) continue;
        seen.add(build.context);
        if (!isDirectory(build.context) || !contextInLintScope(build.context, { cwd: context.cwd, file })) continue;
        if (contextIgnoreFile(build) !== "none") continue;
        const entries = listContext(build.context);
        if (!entries) continue;
        const unwanted = unwantedEntries(entries);
        if (unwanted.length > 0) bare.push({ dir: build.context, unwanted, reported: false });
      }
      return bare;
    }

    function check(node: Copy | Add): void {
      const sources = contextSources(program, node);
      if (sources.length === 0) return;
      for (const contextDir of bareContexts()) {
        if (contextDir.reported) continue;
        for (const source of sources) {
          const found = brought(source, contextDir.unwanted);
          if (found.length === 0) continue;
          contextDir.reported = true;
          const relative = path.relative(path.dirname(file), contextDir.dir).split(path.sep).join("/");
          const ignorePath = relative === "" ? ".dockerignore" : `${relative}/.dockerignore`;
          context.report({
            loc: source.node.loc,
            messageId: "noDockerignore",
            data: {
              context: relative === "" ? "(this folder)" : `\`${relative}\``,
              instruction: node.type === "Copy" ? "COPY" : "ADD",
              holds: describe(found),
              where: `\`${ignorePath}\``,
            },
          });
          break;
        }
      }
    }

    return { Copy: check, Add: check };
  },
});
