/**
 * What a `FROM --platform=…` flag asks for. Shared by `no-constant-platform` and
 * `no-redundant-target-platform`. BuildKit expands the flag with the global ARGs and the automatic
 * platform ARGs (https://docs.docker.com/reference/dockerfile/#automatic-platform-args-in-the-global-scope).
 */
import type { Flag, From } from "../../dockerfile/ast.js";

export type PlatformRequest =
  /** Written without any variable (`linux/amd64`): pins every build of the stage to one platform. */
  | { kind: "constant"; value: string }
  /**
   * Only `$TARGETPLATFORM` (also `${TARGETPLATFORM}`, `${TARGETPLATFORM:-…}`, quoted): BuildKit always
   * sets it, so the default (a `:-`/`-` fallback never applies) and the flag changes nothing.
   */
  | { kind: "target-platform" }
  /** Anything else with variables (`$BUILDPLATFORM`, `${TARGETOS}/${TARGETARCH}`): decided per build. */
  | { kind: "variable" };

/** The `--platform` flag of a FROM (the last one when repeated, as BuildKit reads flags), or null. */
export function platformFlag(from: From): Flag | null {
  return from.flags.findLast((flag) => flag.name === "platform") ?? null;
}

/**
 * Classifies a `--platform` flag. `sourceText` is the file's text (to compare a variable reference's
 * extent with the whole value). Null when the flag has no value (`--platform` alone: a parse problem
 * for BuildKit, not a platform request).
 */
export function platformRequest(flag: Flag, sourceText: string): PlatformRequest | null {
  const value = flag.value;
  if (!value || value.value === "") return null;
  if (value.variables.length === 0) return { kind: "constant", value: value.value };
  const [only] = value.variables;
  if (
    value.variables.length === 1 &&
    only &&
    only.name === "TARGETPLATFORM" &&
    (only.modifier === null || only.modifier === ":-" || only.modifier === "-") &&
    sourceText.slice(only.range[0], only.range[1]) === value.value
  ) {
    return { kind: "target-platform" };
  }
  return { kind: "variable" };
}
