/**
 * Corpus smoke test of the shell model: parse every RUN shell body of the real-world Dockerfiles in
 * `../shared/corpus/dockerfiles`, report failures (with reasons) and timings, and run the
 * package-manager classifier over every command.
 *
 * Skipped (with a printed reason) when the corpus is absent, so a clone elsewhere still passes.
 * Set SHELL_CORPUS_VERBOSE=1 to print samples of classified commands.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDockerfile } from "../../lib/dockerfile/parse.js";
import type { ShellText } from "../../lib/shell/shell-text.js";
import { classifyCacheCleanup, classifyPackageManagerCommand, parseShell } from "../../lib/shell/index.js";
import { parseToGo } from "../support/mvdan/mvdan.js";
import { listFiles } from "../support/corpus-bodies.js";
import type { PackageManagerInvocation, ShellParseFailure, ShellScript } from "../../lib/shell/index.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const corpusRoot = path.resolve(repoRoot, "../shared/corpus");
const dockerfilesRoot = path.join(corpusRoot, "dockerfiles");
const verbose = process.env.SHELL_CORPUS_VERBOSE === "1";


interface Body {
  file: string;
  source: string;
  shell: ShellText;
  /** The stage's shell is not POSIX (SHELL ["powershell"…], or a Windows base image's cmd default). */
  nonPosix: boolean;
}

const NON_POSIX_SHELL = /(?:^|[\\/])(?:powershell|pwsh|cmd)(?:\.exe)?$/i;
const WINDOWS_IMAGE = /windows|servercore|nanoserver|dotnet\/framework/i;

/** Minimal structural view of the Dockerfile AST (owned by lib/dockerfile). */
interface AnyNode {
  type: string;
  [key: string]: unknown;
}

function collectBodies(file: string): { bodies: Body[]; parseError: string | null } {
  const source = readFileSync(file, "utf8");
  const result = parseDockerfile(source);
  if (!result.ok) return { bodies: [], parseError: result.errors.map((e) => e.message).join("; ") };
  const bodies: Body[] = [];
  const stageShellNonPosix = new Map<string, boolean>();
  for (const stage of result.ast.stages as unknown as AnyNode[]) {
    const from = stage.from as AnyNode;
    const image = from.image as { raw?: string; path?: string } | null;
    const raw = image?.raw ?? "";
    let nonPosix = stageShellNonPosix.get(raw.toLowerCase()) ?? WINDOWS_IMAGE.test(raw);
    for (const ins of stage.instructions as AnyNode[]) {
      if (ins.type === "Shell") {
        const form = ins.form as AnyNode | null;
        if (form?.type === "ExecForm") {
          const first = (form.elements as { value: string }[])[0]?.value ?? "";
          nonPosix = NON_POSIX_SHELL.test(first);
        }
      }
      if (ins.type === "Run") {
        const script = ins.script as { kind: string; text: ShellText; shebang?: string | null } | null;
        if (!script) continue;
        if (script.kind === "heredoc" && script.shebang && !/\b(?:sh|bash|ash|dash)\b/.test(script.shebang)) continue;
        bodies.push({ file, source, shell: script.text, nonPosix });
      }
    }
    const name = stage.name as string | null;
    if (name) stageShellNonPosix.set(name.toLowerCase(), nonPosix);
  }
  return { bodies, parseError: null };
}

describe.skipIf(!existsSync(dockerfilesRoot))("shell model over the corpus", () => {
  if (!existsSync(dockerfilesRoot)) {
    console.log(`[corpus-shell] skipped: corpus not found at ${dockerfilesRoot}`);
    return;
  }

  const files = listFiles(dockerfilesRoot);
  const bodies: Body[] = [];
  const dockerfileErrors: string[] = [];
  for (const f of files) {
    const { bodies: b, parseError } = collectBodies(f);
    if (parseError) dockerfileErrors.push(`${path.relative(dockerfilesRoot, f)}: ${parseError}`);
    bodies.push(...b);
  }

  // Warm up (loads mvdan-sh once: ~100 ms), then time.
  const tLoad = performance.now();
  parseShell({ text: "true", segments: [{ textStart: 0, sourceStart: 0, length: 4 }] });
  const loadMs = performance.now() - tLoad;

  const results: { body: Body; result: ShellScript | ShellParseFailure }[] = [];
  const t0 = performance.now();
  for (const body of bodies) results.push({ body, result: parseShell(body.shell) });
  const totalMs = performance.now() - t0;
  // Second pass (JIT warm) and the bare mvdan-sh parse, to see what the model costs on top.
  const t1 = performance.now();
  for (const body of bodies) parseShell(body.shell);
  const warmMs = performance.now() - t1;
  const t2 = performance.now();
  for (const body of bodies) {
    try {
      parseToGo("bash", body.shell.text);
    } catch {
      // counted in the failures above
    }
  }
  const rawMs = performance.now() - t2;

  it("parses nearly every POSIX RUN body", () => {
    const failures = results.filter((r) => !r.result.ok);
    const expected = failures.filter((r) => r.body.nonPosix);
    const unexpected = failures.filter((r) => !r.body.nonPosix);
    const posixBodies = results.filter((r) => !r.body.nonPosix).length;
    const lines = [
      `[corpus-shell] ${files.length} Dockerfiles (${dockerfileErrors.length} rejected by the Dockerfile parser), ${bodies.length} RUN shell bodies (${bodies.length - posixBodies} in non-POSIX SHELL/Windows stages)`,
      `[corpus-shell] load mvdan-sh + first parse: ${loadMs.toFixed(1)} ms; ${bodies.length} parses in ${totalMs.toFixed(0)} ms = ${(totalMs / Math.max(1, bodies.length)).toFixed(3)} ms/body (warm: ${(warmMs / Math.max(1, bodies.length)).toFixed(3)} ms/body; mvdan-sh parse alone: ${(rawMs / Math.max(1, bodies.length)).toFixed(3)} ms/body; mean body ${Math.round(bodies.reduce((n, b) => n + b.shell.text.length, 0) / Math.max(1, bodies.length))} chars)`,
      `[corpus-shell] failures: ${failures.length} (${expected.length} in non-POSIX stages, ${unexpected.length} elsewhere)`,
    ];
    for (const r of unexpected.slice(0, 20)) {
      const f = r.result as ShellParseFailure;
      const line = r.body.source.slice(0, f.offset).split("\n").length;
      lines.push(`  ${path.relative(dockerfilesRoot, r.body.file)}:${line}: ${f.message} | ${JSON.stringify(r.body.shell.text.slice(Math.max(0, f.textOffset - 40), f.textOffset + 20))}`);
    }
    for (const r of expected.slice(0, 3)) {
      const f = r.result as ShellParseFailure;
      lines.push(`  (non-POSIX) ${path.relative(dockerfilesRoot, r.body.file)}: ${f.message}`);
    }
    const shellStringFailures = results.flatMap((r) => (r.result.ok ? r.result.shellStringFailures.map((f) => ({ r, f })) : []));
    lines.push(`[corpus-shell] sh -c strings not parsed: ${shellStringFailures.length}`);
    for (const { r, f } of shellStringFailures.slice(0, 5)) lines.push(`  ${path.relative(dockerfilesRoot, r.body.file)}: ${f.message}`);
    console.log(lines.join("\n"));

    expect(bodies.length).toBeGreaterThan(1000);
    // Failures outside non-POSIX stages must stay rare (each one is listed above with its reason).
    expect(unexpected.length).toBeLessThanOrEqual(Math.ceil(posixBodies * 0.005));
  });

  it("maps every command range inside the Dockerfile source", () => {
    let checked = 0;
    for (const { body, result } of results) {
      if (!result.ok) continue;
      for (const c of result.commands) {
        expect(c.range[0]).toBeLessThanOrEqual(c.range[1]);
        expect(c.range[1]).toBeLessThanOrEqual(body.source.length);
        // The command name as written in the source (inside sh -c strings, the inner text is unescaped:
        // compare only where the source has no escapes; or the whole string when it was not mappable).
        if (c.name && c.name.value !== null && !c.name.raw.includes("\\")) {
          const slice = body.source.slice(c.name.range[0], c.name.range[1]);
          const shellString = c.context.find((x) => x.kind === "shell-string");
          const collapsed = shellString && c.name.range[0] === shellString.range[0] && c.name.range[1] === shellString.range[1];
          if (!c.fromShellString || (!slice.includes("\\") && !collapsed)) expect(slice).toBe(c.name.raw);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it("classifies package-manager commands", () => {
    const counts = new Map<string, number>();
    const samples = new Map<string, string[]>();
    let commands = 0;
    let cleanups = 0;
    const invocations: { inv: PackageManagerInvocation; file: string }[] = [];
    for (const { body, result } of results) {
      if (!result.ok) continue;
      for (const c of result.commands) {
        commands++;
        if (classifyCacheCleanup(c)) cleanups++;
        const inv = classifyPackageManagerCommand(c);
        if (!inv) continue;
        invocations.push({ inv, file: body.file });
        const key = `${inv.manager} ${inv.action}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        const list = samples.get(key) ?? [];
        if (list.length < 4) {
          list.push(
            `${body.source.slice(c.range[0], Math.min(c.range[1], c.range[0] + 140)).replace(/\s+/g, " ")}  => sub=${inv.subcommand} pkgs=[${inv.packages
              .slice(0, 6)
              .map((p) => `${p.kind === "name" ? "" : `${p.kind}:`}${p.name ?? p.word.raw}${p.constraint ?? ""}${p.pinned ? "!" : ""}`)
              .join(" ")}] ni=${inv.nonInteractive}${inv.installsRecommends === false ? " no-recommends" : ""}${inv.noCache ? " no-cache" : ""}${inv.manifestInstall ? " manifest" : ""}${inv.frozenLockfile ? " frozen" : ""}`,
          );
          samples.set(key, list);
        }
      }
    }
    const lines = [`[corpus-shell] ${commands} commands, ${invocations.length} package-manager invocations, ${cleanups} cache cleanups`];
    for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1])) {
      lines.push(`  ${String(n).padStart(5)}  ${key}`);
      if (verbose) for (const s of samples.get(key) ?? []) lines.push(`           ${s}`);
    }
    console.log(lines.join("\n"));
    expect(invocations.length).toBeGreaterThan(1000);
    // Sanity: an install's packages never include an option or a value of an option that takes one.
    for (const { inv } of invocations) {
      for (const p of inv.packages) expect(p.word.value?.startsWith("-") ?? false, `${inv.manager} ${p.word.raw}`).toBe(false);
    }
  });
});
