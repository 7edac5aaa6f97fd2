/** `.dockerignore`: parser, Docker's matcher, and pattern checks. */
export type { Comment, DockerignoreNode, DockerignoreProgram, ParseDockerignoreResult, Pattern, Position, Range, SourceLocation } from "./ast.js";
export { normalizePattern, parseDockerignore } from "./parse.js";
export { visitorKeys } from "./visitor-keys.js";
export { createIgnoreMatcher, createIgnoreMatcherFromText, normalizeContextPath } from "./matcher.js";
export type { IgnoreDecision, IgnoreMatcher, MatcherPattern } from "./matcher.js";
export { checkGlobSyntax, compilePattern, compileToGoRegExp, matchCompiled } from "./pattern.js";
export { compileGlobProgram, runGlobProgram } from "./glob-program.js";
export type { GlobProgram, GlobProgramError } from "./glob-program.js";
export type { CompiledPattern, GlobSyntaxError, MatchType } from "./pattern.js";
export { validateDockerignore, validatePattern } from "./validate.js";
export type { DockerignoreProblem, DockerignoreProblemKind } from "./validate.js";
export { goClean, goTrimSpace, isGoSpace } from "./go-path.js";
