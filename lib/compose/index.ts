/**
 * The compose model shared by every compose rule. Build it with `getComposeModel(program)` from any
 * `yaml-eslint-parser` AST (our `docker/compose` language or eslint-plugin-yml).
 */
export {
  asBoolean,
  getComposeModel,
  getServiceField,
  getServicePath,
  getServiceScalar,
  getServiceScalarList,
} from "./model.js";
export { interpolate } from "./interpolate.js";
export { parseCompose } from "./parse.js";
export { parsePortSpec, parseVolumeSpec } from "./short-syntax.js";
export {
  getScalarSourceRange,
} from "./yaml.js";
export type * from "./types.js";
