// Per-KB cost of the worst generated inputs of issue 12 (.dockerignore patterns that backtracked,
// compose merge chains and deep nesting) against the corpus average of the same kind, linted with
// `strict` through Linter in one process (warm). Run: `npm run build && node bench/bounded-time.js`.
// Numbers are for reading, not asserting: speed is never a test.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Linter } from "eslint";
import plugin from "eslint-plugin-docker-policy";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpus = path.resolve(repoRoot, "../shared/corpus");
// A folder whose Dockerfile copies the whole context: its .dockerignore is judged (see tests/support/fuzz.ts).
const context = path.join(repoRoot, "tests/fixtures/projects/dockerignore/served");
const linter = new Linter({ configType: "flat", cwd: context });
const NAMES = { dockerignore: ".dockerignore", compose: "compose.yaml", dockerfile: "Dockerfile" };

/** Best of three warm runs, in ms. */
function lintMs(kind, text) {
  const filename = path.join(context, NAMES[kind]);
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round += 1) {
    const start = performance.now();
    const messages = linter.verify(text, plugin.configs.strict, { filename });
    best = Math.min(best, performance.now() - start);
    const fatal = messages.find((message) => message.fatal);
    if (fatal && round === 0 && kind !== "dockerfile") console.log(`  (fatal: ${fatal.message.slice(0, 100)})`);
  }
  return best;
}

function listFiles(dir, accept) {
  if (!existsSync(dir)) return [];
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(full, accept));
    else if (entry.isFile() && accept(entry.name)) files.push(full);
  }
  return files;
}

const corpusFiles = {
  dockerignore: listFiles(corpus, (name) => name === ".dockerignore" || name.endsWith(".dockerignore")),
  compose: listFiles(path.join(corpus, "compose"), (name) => /\.ya?ml$/u.test(name)),
  dockerfile: listFiles(path.join(corpus, "dockerfiles"), () => true).slice(0, 300),
};

function chain(links) {
  let code = "x-m0: &m0 {a0: 0}\n";
  for (let index = 1; index <= links; index += 1) code += `x-m${index}: &m${index} {<<: *m${index - 1}, a${index}: ${index}}\n`;
  return `${code}services:\n  web:\n    <<: *m${links}\n    image: nginx\n`;
}

const generated = {
  dockerignore: {
    "65,536 backslashes": "\\".repeat(65_536) + "\n",
    "12,291 ?": "?".repeat(12_291) + "\n",
    '"*" x 16,384': "*".repeat(16_384) + "\n",
    '"**" x 4,096 + "/a"': "**".repeat(4096) + "/a\n",
    '"**/" x 2,000 + "a"': "**/".repeat(2000) + "a\n",
    '"*" x 131,072': "*".repeat(131_072) + "\n",
  },
  compose: {
    "merge chain, 1,200 links": chain(1200),
    "merge chain, 2,000 links": chain(2000),
    "flow nesting, 250 levels": `services:\n  web:\n    image: nginx\n    labels: ${"[".repeat(250)}${"]".repeat(250)}\n`,
    "flow nesting, 800 levels (refused)": `services:\n  web:\n    image: nginx\n    labels: ${"[".repeat(800)}${"]".repeat(800)}\n`,
  },
  dockerfile: {
    "5,000 nested ${A:-...}": `FROM alpine:3.20\nENV B=${"${A:-".repeat(5000)}x${"}".repeat(5000)}\n`,
    "5,000 nested subshells": `FROM alpine:3.20\nRUN ${"(".repeat(5000)}true${")".repeat(5000)}\n`,
    "${A%%*...*c}, 2,000 stars": `FROM alpine:3.20\nARG A=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\nRUN echo \${A%%${"*".repeat(2000)}c}\n`,
  },
};

for (const kind of Object.keys(NAMES)) {
  let bytes = 0;
  let ms = 0;
  for (const file of corpusFiles[kind]) {
    const text = readFileSync(file, "utf8");
    bytes += Buffer.byteLength(text);
    ms += lintMs(kind, text);
  }
  let average = bytes > 0 ? ms / (bytes / 1024) : Number.NaN;
  console.log(`${kind}: corpus average ${average.toFixed(2)} ms/KB over ${corpusFiles[kind].length} files (${(bytes / 1024).toFixed(0)} KB)`);
  if (kind === "dockerignore") {
    // The corpus .dockerignore files are a few bytes each, so their per-KB cost is the fixed cost of a
    // lint; their lines repeated to 64 KB give the per-KB cost of patterns.
    const lines = corpusFiles[kind].map((file) => readFileSync(file, "utf8")).join("\n");
    const text = lines.repeat(Math.ceil(65_536 / Math.max(lines.length, 1)));
    average = lintMs(kind, text) / (Buffer.byteLength(text) / 1024);
    console.log(`  corpus lines repeated to ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB: ${average.toFixed(2)} ms/KB (the baseline below)`);
  }
  for (const [name, text] of Object.entries(generated[kind])) {
    const size = Buffer.byteLength(text);
    const cost = lintMs(kind, text);
    const perKb = cost / (size / 1024);
    console.log(`  ${name.padEnd(36)} ${(size / 1024).toFixed(1).padStart(6)} KB ${cost.toFixed(0).padStart(6)} ms ${perKb.toFixed(2).padStart(8)} ms/KB  x${(perKb / average).toFixed(1)} the corpus average`);
  }
}
