import type { DockerfileNode, DockerfileNodeType } from "../../dockerfile/ast.js";
import type { DockerfileSourceCode } from "./dockerfile-source-code.js";

type NodeOfType<T extends DockerfileNodeType> = Extract<DockerfileNode, { type: T }>;

/** Listeners a Dockerfile rule may return, typed by node type (`Run`, `From:exit`…). */
export type DockerfileVisitor = {
  [T in DockerfileNodeType]?: (node: NodeOfType<T>) => void;
} & {
  [T in DockerfileNodeType as `${T}:exit`]?: (node: NodeOfType<T>) => void;
};

export interface DockerfileRuleTypes<Options extends unknown[], MessageIds extends string> {
  Options: Options;
  MessageIds: MessageIds;
  Code: DockerfileSourceCode;
  Visitor: DockerfileVisitor;
}
