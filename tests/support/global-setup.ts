/**
 * The integration tests lint through the built package (as a user's project would, by its name), so
 * dist/ must match the sources. `npm test` builds first; a plain `vitest` run rebuilds when dist/ is
 * missing or older than a source file.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const repoRoot = path.resolve(import.meta.dirname, "../..");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const built = path.join(repoRoot, "dist/lib/index.js");
  const sources = Math.max(newestMtime(path.join(repoRoot, "lib")), newestMtime(path.join(repoRoot, "rules")));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  execFileSync(process.execPath, [path.join(repoRoot, "scripts/build.js")], { cwd: repoRoot, stdio: "inherit" });
}
