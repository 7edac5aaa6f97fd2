import type { DockerignoreNode, DockerignoreNodeType } from "../../dockerignore/ast.js";
import type { DockerignoreSourceCode } from "./dockerignore-source-code.js";

type NodeOfType<T extends DockerignoreNodeType> = Extract<DockerignoreNode, { type: T }>;

/** Listeners a `.dockerignore` rule may return, typed by node type. */
export type DockerignoreVisitor = {
  [T in DockerignoreNodeType]?: (node: NodeOfType<T>) => void;
} & {
  [T in DockerignoreNodeType as `${T}:exit`]?: (node: NodeOfType<T>) => void;
};

export interface DockerignoreRuleTypes<Options extends unknown[], MessageIds extends string> {
  Options: Options;
  MessageIds: MessageIds;
  Code: DockerignoreSourceCode;
  Visitor: DockerignoreVisitor;
}
