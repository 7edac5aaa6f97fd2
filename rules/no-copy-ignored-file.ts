import path from "node:path";
import type { Add, Copy } from "../lib/dockerfile/ast.js";
import { compilePattern, matchCompiled } from "../lib/dockerignore/pattern.js";
import type { IgnoreMatcher, MatcherPattern } from "../lib/dockerignore/matcher.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { buildsOfDockerfile, listContext, type ContextEntry } from "../lib/project/build-contexts.js";
import { contextIgnoreFile } from "../lib/project/context-exclusions.js";
import { contextSources, type ContextSource } from "../lib/semantics/files/copy-sources.js";
import { contextInLintScope } from "../lib/project/lint-scope.js";
import { isDirectory } from "../lib/project/project-model.js";
import { pathFacts } from "../lib/project/fs-snapshot.js";
import { createRule } from "../lib/utils/create-rule.js";

type MessageId = "ignored" | "ignoredGlob" | "ignoredRoot";

/** Patterns that exclude every entry at the top of the context (BuildKit `copySourceRootIgnored`). */
const ROOT_PATTERNS = new Set(["*", "**", "**/*"]);
/** The context listing a glob source is matched against; a longer listing is not trusted to be whole. */
const MAX_LISTED = 20_000;

/** One build of the Dockerfile with the `.dockerignore` it reads. */
interface JudgedBuild {
  context: string;
  file: string;
  matcher: IgnoreMatcher;
  entries: ContextEntry[] | null | undefined;
}

/** What decides that a source is excluded in one build: the line of the `.dockerignore`. */
interface Exclusion {
  pattern: MatcherPattern | null;
  /** For a glob: how many paths of the context it matches (all excluded). */
  matched?: number;
}

/** The root: excluded when a line excludes every top-level entry and no exception follows it. */
function rootExclusion(matcher: IgnoreMatcher): Exclusion | null {
  const patterns = matcher.patterns;
  for (let index = patterns.length - 1; index >= 0; index--) {
    const pattern = patterns[index]!;
    if (pattern.error) continue;
    if (pattern.negated) return null;
    if (ROOT_PATTERNS.has(pattern.pattern)) return { pattern };
  }
  return null;
}

function pathExclusion(build: JudgedBuild, relative: string): Exclusion | null {
  const facts = pathFacts(path.join(build.context, relative));
  // A folder (or a path that is not there yet, which may be one) is missing from the context only
  // when no exception can bring back anything below it; a file when it is excluded.
  const excluded = facts.kind === "file" ? build.matcher(relative) : build.matcher(relative, true);
  return excluded ? { pattern: build.matcher.explain(relative).pattern } : null;
}

function globExclusion(build: JudgedBuild, glob: string): Exclusion | null {
  // Docker's patterns read a class differently from COPY's `filepath.Match` (`[!a]`): not judged.
  if (glob.includes("[") || glob.includes("\\")) return null;
  build.entries ??= listContext(build.context, { maxEntries: MAX_LISTED });
  if (!build.entries || build.entries.length >= MAX_LISTED) return null;
  const compiled = compilePattern(glob);
  if (compiled.error) return null;
  const matches = build.entries.filter((entry) => matchCompiled(compiled, entry.path));
  // Nothing there to match: what the glob would copy is not known (maybe generated before the build).
  if (matches.length === 0) return null;
  let first: MatcherPattern | null = null;
  for (const entry of matches) {
    if (!build.matcher(entry.path, entry.isDir)) return null;
    first ??= build.matcher.explain(entry.path).pattern;
  }
  return { pattern: first, matched: matches.length };
}

function exclusionIn(build: JudgedBuild, source: ContextSource): Exclusion | null {
  switch (source.kind) {
    case "root":
      return rootExclusion(build.matcher);
    case "path":
      return pathExclusion(build, source.path);
    case "glob":
      return globExclusion(build, source.path);
  }
}

export default createRule<DockerfileRuleTypes<[], MessageId>>("no-copy-ignored-file", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow COPY/ADD of a path that the `.dockerignore` of every build keeps out of the build context",
      category: "build-context",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["BuildKit CopyIgnoredFile"],
    },
    schema: [],
    messages: {
      ignored:
        "`{{source}}` is excluded from the build context by {{file}}{{line}}, so this {{instruction}} fails (\"not found\"): the builder never receives it. Remove it from .dockerignore (or add an exception `!{{path}}`), or stop copying it.",
      ignoredGlob:
        "Every path `{{source}}` matches in the build context ({{count}}) is excluded by {{file}}{{line}}, so this {{instruction}} copies none of them and fails. Remove them from .dockerignore (or add exceptions), or stop copying them.",
      ignoredRoot:
        "{{file}}{{line}} excludes everything at the top of the build context and nothing takes any of it back, so this {{instruction}} of the whole context copies nothing.",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    const file = context.physicalFilename;
    let judged: JudgedBuild[] | null | undefined;

    /** The builds of this Dockerfile with their `.dockerignore`; null when any of them cannot be judged. */
    function judgedBuilds(): JudgedBuild[] | null {
      if (judged !== undefined) return judged;
      judged = null;
      if (!file || !path.isAbsolute(file)) return null;
      const builds = buildsOfDockerfile(file);
      if (builds.length === 0) return null;
      const list: JudgedBuild[] = [];
      for (const build of builds) {
        if (!isDirectory(build.context) || !contextInLintScope(build.context, { cwd: context.cwd, file })) return null;
        const ignore = contextIgnoreFile(build);
        // No .dockerignore: that build sends the whole context, so no source is excluded in every build.
        if (ignore === "none" || ignore === null) return null;
        // Docker refuses a file with an invalid pattern (the build fails anyway): valid-dockerignore says so.
        if (ignore.matcher.invalid.length > 0) return null;
        list.push({ context: build.context, file: ignore.path, matcher: ignore.matcher, entries: undefined });
      }
      judged = list;
      return judged;
    }

    function check(node: Copy | Add): void {
      const sources = contextSources(program, node);
      if (sources.length === 0) return;
      const builds = judgedBuilds();
      if (!builds) return;
      for (const source of sources) {
        let first: Exclusion | null = null;
        let everywhere = true;
        for (const build of builds) {
          const exclusion = exclusionIn(build, source);
          if (!exclusion) {
            everywhere = false;
            break;
          }
          first ??= exclusion;
        }
        if (!everywhere || !first) continue;
        const ignoreFile = path.relative(path.dirname(file), builds[0]!.file) || ".dockerignore";
        const decisive = first.pattern?.node;
        const data = {
          source: source.value,
          path: source.path,
          file: `\`${ignoreFile.split(path.sep).join("/")}\``,
          line: decisive ? ` (line ${decisive.loc.start.line}: \`${decisive.raw}\`)` : "",
          instruction: node.type === "Copy" ? "COPY" : "ADD",
          count: String(first.matched ?? 0),
        };
        const messageId = source.kind === "root" ? "ignoredRoot" : source.kind === "glob" ? "ignoredGlob" : "ignored";
        context.report({ loc: source.node.loc, messageId, data });
      }
    }

    return { Copy: check, Add: check };
  },
});
