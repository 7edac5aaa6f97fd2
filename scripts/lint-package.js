// `npm run lint:package`: checks the tarball npm would publish (`npm pack`, without `prepack`: run it
// after the build), not the working tree: publint (package.json fields against the packed files, strict)
// and @arethetypeswrong/cli (how TypeScript resolves each entry point, in every resolution mode).
//
// attw's one ignored rule is `cjs-resolves-to-esm`: the package is ESM only on purpose (`"type": "module"`,
// no CommonJS build). Every Node version in `engines` (^20.19, ^22.13, >=24) can `require()` it, but attw's
// bundled TypeScript (5.6) models a CommonJS importer as able to reach ESM by `import()` only. The rest
// stays checked, node10 resolution included (`typesVersions` maps the `/parser` subpath for it), which is
// why this is `--ignore-rules cjs-resolves-to-esm` rather than `--profile esm-only` (which skips node10).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The JavaScript file of a dev dependency's command, run with this Node (no shell, no npx). */
function bin(packageName, command) {
  const packageDir = path.join(repoRoot, "node_modules", packageName);
  const { bin: bins } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8"));
  return path.join(packageDir, typeof bins === "string" ? bins : bins[command]);
}

const dir = mkdtempSync(path.join(os.tmpdir(), "docker-policy-pack-"));
try {
  const packed = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], {
    cwd: repoRoot,
    encoding: "utf8",
    shell: process.platform === "win32",
  });
  const tarball = path.join(dir, JSON.parse(packed)[0].filename);
  execFileSync(process.execPath, [bin("publint", "publint"), "run", tarball, "--strict"], { stdio: "inherit" });
  execFileSync(process.execPath, [bin("@arethetypeswrong/cli", "attw"), tarball, "--ignore-rules", "cjs-resolves-to-esm", "--format", "table-flipped"], {
    stdio: "inherit",
  });
} catch (error) {
  // A tool that ran printed what is wrong (exit with its status); anything else is printed here.
  if (typeof error.status !== "number") console.error(error);
  process.exitCode = typeof error.status === "number" ? error.status : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
