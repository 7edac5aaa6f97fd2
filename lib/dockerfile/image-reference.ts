/**
 * Docker image references: `[registry[:port]/]path[:tag][@digest]` (distribution/reference grammar),
 * as written in a FROM, possibly with `$VAR`/`${VAR…}` parts.
 */
import type { Range } from "../utils/range.js";
import { evaluateWord, scanVariables, type ScannedVariable, type VariableLookup } from "./variables.js";

export interface ParsedImageReference {
  raw: string;
  registry: string | null;
  registryRange: Range | null;
  /** The repository path as written (`node`, `library/node`, `org/app`). */
  path: string;
  pathRange: Range;
  tag: string | null;
  tagRange: Range | null;
  /** `sha256:…`, without the `@`. */
  digest: string | null;
  digestRange: Range | null;
  /** Offsets shifted by `offset` like the ranges. */
  variables: ScannedVariable[];
  /** `scratch`: the empty base image. */
  isScratch: boolean;
}

/**
 * Split a reference into its parts. Pure: `offset` is added to every range (pass the reference's
 * offset in the source to get source ranges). Separators (`/ : @`) inside a `${…}` do not count.
 * The registry is the first `/`-separated component when it contains `.` or `:`, is `localhost`,
 * or is not all lowercase (`ParseNormalizedNamed`'s rule, applied to the text as written).
 */
export function parseImageReference(raw: string, offset = 0, escapeChar = "\\"): ParsedImageReference {
  const { variables } = scanVariables(raw, escapeChar);
  const masked = new Uint8Array(raw.length);
  for (const variable of variables) masked.fill(1, variable.start, variable.end);
  const isSeparator = (index: number, ch: string): boolean => raw[index] === ch && masked[index] === 0;

  let restEnd = raw.length;
  let digest: string | null = null;
  let digestRange: Range | null = null;
  for (let i = 0; i < raw.length; i++) {
    if (isSeparator(i, "@")) {
      digest = raw.slice(i + 1);
      digestRange = [offset + i + 1, offset + raw.length];
      restEnd = i;
      break;
    }
  }

  let lastSlash = -1;
  for (let i = restEnd - 1; i >= 0; i--) {
    if (isSeparator(i, "/")) {
      lastSlash = i;
      break;
    }
  }
  let nameEnd = restEnd;
  let tag: string | null = null;
  let tagRange: Range | null = null;
  for (let i = restEnd - 1; i > lastSlash; i--) {
    if (isSeparator(i, ":")) {
      tag = raw.slice(i + 1, restEnd);
      tagRange = [offset + i + 1, offset + restEnd];
      nameEnd = i;
      break;
    }
  }

  let registry: string | null = null;
  let registryRange: Range | null = null;
  let pathStart = 0;
  for (let i = 0; i < nameEnd; i++) {
    if (isSeparator(i, "/")) {
      const component = raw.slice(0, i);
      if (component.includes(".") || component.includes(":") || component === "localhost" || component.toLowerCase() !== component) {
        registry = component;
        registryRange = [offset, offset + i];
        pathStart = i + 1;
      }
      break;
    }
  }

  return {
    raw,
    registry,
    registryRange,
    path: raw.slice(pathStart, nameEnd),
    pathRange: [offset + pathStart, offset + nameEnd],
    tag,
    tagRange,
    digest,
    digestRange,
    variables: variables.map((variable) => ({
      ...variable,
      start: variable.start + offset,
      end: variable.end + offset,
      nameStart: variable.nameStart + offset,
      nameEnd: variable.nameEnd + offset,
      argumentStart: variable.argumentStart < 0 ? -1 : variable.argumentStart + offset,
      argumentEnd: variable.argumentEnd < 0 ? -1 : variable.argumentEnd + offset,
    })),
    isScratch: raw === "scratch",
  };
}

export type ResolvedImageReference =
  | { ok: true; value: string; unresolved: string[]; reference: ParsedImageReference }
  | { ok: false; error: string };

/**
 * Substitute variables the way Docker does for FROM (unset → empty) and parse the result; e.g. with
 * the ARG defaults in scope before the FROM as `lookup`. `unresolved` lists variables that were not set.
 */
export function resolveImageReference(raw: string, lookup: VariableLookup, escapeChar = "\\"): ResolvedImageReference {
  try {
    const { value, unresolved } = evaluateWord(raw, escapeChar, lookup);
    return { ok: true, value, unresolved, reference: parseImageReference(value, 0, escapeChar) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The fully qualified name Docker pulls (`node` → `docker.io/library/node`), without tag or digest.
 * Meaningful only for a reference without variables.
 */
export function normalizedImageName(reference: Pick<ParsedImageReference, "registry" | "path">): string {
  const registry = reference.registry === null || reference.registry === "index.docker.io" ? "docker.io" : reference.registry;
  const path = registry === "docker.io" && !reference.path.includes("/") ? `library/${reference.path}` : reference.path;
  return `${registry}/${path}`;
}
