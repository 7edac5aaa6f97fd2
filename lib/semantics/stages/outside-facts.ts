/**
 * Under which version of the world outside a Dockerfile its models were computed. Most models of a
 * parsed Dockerfile (its stages, RUN scripts, variables) follow from its text alone and stay right as
 * long as the AST lives. A few also read the project around it through lib/project: the compose builds
 * of the file (`composeBuildTarget`), the named contexts they declare (`stageReferences` with a
 * filename) and what the application stage is (`shippedApplicationStage`). Those keep, beside their
 * answer, the version this module gives, and compute again under another.
 *
 * Why: the Dockerfile language gives back the same AST for the same (filename, text), so that an
 * editor linting an unchanged file again reuses every model (lib/languages/shared/parse-cache.ts). An
 * edit to `compose.yaml` (a new `build.target`, `additional_contexts`, a service that builds the file)
 * leaves the Dockerfile's text as it was; the file-system facts' version (`factsVersion`: a new one per
 * window of `FRESH_FOR_MS` and at `forgetFileSystemFacts`) is what tells the models apart.
 *
 * The version is taken once per lint (`startLint`, when ESLint makes the file's SourceCode), so every rule
 * of one lint sees the same answers even if a window passes during it. An AST no lint started (one
 * lib/project parsed from disk for a compose file's build, or a test's) follows the current version.
 */
import { factsVersion } from "../../project/fs-snapshot.js";

const lintVersions = new WeakMap<object, number>();

/** Records, as a lint of `root` (a parsed file) starts, the file-system facts' version its project-derived models must match. */
export function startLint(root: object): void {
  lintVersions.set(root, factsVersion());
}

/** The version a model of `root` derived from the project around it must have been computed under to be reused. */
export function outsideFactsVersion(root: object): number {
  return lintVersions.get(root) ?? factsVersion();
}
