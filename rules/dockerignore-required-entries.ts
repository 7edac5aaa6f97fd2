import path from "node:path";
import type { RuleTextEditor } from "@eslint/core";
import type { DockerfileProgram } from "../lib/dockerfile/ast.js";
import { createIgnoreMatcher } from "../lib/dockerignore/matcher.js";
import type { DockerignoreRuleTypes } from "../lib/languages/dockerignore/rule-types.js";
import { dockerfilesIn, existsIn } from "../lib/project/project-model.js";
import { runShellScript } from "../lib/semantics/run-shell.js";
import { unwrapCommand } from "../lib/shell/index.js";
import { createRule } from "../lib/utils/create-rule.js";

type MessageId = "missing" | "onlyAtRoot" | "appendEntry";
type Options = [{ entries?: string[]; contextEntries?: boolean }];

interface Requirement {
  /** The pattern appended by the fix. */
  pattern: string;
  /** What it keeps out, for the message. */
  what: string;
  /** The file excludes it at the root of the context, but not in sub-folders (`*.pem` vs `**\/*.pem`). */
  onlyAtRoot: boolean;
}

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

const PYTHON_MARKERS = ["requirements.txt", "pyproject.toml", "setup.py", "setup.cfg", "Pipfile", "poetry.lock", "uv.lock", "__pycache__", ".venv"];

/**
 * Paths a pattern is meant to exclude: wildcards made concrete (`*.pem` → `x.pem`), and for `**\/X`
 * both the root and a sub-folder (`x.pem`, `x/x.pem`). An ignore file satisfies the entry when it
 * excludes every one of them, whatever it wrote (`.env*` covers `.env`; `*` covers everything).
 */
export function samplePaths(pattern: string): string[] {
  const concrete = (text: string) => text.replace(/\[\^?!?(.)[^\]]*\]/gu, "$1").replace(/\*\*?|\?/gu, "x").replace(/^\/+/u, "");
  if (pattern.startsWith("**/")) {
    const rest = concrete(pattern.slice(3));
    return [rest, `x/${rest}`];
  }
  return [concrete(pattern)];
}

function contextRequirements(dir: string): string[] {
  const entries: string[] = [];
  if (existsIn(dir, "package.json") || existsIn(dir, "node_modules")) entries.push("node_modules");
  if (PYTHON_MARKERS.some((marker) => existsIn(dir, marker))) entries.push("**/__pycache__", ".venv");
  return entries;
}

/**
 * Would excluding `pattern` change what a Dockerfile of this context does? True when one of them
 * names an excluded path as a COPY/ADD source, or, for `.git`, runs `git` (a version stamp from
 * `git describe` needs the history). Then the entry is a suggestion, not a fix.
 */
function dockerfilesNeed(pattern: string, dockerfiles: readonly DockerfileProgram[]): boolean {
  const matcher = createIgnoreMatcher([pattern]);
  for (const program of dockerfiles) {
    for (const stage of program.stages) {
      for (const instruction of stage.instructions) {
        if ((instruction.type === "Copy" || instruction.type === "Add") && !instruction.flags.some((flag) => flag.name === "from")) {
          for (const source of instruction.sources) {
            if (source.type === "Word" && source.variables.length > 0) continue;
            const value = source.value.replace(/^\.\//u, "");
            if (value !== "." && value !== "" && matcher(value)) return true;
          }
        }
        if (pattern === ".git" && instruction.type === "Run") {
          const script = runShellScript(program, instruction);
          if (script?.commands.some((command) => unwrapCommand(command).baseName === "git")) return true;
        }
      }
    }
  }
  return false;
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
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ entries: DEFAULT_ENTRIES, contextEntries: true }],
    messages: {
      missing: "This .dockerignore does not exclude {{what}}, so `COPY . .` sends it into the image. Add `{{pattern}}`.",
      onlyAtRoot: "This .dockerignore excludes {{what}} only at the root of the context (Docker matches `*.pem` there alone), so sub-folders still send theirs. Add `{{pattern}}`.",
      appendEntry: "Add `{{pattern}}` to .dockerignore (check first that the build does not need it).",
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const { sourceCode } = context;
    return {
      Program(program) {
        const dir = path.dirname(context.physicalFilename);
        const required = [...(options.entries ?? DEFAULT_ENTRIES), ...(options.contextEntries === false ? [] : contextRequirements(dir))];
        const matcher = createIgnoreMatcher(program.patterns);
        const missing: Requirement[] = [];
        for (const pattern of required) {
          const [root, ...nested] = samplePaths(pattern).map((sample) => matcher(sample));
          if (root && nested.every(Boolean)) continue;
          missing.push({ pattern, what: DESCRIPTIONS[pattern] ?? `\`${pattern}\``, onlyAtRoot: root === true });
        }
        if (missing.length === 0) return;

        const dockerfiles = dockerfilesIn(dir).map((found) => found.program);
        const text = sourceCode.text;
        const end = text.length;
        const separator = end === 0 || text.endsWith("\n") ? "" : /\r\n/u.test(text) ? "\r\n" : "\n";
        const newline = /\r\n/u.test(text) ? "\r\n" : "\n";
        const loc = { start: sourceCode.getLocFromIndex(end), end: sourceCode.getLocFromIndex(end) };
        for (const { pattern, what, onlyAtRoot } of missing) {
          const append = `${separator}${pattern}${newline}`;
          const fix = (fixer: RuleTextEditor) => fixer.insertTextAfterRange([end, end], append);
          const messageId = onlyAtRoot ? "onlyAtRoot" : "missing";
          if (dockerfilesNeed(pattern, dockerfiles)) {
            context.report({ loc, messageId, data: { what, pattern }, suggest: [{ messageId: "appendEntry", data: { pattern }, fix }] });
          } else {
            context.report({ loc, messageId, data: { what, pattern }, fix });
          }
        }
      },
    };
  },
});
