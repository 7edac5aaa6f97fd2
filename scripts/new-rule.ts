/**
 * `npm run new <id> [dockerfile|compose|dockerignore] [--dry-run]`: scaffolds a rule — rules/<id>.ts,
 * docs/rules/<id>.md and tests/rules/<id>.test.ts — and registers it (rules/index.ts and the generated
 * option types, as `npm run update` writes them). The rule starts opt-in (`config: null`) and reports
 * nothing: its judgement, messages, doc and tests are yours to write (CONTRIBUTING.md says where the
 * knowledge it needs lives). `--dry-run` prints the files it would write instead. As eslint-plugin-yml's
 * and eslint-plugin-regexp's `npm run new` do.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AnyDockerRule } from "../lib/utils/create-rule.js";
import type { FileKind } from "../lib/utils/rule-docs.js";
import { generatedFiles, repoRoot, type GeneratedFile } from "./generated-sources.js";

const KINDS: readonly FileKind[] = ["dockerfile", "compose", "dockerignore"];

/** The shape of a rule id: lowercase words joined by hyphens (`no-foo`, `require-bar`, `valid-baz`). */
export const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/u;

interface KindTemplate {
  /** The rule types and the listener the skeleton opens with. */
  typesImport: string;
  typesName: string;
  listener: string;
  /** How the listener's node is named and reported. */
  node: string;
  nodeType: string;
  report: string;
  hint: string;
  /** The test's language, a file name and two sample files. */
  sampleFence: string;
  valid: string;
  invalid: string;
}

const TEMPLATES: Record<FileKind, KindTemplate> = {
  dockerfile: {
    typesImport: 'import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";',
    typesName: "DockerfileRuleTypes",
    listener: "Run",
    node: "run",
    nodeType: 'import type { Run } from "../lib/dockerfile/ast.js";',
    report: "context.report({ loc: run.keyword.loc, messageId: \"todo\" });",
    hint: "A RUN's shell model, stage and commands: runShellOf / defineRunVisitor (lib/languages/dockerfile/visitors.ts); see CONTRIBUTING.md.",
    sampleFence: "dockerfile",
    valid: "FROM alpine:3.20\nRUN true\n",
    invalid: "FROM alpine:3.20\nRUN false\n",
  },
  compose: {
    typesImport: 'import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";',
    typesName: "ComposeRuleTypes",
    listener: "YAMLDocument",
    node: "document",
    nodeType: 'import type { AST } from "yaml-eslint-parser";',
    report: "context.report({ loc: document.loc, messageId: \"todo\" });",
    hint: "This file's compose model, or each service merged over the project: defineComposeFileVisitor / defineComposeProjectVisitor (lib/languages/compose/visitors.ts); see CONTRIBUTING.md.",
    sampleFence: "yaml",
    valid: "services:\n  web:\n    image: nginx:1.27\n",
    invalid: "services:\n  web:\n    image: nginx\n",
  },
  dockerignore: {
    typesImport: 'import type { DockerignoreRuleTypes } from "../lib/languages/dockerignore/rule-types.js";',
    typesName: "DockerignoreRuleTypes",
    listener: "Pattern",
    node: "pattern",
    nodeType: 'import type { Pattern } from "../lib/dockerignore/ast.js";',
    report: "context.report({ loc: pattern.loc, messageId: \"todo\" });",
    hint: "What the pattern matches: lib/dockerignore (matcher.ts); the build contexts that read the file: lib/project; see CONTRIBUTING.md.",
    sampleFence: "dockerignore",
    valid: "node_modules\n",
    invalid: "node_modules/\n",
  },
};


/** A test input as a `dedent` template literal, indented by `indent`. */
function dedented(text: string, indent: string): string {
  const lines = text.replace(/\n$/u, "").split("\n");
  return `dedent\`\n${lines.map((line) => `${indent}  ${line}`).join("\n")}\n${indent}\``;
}

function nodeTypeName(kind: FileKind): string {
  return kind === "compose" ? "AST.YAMLDocument" : TEMPLATES[kind].listener;
}

/** The three files of a new rule: paths relative to the repository root, and their text. */
export function scaffoldRule(id: string, kind: FileKind): GeneratedFile[] {
  const template = TEMPLATES[kind];
  const rule = `${template.nodeType}
${template.typesImport}
import { createRule } from "../lib/utils/create-rule.js";

/**
 * TODO: what the rule judges, from what. Answer only what the rule can know: when it cannot tell, it is
 * silent (a false positive is a bug).
 */
function isReported(_${template.node}: ${nodeTypeName(kind)}): boolean {
  // ${template.hint}
  return false;
}

export default createRule<${template.typesName}<[], "todo">>("${id}", {
  meta: {
    type: "problem",
    docs: {
      description: "TODO: what the rule disallows or requires, in one sentence",
      category: "hygiene",
      // Opt-in until the corpus report (\`npx tsx scripts/corpus-report.ts ${id}\`) shows no false positive.
      config: null,
      fileKinds: ["${kind}"],
      // Equivalent checks of other tools, also mapped in lib/peers/peer-checks.ts.
      peers: [],
    },
    schema: [],
    messages: {
      todo: "TODO: what is wrong, why it matters, and what to write instead.",
    },
  },
  create(context) {
    return {
      ${template.listener}(${template.node}) {
        if (isReported(${template.node})) ${template.report}
      },
    };
  },
});
`;

  const test = `import rule from "../../rules/${id}.js";
import { dedent } from "../support/dedent.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("${kind}").run("${id}", rule, {
  valid: [
    ${dedented(template.valid, "    ")},
  ],
  invalid: [
    // TODO: the case that made you write the rule, and several other members of its kind:
    // { code: dedent\`…\`, errors: [{ messageId: "todo", line: 2, column: 1 }] },
  ],
});
`;

  const fence = (text: string) => `\`\`\`${template.sampleFence}\n${text}\`\`\``;
  const doc = `# docker/${id}

<!-- end auto-generated rule header -->

TODO: what the rule reports, in a sentence or two.

## Why

TODO: what goes wrong at build or run time, with the source that says so.

## Examples

### Incorrect

${fence(template.invalid)}

### Correct

${fence(template.valid)}

## When not to use it

TODO.

## Contract

TODO: what the rule reads (this file, the build context, the compose project), what it reports, and what
it leaves silent because it cannot know.

## Differences from peers

TODO: where hadolint, BuildKit's checks, dclint or KICS answer otherwise, and why; "None known" if none.

## Peer checks

None.
`;
  return [
    { path: `rules/${id}.ts`, content: rule },
    { path: `docs/rules/${id}.md`, content: doc },
    { path: `tests/rules/${id}.test.ts`, content: test },
  ];
}

/** The stand-in a dry run registers in place of the rule file it has not written: the skeleton's meta. */
function skeletonRule(id: string, kind: FileKind): AnyDockerRule {
  return {
    meta: { type: "problem", docs: { description: "TODO: what the rule disallows or requires, in one sentence", category: "hygiene", config: null, fileKinds: [kind], peers: [] }, schema: [], messages: { todo: "" } },
    create: () => ({}),
  } as unknown as AnyDockerRule;
}

/** The files `npm run new` writes or rewrites: the scaffold, then the generated sources that register it. */
export async function filesForNewRule(id: string, kind: FileKind, root = repoRoot): Promise<GeneratedFile[]> {
  const scaffold = scaffoldRule(id, kind);
  const generated = await generatedFiles({ [id]: skeletonRule(id, kind) });
  const changed = generated.filter((file) => {
    const target = path.join(root, file.path);
    return !existsSync(target) || readFileSync(target, "utf8") !== file.content;
  });
  return [...scaffold, ...changed];
}

async function main(args: readonly string[]): Promise<number> {
  const dryRun = args.includes("--dry-run");
  const [id, kindArgument = "dockerfile"] = args.filter((arg) => !arg.startsWith("--"));
  const kind = kindArgument as FileKind;
  if (id === undefined || !RULE_ID.test(id) || !KINDS.includes(kind)) {
    console.error("Usage: npm run new <rule-id> [dockerfile|compose|dockerignore] [--dry-run]   (rule-id: lowercase words joined by hyphens)");
    return 1;
  }
  const files = await filesForNewRule(id, kind);
  const existing = files.slice(0, 3).filter((file) => existsSync(path.join(repoRoot, file.path)));
  if (existing.length > 0) {
    console.error(`Not overwriting ${existing.map((file) => file.path).join(", ")}.`);
    return 1;
  }
  for (const file of files) {
    if (dryRun) {
      console.log(`--- ${file.path}\n${file.content}`);
      continue;
    }
    mkdirSync(path.dirname(path.join(repoRoot, file.path)), { recursive: true });
    writeFileSync(path.join(repoRoot, file.path), file.content);
    console.log(`wrote ${file.path}`);
  }
  if (!dryRun) {
    console.log(`
Next:
  1. Write the judgement in rules/${id}.ts (knowledge goes in a data table; see CONTRIBUTING.md).
  2. Tests: npx vitest run tests/rules/${id}.test.ts   (the fast loop: npm run test:unit)
  3. The doc's samples are linted by tests/docs.test.ts: npx vitest run tests/docs.test.ts -t ${id}
  4. What it reports on real files: npx tsx scripts/corpus-report.ts ${id}
  5. npm run update (README table, the doc's header, the config lists once meta.docs.config is set)`);
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = await main(process.argv.slice(2));
