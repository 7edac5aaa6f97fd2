// Lints the shared corpus with the `base` (our parsers, no rules), `recommended` and `strict` configs, and
// times the shell model alone, in one process (warm). `npm run bench` runs this, then bench/cold-start.js
// (fresh processes: the CLI as users run it, one process per file, imports) and bench/scaling.js (the
// size series and the editor loop). BENCH_ROUNDS=n for more rounds; BENCH_PEERS=1 adds the peers that
// run on Node. Numbers are for reading, not asserting: speed is never a test.
//
// Each config is measured twice:
// - through the `ESLint` class, as a user runs it (file system, config lookup, ESLint's own work);
// - with `Linter#verify` over the corpus texts already in memory (no file system), configs alternating
//   round by round, best of the rounds: the plugin's own cost, which the ratio strict/base shows. Two
//   more lines give ESLint's own floor for strict: its rules doing nothing ("empty rules": no
//   listeners; "hollow rules": the real listeners with empty bodies). No rule code can go below them.
// The shell model line parses every POSIX RUN body of the corpus with `parseShell` (ms per body, best
// of the rounds; also in CPU time, which other processes on the machine do not inflate), the cost every
// RUN rule shares.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint, Linter } from "eslint";
import plugin from "eslint-plugin-docker-policy";
// The parsers and the shell model from the repository's internal build (scripts/build.js).
import { FILES, isDockerfileName, parseDockerfile, parseShell, posixShellText } from "../dist/internal/index.js";
import { listFiles } from "./corpus-files.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpus = path.resolve(repoRoot, "../shared/corpus");
if (!existsSync(corpus)) {
  console.log(`bench skipped: no corpus at ${corpus}`);
  process.exit(0);
}


const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const CONFIGS = ["base", "recommended", "strict"];
const best = (times) => Math.min(...times);

async function lintWithESLint(name) {
  const eslint = new ESLint({ cwd: corpus, overrideConfigFile: true, overrideConfig: plugin.configs[name], cache: false, errorOnUnmatchedPattern: false });
  const times = [];
  let result = null;
  for (let round = 0; round < Math.min(rounds, 3); round += 1) {
    const start = performance.now();
    // The corpus keeps files under their original names, so the configs' own globs select them.
    result = await eslint.lintFiles([...FILES.dockerfile, ...FILES.compose, ...FILES.dockerignore]);
    times.push(performance.now() - start);
  }
  return { result, ms: best(times) };
}

function line(label, files, ms, extra = "") {
  return `${label.padEnd(46)} ${String(files).padStart(5)} files  best ${ms.toFixed(0).padStart(6)} ms  ${((files / ms) * 1000).toFixed(0).padStart(6)} files/s${extra}`;
}

const size = listFiles(corpus).reduce((sum, file) => sum + statSync(file).size, 0);
console.log(`corpus: ${corpus} (${(size / 1024 / 1024).toFixed(1)} MiB on disk), node ${process.version}, ESLint ${ESLint.version}, ${rounds} rounds`);

// 1. The shell model alone: every POSIX RUN body of the corpus Dockerfiles. Measured first, in a fresh
// heap: after the lint runs below, the memory ESLint keeps makes every collection slower (that cost is
// in the lint lines).
const bodies = [];
for (const file of listFiles(path.join(corpus, "dockerfiles"))) {
  const parsed = parseDockerfile(readFileSync(file, "utf8"));
  if (!parsed.ok) continue;
  for (const stage of parsed.ast.stages) {
    for (const instruction of stage.instructions) {
      if (instruction.type !== "Run") continue;
      const shell = posixShellText(parsed.ast, instruction);
      if (shell) bodies.push(shell);
    }
  }
}
const shellTimes = [];
const shellCpu = [];
let failures = 0;
for (let round = 0; round < rounds * 2; round += 1) {
  failures = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const shell of bodies) if (!parseShell(shell).ok) failures += 1;
  shellTimes.push(performance.now() - start);
  const used = process.cpuUsage(cpu);
  shellCpu.push((used.user + used.system) / 1000);
}
const chars = bodies.reduce((sum, shell) => sum + shell.text.length, 0);
const shellMs = best(shellTimes);
const shellCpuMs = best(shellCpu);
console.log(
  `shell model alone: ${bodies.length} POSIX RUN bodies (${(chars / 1024 / 1024).toFixed(2)} MiB, ${failures} not shell), best ${shellMs.toFixed(0)} ms = ${(shellMs / bodies.length).toFixed(4)} ms/body (CPU ${(shellCpuMs / bodies.length).toFixed(4)} ms/body)`,
);

// 2. Through the ESLint class.
const eslintRuns = {};
let lintedFiles = [];
for (const name of CONFIGS) {
  const { result, ms } = await lintWithESLint(name);
  eslintRuns[name] = ms;
  const problems = result.reduce((sum, file) => sum + file.messages.length, 0);
  const fatal = result.filter((file) => file.messages.some((message) => message.fatal)).length;
  console.log(line(`ESLint class: ${name}`, result.length, ms, `  ${problems} messages (${fatal} files with a parse error)`));
  lintedFiles = result.map((file) => file.filePath);
}

// 3. Linter#verify over the texts in memory, configs alternating. Given a plain array, verify() would
// build and validate a FlatConfigArray on every call (most of the time for a small file); the ESLint
// class builds it once, so do that here too. FlatConfigArray is not exported: load ESLint's own file.
const require = createRequire(import.meta.url);
const { FlatConfigArray } = require(path.join(path.dirname(require.resolve("eslint/package.json")), "lib/config/flat-config-array.js"));
// ESLint's own floor for `strict`: the same rules on the same files, doing nothing. "strict, empty
// rules": every create() returns no listener (the cost of a rule context per rule per file);
// "strict, hollow rules": the same listeners as the real rules, with empty bodies (adds listener
// registration and dispatch). What `strict` costs above the hollow line is the rules' own work.
const FLOORS = { "strict, empty rules": () => ({}), "strict, hollow rules": null };
function floorPlugin(empty) {
  const rules = Object.fromEntries(
    Object.entries(plugin.rules).map(([id, rule]) => {
      const keysByKind = new Map();
      const create = (context) => {
        if (empty) return empty();
        // The listener names of the real rule for this kind of file (created once per kind, not per file).
        const kind = `${context.sourceCode.ast.type}:${"stages" in context.sourceCode.ast}`;
        let keys = keysByKind.get(kind);
        if (!keys) keysByKind.set(kind, (keys = Object.keys(rule.create(context))));
        return Object.fromEntries(keys.map((key) => [key, () => {}]));
      };
      return [id, { ...rule, create }];
    }),
  );
  return { ...plugin, rules };
}
const configSources = {
  ...Object.fromEntries(CONFIGS.map((name) => [name, plugin.configs[name]])),
  ...Object.fromEntries(
    Object.entries(FLOORS).map(([name, empty]) => {
      const replaced = floorPlugin(empty);
      return [name, plugin.configs.strict.map((config) => (config.plugins?.docker ? { ...config, plugins: { ...config.plugins, docker: replaced } } : config))];
    }),
  ),
};
const VERIFY_CONFIGS = Object.keys(configSources);
const configArrays = Object.fromEntries(
  VERIFY_CONFIGS.map((name) => {
    const array = new FlatConfigArray(configSources[name], { basePath: corpus });
    array.normalizeSync();
    return [name, array];
  }),
);
const texts = lintedFiles.map((file) => ({ file, text: readFileSync(file, "utf8") }));
const linter = new Linter({ cwd: corpus, configType: "flat" });
// Wall time and CPU time (process.cpuUsage: not inflated when other processes share the cores).
const verifyTimes = Object.fromEntries(VERIFY_CONFIGS.map((name) => [name, []]));
const verifyCpu = Object.fromEntries(VERIFY_CONFIGS.map((name) => [name, []]));
for (let round = 0; round < rounds; round += 1) {
  for (const name of VERIFY_CONFIGS) {
    const config = configArrays[name];
    const cpu = process.cpuUsage();
    const start = performance.now();
    for (const { file, text } of texts) linter.verify(text, config, { filename: file });
    verifyTimes[name].push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    verifyCpu[name].push((used.user + used.system) / 1000);
  }
}
for (const name of VERIFY_CONFIGS) {
  const ms = best(verifyTimes[name]);
  const cpu = best(verifyCpu[name]);
  const ratio = name === "base" ? "" : `  ${(ms / best(verifyTimes.base)).toFixed(2)}x base (CPU ${cpu.toFixed(0)} ms, ${(cpu / best(verifyCpu.base)).toFixed(2)}x)`;
  console.log(line(`Linter#verify in memory: ${name}`, texts.length, ms, name === "base" ? `  (CPU ${cpu.toFixed(0)} ms)` : ratio));
}
const peakMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
console.log(`peak RSS of this process so far: ${peakMb()} MB (every config's runs above, in one heap)`);

// 4. The peers that run on Node (BENCH_PEERS=1), in this process over the same Dockerfile texts, warm,
// best of the rounds, against `recommended` through Linter#verify on the same texts. They check far
// less than we do; the ratios say what our checks cost. dclint (compose) has no in-process entry
// point that takes a text: it is in the command-line lines of bench/cold-start.js.
if (process.env.BENCH_PEERS === "1") {
  const dockerfiles = texts.filter(({ file }) => isDockerfileName(path.basename(file)));
  const DockerfileLint = require("dockerfile_lint");
  const dockerfilelint = require("dockerfilelint");
  const dockerfileUtils = require("dockerfile-utils");
  const dockerfileLint = new DockerfileLint();
  const peers = {
    "dockerfile_lint (validate)": (text) => dockerfileLint.validate(text),
    // dockerfilelint throws on a few corpus files: those count as linted (its run would end there).
    "dockerfilelint (run)": (text) => dockerfilelint.run(corpus, text),
    "dockerfile-utils (validate)": (text) => dockerfileUtils.validate(text),
  };
  const timed = (lint) => {
    const times = [];
    const cpus = [];
    let thrown = 0;
    for (let round = 0; round < rounds; round += 1) {
      thrown = 0;
      const cpu = process.cpuUsage();
      const start = performance.now();
      for (const { text } of dockerfiles) {
        try {
          lint(text);
        } catch {
          thrown += 1;
        }
      }
      times.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      cpus.push((used.user + used.system) / 1000);
    }
    return { ms: best(times), cpu: best(cpus), thrown };
  };
  const ours = timed((text) => linter.verify(text, configArrays.recommended, { filename: "Dockerfile" }));
  console.log(line("peers, in process: ours (recommended)", dockerfiles.length, ours.ms, `  (CPU ${ours.cpu.toFixed(0)} ms)`));
  for (const [name, lint] of Object.entries(peers)) {
    const { ms, cpu, thrown } = timed(lint);
    console.log(line(`peers, in process: ${name}`, dockerfiles.length, ms, `  ours ${(ours.ms / ms).toFixed(1)}x its time (CPU ${cpu.toFixed(0)} ms, ours ${(ours.cpu / cpu).toFixed(1)}x)${thrown ? ` (threw on ${thrown} files)` : ""}`));
  }
}
