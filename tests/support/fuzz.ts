/**
 * Generators and the per-case check behind the bounded-time property test (tests/bounded-time.test.ts,
 * a few thousand cases in `npm test`) and scripts/fuzz.ts (any number of cases on demand).
 *
 * Each case is a whole file of one of our three languages, built from fragments that real files
 * use and from the shapes that broke us before (issue 12): long runs of `*`, `?`, `**\/` and
 * backslashes in `.dockerignore`; merge chains, aliases and deep flow nesting in compose files;
 * nested substitutions, subshells, heredocs and variables in Dockerfiles. A case passes when linting
 * it with the `strict` config throws nothing, gives no internal error (a stack overflow, "internal
 * parser error", a bug report message), and takes no longer than `timeBoundMs(bytes)`.
 */
import path from "node:path";
import { Linter } from "eslint";
import fc from "fast-check";
import plugin from "../../lib/index.js";

export type FuzzKind = "dockerignore" | "compose" | "dockerfile";

const FILE_NAMES: Record<FuzzKind, string> = { dockerignore: ".dockerignore", compose: "compose.yaml", dockerfile: "Dockerfile" };

/**
 * A folder whose Dockerfile copies the whole context: a `.dockerignore` there is one a build reads,
 * so dockerignore-required-entries runs the matcher on it (in a folder without a build it would not).
 */
const CONTEXT = path.resolve(import.meta.dirname, "../fixtures/projects/dockerignore/served");

/**
 * The time a case may take: a fixed allowance plus a cost per KB. Corpus files cost well under
 * 5 ms/KB on average (bench/bounded-time.js); the bound is 30 times that plus 400 ms, so a loaded CI
 * machine does not fail it, while the super-linear paths of issue 12 (up to 1,500 ms/KB, seconds per
 * file) do.
 */
function timeBoundMs(bytes: number): number {
  return 400 + 150 * (bytes / 1024);
}

const repeat = (pieces: readonly string[], max: number) => fc.array(fc.constantFrom(...pieces), { maxLength: max }).map((parts) => parts.join(""));

/** A long run of one adversarial piece (`*` × 3,000, `**\/` × 500…). */
const longRun = (pieces: readonly string[], max: number) =>
  fc.tuple(fc.constantFrom(...pieces), fc.integer({ min: 1, max })).map(([piece, count]) => piece.repeat(count));

const IGNORE_PIECES = ["a", "b", "/", "*", "**", "**/", "?", "[", "]", "[a-z]", "[^x]", "-", "^", "\\", "\\*", ".", "..", "!", "#", " ", "é", "😀", "$", "{", "(", "|", "+", ".env", "node_modules", ".git", "*.pem"];

const ignoreLine = fc.oneof(
  { weight: 6, arbitrary: repeat(IGNORE_PIECES, 12) },
  { weight: 1, arbitrary: longRun(["*", "?", "**/", "**", "\\", "?*", "*a", "[", "[a]"], 16_384).map((run) => run + (run.length % 2 ? "/a" : "")) },
);

/** A `.dockerignore` file. */
const dockerignoreFile: fc.Arbitrary<string> = fc
  .tuple(fc.array(ignoreLine, { maxLength: 12 }), fc.constantFrom("\n", "\r\n"))
  .map(([lines, newline]) => lines.join(newline) + newline);

const SCALARS = ["nginx", "nginx:1.27", "redis:7.2", "${IMAGE:-x}", "'quoted'", '"8080:80"', "~", "80", "yes", "[a, b]", "{a: 1}", "!reset []", "!override x", "[{target: 80}, '1:1']"];
const FIELDS = ["image", "build", "ports", "environment", "depends_on", "healthcheck", "volumes", "labels", "command", "x-a", "user", "extends"];

/** A compose file: `x-` fragments chained by merges, services merging them, aliases, flow nesting. */
const composeFile: fc.Arbitrary<string> = fc
  .record({
    chain: fc.integer({ min: 0, max: 120 }),
    services: fc.array(
      fc.record({
        merge: fc.option(fc.nat(), { nil: null }),
        fields: fc.array(fc.tuple(fc.constantFrom(...FIELDS), fc.constantFrom(...SCALARS), fc.nat({ max: 3 })), { maxLength: 5 }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    nesting: fc.integer({ min: 0, max: 150 }),
    listMerge: fc.boolean(),
  })
  .map(({ chain, services, nesting, listMerge }) => {
    let code = "x-m0: &m0 {image: base}\n";
    for (let index = 1; index <= chain; index++) code += `x-m${index}: &m${index} {<<: *m${index - 1}, k${index}: ${index}}\n`;
    code += "services:\n";
    services.forEach((service, index) => {
      code += `  s${index}: &s${index}\n`;
      if (service.merge !== null) {
        const target = `m${service.merge % (chain + 1)}`;
        code += listMerge && index > 0 ? `    <<: [*${target}, *s0]\n` : `    <<: *${target}\n`;
      }
      for (const [field, value, depth] of service.fields) code += `    ${field}: ${"[".repeat(depth)}${value}${"]".repeat(depth)}\n`;
    });
    if (nesting > 0) code += `x-deep: ${"[".repeat(nesting)}${"]".repeat(nesting)}\n`;
    return code;
  });

const RUN_PIECES = ["apt-get update", "apt-get install -y curl", "apk add curl", "pip install numpy", "npm ci", "rm -rf /var/lib/apt/lists/*", "echo $A", "echo ${A:-x}", "cd /app", "export PIP_NO_CACHE_DIR=1", "true", "(true)", "$(echo x)", "${A%%*}", "${A//a/b}", "if true; then echo; fi", "cat <<EOF", "x \\"];
const DOCKERFILE_LINES = ["FROM alpine:3.20", "FROM node AS build", "FROM ${BASE}", "ARG BASE=debian:12", "ENV A=1 B=${A:-2}", "WORKDIR /app", "COPY . .", "COPY --from=build /a /b", "USER app", "HEALTHCHECK CMD curl -f http://localhost/", "CMD [\"node\", \"index.js\"]", "MAINTAINER x", "EXPOSE 80", "# comment", "", "run echo lower", "RUN <<EOF\necho hi\nEOF", "LABEL a=b"];

const runLine = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.constantFrom(...RUN_PIECES), { minLength: 1, maxLength: 6 }).chain((parts) => fc.constantFrom(" && ", " || ", "; ", " | ").map((operator) => `RUN ${parts.join(operator)}`)) },
  { weight: 1, arbitrary: longRun(["(", "$(echo ", "${A:-", "if true; then "], 400).map((open) => `RUN echo ${open}x`) },
  { weight: 1, arbitrary: longRun(["*", "?", "*a"], 2000).map((pattern) => `RUN echo \${A%%${pattern}} && rm -rf /var/cache/${pattern}`) },
);

/** A Dockerfile. */
const dockerfileFile: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom(...DOCKERFILE_LINES), runLine), { minLength: 1, maxLength: 10 }), fc.constantFrom("\n", "\r\n"))
  .map(([lines, newline]) => ["FROM alpine:3.20", ...lines].join(newline) + newline);

export const ARBITRARIES: Record<FuzzKind, fc.Arbitrary<string>> = { dockerignore: dockerignoreFile, compose: composeFile, dockerfile: dockerfileFile };

/** Fatal messages that are bugs, not the file's own syntax errors. */
const INTERNAL = /Maximum call stack|internal parser error|a bug in eslint-plugin-docker-policy|Regular expression too large|Too many captures/u;

export interface FuzzOutcome {
  /** Why the case fails, or null. */
  problem: string | null;
  /** Wall time of the lint, ms. */
  ms: number;
  /** UTF-8 size of the file. */
  bytes: number;
}

const linter = new Linter({ configType: "flat", cwd: CONTEXT });

/** Lints one file; a case over the time bound is retried once (a busy machine, not the code). */
export function runFuzzCase(kind: FuzzKind, text: string): FuzzOutcome {
  const bytes = Buffer.byteLength(text);
  const filename = path.join(CONTEXT, FILE_NAMES[kind]);
  let ms = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 2 && ms > timeBoundMs(bytes); attempt++) {
    const start = performance.now();
    let messages: Linter.LintMessage[];
    try {
      messages = linter.verify(text, plugin.configs.strict, { filename });
    } catch (error) {
      return { problem: `threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, ms: performance.now() - start, bytes };
    }
    ms = performance.now() - start;
    const internal = messages.find((message) => message.fatal && INTERNAL.test(message.message));
    if (internal) return { problem: `internal error: ${internal.message}`, ms, bytes };
  }
  if (ms > timeBoundMs(bytes)) return { problem: `took ${ms.toFixed(0)} ms for ${bytes} bytes (bound ${timeBoundMs(bytes).toFixed(0)} ms)`, ms, bytes };
  return { problem: null, ms, bytes };
}
