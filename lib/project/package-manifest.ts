/**
 * What a build context's `package.json` declares, read through the project model's FileCache (once
 * per file version, never written). Used to tell whether an install that keeps devDependencies
 * actually installs any: https://docs.npmjs.com/cli/configuring-npm/package-json#devdependencies.
 */
import { joinedPath } from "./resolved-path.js";
import { FileCache } from "./file-cache.js";

export interface PackageManifest {
  /** Names under `devDependencies` (empty when the field is absent or not an object). */
  devDependencies: string[];
}

const manifests = new FileCache<PackageManifest | null>((text) => {
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== "object" || json === null) return null;
    const dev = (json as { devDependencies?: unknown }).devDependencies;
    return { devDependencies: typeof dev === "object" && dev !== null ? Object.keys(dev) : [] };
  } catch {
    return null;
  }
});

/** The `package.json` in `dir`, or null when there is none, it cannot be read, or it is not JSON. */
export function readPackageManifest(dir: string): PackageManifest | null {
  return manifests.get(joinedPath(dir, "package.json"));
}
