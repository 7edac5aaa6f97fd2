/**
 * The shared openings of compose rules, so that a rule is its judgement and its messages (as
 * eslint-plugin-regexp's `defineRegexpVisitor` hands each rule its parsed context in one call).
 *
 * When a rule reads the file, and when the project:
 * - `defineComposeFileVisitor`: the linted document alone. For rules that judge what a value *says*
 *   (`privileged: true`, a capability, a host mount, an image tag): the value and its node are in the
 *   linted file whatever else the project adds, and each file of a project reports its own values.
 * - `defineComposeProjectVisitor`: the document with its project (the files Compose merges with it:
 *   override, `include`, `extends`, the `.env`). For rules that judge an *absence* or a combination
 *   across services or files (no restart policy, no limits, a dependency without a health check, a
 *   port or container name used twice, a reference to something defined elsewhere): the linted file
 *   alone may not hold the answer. Each service comes with its merged view (`ProjectService`: its
 *   layers in merge order, read with `effectivePath`, `mergedItems`…).
 * Both report on nodes of the linted document only, and work under eslint-plugin-yml's language too
 * (they read `YAMLDocument` nodes through the compose model, never our SourceCode).
 *
 * The model and project of a document are computed once per parsed file and shared by all rules.
 */
import path from "node:path";
import type { AST } from "yaml-eslint-parser";
import type { ComposeFile, ComposeService } from "../../compose/types.js";
import { getComposeProject, type ComposeProject, type ProjectService } from "../../project/compose-project.js";
import { firstSighting } from "./rule-support.js";
import { composeModelOfDocument, type ComposeVisitor } from "./rule-types.js";

/** What a compose rule's context offers the visitors. */
interface ComposeRuleContextLike {
  readonly physicalFilename: string;
}

/** One document of the linted file, as a file rule sees it. */
export interface ComposeFileVisit {
  readonly document: AST.YAMLDocument;
  /** The document's compose model (values interpolated with the project's `.env`). */
  readonly model: ComposeFile;
  /**
   * True the first time this rule asks about `node` in this document, false after: a value shared
   * through a YAML anchor is seen by every service that merges it, and is reported once.
   */
  readonly firstSighting: (node: object) => boolean;
}

/** One document of the linted file with the project it belongs to. */
export interface ComposeProjectVisit extends ComposeFileVisit {
  readonly project: ComposeProject;
}

export interface ComposeFileHandlers {
  /** Once per mapping document of the file, before its services. */
  onDocument?(visit: ComposeFileVisit): void;
  /** Each service the document declares (`services:` of this document, in order). */
  onService?(service: ComposeService, visit: ComposeFileVisit): void;
}

export interface ComposeProjectHandlers {
  /** Once per mapping document of the file, before its services. */
  onDocument?(visit: ComposeProjectVisit): void;
  /**
   * Each service the document declares, with the service as Compose runs it (every layer of the project
   * merged); `merged` is undefined when a later file or document removes the service (`!reset`).
   */
  onService?(service: ComposeService, merged: ProjectService | undefined, visit: ComposeProjectVisit): void;
}

const projects = new WeakMap<AST.YAMLDocument, { filename: string; model: ComposeFile; project: ComposeProject | null }>();

/** The model of `document` and, on demand, its project; cached per document (one per parsed file and lint). */
function documentModels(document: AST.YAMLDocument, filename: string, withProject: boolean): { model: ComposeFile; project: ComposeProject | null } | null {
  let entry = projects.get(document);
  if (!entry || entry.filename !== filename) {
    const model = composeModelOfDocument(document, filename);
    if (!model) return null;
    entry = { filename, model, project: null };
    projects.set(document, entry);
  }
  // `<input>`/`<text>` (stdin, RuleTester without filename): no folder to look around.
  if (withProject && !entry.project) entry.project = getComposeProject(entry.model, path.isAbsolute(filename) ? filename : "<text>");
  return entry;
}

/** A visitor for a rule that judges the linted document alone (see the module comment). */
export function defineComposeFileVisitor(context: ComposeRuleContextLike, handlers: ComposeFileHandlers): ComposeVisitor {
  return {
    YAMLDocument(document) {
      const models = documentModels(document, context.physicalFilename, false);
      if (!models) return;
      const visit: ComposeFileVisit = { document, model: models.model, firstSighting: firstSighting() };
      handlers.onDocument?.(visit);
      if (handlers.onService) for (const service of visit.model.services.values()) handlers.onService(service, visit);
    },
  };
}

/** A visitor for a rule that judges services as the project runs them (see the module comment). */
export function defineComposeProjectVisitor(context: ComposeRuleContextLike, handlers: ComposeProjectHandlers): ComposeVisitor {
  return {
    YAMLDocument(document) {
      const models = documentModels(document, context.physicalFilename, true);
      if (!models?.project) return;
      const visit: ComposeProjectVisit = { document, model: models.model, project: models.project, firstSighting: firstSighting() };
      handlers.onDocument?.(visit);
      if (!handlers.onService) return;
      for (const service of visit.model.services.values()) handlers.onService(service, visit.project.services.get(service.name), visit);
    },
  };
}
