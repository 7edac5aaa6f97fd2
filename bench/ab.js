// Two builds of the plugin in one process, e.g. main and a branch checked out and built (`npm run
// build`) in two folders: `node bench/ab.js <folder A> <folder B>` (each a checkout with its own
// node_modules and dist/). Their `Linter#verify` passes over the shared corpus in memory alternate,
// the order swapped each round, so that a busy machine's drift touches both alike; prints, per config
// (`base`, `recommended`, `strict`; BENCH_CONFIGS to choose), the median and best CPU time of a pass
// (process.cpuUsage) and the median of the per-round ratios B/A, then each build's ratios to its
// `base`. ROUNDS=n (default 5) rounds after one warm-up round. Numbers are for reading, not asserting.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { listFiles } from "./corpus-files.js";

const folders = process.argv.slice(2, 4).map((folder) => path.resolve(folder));
if (folders.length !== 2) {
  console.log("usage: node bench/ab.js <folder A> <folder B>");
  process.exit(2);
}
const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../shared/corpus");
if (!existsSync(corpus)) {
  console.log(`A/B bench skipped: no corpus at ${corpus}`);
  process.exit(0);
}
const names = (process.env.BENCH_CONFIGS ?? "base,recommended,strict").split(",");
const rounds = Number(process.env.ROUNDS ?? 5);

/** One build: its own ESLint (Linter, FlatConfigArray) and plugin, with each config normalized once. */
async function load(folder) {
  const require = createRequire(path.join(folder, "package.json"));
  const eslintDir = path.dirname(require.resolve("eslint/package.json"));
  const { Linter } = await import(pathToFileURL(path.join(eslintDir, "lib/api.js")).href);
  // FlatConfigArray is not exported; the ESLint class builds one per run, as here (see corpus-lint.js).
  const { FlatConfigArray } = require(path.join(eslintDir, "lib/config/flat-config-array.js"));
  const plugin = (await import(pathToFileURL(path.join(folder, "dist/lib/index.js")).href)).default;
  const arrays = Object.fromEntries(
    names.map((name) => {
      const array = new FlatConfigArray(plugin.configs[name], { basePath: corpus });
      array.normalizeSync();
      return [name, array];
    }),
  );
  return { folder, linter: new Linter({ cwd: corpus, configType: "flat" }), arrays, languages: new Set(Object.values(plugin.languages)) };
}

const builds = [await load(folders[0]), await load(folders[1])];
// The files A's last config gives one of our languages (its own globs select them, as in corpus-lint.js;
// ESLint's default config would also match the corpus's JavaScript files).
const selecting = builds[0].arrays[names.at(-1)];
const texts = listFiles(corpus)
  .filter((file) => builds[0].languages.has(selecting.getConfig(file)?.language))
  .sort()
  .map((file) => ({ file, text: readFileSync(file, "utf8") }));

/** CPU ms of one pass of `build` with config `name` over every text. */
function pass(build, name) {
  const start = process.cpuUsage();
  for (const { file, text } of texts) build.linter.verify(text, build.arrays[name], { filename: file });
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const cpu = new Map(names.flatMap((name) => [[`0 ${name}`, []], [`1 ${name}`, []]]));
for (let round = 0; round <= rounds; round += 1) {
  for (const name of names) {
    for (const index of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const ms = pass(builds[index], name);
      // Round 0 warms both builds up (the JIT, the file-system facts) and is not counted.
      if (round > 0) cpu.get(`${index} ${name}`).push(ms);
    }
  }
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
console.log(`A: ${folders[0]}\nB: ${folders[1]}\n${texts.length} files, ${rounds} rounds, CPU ms per pass`);
for (const name of names) {
  const a = cpu.get(`0 ${name}`);
  const b = cpu.get(`1 ${name}`);
  const ratios = a.map((ms, index) => b[index] / ms);
  console.log(
    `${name.padEnd(12)} A median ${median(a).toFixed(0).padStart(6)} best ${Math.min(...a).toFixed(0).padStart(6)} | B median ${median(b).toFixed(0).padStart(6)} best ${Math.min(...b).toFixed(0).padStart(6)} | B/A per round: median ${median(ratios).toFixed(3)} [${ratios.map((ratio) => ratio.toFixed(2)).join(" ")}]`,
  );
}
if (names.includes("base")) {
  for (const index of [0, 1]) {
    const base = median(cpu.get(`${index} base`));
    const others = names.filter((name) => name !== "base").map((name) => `${name} ${(median(cpu.get(`${index} ${name}`)) / base).toFixed(2)}x base`);
    console.log(`${index === 0 ? "A" : "B"}: ${others.join("  ")}`);
  }
}
