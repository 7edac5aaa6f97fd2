// Lints the shared corpus twice in one process: with the `strict` config (every rule the plugin turns on)
// and with `base` (our parsers, no rules), and prints files per second for each. Run: `npm run bench`.
// Numbers are for reading, not asserting: speed is never a test.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import plugin from "eslint-plugin-docker-policy";
import { FILES } from "../dist/lib/configs/files.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpus = path.resolve(repoRoot, "../shared/corpus");
if (!existsSync(corpus)) {
  console.log(`bench skipped: no corpus at ${corpus}`);
  process.exit(0);
}

function listFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(full));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

async function lintAll(label, config) {
  const eslint = new ESLint({ cwd: corpus, overrideConfigFile: true, overrideConfig: config, cache: false, errorOnUnmatchedPattern: false });
  const times = [];
  let result = null;
  for (let round = 0; round < rounds; round += 1) {
    const start = performance.now();
    // The corpus keeps files under their original names, so the configs' own globs select them.
    result = await eslint.lintFiles([...FILES.dockerfile, ...FILES.compose, ...FILES.dockerignore]);
    times.push(performance.now() - start);
  }
  const best = Math.min(...times);
  const files = result.length;
  const problems = result.reduce((sum, file) => sum + file.messages.length, 0);
  const fatal = result.filter((file) => file.messages.some((message) => message.fatal)).length;
  console.log(
    `${label.padEnd(22)} ${String(files).padStart(5)} files  best ${best.toFixed(0).padStart(6)} ms of ${rounds}  ` +
      `${((files / best) * 1000).toFixed(0).padStart(6)} files/s  ${problems} messages (${fatal} files with a parse error)`,
  );
  return { files, best };
}

const size = listFiles(corpus).reduce((sum, file) => sum + statSync(file).size, 0);
console.log(`corpus: ${corpus} (${(size / 1024 / 1024).toFixed(1)} MiB on disk), node ${process.version}, ESLint ${ESLint.version}`);
await lintAll("base (no rules)", plugin.configs.base);
await lintAll("strict (all rules)", plugin.configs.strict);
await lintAll("base again (warm)", plugin.configs.base);
