/**
 * The fix-applying fuzzer of issue 24, behind tests/fix-fuzz.test.ts (a few thousand cases in
 * `npm test`) and scripts/fuzz.ts (100,000 and more on demand).
 *
 * Generators: Dockerfiles, compose files and `.dockerignore` files with every line end (LF, CRLF, lone
 * CR, mixed), a BOM, NUL bytes, escapes at line ends (`\`, `\ `, `\\`, `zz\ \`, the backtick escape),
 * heredocs in every form (`<<EOF`, `<<-EOF`, quoted, with an fd, several on a line, on COPY), comment
 * and empty lines inside continuations, legacy ENV with comments, package lists one per line; compose
 * files with aliases and merge keys used as values and small alias bombs; folder trees holding all
 * three (so cross-file rules run); and mutations of corpus files.
 *
 * Each case is linted with `strict` and `stylistic`, then: every fix and every suggestion is applied alone (the file
 * must still parse, and for a Dockerfile every instruction outside the edited range must be the same
 * text of the same type); `--fix` is applied (the result must parse, and a second `--fix` must change
 * nothing). The CPU time of the first lint is measured with `process.cpuUsage`.
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Linter, type Rule } from "eslint";
import fc from "fast-check";
import { parseComposeText } from "../../lib/compose/parse.js";
import { allInstructions } from "../../lib/dockerfile/ast-helpers.js";
import { parseDockerfile } from "../../lib/dockerfile/parse.js";
import plugin from "../../lib/index.js";

export type FixFuzzKind = "dockerfile" | "compose" | "dockerignore";

const FILE_NAMES: Record<FixFuzzKind, string> = { dockerignore: ".dockerignore", compose: "compose.yaml", dockerfile: "Dockerfile" };

/** A folder with a Dockerfile that copies the whole context (so `.dockerignore` rules run). */
const CONTEXT = path.resolve(import.meta.dirname, "../fixtures/projects/dockerignore/served");

/** Messages that are bugs, not the file's own syntax errors. */
const INTERNAL = /Maximum call stack|internal parser error|a bug in eslint-plugin-docker-policy|Regular expression too large|Too many captures/u;

// ---------------------------------------------------------------------------------------------
// Generators

const lineEnd = fc.constantFrom("\n", "\r\n", "\r", "\r\r\n");

const PACKAGES = ["curl", "ca-certificates", "git", "zz\\ ", "aa", "libjemalloc2", "procps", "iproute2", "gcc", "make", "python3=3.12.3-r1", '"quoted pkg"', "$PKG", "b\\\\"];

/** One logical chunk of a Dockerfile, as lines (joined with the case's line end). */
const dockerfileChunk: fc.Arbitrary<readonly string[]> = fc.oneof(
  fc.constantFrom<readonly string[]>(
    ["FROM debian:12"],
    ["FROM alpine:3.20 AS build"],
    ["ARG V=1"],
    ["USER app"],
    ["WORKDIR /app"],
    ["COPY . ."],
    ["CMD [\"app\"]"],
    ["MAINTAINER someone"],
    ["HEALTHCHECK CMD curl -f http://localhost/ || exit 1"],
    ["# a comment"],
    [""],
    ["RUN apt-get update && apt-get install curl"],
    ["RUN wget http://example.com/x.tar.gz"],
    ["RUN microdnf install curl"],
    ["run echo lower"],
    ["EXPOSE 80/TCP"],
    ["ENV A 1"],
    ["LABEL maintainer \"a b\""],
    ["ENV GPG_KEYS \\", "# Alice <alice@example.com>", "\tAAAA1111 \\", "# Bob <bob@example.com>", "\tBBBB2222"],
    ["ENV K a'b \\", "", "  # note", "  c"],
    ["RUN <<EOF", "apt-get update && apt-get install -y curl", "EOF"],
    ["RUN <<-EOF", "\tmicrodnf install -y curl", "\tEOF"],
    ["RUN <<'EOF' bash", "pip install numpy", "EOF"],
    ["RUN 3<<\"EOF\" cat <&3", "x", "EOF"],
    ["RUN cat <<A <<B", "a", "A", "b", "B"],
    ["COPY <<EOF /etc/x", "content", "EOF"],
    ["RUN python3 <<EOF > /out", "print(1)", "EOF"],
    ["RUN a \\", "", "", "  b"],
    ["RUN echo zz\\ \\", "  aa"],
    ["RUN echo x \\\\"],
    ["RUN echo \\  ", "USER root"],
    ["ARG VERSION=15-3.5\rFROM postgis/postgis:$VERSION"],
  ),
  fc
    .tuple(fc.subarray(PACKAGES, { minLength: 2, maxLength: 6 }), fc.constantFrom("apt-get install -y", "apk add --no-cache", "dnf install -y", "pip install"), fc.boolean(), fc.constantFrom("    ", "\t\t", "  "))
    .map(([packages, install, comments, indent]) => {
      const lines = [`RUN ${install} \\`];
      packages.forEach((name, index) => {
        if (comments && index % (name.length % 2 === 0 ? 1 : 2) === 0) lines.push(`# about ${name}`);
        lines.push(`${indent}${name}${index < packages.length - 1 ? " \\" : ""}`);
      });
      return lines;
    }),
);

/** A Dockerfile with generated line ends, escapes and heredocs. */
export const dockerfileCase: fc.Arbitrary<string> = fc
  .record({
    chunks: fc.array(dockerfileChunk, { minLength: 1, maxLength: 8 }),
    eol: lineEnd,
    mixed: fc.boolean(),
    bom: fc.boolean(),
    nul: fc.nat({ max: 40 }),
    backtick: fc.nat({ max: 8 }),
    trailing: fc.boolean(),
  })
  .chain(({ chunks, eol, mixed, bom, nul, backtick, trailing }) =>
    fc.array(lineEnd, { minLength: 64, maxLength: 64 }).map((ends) => {
      const lines = ["FROM debian:12", ...chunks.flat()];
      let text = "";
      lines.forEach((line, index) => {
        text += line + (index === lines.length - 1 && !trailing ? "" : mixed ? ends[index % ends.length]! : eol);
      });
      if (backtick === 0) text = `# escape=\`\n${text.replaceAll("\\\n", "`\n").replaceAll("\\\r", "`\r")}`;
      if (nul === 0) text = text.replace("RUN", "RUN \u0000");
      return (bom ? "\uFEFF" : "") + text;
    }),
  );

const COMPOSE_VALUES = ["*a", "*m", "*l", "*bomb", "[*a, *a]", "!reset []", "'8080:80'", "nginx:1.27", "{<<: *m}", "[*m, *m]", "~"];
const COMPOSE_FIELDS = ["image", "ports", "environment", "labels", "volumes", "command", "depends_on", "healthcheck", "x-v", "networks", "secrets", "deploy", "extra_hosts", "dns"];

/** A compose file with aliases and merge keys used as values, alias bombs and every line end. */
export const composeCase: fc.Arbitrary<string> = fc
  .record({
    version: fc.boolean(),
    bombLevels: fc.integer({ min: 0, max: 7 }),
    services: fc.array(fc.record({ merge: fc.boolean(), fields: fc.array(fc.tuple(fc.constantFrom(...COMPOSE_FIELDS), fc.constantFrom(...COMPOSE_VALUES)), { maxLength: 5 }) }), { minLength: 1, maxLength: 4 }),
    eol: lineEnd,
    bom: fc.boolean(),
    comment: fc.boolean(),
  })
  .map(({ version, bombLevels, services, eol, bom, comment }) => {
    const lines: string[] = [];
    if (version) lines.push(`version: "3.8"${comment ? " # legacy" : ""}`);
    lines.push("x-a: &a '80:80'", "x-l: &l [a, b, '1:1']", "x-m: &m {image: 'redis:7', restart: always, <<: {user: app}}");
    lines.push(`x-b0: &b0 [${Array.from({ length: 10 }, () => '"lol"').join(",")}]`);
    for (let level = 1; level <= bombLevels; level++) lines.push(`x-b${level}: &b${level} [${Array.from({ length: 10 }, () => `*b${level - 1}`).join(",")}]`);
    lines.push(`x-bomb: &bomb *b${bombLevels}`);
    lines.push("services:");
    services.forEach((service, index) => {
      lines.push(`  s${index}:`);
      if (service.merge) lines.push("    <<: *m");
      for (const [field, value] of service.fields) lines.push(`    ${field}: ${value}`);
    });
    return (bom ? "\uFEFF" : "") + lines.join(eol) + eol;
  });

/** A `.dockerignore` with every line end. */
export const dockerignoreCase: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.constantFrom("node_modules", "*.pem", "!keep.pem", ".git", "**/*.log", "# c", "", "a\\ ", "/x/", ".env"), { maxLength: 8 }), lineEnd)
  .map(([lines, eol]) => lines.join(eol) + eol);

/** A folder tree: a Dockerfile, a compose file building it, a `.dockerignore`, in a sub-folder or not. */
export interface TreeCase {
  dockerfile: string;
  compose: string;
  dockerignore: string;
  subfolder: boolean;
}

export const treeCase: fc.Arbitrary<TreeCase> = fc.record({
  dockerfile: dockerfileCase,
  compose: composeCase.map((text) => `${text.replace(/services:(\r\n|\r\n?|\n)/u, (all, eol: string) => `${all}  app:${eol}    build: .${eol}`)}`),
  dockerignore: dockerignoreCase,
  subfolder: fc.boolean(),
});

/** Mutations applied to a corpus file. */
export const MUTATIONS: Record<string, (text: string, at: number) => string> = {
  crlf: (text) => text.replace(/\r?\n/gu, "\r\n"),
  loneCr: (text) => text.replace(/\r?\n/gu, "\r"),
  mixed: (text) => text.replace(/\r?\n/gu, (eol, offset: number) => (offset % 3 === 0 ? "\r\n" : offset % 3 === 1 ? "\r" : "\n")),
  bom: (text) => `\uFEFF${text}`,
  nul: (text, at) => `${text.slice(0, at)}\u0000${text.slice(at)}`,
  escapedBlank: (text) => text.replace(/ \\(\r?\n)/gu, "\\  \\$1"),
  trailingBlank: (text) => text.replace(/\\(\r?\n)/gu, "\\  $1"),
  dropLine: (text, at) => {
    const start = text.lastIndexOf("\n", at) + 1;
    const end = text.indexOf("\n", at);
    return text.slice(0, start) + (end === -1 ? "" : text.slice(end + 1));
  },
  emptyContinuation: (text) => text.replace(/\\(\r?\n)/u, "\\$1$1$1"),
  commentInContinuation: (text) => text.replace(/\\(\r?\n)/gu, "\\$1# note$1"),
};

/** The corpus files (Dockerfiles and compose files), or null with the reason when the corpus is absent. */
export function corpusFiles(corpus = process.env.DOCKER_POLICY_CORPUS ?? path.resolve(import.meta.dirname, "../../../shared/corpus")): { files: { kind: FixFuzzKind; path: string }[] } | { skipped: string } {
  if (!existsSync(corpus)) return { skipped: `no corpus at ${corpus}` };
  const files: { kind: FixFuzzKind; path: string }[] = [];
  for (const [folder, kind] of [["dockerfiles", "dockerfile"], ["compose", "compose"]] as const) {
    const dir = path.join(corpus, folder);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) files.push({ kind, path: path.join(entry.parentPath, entry.name) });
    }
  }
  return files.length > 0 ? { files } : { skipped: `no Dockerfiles or compose files under ${corpus}` };
}

/** A mutated corpus file: the file, a mutation and a position for it. */
export function mutateCorpusFile(text: string, mutation: string, position: number): string {
  return MUTATIONS[mutation]!(text, text.length === 0 ? 0 : position % text.length);
}

// ---------------------------------------------------------------------------------------------
// The check

export interface FixFuzzOutcome {
  /** Why the case fails, or null. */
  problem: string | null;
  /** CPU time (user + system, `process.cpuUsage`) of the first lint, ms. */
  cpuMs: number;
}

const linter = new Linter({ configType: "flat" });

/** The parse the language gives a text (BOM removed as ESLint removes it): null when it does not parse. */
function parses(kind: FixFuzzKind, text: string): boolean {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (kind === "dockerfile") return parseDockerfile(body).ok;
  if (kind === "compose") return parseComposeText(body).ok;
  return true;
}

/** The instructions of a Dockerfile as text, with their ranges (empty when it does not parse). */
function instructionTexts(text: string): { range: [number, number]; text: string; type: string }[] {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const parsed = parseDockerfile(text.slice(bom));
  if (!parsed.ok) return [];
  return allInstructions(parsed.ast).map((instruction) => ({ range: [instruction.range[0] + bom, instruction.range[1] + bom], text: text.slice(instruction.range[0] + bom, instruction.range[1] + bom), type: instruction.type }));
}

/**
 * `fix` applied alone to `text`: the result must parse when the original did, and in a Dockerfile each
 * instruction that lies wholly outside the edited range must come back unchanged (same text, same type:
 * a fix that leaves a continuation at the end of its line swallows the next instruction).
 */
function checkOneFix(kind: FixFuzzKind, text: string, fix: Rule.Fix, what: string, original: () => ReturnType<typeof instructionTexts>): string | null {
  const [start, end] = fix.range;
  const after = text.slice(0, start) + fix.text + text.slice(end);
  if (!parses(kind, after)) return `${what}: the file no longer parses`;
  if (kind !== "dockerfile") return null;
  const delta = fix.text.length - (end - start);
  const before = original().filter((instruction) => instruction.range[1] < start || instruction.range[0] > end);
  const now = instructionTexts(after);
  for (const instruction of before) {
    const moved = instruction.range[0] > end ? instruction.range[0] + delta : instruction.range[0];
    const match = now.find((candidate) => candidate.range[0] === moved);
    if (!match || match.text !== instruction.text || match.type !== instruction.type) return `${what}: changed the instruction ${JSON.stringify(instruction.text.slice(0, 60))} outside its range`;
  }
  return null;
}

/** `strict` and `stylistic`: every rule a shared config turns on (the style rules have fixes too). */
const EVERY_CONFIG = [...plugin.configs.strict, ...plugin.configs.stylistic];

function lintOnce(text: string, filename: string, cwd: string | undefined): Linter.LintMessage[] {
  const local = cwd ? new Linter({ configType: "flat", cwd }) : linter;
  return local.verify(text, EVERY_CONFIG, { filename });
}

/** Lints `text` as `filename` (in `cwd`), applies every fix and suggestion, and checks the results. */
function checkFile(kind: FixFuzzKind, text: string, filename: string, cwd?: string): FixFuzzOutcome {
  const before = process.cpuUsage();
  let messages: Linter.LintMessage[];
  try {
    messages = lintOnce(text, filename, cwd);
  } catch (error) {
    return { problem: `lint threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, cpuMs: 0 };
  }
  const used = process.cpuUsage(before);
  const cpuMs = (used.user + used.system) / 1000;
  const internal = messages.find((message) => message.fatal && INTERNAL.test(message.message));
  if (internal) return { problem: `internal error: ${internal.message}`, cpuMs };
  if (messages.some((message) => message.fatal)) return { problem: null, cpuMs };
  // Each fix and suggestion alone (ESLint's ranges are offsets in the text without its BOM).
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let parsedBody: ReturnType<typeof instructionTexts> | null = null;
  const original = () => (parsedBody ??= instructionTexts(body));
  for (const message of messages) {
    if (message.fix) {
      const problem = checkOneFix(kind, body, message.fix, `fix of ${message.ruleId}`, original);
      if (problem) return { problem, cpuMs };
    }
    for (const suggestion of message.suggestions ?? []) {
      const problem = checkOneFix(kind, body, suggestion.fix, `suggestion of ${message.ruleId} (${suggestion.desc.slice(0, 40)})`, original);
      if (problem) return { problem, cpuMs };
    }
  }
  // --fix, twice.
  try {
    const local = cwd ? new Linter({ configType: "flat", cwd }) : linter;
    const first = local.verifyAndFix(text, EVERY_CONFIG, { filename });
    if (!first.fixed) return { problem: null, cpuMs };
    if (first.messages.some((message) => message.fatal)) return { problem: `--fix: the result no longer parses: ${first.messages.find((message) => message.fatal)!.message}`, cpuMs };
    const second = local.verifyAndFix(first.output, EVERY_CONFIG, { filename });
    if (second.fixed) {
      const rules = [...new Set(local.verify(first.output, EVERY_CONFIG, { filename }).filter((message) => message.fix).map((message) => message.ruleId))];
      return { problem: `--fix: a second pass changes the file again (${rules.join(", ")})`, cpuMs };
    }
  } catch (error) {
    return { problem: `--fix threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, cpuMs };
  }
  return { problem: null, cpuMs };
}

/** One generated file, linted in a folder whose Dockerfile copies the whole context. */
export function runFixCase(kind: FixFuzzKind, text: string): FixFuzzOutcome {
  return checkFile(kind, text, path.join(CONTEXT, FILE_NAMES[kind]), CONTEXT);
}

/** A folder tree written to a temporary folder, each file linted there (cross-file rules read the others). */
export function runTreeCase(tree: TreeCase): FixFuzzOutcome {
  const root = mkdtempSync(path.join(os.tmpdir(), "docker-policy-fuzz-"));
  try {
    const dir = tree.subfolder ? path.join(root, "app") : root;
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "Dockerfile"), tree.dockerfile);
    writeFileSync(path.join(dir, ".dockerignore"), tree.dockerignore);
    writeFileSync(path.join(root, "compose.yaml"), tree.subfolder ? tree.compose.replace("build: .", "build: ./app") : tree.compose);
    let cpuMs = 0;
    for (const [kind, file] of [["dockerfile", path.join(dir, "Dockerfile")], ["dockerignore", path.join(dir, ".dockerignore")], ["compose", path.join(root, "compose.yaml")]] as const) {
      const outcome = checkFile(kind, readFileSync(file, "utf8"), file, root);
      cpuMs = Math.max(cpuMs, outcome.cpuMs);
      if (outcome.problem) return { problem: `${path.relative(root, file)}: ${outcome.problem}`, cpuMs };
    }
    return { problem: null, cpuMs };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
