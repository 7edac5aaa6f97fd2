/**
 * The repository's own door into the plugin's modules: `npm run build` bundles this file into
 * dist/internal/index.js (not published), which the bench (bench/corpus-lint.js, bench/compose-services.js)
 * and the doc generator's config (.eslint-doc-generatorrc.js) import. The published entry points are
 * bundles too, so their inner modules have no files of their own to import.
 */
export { FILES } from "../lib/configs/files.js";
export { parseDockerfile } from "../lib/dockerfile/parse.js";
export { parseComposeText } from "../lib/compose/parse.js";
export { isDockerfileName } from "../lib/project/dockerfile-names.js";
export { posixShellText } from "../lib/semantics/run/run-shell.js";
export { parseShell } from "../lib/shell/index.js";
export { CATEGORY_TITLES } from "../lib/utils/rule-docs.js";
