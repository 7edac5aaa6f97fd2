/**
 * Is an image reference pinned? Shared by `require-image-tag` (FROM lines and compose `image:`).
 */
import type { ParsedImageReference } from "../../dockerfile/image-reference.js";
import { imageFamily, readTag } from "./image-families.js";

/** How precise a tag must be: any tag that is not floating, or one that names at least major.minor. */
export type TagPrecision = "any" | "minor";

/**
 * Words that name a moving target rather than a release, whether alone (`latest`) or as the first part
 * of a tag (`lts-alpine`, `stable-slim`, `mainline-bookworm`).
 */
const FLOATING_TAG_WORDS: ReadonlySet<string> = new Set([
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

/**
 * Whether a tag names a version at all, read with the image family's tag conventions
 * (`image-families.ts`): the first part is the version (`20`, `3.12.1`, `v1.2`) or a name the family
 * uses for a version line (`node:iron`, `debian:bookworm`). A tag made only of variant words
 * (`golang:alpine`, `node:slim`, `node:bookworm` — the Node.js version still floats —,
 * `python:current`, `docker:dind`) names none: it moves to every new release, like `latest`. For an
 * image the table does not know, a tag without any digit that is not a distribution codename
 * (`buildpack-deps:bookworm` is a line) names none either.
 */
function namesVersion(reference: Pick<ParsedImageReference, "registry" | "path">, tag: string): boolean {
  const family = reference.path === "" ? null : imageFamily(reference);
  const reading = readTag(family, tag);
  if (reading.version !== null) return true;
  return family === null && /\d/u.test(tag);
}

/**
 * The problem with an image's tag, or null when it is pinned enough for `precision`. With `registry`
 * and `path` (a parsed reference), the tag's structure is read with the image family's conventions
 * (`namesVersion`); without them only the floating words are known.
 */
export function tagProblem(
  reference: Pick<ParsedImageReference, "tag" | "digest"> & Partial<Pick<ParsedImageReference, "registry" | "path">>,
  precision: TagPrecision,
): TagProblem | null {
  // A digest pins the image whatever the tag says.
  if (reference.digest !== null) return null;
  const tag = reference.tag;
  if (tag === null || tag === "") return { kind: "missing" };
  const firstWord = tag.toLowerCase().split(/[-_]/u)[0] ?? "";
  if (FLOATING_TAG_WORDS.has(firstWord)) return { kind: "floating", tag };
  if (reference.path !== undefined && !namesVersion({ registry: reference.registry ?? null, path: reference.path }, tag)) return { kind: "floating", tag };
  if (precision === "minor" && !MAJOR_MINOR.test(tag) && !DATE.test(tag) && !COMMIT.test(tag)) return { kind: "imprecise", tag };
  return null;
}
