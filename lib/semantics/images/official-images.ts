import type { ParsedImageReference } from "../../dockerfile/image-reference.js";
import { normalizedImageName } from "../../dockerfile/image-reference.js";

/**
 * Docker Official Images (`docker.io/library/*`: `postgres`, `redis`, `node`…). Their maintainers
 * deliberately ship no HEALTHCHECK (none of the 27 official-image repositories in our corpus has one),
 * so an image from there is known to have none; any other image may.
 */
export function isOfficialImage(reference: Pick<ParsedImageReference, "registry" | "path">): boolean {
  return normalizedImageName(reference).startsWith("docker.io/library/");
}
