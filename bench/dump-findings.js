// Every finding of a built checkout over the shared corpus, one JSON line each (file, rule, position,
// message, fix, suggestions), for proving that a change meant to be faster changes no finding:
// `node bench/dump-findings.js <folder> <out file> [config]` for two checkouts (each with its own
// node_modules and `npm run build`), then `cmp` the two files. The config is `strict` unless named
// (`recommended`, `base`). Lints through `Linter#verify` in one process, files in sorted order.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { listFiles } from "./corpus-files.js";

const [folderArgument, out, name = "strict"] = process.argv.slice(2);
if (!folderArgument || !out) {
  console.log("usage: node bench/dump-findings.js <folder> <out file> [config]");
  process.exit(2);
}
const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../shared/corpus");
if (!existsSync(corpus)) {
  console.log(`findings dump skipped: no corpus at ${corpus}`);
  process.exit(0);
}
const folder = path.resolve(folderArgument);
const require = createRequire(path.join(folder, "package.json"));
const eslintDir = path.dirname(require.resolve("eslint/package.json"));
const { Linter } = await import(pathToFileURL(path.join(eslintDir, "lib/api.js")).href);
// FlatConfigArray is not exported; built once, as the ESLint class does (see corpus-lint.js).
const { FlatConfigArray } = require(path.join(eslintDir, "lib/config/flat-config-array.js"));
const plugin = (await import(pathToFileURL(path.join(folder, "dist/lib/index.js")).href)).default;
const config = new FlatConfigArray(plugin.configs[name], { basePath: corpus });
config.normalizeSync();
const languages = new Set(Object.values(plugin.languages));
// The files the config gives one of our languages (ESLint's default config also matches JavaScript files).
const files = listFiles(corpus)
  .filter((file) => languages.has(config.getConfig(file)?.language))
  .sort();
const linter = new Linter({ cwd: corpus, configType: "flat" });
const lines = [];
for (const file of files) {
  for (const message of linter.verify(readFileSync(file, "utf8"), config, { filename: file })) {
    const { ruleId, line, column, endLine, endColumn, fix, suggestions, fatal } = message;
    lines.push(JSON.stringify([path.relative(corpus, file), ruleId, line, column, endLine, endColumn, message.message, fix ?? null, suggestions ?? null, fatal ?? false]));
  }
}
writeFileSync(out, `${lines.join("\n")}\n`);
console.log(`${files.length} files, ${lines.length} findings (${name}) -> ${out}`);
