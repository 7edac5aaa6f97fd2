// How time and memory grow with a file's size, each size in a fresh process (its peak RSS is that
// lint's alone), and the editor loop. Part of `npm run bench`; alone: `npm run build && node bench/scaling.js`.
// - Dockerfiles of 1,000 / 10,000 / 100,000 lines made of the corpus Dockerfiles one after another (a
//   realistic mix: stages, RUNs with continuation lines, heredocs, Windows stages), with `base` (our
//   parser, no rule) and `strict`; and the worst case for memory, every line a RUN with four `strict`
//   findings (1,000 and 10,000 lines; BENCH_WORST=1 adds 100,000, minutes of CPU).
// - compose files of 50 / 500 / 5,000 services of a realistic size (~400 bytes each: 5,000 are 2 MB).
// - the editor loop: `ESLint#lintText` with `strict` in one process, as an editor's language server runs
//   it, on the three largest corpus Dockerfiles: the first call (the plugin loaded, nothing compiled
//   yet), then the median and 95th percentile of 40 more of the same text (the AST and its models come
//   from the language's parse cache), then of 40 calls while typing (one more character each call, so
//   each call parses and models the file anew).
// Numbers are for reading, not asserting: speed is never a test.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpus = path.resolve(repoRoot, "../shared/corpus");
const self = fileURLToPath(import.meta.url);

function listFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(full));
    else if (entry.isFile()) files.push(full);
  }
  return files.sort();
}

/** The corpus Dockerfiles one after another, whole files only, up to `lines` lines. */
function corpusDockerfile(lines) {
  const parts = [];
  let count = 0;
  const files = listFiles(path.join(corpus, "dockerfiles"));
  for (let index = 0; count < lines; index += 1) {
    let text = readFileSync(files[index % files.length], "utf8").replace(/\r/gu, "");
    if (!text.endsWith("\n")) text += "\n";
    const size = text.split("\n").length - 1;
    if (count + size > lines) {
      parts.push(text.split("\n").slice(0, lines - count).join("\n") + "\n");
      break;
    }
    parts.push(text);
    count += size;
  }
  return parts.join("");
}

function composeFile(services) {
  let text = "services:\n";
  for (let index = 0; index < services; index += 1) {
    text += `  app-${index}:
    image: registry.example.com/team/app-${index % 37}:1.${index % 10}.3
    restart: unless-stopped
    environment:
      DATABASE_URL: postgres://db-${index % 50}:5432/app
      LOG_LEVEL: info
    ports:
      - "127.0.0.1:${10000 + index}:8080"
    depends_on:
      - app-${(index + 1) % services}
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:8080/health"]
      interval: 30s
    labels:
      com.example.team: "team-${index % 12}"
`;
  }
  return text;
}

const GENERATORS = {
  "corpus mix": { filename: "Dockerfile", make: corpusDockerfile },
  "every line a RUN": { filename: "Dockerfile", make: (lines) => "FROM debian:12\n" + "RUN apt-get update && apt-get install -y curl\n".repeat(lines - 1) },
  compose: { filename: "compose.yaml", make: composeFile },
};

// A child: one lint of one generated file, then its figures as JSON on stdout.
if (process.argv[2] === "--one") {
  const [, , , kind, size, config] = process.argv;
  const { Linter } = await import("eslint");
  const { default: plugin } = await import("eslint-plugin-docker-policy");
  const { filename, make } = GENERATORS[kind];
  const text = make(Number(size));
  const linter = new Linter({ configType: "flat" });
  const cpu = process.cpuUsage();
  const start = performance.now();
  const messages = linter.verify(text, plugin.configs[config], { filename });
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const fatal = messages.find((message) => message.fatal);
  console.log(JSON.stringify({ lines: text.split("\n").length - 1, bytes: Buffer.byteLength(text), wall, cpu: (used.user + used.system) / 1000, messages: messages.length, fatal: fatal?.message ?? null, peak: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

/**
 * `count` versions of `text`, each with one more character typed at the end of the RUN nearest the
 * middle of the file whose last line does not continue (` && echo typed`, repeated).
 */
function typedTexts(text, count) {
  const lines = text.split("\n");
  const ends = [];
  for (let index = 0, inRun = false; index < lines.length; index += 1) {
    if (/^\s*RUN\s/iu.test(lines[index])) inRun = true;
    if (inRun && !/\\\s*$/u.test(lines[index])) {
      ends.push(index);
      inRun = false;
    }
  }
  const line = ends[Math.floor(ends.length / 2)] ?? lines.length - 1;
  const typed = " && echo typed".repeat(Math.ceil(count / 14) + 1);
  return Array.from({ length: count }, (_, call) => lines.map((content, index) => (index === line ? content + typed.slice(0, call + 1) : content)).join("\n"));
}

if (process.argv[2] === "--editor") {
  const start = performance.now();
  const { ESLint } = await import("eslint");
  const { default: plugin } = await import("eslint-plugin-docker-policy");
  const loaded = performance.now() - start;
  const files = listFiles(path.join(corpus, "dockerfiles"))
    .map((file) => ({ file, text: readFileSync(file, "utf8") }))
    .sort((a, b) => b.text.split("\n").length - a.text.split("\n").length)
    .slice(0, 3);
  const at = (sorted, share) => sorted[Math.floor((sorted.length - 1) * share)];
  /** `lintText` of each text in turn: wall and CPU time of each call. */
  async function lintEach(eslint, file, texts) {
    const times = [];
    const cpus = [];
    for (const text of texts) {
      const cpu = process.cpuUsage();
      const begin = performance.now();
      await eslint.lintText(text, { filePath: file });
      times.push(performance.now() - begin);
      const used = process.cpuUsage(cpu);
      cpus.push((used.user + used.system) / 1000);
    }
    return { times, cpus };
  }
  const rows = [];
  for (const { file, text } of files) {
    const eslint = new ESLint({ cwd: path.dirname(file), overrideConfigFile: true, overrideConfig: plugin.configs.strict });
    // The same text again and again (an editor linting on save, focus or a configuration change): the issue's figure.
    const { times, cpus } = await lintEach(eslint, file, Array.from({ length: 41 }, () => text));
    const [first, ...rest] = times;
    const [firstCpu, ...restCpu] = cpus;
    rest.sort((a, b) => a - b);
    restCpu.sort((a, b) => a - b);
    // Typing: each call has one more character typed at the end of a RUN in the middle of the file
    // (` && echo typed`, again and again), as an editor lints on every change.
    const typing = await lintEach(eslint, file, typedTexts(text, 40));
    typing.times.sort((a, b) => a - b);
    typing.cpus.sort((a, b) => a - b);
    rows.push({
      file: path.relative(corpus, file), lines: text.split("\n").length, first, firstCpu, median: at(rest, 0.5), p95: at(rest, 0.95), medianCpu: at(restCpu, 0.5), p95Cpu: at(restCpu, 0.95),
      typingMedian: at(typing.times, 0.5), typingP95: at(typing.times, 0.95), typingMedianCpu: at(typing.cpus, 0.5), typingP95Cpu: at(typing.cpus, 0.95),
    });
  }
  console.log(JSON.stringify({ loaded, rows }));
  process.exit(0);
}

if (!existsSync(corpus)) {
  console.log(`scaling bench skipped: no corpus at ${corpus}`);
  process.exit(0);
}

function child(args) {
  const result = spawnSync(process.execPath, [self, ...args], { cwd: repoRoot, encoding: "utf8", maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`bench child ${args.join(" ")} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1));
}

const SERIES = [
  ["corpus mix", [1000, 10_000, 100_000], ["base", "strict"]],
  ["every line a RUN", process.env.BENCH_WORST === "1" ? [1000, 10_000, 100_000] : [1000, 10_000], ["strict"]],
  ["compose", [50, 500, 5000], ["base", "strict"]],
];
console.log("\nscaling (one lint per fresh process; CPU time of the lint, peak RSS of the process):");
for (const [kind, sizes, configs] of SERIES) {
  for (const config of configs) {
    for (const size of sizes) {
      const row = child(["--one", kind, String(size), config]);
      const unit = kind === "compose" ? `${String(size).padStart(6)} services` : `${String(size).padStart(7)} lines`;
      const perLine = (row.cpu * 1000) / row.lines;
      console.log(
        `${kind.padEnd(17)} ${config.padEnd(7)} ${unit} ${(row.bytes / 1e6).toFixed(2).padStart(6)} MB  CPU ${row.cpu.toFixed(0).padStart(7)} ms (${perLine.toFixed(1).padStart(6)} µs/line)  wall ${row.wall.toFixed(0).padStart(7)} ms  peak ${row.peak.toFixed(0).padStart(5)} MB  ${row.messages} messages${row.fatal ? ` (fatal: ${row.fatal.slice(0, 80)})` : ""}`,
      );
    }
  }
}

const editor = child(["--editor"]);
console.log(`\neditor loop (ESLint#lintText, strict, one process; ESLint and the plugin imported in ${editor.loaded.toFixed(0)} ms):`);
for (const row of editor.rows) {
  console.log(
    `${row.file.padEnd(60)} ${String(row.lines).padStart(4)} lines  first ${row.first.toFixed(0).padStart(5)} ms  median ${row.median.toFixed(1).padStart(6)} ms  p95 ${row.p95.toFixed(1).padStart(6)} ms  (CPU: first ${row.firstCpu.toFixed(0)}, median ${row.medianCpu.toFixed(1)}, p95 ${row.p95Cpu.toFixed(1)} ms; CPU counts V8's collector threads too)`,
  );
  console.log(
    `${"  typing (a character more at each call)".padEnd(71)}  median ${row.typingMedian.toFixed(1).padStart(6)} ms  p95 ${row.typingP95.toFixed(1).padStart(6)} ms  (CPU: median ${row.typingMedianCpu.toFixed(1)}, p95 ${row.typingP95Cpu.toFixed(1)} ms)`,
  );
}
