import type { SourceCode } from "@eslint/core";
import type { AST } from "yaml-eslint-parser";
import { getComposeModel } from "../../compose/model.js";
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

/** The compose model of the file, when `document` is the document it reads (the first mapping one). */
export function composeModelForDocument(document: AST.YAMLDocument): ComposeFile | null {
  const program = document.parent;
  if (program?.type !== "Program") return null;
  const model = getComposeModel(program);
  return model?.document === document ? model : null;
}
