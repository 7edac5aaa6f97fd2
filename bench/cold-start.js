// Fresh processes, as users run them: the `eslint` command line over the corpus (cold: every run loads
// ESLint and the plugin and compiles its code again), one process per file (pre-commit hooks that pass
// one file), what importing costs, and ESLint's own floor (the same command with an empty config: it
// loads ESLint, reads the config and ignores the file), and `base` (ESLint and our parsers, no rule: the floor
// under the peers' comparison). With BENCH_PEERS=1, the command lines of the
// Node peers over the same files. Commands run in turn, round after round (BENCH_COLD_ROUNDS, 3), so
// that a machine's drift touches all of them alike; each figure is the median of its rounds. CPU time
// and peak memory come from /usr/bin/time when it is installed (wall time only otherwise).
// Run: `npm run build && node bench/cold-start.js` (part of `npm run bench`). Numbers are for reading.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ESLint } from "eslint";
import { listFiles } from "./corpus-files.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpus = path.resolve(repoRoot, "../shared/corpus");
const pluginUrl = pathToFileURL(path.join(repoRoot, "dist/lib/index.js")).href;

// `--phases <config> <file> <other>` (a child of this script): where one fresh process's CPU goes, phase
// by phase (process.cpuUsage, ms): node's start and importing ESLint, importing the plugin, the config for
// the file (ESLint loads ajv and compiles each enabled rule's option schema), the first lint (the code not
// yet compiled), another Dockerfile in another folder next (the code compiled, its folders not yet
// listed: the JIT's share of the first lint is the difference), and the first file again (warm).
if (process.argv[2] === "--phases") {
  const [, , , config, file, other] = process.argv;
  const cpuMs = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  const phases = {};
  // This script imports ESLint statically: the first phase runs from the process's start.
  let last = 0;
  const lap = (name) => {
    const now = cpuMs();
    phases[name] = now - last;
    last = now;
  };
  lap("node's start and import ESLint");
  const { default: plugin } = await import(pluginUrl);
  lap("import the plugin");
  const options = { cwd: corpus, overrideConfigFile: true, overrideConfig: plugin.configs[config] };
  const eslint = new ESLint(options);
  await eslint.calculateConfigForFile(file);
  lap("config (ajv, rule schemas)");
  await eslint.lintFiles([file]);
  lap("first lint");
  await new ESLint(options).lintFiles([other]);
  lap("another Dockerfile next");
  await new ESLint(options).lintFiles([file]);
  lap("the first again (warm)");
  console.log(JSON.stringify(phases));
  process.exit(0);
}
if (!existsSync(corpus)) {
  console.log(`cold-start bench skipped: no corpus at ${corpus}`);
  process.exit(0);
}
const require = createRequire(import.meta.url);
const rounds = Number(process.env.BENCH_COLD_ROUNDS ?? 3);
const peers = process.env.BENCH_PEERS === "1";
const eslintDir = path.dirname(require.resolve("eslint/package.json"));
const eslintBin = path.join(eslintDir, "bin/eslint.js");
const eslintUrl = pathToFileURL(require.resolve("eslint")).href;
const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

const work = mkdtempSync(path.join(tmpdir(), "docker-policy-bench-"));
const configFile = (name, body) => {
  const file = path.join(work, `${name}.config.mjs`);
  writeFileSync(file, body);
  return file;
};
const configs = {
  recommended: configFile("recommended", `import plugin from ${JSON.stringify(pluginUrl)};\nexport default plugin.configs.recommended;\n`),
  strict: configFile("strict", `import plugin from ${JSON.stringify(pluginUrl)};\nexport default plugin.configs.strict;\n`),
  base: configFile("base", `import plugin from ${JSON.stringify(pluginUrl)};\nexport default plugin.configs.base;\n`),
  empty: configFile("empty", "export default [];\n"),
};
const timeOutput = path.join(work, "time.txt");

/** One run of a command: wall ms, and CPU ms and peak RSS (MB) when /usr/bin/time is there. */
function runOnce(command, args, cwd) {
  const start = performance.now();
  const spawned = timeBin
    ? spawnSync(timeBin, ["-f", "%U %S %M", "-o", timeOutput, command, ...args], { cwd, stdio: "ignore", maxBuffer: 1 << 30 })
    : spawnSync(command, args, { cwd, stdio: "ignore" });
  const wall = performance.now() - start;
  if (!timeBin) return { wall, cpu: null, rss: null, status: spawned.status };
  const [user, system, rss] = readFileSync(timeOutput, "utf8").trim().split(/\s+/u).slice(-3).map(Number);
  return { wall, cpu: (user + system) * 1000, rss: rss / 1024, status: spawned.status };
}


// The files ESLint lints under each folder with our configs (its own globs decide).
const probe = new ESLint({ cwd: corpus, overrideConfigFile: configs.recommended });
async function linted(dir) {
  const found = [];
  for (const file of listFiles(dir)) if ((await probe.calculateConfigForFile(file)) !== undefined && !(await probe.isPathIgnored(file))) found.push(file);
  return found;
}
const dockerfiles = await linted(path.join(corpus, "dockerfiles"));
const composeFiles = await linted(path.join(corpus, "compose"));
const allFiles = await linted(corpus);
const bySize = [...dockerfiles].sort((a, b) => statSync(a).size - statSync(b).size);
const medianDockerfile = bySize[Math.floor(bySize.length / 2)];
const largestDockerfile = bySize.at(-1);
// The first Dockerfile above the median in another folder (the phases' second file).
const otherDockerfile = bySize.slice(bySize.length / 2).find((file) => path.dirname(file) !== path.dirname(medianDockerfile)) ?? medianDockerfile;
const medianCompose = [...composeFiles].sort((a, b) => statSync(a).size - statSync(b).size)[Math.floor(composeFiles.length / 2)];
const rel = (file) => path.relative(corpus, file);

const node = process.execPath;
const eslintCli = (config, ...targets) => [node, [eslintBin, "--config", config, "--no-warn-ignored", "--format", "json", ...targets]];
/** Each entry: label, files it lints (for files/s), [command, args]. */
const commands = [
  ["node, an empty script", 0, [node, ["-e", "0"]]],
  ["node, import eslint", 0, [node, ["--input-type=module", "-e", `await import(${JSON.stringify(eslintUrl)})`]]],
  ["node, import eslint and the plugin", 0, [node, ["--input-type=module", "-e", `await import(${JSON.stringify(eslintUrl)}); await import(${JSON.stringify(pluginUrl)})`]]],
  ["eslint CLI, empty config, one file (ESLint's floor)", 1, eslintCli(configs.empty, rel(medianDockerfile))],
  [`eslint CLI, recommended, one Dockerfile (median, ${statSync(medianDockerfile).size} B)`, 1, eslintCli(configs.recommended, rel(medianDockerfile))],
  [`eslint CLI, recommended, one Dockerfile (largest, ${(statSync(largestDockerfile).size / 1024).toFixed(0)} KB)`, 1, eslintCli(configs.recommended, rel(largestDockerfile))],
  [`eslint CLI, recommended, one compose file (median)`, 1, eslintCli(configs.recommended, rel(medianCompose))],
  ["eslint CLI, recommended, the Dockerfiles", dockerfiles.length, eslintCli(configs.recommended, "dockerfiles")],
  ["eslint CLI, recommended, the compose files", composeFiles.length, eslintCli(configs.recommended, "compose")],
  ["eslint CLI, strict, the whole corpus", allFiles.length, eslintCli(configs.strict, ".")],
  // The floor under the two lines above that the peers are compared with: ESLint and our parsers, no rule.
  ["eslint CLI, base (parsers, no rule), the Dockerfiles", dockerfiles.length, eslintCli(configs.base, "dockerfiles")],
  ["eslint CLI, base (parsers, no rule), the compose files", composeFiles.length, eslintCli(configs.base, "compose")],
];
if (peers) {
  const bin = (name) => path.join(path.dirname(require.resolve(`${name}/package.json`)), require(`${name}/package.json`).bin[name]);
  commands.push(
    ["peer: dockerfile_lint CLI, the Dockerfiles", dockerfiles.length, [node, [bin("dockerfile_lint"), "--json", ...dockerfiles.flatMap((file) => ["-f", rel(file)])]]],
    // It stops at the first file it throws on (the exit status says so): its time covers fewer files.
    ["peer: dockerfilelint CLI, the Dockerfiles", dockerfiles.length, [node, [bin("dockerfilelint"), "-j", ...dockerfiles.map(rel)]]],
    ["peer: dclint CLI, the compose files", composeFiles.length, [node, [bin("dclint"), "-f", "json", ...composeFiles.map(rel)]]],
  );
}

const results = commands.map(() => []);
const phaseRuns = [];
const self = fileURLToPath(import.meta.url);
for (let round = 0; round < rounds; round += 1) {
  commands.forEach(([, , [command, args]], index) => results[index].push(runOnce(command, args, corpus)));
  const child = spawnSync(node, [self, "--phases", "recommended", medianDockerfile, otherDockerfile], { cwd: corpus, encoding: "utf8" });
  if (child.status === 0) phaseRuns.push(JSON.parse(child.stdout.trim().split("\n").at(-1)));
}
rmSync(work, { recursive: true, force: true });

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};
console.log(`\nfresh processes (median of ${rounds} rounds, commands interleaved${timeBin ? "; CPU and peak RSS from /usr/bin/time" : ""}):`);
const figures = {};
commands.forEach(([label, files], index) => {
  const runs = results[index];
  const wall = median(runs.map((run) => run.wall));
  const cpu = timeBin ? median(runs.map((run) => run.cpu)) : null;
  const rss = timeBin ? Math.max(...runs.map((run) => run.rss)) : null;
  figures[label] = { wall, cpu };
  const rate = files > 1 ? `  ${((files / wall) * 1000).toFixed(0).padStart(5)} files/s` : "";
  const status = runs.some((run) => run.status !== 0 && run.status !== 1) ? `  (exit status ${runs.map((run) => run.status).join("/")})` : "";
  console.log(`${label.padEnd(66)} ${String(files || "").padStart(5)}  wall ${wall.toFixed(0).padStart(6)} ms${cpu === null ? "" : `  CPU ${cpu.toFixed(0).padStart(6)} ms`}${rss === null ? "" : `  peak ${rss.toFixed(0).padStart(4)} MB`}${rate}${status}`);
});
const floor = figures["eslint CLI, empty config, one file (ESLint's floor)"];
const one = figures[commands[4][0]];
const split = (key) => `${one[key].toFixed(0)} ms, of which ESLint's floor ${floor[key].toFixed(0)} ms; ours ${(one[key] - floor[key]).toFixed(0)} ms`;
console.log(`one process per Dockerfile: wall ${split("wall")}${timeBin ? `; CPU ${split("cpu")}` : ""} (loading the plugin and the first lint)`);
if (phaseRuns.length > 0) {
  const phases = Object.keys(phaseRuns[0]).map((phase) => `${phase} ${median(phaseRuns.map((run) => run[phase])).toFixed(0)}`);
  console.log(`  its phases in process (CPU ms, median of ${phaseRuns.length}; recommended, the median Dockerfile): ${phases.join(", ")}`);
}
if (peers) {
  const ours = figures["eslint CLI, recommended, the Dockerfiles"].wall;
  const oursCompose = figures["eslint CLI, recommended, the compose files"].wall;
  console.log(`ratios (their wall time / ours): dockerfile_lint ${(figures["peer: dockerfile_lint CLI, the Dockerfiles"].wall / ours).toFixed(2)}, dockerfilelint ${(figures["peer: dockerfilelint CLI, the Dockerfiles"].wall / ours).toFixed(2)}, dclint ${(figures["peer: dclint CLI, the compose files"].wall / oursCompose).toFixed(2)}`);
  if (timeBin) {
    const cpu = (label) => figures[label].cpu;
    const oursCpu = cpu("eslint CLI, recommended, the Dockerfiles");
    const oursComposeCpu = cpu("eslint CLI, recommended, the compose files");
    console.log(`ratios (their CPU time / ours): dockerfile_lint ${(cpu("peer: dockerfile_lint CLI, the Dockerfiles") / oursCpu).toFixed(2)}, dockerfilelint ${(cpu("peer: dockerfilelint CLI, the Dockerfiles") / oursCpu).toFixed(2)}, dclint ${(cpu("peer: dclint CLI, the compose files") / oursComposeCpu).toFixed(2)}`);
    // What the same ratios would be if our rules cost nothing: ESLint's command line with our parsers alone.
    const baseCpu = cpu("eslint CLI, base (parsers, no rule), the Dockerfiles");
    const baseComposeCpu = cpu("eslint CLI, base (parsers, no rule), the compose files");
    console.log(`the same with no rule at all (base; their CPU time / ours): dockerfile_lint ${(cpu("peer: dockerfile_lint CLI, the Dockerfiles") / baseCpu).toFixed(2)}, dclint ${(cpu("peer: dclint CLI, the compose files") / baseComposeCpu).toFixed(2)}`);
  }
}
