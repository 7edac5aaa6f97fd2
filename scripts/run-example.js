// `npm run example`: lints examples/ exactly as a user's project would be linted (its own
// eslint.config.mjs imports the plugin by name). Findings are the point, so ESLint's exit code 1
// (problems found) counts as success here; exit code 2 (a crash or a bad config) does not.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../examples");
const eslintBin = path.resolve(examples, "../node_modules/eslint/bin/eslint.js");
const result = spawnSync(process.execPath, [eslintBin, ".", ...process.argv.slice(2)], { cwd: examples, stdio: "inherit" });
if (result.status === 1) {
  console.log("The findings above are the examples' deliberate problems. To run `eslint --fix` on them, copy examples/ out of the repository (README, \"Try it\").");
  process.exit(0);
}
process.exit(result.status ?? 2);
