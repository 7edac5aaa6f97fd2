/**
 * The compose model shared by every compose rule. Build it with `getComposeModel(program)` from any
 * `yaml-eslint-parser` AST (our `docker/compose` language or eslint-plugin-yml).
 */
export {
  asBoolean,
  describeOrigins,
  getComposeDocuments,
  getComposeModel,
  getServiceField,
  getServicePath,
  getServiceScalar,
  getServiceScalarList,
  isExtensionKey,
  toScalarValue,
} from "./model.js";
export { hasInterpolation, interpolate } from "./interpolate.js";
export { parseEnvFile } from "./env-file.js";
export type { DotEnv, EnvFileVariable } from "./env-file.js";
export { parseCompose } from "./parse.js";
export type { ParseComposeResult } from "./parse.js";
export type { Environment, InterpolationResult } from "./interpolate.js";
export { parsePortSpec, parseVolumeSpec } from "./short-syntax.js";
export type { ParsedPortSpec, ParsedVolumeSpec, PortRange } from "./short-syntax.js";
export {
  findAnchor,
  getEntry,
  getEntryAtPath,
  getMappingDiagnostics,
  getMappingEntries,
  getScalarContentRange,
  getScalarSourceRange,
  getSequenceItems,
  keyText,
  resolveNode,
  scalarText,
} from "./yaml.js";
export type { MappingEntry, ResolvedNode, YAMLDiagnostic, YAMLDiagnosticKind, YAMLValueNode } from "./yaml.js";
export type * from "./types.js";
