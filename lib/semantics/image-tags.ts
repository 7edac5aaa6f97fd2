/**
 * Is an image reference pinned? Shared by `require-image-tag` (FROM lines and compose `image:`).
 */
import type { ParsedImageReference } from "../dockerfile/image-reference.js";

/** How precise a tag must be: any tag that is not floating, or one that names at least major.minor. */
export type TagPrecision = "any" | "minor";

/**
 * Words that name a moving target rather than a release, whether alone (`latest`) or as the first part
 * of a tag (`lts-alpine`, `stable-slim`, `mainline-bookworm`).
 */
export const FLOATING_TAG_WORDS: ReadonlySet<string> = new Set([
  "latest",
  "stable",
  "lts",
  "edge",
  "nightly",
  "current",
  "mainline",
  "rolling",
  "canary",
  "next",
  "unstable",
  "testing",
  "master",
  "main",
  "develop",
  "devel",
  "dev",
  "beta",
  "alpha",
  "preview",
  "snapshot",
  "insiders",
  "trunk",
  "head",
]);

export type TagProblem =
  | { kind: "missing" }
  | { kind: "floating"; tag: string }
  | { kind: "imprecise"; tag: string };

/** `20.11`, `3.12.1`, `v1.2`: a version with at least a minor part. */
const MAJOR_MINOR = /(?:^|[^\d.])v?\d+\.\d+/u;
/** `20240101`, `2024-01-01`, `2024.01.15`: dated builds (distribution snapshots) are pinned. */
const DATE = /(?:19|20)\d{2}[-.]?(?:0[1-9]|1[0-2])[-.]?(?:0[1-9]|[12]\d|3[01])/u;
/** `sha-1a2b3c4`, `git-0123abcd`: tags that name a commit. */
const COMMIT = /(?:^|[-_.])(?:sha|git|commit|g)[-_]?[0-9a-f]{7,40}(?:$|[-_.])/iu;

export function tagProblem(reference: Pick<ParsedImageReference, "tag" | "digest">, precision: TagPrecision): TagProblem | null {
  // A digest pins the image whatever the tag says.
  if (reference.digest !== null) return null;
  const tag = reference.tag;
  if (tag === null || tag === "") return { kind: "missing" };
  const firstWord = tag.toLowerCase().split(/[-_]/u)[0] ?? "";
  if (FLOATING_TAG_WORDS.has(firstWord)) return { kind: "floating", tag };
  if (precision === "minor" && !MAJOR_MINOR.test(tag) && !DATE.test(tag) && !COMMIT.test(tag)) return { kind: "imprecise", tag };
  return null;
}
