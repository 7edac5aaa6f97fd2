/** The Dockerfile parser's public API. */
export type * from "./ast.js";
export { parseDockerfile } from "./parse.js";
export { visitorKeys } from "./visitor-keys.js";
export { parseForESLint, parse, DockerfileParseError, type ESLintComment, type ESLintDockerfileProgram, type ParseForESLintResult } from "./parse-for-eslint.js";
export { toSourceOffset, toSourceStartOffset, toSourceRange, sliceShellText, contiguousShellText } from "./shell-text.js";
export { parseImageReference, resolveImageReference, normalizedImageName, type ParsedImageReference, type ResolvedImageReference } from "./image-reference.js";
export { scanVariables, evaluateWord, type VariableLookup, type Evaluation, type ScannedVariable } from "./variables.js";
export { flattenVariables, allInstructions } from "./ast-helpers.js";
export { LINE_ENDING_PATTERN, createLineTable, positionAt, type LineTable } from "./positions.js";
