/** `.dockerignore`: parser, Docker's matcher, and pattern checks. */
export type { DockerignoreProgram, Pattern } from "./ast.js";
export { parseDockerignore } from "./parse.js";
export { visitorKeys } from "./visitor-keys.js";
export { createIgnoreMatcher, createIgnoreMatcherFromText } from "./matcher.js";
export type { IgnoreMatcher } from "./matcher.js";
export { checkGlobSyntax } from "./pattern.js";
export { validateDockerignore } from "./validate.js";
