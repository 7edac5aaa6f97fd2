// `npm run build`: the package as published. tsc type-checks lib/ and rules/ and emits only the
// declarations (dist/lib/**/*.d.ts, dist/rules/**/*.d.ts: `exports` and `types` point into them); esbuild
// then bundles our own modules into the two entry points `exports` names, dist/lib/index.js and
// dist/lib/dockerfile/parse-for-eslint.js, with the modules both use in one shared chunk under
// dist/lib/chunks/ (one copy of each module, so the plugin and `./parser` share their state).
//
// Why a bundle: loading ~260 small ES modules (resolve, read, link each) was most of the plugin's import
// time; one file imports in a third of it (docs/design.md, "Cold start"). Only our own modules are
// bundled: every dependency (eslint, @eslint/*, yaml-eslint-parser, yaml, ...) stays an import from
// node_modules (`packages: "external"`), so the package ships no other project's code, and
// yaml-eslint-parser still loads on the first compose parse (lib/utils/yaml-parser.ts `require`s it).
// Sourcemaps (with the TypeScript sources inside) sit beside each file, so `node --enable-source-maps`
// prints stack traces in lib/ and rules/ paths.
//
// dist/internal/index.js (scripts/internal.ts) is the repository's own door into the modules the bench and
// the doc generator's config use (parsers, the shell model, the catalogue titles); it is not published.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(repoRoot, "dist");

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [path.join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: repoRoot, stdio: "inherit" });

/** Options both bundles share: ESM for Node, dependencies external, the tsconfig's target. */
const common = {
  absWorkingDir: repoRoot,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  packages: "external",
  sourcemap: "linked",
  sourcesContent: true,
  logLevel: "warning",
  tsconfig: "tsconfig.build.json",
};

await build({
  ...common,
  entryPoints: ["lib/index.ts", "lib/dockerfile/parse-for-eslint.ts"],
  outbase: "lib",
  outdir: "dist/lib",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
});

await build({ ...common, entryPoints: ["scripts/internal.ts"], outfile: "dist/internal/index.js" });
