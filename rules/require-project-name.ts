import path from "node:path";
import {
  composeFileList,
  DEFAULT_FILE_NAMES,
  DEFAULT_OVERRIDE_FILE_NAMES,
  defaultPartner,
  includedFiles,
  projectDotEnv,
  readComposeFile,
} from "../lib/project/compose-project.js";
import { defineComposeProjectVisitor } from "../lib/languages/compose/visitors.js";
import { isDevelopmentComposeFile } from "../lib/semantics/services/service-role.js";
import type { ComposeFile } from "../lib/compose/types.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { createRule } from "../lib/utils/create-rule.js";

/** compose-go `loader.NormalizeProjectName`: lower case, only `a-z0-9_-`, no leading `_` or `-`. */
function normalizeProjectName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_-]/gu, "").replace(/^[_-]+/u, "");
}

/** The name as a YAML string: quoted when a plain scalar would read as a number, boolean or null. */
function yamlString(name: string): string {
  return /^[a-z]/u.test(name) && !/^(?:true|false|null|yes|no|on|off|y|n)$/u.test(name) ? name : `"${name}"`;
}

/** Whether a compose file of `folder` (the default names) includes `file` with `include:`. */
function includedFromFolder(folder: string, file: string): boolean {
  for (const name of DEFAULT_FILE_NAMES) {
    const other = path.join(folder, name);
    if (other === file) continue;
    const model = readComposeFile(other);
    if (model?.documents.some((document) => includedFiles(document, other).some((include) => include.path === file))) return true;
  }
  return false;
}

/**
 * Why the file is not the first file of its project, or null when it is (or may be: a file not on
 * disk is taken alone). The project name is read from the first file Compose loads; the others (the
 * default override file, an overlay for `-f base -f overlay`, a later `COMPOSE_FILE` entry, an
 * `include:`d file, whose own `name` Compose ignores) need none.
 */
function notMainFile(file: string, overlay: boolean): boolean {
  if (!path.isAbsolute(file)) return false;
  const base = path.basename(file);
  if ((DEFAULT_OVERRIDE_FILE_NAMES as readonly string[]).includes(base)) return true;
  // `compose.prod.yaml`: usually merged over a base; when it runs alone it cannot be told apart.
  if (overlay) return true;
  // Dev Containers and development overlays: the tool that starts them names the project.
  if (isDevelopmentComposeFile(file)) return true;
  const listed = composeFileList(projectDotEnv(file));
  if (listed && listed.indexOf(file) > 0) return true;
  const dir = path.dirname(file);
  return includedFromFolder(dir, file) || includedFromFolder(path.dirname(dir), file);
}

/** Whether the project gets a name without this file's `name:`: `COMPOSE_PROJECT_NAME` in the `.env`, or `name:` in the default override file. */
function namedElsewhere(file: string): boolean {
  if (!path.isAbsolute(file)) return false;
  if (projectDotEnv(file)?.variables.has("COMPOSE_PROJECT_NAME")) return true;
  const partner = defaultPartner(file);
  if (partner === null || partner === "unknown" || partner.role !== "override") return false;
  return readComposeFile(partner.path)?.documents.some((document) => document.name !== null || document.fields.has("name")) ?? false;
}

export default createRule<ComposeRuleTypes<[], "missing" | "addName">>("require-project-name", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require a top-level `name` in a project's main compose file, so the project name does not depend on the folder it is run from",
      category: "compose",
      config: "strict",
      fileKinds: ["compose"],
      peers: ["dclint require-project-name-field"],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      missing:
        "The compose file has no top-level name: Compose names the project (and so its containers, networks and volumes) after the folder it runs in, so a clone in another folder gets a second, empty set of volumes. Add name: <project>.",
      addName: "Add `name: {{name}}` (the name Compose gives the project today, from its folder).",
    },
  },
  create(context) {
    const file = context.physicalFilename;
    return defineComposeProjectVisitor(context, {
      onDocument({ model, project }) {
        // One finding per file: on its first mapping document.
        if (model.documents[0] !== model) return;
        if (model.documents.some((other: ComposeFile) => other.name !== null || other.fields.has("name"))) return;
        if (notMainFile(file, project.overlay) || namedElsewhere(file)) return;
        const first = model.root.pairs[0];
        const node = first?.key ?? model.root;
        const name = path.isAbsolute(file) ? normalizeProjectName(path.basename(path.dirname(file))) : "";
        const column = first ? first.loc.start.column : 0;
        context.report({
          loc: node.loc,
          messageId: "missing",
          // A suggestion: a fixed name stops `-p`-less runs from other folders from getting their own project.
          suggest:
            name !== "" && first && column === 0 && model.root.style === "block"
              ? [{ messageId: "addName", data: { name: yamlString(name) }, fix: (fixer) => fixer.insertTextBeforeRange(first.range, `name: ${yamlString(name)}\n`) }]
              : [],
        });
      },
    });
  },
});
