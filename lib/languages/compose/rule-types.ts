import type { SourceCode } from "@eslint/core";
import type { AST } from "yaml-eslint-parser";
import path from "node:path";
import { getComposeDocuments } from "../../compose/model.js";
import { projectDotEnv } from "../../project/compose-project.js";
import type { ComposeFile } from "../../compose/types.js";

/**
 * Compose rules listen for `YAMLDocument` (a node type only YAML files have, so a rule that also has
 * Dockerfile listeners never mistakes one Program for the other) and read the compose model, never
 * our SourceCode: under eslint-plugin-yml's language they run unchanged.
 */
export interface ComposeVisitor {
  YAMLDocument?: (node: AST.YAMLDocument) => void;
}

export interface ComposeRuleTypes<Options extends unknown[], MessageIds extends string> {
  Options: Options;
  MessageIds: MessageIds;
  Code: SourceCode;
  Visitor: ComposeVisitor;
}

/**
 * The compose model of `document`, when it is a mapping document, interpolated with the `.env` of the
 * project of `filename` (`context.physicalFilename`; a name that is not an absolute path has no project
 * and no `.env`). Each mapping document has its model; `model.documents` holds them all.
 */
export function composeModelOfDocument(document: AST.YAMLDocument, filename: string): ComposeFile | null {
  const program = document.parent;
  if (program?.type !== "Program") return null;
  const dotEnv = path.isAbsolute(filename) ? projectDotEnv(filename) : null;
  return getComposeDocuments(program, dotEnv).find((model) => model.document === document) ?? null;
}
