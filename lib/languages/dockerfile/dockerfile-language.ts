import type { File, Language, OkParseResult, ParseResult } from "@eslint/core";
import type { DockerfileNode, DockerfileProgram } from "../../dockerfile/ast.js";
import { parseDockerfile } from "../../dockerfile/parse.js";
import { visitorKeys } from "../../dockerfile/visitor-keys.js";
import { DockerfileSourceCode } from "./dockerfile-source-code.js";
import type { VisitorKeys } from "../shared/syntax.js";
import { acceptAnyLanguageOptions, fileText } from "../shared/language-helpers.js";

/** `docker/dockerfile`: Dockerfiles and Containerfiles. */
export const dockerfileLanguage = {
  fileType: "text",
  lineStart: 1,
  columnStart: 0,
  nodeTypeKey: "type",
  // ESLint types visitor keys as mutable arrays; it never writes to them.
  visitorKeys: visitorKeys as unknown as VisitorKeys,
  defaultLanguageOptions: {},
  validateLanguageOptions: acceptAnyLanguageOptions,
  parse(file: File): ParseResult<DockerfileProgram> {
    const result = parseDockerfile(fileText(file));
    return result.ok ? { ok: true, ast: result.ast } : { ok: false, errors: result.errors };
  },
  createSourceCode(file: File, parseResult: OkParseResult<DockerfileProgram>): DockerfileSourceCode {
    return new DockerfileSourceCode({ text: fileText(file), ast: parseResult.ast, hasBOM: file.bom });
  },
} satisfies Language<{ LangOptions: Record<string, unknown>; Code: DockerfileSourceCode; RootNode: DockerfileProgram; Node: DockerfileNode }>;
