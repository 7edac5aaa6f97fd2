/** The Dockerfile parser's public API. */
export type * from "./ast.js";
export { parseDockerfile } from "./parse.js";
export { evaluateWord } from "./variables.js";
export { allInstructions } from "./ast-helpers.js";
