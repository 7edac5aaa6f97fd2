import path from "node:path";
import type { RuleTextEditor } from "@eslint/core";
import type { DockerfileProgram } from "../lib/dockerfile/ast.js";
import type { Pattern as PatternNode } from "../lib/dockerignore/ast.js";
import { createIgnoreMatcher, type IgnoreMatcher } from "../lib/dockerignore/matcher.js";
import type { DockerignoreRuleTypes } from "../lib/languages/dockerignore/rule-types.js";
import { contextsServedBy, listContext } from "../lib/project/build-contexts.js";
import { dockerfilesIn, existsIn, readDockerfile } from "../lib/project/project-model.js";
import { runShellScript } from "../lib/semantics/run/run-shell.js";
import { unwrappedCommand } from "../lib/shell/unwrapped.js";
import { createRule } from "../lib/utils/create-rule.js";

type MessageId = "missing" | "onlyAtRoot" | "missingSeveral" | "onlyAtRootSeveral" | "appendEntry";
type Options = [{ entries?: string[]; contextEntries?: boolean; unusedFiles?: boolean }];

const DEFAULT_ENTRIES = [".git", "**/.env", "**/.env.*", "**/*.pem", "**/*.key"];

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  ".git": "the Git history (often large, and it may hold removed secrets)",
  "**/.env": "`.env` files (secrets and local settings)",
  "**/.env.*": "`.env.*` files (secrets and local settings)",
  "**/*.pem": "`*.pem` keys and certificates",
  "**/*.key": "`*.key` private keys",
  node_modules: "`node_modules` (the image installs its own; a host copy has the wrong native binaries)",
  "**/__pycache__": "`__pycache__` bytecode caches",
  ".venv": "the local `.venv` virtualenv",
};

/** Entries that name folders: their sample paths are a file inside (`.git/HEAD`), which `.git/` and `.git/**` also exclude. */
const FOLDER_ENTRIES = new Set([".git", "node_modules", "**/__pycache__", ".venv"]);

/**
 * Whether a required entry names the Git history at the root of the context (`.git`, `/.git`, `.git/`,
 * `.git/**`). The history is the `.git` folder (or, in a submodule or worktree, the `.git` file) at the
 * top of a working tree only (gitrepository-layout(5)), and a build context holds nothing but the files
 * of its folder (docs.docker.com/build/concepts/context/): a context that is a sub-folder of a repository
 * has none to send. Such an entry is required only for a context whose folder has a `.git` entry.
 */
function namesGitHistory(pattern: string): boolean {
  return /^\/*\.git(?:\/(?:\*\*)?)?$/u.test(pattern);
}

const PYTHON_MARKERS = ["requirements.txt", "pyproject.toml", "setup.py", "setup.cfg", "Pipfile", "poetry.lock", "uv.lock", "__pycache__", ".venv"];

/** Folders at which `**\/` entries are probed when the context does not show a real path: the root and three levels down. */
const PROBE_FOLDERS = ["", "a/", "a/b/", "a/b/c/"];

/**
 * Paths a required pattern is meant to exclude, made concrete (`*.pem` → `x.pem`), at several
 * depths for `**\/X` (`x.pem`, `a/x.pem`, `a/b/x.pem`, `a/b/c/x.pem`), and inside the folder for
 * folder entries (`.git/HEAD`). Only paths the pattern itself excludes (checked with the matcher) are
 * kept; the first one is at the root of the context.
 */
export function samplePaths(pattern: string): string[] {
  const concrete = (text: string) => text.replace(/\[\^?!?(.)[^\]]*\]/gu, "$1").replace(/\*\*?|\?/gu, "x").replace(/^\/+/u, "");
  const inside = FOLDER_ENTRIES.has(pattern) ? "/x" : "";
  const candidates = pattern.startsWith("**/")
    ? PROBE_FOLDERS.map((folder) => `${folder}${concrete(pattern.slice(3))}${inside}`)
    : [`${concrete(pattern)}${inside}`];
  const matcher = createIgnoreMatcher([pattern]);
  return candidates.filter((candidate) => matcher(candidate));
}

function contextRequirements(dir: string): string[] {
  const entries: string[] = [];
  if (existsIn(dir, "package.json") || existsIn(dir, "node_modules")) entries.push("node_modules");
  if (PYTHON_MARKERS.some((marker) => existsIn(dir, marker))) entries.push("**/__pycache__", ".venv");
  return entries;
}

/** COPY/ADD sources outside `--from` (the ones that read the build context). */
function* contextSources(dockerfiles: readonly DockerfileProgram[]) {
  for (const program of dockerfiles) {
    for (const stage of program.stages) {
      for (const instruction of stage.instructions) {
        if ((instruction.type === "Copy" || instruction.type === "Add") && !instruction.flags.some((flag) => flag.name === "from")) {
          yield* instruction.sources;
        }
      }
    }
  }
}

/** Does a Dockerfile copy the whole context (`COPY . …`, `ADD ./ …`)? */
function copiesWholeContext(dockerfiles: readonly DockerfileProgram[]): boolean {
  for (const source of contextSources(dockerfiles)) {
    if (source.type === "Word" && source.variables.length > 0) continue;
    const value = source.value.replace(/^(?:\.\/)+/u, "");
    if (value === "" || value === "." || value === "./") return true;
  }
  return false;
}

/**
 * Would excluding `pattern` change what a Dockerfile of this context does? True when one of them
 * names an excluded path as a COPY/ADD source, or, for `.git`, runs `git` (a version stamp from
 * `git describe` needs the history). Then the entry is a suggestion, not a fix.
 */
function dockerfilesNeed(pattern: string, dockerfiles: readonly DockerfileProgram[]): boolean {
  const matcher = createIgnoreMatcher([pattern]);
  for (const source of contextSources(dockerfiles)) {
    if (source.type === "Word" && source.variables.length > 0) continue;
    const value = source.value.replace(/^\.\//u, "");
    if (value !== "." && value !== "" && matcher(value)) return true;
  }
  if (pattern === ".git") {
    for (const program of dockerfiles) {
      for (const stage of program.stages) {
        for (const instruction of stage.instructions) {
          if (instruction.type !== "Run") continue;
          const script = runShellScript(program, instruction);
          if (script?.commands.some((command) => unwrappedCommand(command).baseName === "git")) return true;
        }
      }
    }
  }
  return false;
}

/** What the rule judges a file against: the contexts it serves and the Dockerfiles of those builds. */
interface Judged {
  contexts: string[];
  dockerfiles: DockerfileProgram[];
}

function judgedBuilds(file: string, unusedFiles: boolean): Judged | null {
  const served = contextsServedBy(file);
  if (served.length === 0) {
    if (!unusedFiles) return null;
    const dir = path.dirname(file);
    return { contexts: [dir], dockerfiles: dockerfilesIn(dir).map((found) => found.program) };
  }
  const contexts = [...new Set(served.map((build) => build.context))];
  const dockerfiles = [...new Set(served.map((build) => (build.dockerfile === null ? build.inline : readDockerfile(build.dockerfile))))]
    .filter((program): program is DockerfileProgram => program !== null);
  return { contexts, dockerfiles };
}

interface Gap {
  pattern: string;
  /** A real path of the context that is sent, for the message. */
  example: string | null;
  /** The entry that excludes the root sample but not deeper ones. */
  onlyAtRoot: PatternNode | null;
  /** The entry the finding is about (a partial or root-only one), or null: the file's start. */
  at: PatternNode | null;
}

/** Decides with the matcher, over the real paths of the contexts and the sample paths, what `pattern` leaves sent. */
function findGap(pattern: string, matcher: IgnoreMatcher, realPaths: readonly string[]): Gap | null {
  const wanted = createIgnoreMatcher([pattern]);
  const samples = samplePaths(pattern);
  const real = realPaths.filter((candidate) => wanted(candidate));
  // A path the file re-includes with `!` is sent on purpose (`!.env.example`): not a gap.
  const isSent = (candidate: string) => !matcher(candidate) && matcher.explain(candidate).pattern?.negated !== true;
  if (![...real, ...samples].some(isSent)) return null;
  // A real path that only repeats the entry (`.git` for `.git`) says nothing more: not an example.
  const example = real.find((candidate) => isSent(candidate) && candidate !== pattern.replace(/^\/+|\/+$/gu, "")) ?? null;
  const root = samples[0];
  const rootDecision = root === undefined ? null : matcher.explain(root);
  const rootEntry = rootDecision?.excluded ? (rootDecision.pattern?.node ?? null) : null;
  let at = rootEntry;
  if (!at) {
    for (const candidate of [...samples, ...real]) {
      const decision = matcher.explain(candidate);
      if (decision.excluded && decision.pattern?.node) {
        at = decision.pattern.node;
        break;
      }
    }
  }
  return { pattern, example, onlyAtRoot: rootEntry, at };
}

const what = (gap: Gap) => DESCRIPTIONS[gap.pattern] ?? `\`${gap.pattern}\``;
const example = (gap: Gap) => (gap.example ? ` (\`${gap.example}\` is sent)` : "");
const patternList = (gaps: readonly Gap[]) => {
  const quoted = gaps.map((gap) => `\`${gap.pattern}\``);
  return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)!}`;
};

/** The message of one finding about `gaps` (one or several entries that one fix adds at one place). */
function reportOf(gaps: readonly Gap[], wholeContext: boolean) {
  const [first] = gaps;
  if (gaps.length === 1 && first) {
    const consequence = wholeContext ? "`COPY . .` sends it into the image" : "it is sent to the builder with the build context (and into the image by any later `COPY . .`)";
    return first.onlyAtRoot
      ? ({ messageId: "onlyAtRoot", data: { what: what(first), pattern: first.pattern, entry: first.onlyAtRoot.raw, example: example(first) } } as const)
      : ({ messageId: "missing", data: { what: what(first), pattern: first.pattern, consequence, example: example(first) } } as const);
  }
  const entries = new Set(gaps.map((gap) => gap.onlyAtRoot));
  if (first?.onlyAtRoot && entries.size === 1) {
    return { messageId: "onlyAtRootSeveral", data: { list: gaps.map((gap) => `${what(gap)}${example(gap)}`).join("; "), entry: first.onlyAtRoot.raw, patterns: patternList(gaps) } } as const;
  }
  const consequence = wholeContext ? "`COPY . .` sends them into the image" : "they are sent to the builder with the build context (and into the image by any later `COPY . .`)";
  const item = (gap: Gap) => `${what(gap)}${gap.onlyAtRoot ? ` (\`${gap.onlyAtRoot.raw}\` matches only at the root)` : ""}${example(gap)}`;
  return { messageId: "missingSeveral", data: { list: gaps.map(item).join("; "), consequence, patterns: patternList(gaps) } } as const;
}

export default createRule<DockerignoreRuleTypes<Options, MessageId>>("dockerignore-required-entries", {
  meta: {
    type: "problem",
    docs: {
      description: "Require `.dockerignore` to exclude Git history, secrets, keys and local dependency folders",
      category: "build-context",
      config: "recommended",
      fileKinds: ["dockerignore"],
      peers: [],
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          entries: {
            type: "array",
            items: { type: "string" },
            uniqueItems: true,
            description: `Patterns every .dockerignore must exclude (what it excludes is checked, not the text). Default: ${DEFAULT_ENTRIES.map((entry) => `\`${entry}\``).join(", ")}.`,
          },
          contextEntries: {
            type: "boolean",
            description:
              "Also require `node_modules` when the context has a package.json or node_modules, and `**/__pycache__` and `.venv` when it is a Python project.",
          },
          unusedFiles: {
            type: "boolean",
            description:
              "Also judge a .dockerignore that no build found in the project reads (no Dockerfile beside it, no compose build with it as the context), against its own folder.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ entries: DEFAULT_ENTRIES, contextEntries: true, unusedFiles: false }],
    messages: {
      missing: "This .dockerignore does not exclude {{what}}, so {{consequence}}{{example}}. Add `{{pattern}}`.",
      onlyAtRoot:
        "This .dockerignore excludes {{what}} only at the root of the context (`{{entry}}` matches there alone), so sub-folders still send theirs{{example}}. Add `{{pattern}}`.",
      missingSeveral: "This .dockerignore does not exclude {{list}}, so {{consequence}}. Add {{patterns}}.",
      onlyAtRootSeveral:
        "This .dockerignore excludes {{list}} only at the root of the context (`{{entry}}` matches there alone), so sub-folders still send theirs. Add {{patterns}}.",
      appendEntry: "Add `{{pattern}}` to .dockerignore (check first that the build does not need it).",
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const { sourceCode } = context;
    return {
      Program(program) {
        const judged = judgedBuilds(context.physicalFilename, options.unusedFiles === true);
        if (!judged) return;
        const required = new Set(options.entries ?? DEFAULT_ENTRIES);
        if (!judged.contexts.some((dir) => existsIn(dir, ".git"))) for (const entry of required) if (namesGitHistory(entry)) required.delete(entry);
        if (options.contextEntries !== false) for (const dir of judged.contexts) for (const entry of contextRequirements(dir)) required.add(entry);
        const realPaths = judged.contexts.flatMap((dir) => (listContext(dir) ?? []).map((entry) => entry.path));
        const matcher = createIgnoreMatcher(program.patterns);
        const gaps = [...required].map((pattern) => findGap(pattern, matcher, realPaths)).filter((gap): gap is Gap => gap !== null);
        if (gaps.length === 0) return;

        const text = sourceCode.text;
        const newline = /\r\n/u.test(text) ? "\r\n" : "\n";
        // New exclusions go before the first `!` exception: an exception after them still wins,
        // so nothing the file re-includes is excluded again (the last matching line decides).
        const firstException = program.patterns.find((pattern) => pattern.negated);
        // Where Docker starts a line: after a `\n` (a lone `\r` ends no line for it).
        const lineStart = (node: PatternNode) => text.lastIndexOf("\n", node.range[0] - 1) + 1;
        const insertAt = firstException ? lineStart(firstException) : text.length;
        const firstLineEnd = text.search(/\r?\n|\r/u);
        const fileStart = { start: { line: 1, column: 0 }, end: sourceCode.getLocFromIndex(firstLineEnd < 0 ? text.length : firstLineEnd) };
        const wholeContext = copiesWholeContext(judged.dockerfiles);

        // One finding per place a fix goes, so that one `--fix` pass adds every entry (fixes at one
        // offset would each take a pass). Entries about an existing line that comes before every
        // exception go just above that line: among exclusions order does not matter, so that is the
        // same meaning as the end. Every other entry goes to `insertAt`, in one finding at the file's start.
        const groups = new Map<number, { anchor: PatternNode | null; gaps: Gap[] }>();
        for (const gap of gaps) {
          const anchor = gap.at && (!firstException || gap.at.loc.start.line < firstException.loc.start.line) ? gap.at : null;
          const offset = anchor ? lineStart(anchor) : insertAt;
          const group = groups.get(offset) ?? { anchor, gaps: [] };
          group.gaps.push(gap);
          groups.set(offset, group);
        }

        for (const [offset, group] of groups) {
          const separator = offset === text.length && offset > 0 && !text.endsWith("\n") ? newline : "";
          const insertion = (patterns: readonly string[]) => (fixer: RuleTextEditor) => fixer.insertTextAfterRange([offset, offset], `${separator}${patterns.map((pattern) => `${pattern}${newline}`).join("")}`);
          const fixable = group.gaps.filter((gap) => !dockerfilesNeed(gap.pattern, judged.dockerfiles));
          const needed = group.gaps.filter((gap) => !fixable.includes(gap));
          const ats = new Set(group.gaps.map((gap) => gap.at));
          const at = group.anchor ?? (ats.size === 1 ? [...ats][0]! : null);
          const where = at ? { loc: at.loc } : { loc: fileStart };
          const report = reportOf(group.gaps, wholeContext);
          // `.env` that matches only at the root becomes `**/.env` in place: inserting the wider entry above it
          // would leave the old line shadowed (valid-dockerignore reports that), and the order is the same.
          // (Not when another fix goes right where the line ends, the last line without a newline: fixes that
          // touch take ESLint two passes.)
          const widened =
            group.anchor && fixable.length === 1 && needed.length === 0 && fixable[0]!.at === group.anchor && !group.anchor.negated && !groups.has(group.anchor.patternRange[1])
              ? group.anchor
              : null;
          const fix = widened
            ? (fixer: RuleTextEditor) => fixer.replaceTextRange([widened.patternRange[0], widened.patternRange[1]], fixable[0]!.pattern)
            : insertion(fixable.map((gap) => gap.pattern));
          context.report({
            ...where,
            ...report,
            ...(fixable.length > 0 ? { fix } : {}),
            ...(needed.length > 0 ? { suggest: needed.map((gap) => ({ messageId: "appendEntry" as const, data: { pattern: gap.pattern }, fix: insertion([gap.pattern]) })) } : {}),
          });
        }
      },
    };
  },
});
