// The files of a folder tree, for the bench scripts that walk the shared corpus.
import { readdirSync } from "node:fs";
import path from "node:path";

/** Every file below `dir` (absolute paths), depth first. */
export function listFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(full));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}
