import path from "node:path";
import type { Add, Copy, PathArgument } from "../lib/dockerfile/ast.js";
import { createIgnoreMatcher } from "../lib/dockerignore/index.js";
import { normalizeContextPath } from "../lib/dockerignore/matcher.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { buildsOfDockerfile, dockerignoreOfBuild, type BuildOfDockerfile } from "../lib/project/build-contexts.js";
import { contextInLintScope } from "../lib/project/lint-scope.js";
import { contextExclusions } from "../lib/project/context-exclusions.js";
import { isFile } from "../lib/project/project-model.js";
import { isRemoteUrl } from "../lib/semantics/files/add-sources.js";
import { absoluteDestination, buildFailsOnDockerignore, fileReachesImage, secretsInContext, type ContextSecret } from "../lib/semantics/secrets/context-secrets.js";
import { stageOf } from "../lib/semantics/stages/stages.js";
import { secretFileKind } from "../lib/semantics/secrets/secret-files.js";
import { stageReach } from "../lib/semantics/stages/stage-references.js";
import { getStageGraph } from "../lib/semantics/stages/stages.js";
import { argumentValue } from "../lib/semantics/variables/word-value.js";
import { createRule } from "../lib/utils/create-rule.js";

/** At most this many files are named in one message; the rest are counted. */
const NAMED_FILES = 5;

/** Which files of the context a COPY/ADD source takes: all of them (`.`), those a glob matches, or null (a plain path: not this rule's). */
function sourceSelector(value: string): ((relativePath: string) => boolean) | null {
  const cleaned = normalizeContextPath(value);
  if (cleaned === null) return value.startsWith("..") ? null : () => true;
  if (!/[*?[]/u.test(cleaned)) return null;
  // COPY's globs are Go `filepath.Match` per path, and a matched folder brings everything in it: the
  // .dockerignore matcher's semantics (parent matches included).
  const matcher = createIgnoreMatcher([cleaned]);
  return (relativePath) => matcher(relativePath);
}

/** `.dockerignore` entries that exclude exactly these paths (Docker's pattern syntax: `*`, `?`, `[` and `\` escaped). */
function entriesFor(files: readonly ContextSecret[]): string[] {
  return files.map((file) => `/${file.path.replace(/[*?[\\]/gu, "\\$&")}`);
}

function describeBuild(build: BuildOfDockerfile, dockerfileDir: string): string {
  if (build.service === null || build.composeFile === null) return "`docker build` of the Dockerfile's folder";
  return `the build of service '${build.service}' (${path.relative(dockerfileDir, build.composeFile) || build.composeFile})`;
}

export default createRule<DockerfileRuleTypes<[], "secretInContext">>("no-secret-in-context", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow copying the whole build context (`COPY . .`) or a glob of it when it holds secret files that `.dockerignore` does not exclude",
      category: "security",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["SonarQube S6470"],
    },
    schema: [],
    messages: {
      secretInContext:
        "'{{source}}' copies {{files}} into the image of {{build}}: {{ignore}}. Add {{entries}} to {{dockerignorePath}} (a layer keeps a secret even if a later step deletes it; give builds secrets with RUN --mount=type=secret and containers at run time).",
    },
  },
  create(context) {
    const filename = context.physicalFilename;
    if (!path.isAbsolute(filename)) return {};
    const program = context.sourceCode.ast;
    const dockerfile = path.resolve(filename);
    const dockerfileDir = path.dirname(dockerfile);

    /** Per build: its secret files the `.dockerignore` lets through, and the stages whose layers make its image. Null: nothing to judge. */
    let judged: { build: BuildOfDockerfile; secrets: ContextSecret[]; dockerignore: string; present: boolean }[] | null = null;
    function builds() {
      if (judged) return judged;
      judged = [];
      for (const build of buildsOfDockerfile(dockerfile)) {
        // A context outside the project being linted is another machine's layout: unknown, silent.
        if (build.dockerfile !== dockerfile || !contextInLintScope(build.context, { cwd: context.cwd, file: dockerfile })) continue;
        const excluded = contextExclusions(build);
        // A .dockerignore that cannot be read or parsed: nobody knows what reaches the image.
        if (excluded === null || buildFailsOnDockerignore(build)) continue;
        const secrets = secretsInContext(build.context)?.filter((secret) => !excluded(secret.path)) ?? [];
        if (secrets.length === 0) continue;
        const dockerignore = dockerignoreOfBuild(build).path;
        judged.push({ build, secrets, dockerignore, present: isFile(dockerignore) });
      }
      return judged;
    }

    function check(node: Copy | Add): void {
      if (node.flags.some((flag) => flag.name === "from")) return;
      if (builds().length === 0) return;
      const stage = stageOf(program, node);
      if (!stage) return;
      const excludes = node.flags.filter((flag) => flag.name === "exclude");
      // `--exclude` with a variable: what it keeps out is unknown.
      if (excludes.some((flag) => flag.value === null || flag.value.variables.length > 0)) return;
      const keptOut = excludes.length > 0 ? createIgnoreMatcher(excludes.map((flag) => flag.value!.value)) : null;
      for (const source of node.sources) checkSource(node, stage, source, keptOut);
    }

    function checkSource(node: Copy | Add, stage: NonNullable<ReturnType<typeof stageOf>>, source: PathArgument, keptOut: ((path: string) => boolean) | null): void {
      const value = argumentValue(program, node, source);
      if (value === null || isRemoteUrl(value)) return;
      // A source that names a secret file (or `*.pem`) is no-secret-file-copy's finding, by name alone.
      if (secretFileKind(value)) return;
      const selects = sourceSelector(value);
      if (!selects) return;
      const whole = normalizeContextPath(value) === null;
      const graph = getStageGraph(program);
      const groups = new Map<string, { builds: BuildOfDockerfile[]; secrets: ContextSecret[]; dockerignore: string; present: boolean }>();
      for (const { build, secrets, dockerignore, present } of builds()) {
        const reach = stageReach(program, build.target ?? undefined);
        if (!reach.produced || !reach.reachable.has(stage)) continue;
        const shipped = new Set(graph.ancestry(reach.produced));
        const destination = shipped.has(stage) ? "" : whole ? absoluteDestination(program, node) : null;
        // A builder stage: only a whole-context copy to a known place can be followed into the image.
        if (destination === null) continue;
        const copied = secrets.filter(
          (secret) =>
            selects(secret.path) &&
            !keptOut?.(secret.path) &&
            (shipped.has(stage) || fileReachesImage(program, stage, path.posix.join(destination, secret.path), shipped, filename)),
        );
        if (copied.length === 0) continue;
        const key = `${dockerignore}\0${copied.map((secret) => secret.path).join("\0")}`;
        const group = groups.get(key);
        if (group) group.builds.push(build);
        else groups.set(key, { builds: [build], secrets: copied, dockerignore, present });
      }
      for (const { builds: sharing, secrets, dockerignore, present } of groups.values()) {
        const named = secrets.slice(0, NAMED_FILES).map((secret) => `'${secret.path}' (${secret.kind.description})`);
        const more = secrets.length - named.length;
        const files = `${named.join(", ")}${more > 0 ? ` and ${more} more secret file${more === 1 ? "" : "s"}` : ""}`;
        const dockerignorePath = path.relative(dockerfileDir, dockerignore) || dockerignore;
        context.report({
          loc: source.loc,
          messageId: "secretInContext",
          data: {
            source: value,
            files,
            build: sharing.map((build) => describeBuild(build, dockerfileDir)).join(" and "),
            ignore: present ? `${dockerignorePath} does not exclude ${secrets.length === 1 ? "it" : "them"}` : `the context has no .dockerignore (Docker reads ${dockerignorePath})`,
            entries: entriesFor(secrets).map((entry) => `'${entry}'`).join(", "),
            dockerignorePath,
          },
        });
      }
    }

    return {
      Copy: check,
      Add: check,
    };
  },
});
