/**
 * valid-run-script against ShellCheck's parse errors (SC1070, SC1072, SC1088, SC1089: "Parsing stopped"
 * / "Fix any mentioned problems and try again", which ShellCheck gives every script it cannot parse),
 * and, where they are installed, against `bash -n` and `dash -n` themselves.
 *
 * Two sets of scripts: every POSIX RUN body of the shared corpus (in the dialect its stage is known to run:
 * `bash` under a `SHELL` naming bash or a `#!/bin/bash` heredoc, else `sh`), and the same bodies mutated
 * the way edits break scripts (cut short, a few characters deleted, a keyword or operator inserted),
 * seeded so every run sees the same scripts. Every difference falls in a category computed below, with
 * the reason; a difference in none fails the test. The invariant that matters: whatever the rule reports,
 * bash and dash both reject.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { DockerfileProgram, Run } from "../../lib/dockerfile/ast.js";
import { runSyntaxErrors } from "../../lib/semantics/run/run-syntax.js";
import { shellInstructionBefore } from "../../lib/semantics/run/shell-instruction.js";
import { parseShell } from "../../lib/shell/index.js";
import { contiguousShellText } from "../../lib/shell/shell-text.js";
import { whyNotSyntaxError } from "../../lib/shell/syntax-errors.js";
import { corpusRunBodies } from "../support/corpus-bodies.js";
import { shellCheckScripts, shellCheckUnavailable, type ShellCheckDialect, type ShellCheckFinding } from "../support/shellcheck.js";
import { SYNTAX_EXAMPLES } from "../support/syntax-examples.js";

/** ShellCheck's codes for "this script could not be parsed" (src/ShellCheck/Parser.hs). */
const FATAL = new Set([1070, 1072, 1088, 1089]);
const shellCheckRejects = (findings: readonly ShellCheckFinding[]): boolean => findings.some((finding) => FATAL.has(finding.code));

const unavailable = shellCheckUnavailable();
const bodies = corpusRunBodies();
const skipReason = unavailable ?? (bodies === null ? "the shared corpus (../shared/corpus) is absent" : null);
if (skipReason) console.log(`tests/shell-oracle/valid-run-script.test.ts skipped: ${skipReason}`);

/** Whether `bash -n` / `dash -n` are here: then the shells themselves say which scripts are syntax errors. */
const hasShell = (shell: string): boolean => spawnSync(shell, ["-n", "-c", "true"]).status === 0;
const HAS_BASH = hasShell("bash");
const HAS_DASH = hasShell("dash");

const dir = mkdtempSync(path.join(os.tmpdir(), "docker-policy-syntax-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Whether `shell -n` accepts `script` (read as a file, as `sh -c` reads its string: the same grammar). */
function shellAccepts(shell: "bash" | "dash", script: string): boolean {
  const file = path.join(dir, "script.sh");
  writeFileSync(file, `${script}\n`);
  return spawnSync(shell, ["-n", file]).status === 0;
}

/** The dialect a RUN is known to run in: bash under a SHELL naming bash or a `#!…bash` heredoc, else plain sh. */
function dialectOf(program: DockerfileProgram, run: Run): ShellCheckDialect {
  const shell = shellInstructionBefore(program, run);
  const executable = shell?.form?.type === "ExecForm" ? (shell.form.elements[0]?.value ?? "") : "";
  if (/(?:^|\/)bash$/u.test(executable)) return "bash";
  if (run.script?.kind === "heredoc" && run.script.shebang !== null && /bash/u.test(run.script.shebang)) return "bash";
  return "sh";
}

/** Deterministic mutations of a script, the way edits break them. */
function mutate(text: string, seed: number): string {
  let state = seed;
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const at = Math.floor(next() * text.length);
  const kind = next();
  if (kind < 0.3) return text.slice(0, at);
  if (kind < 0.6) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 6)));
  const tokens = [";", "&&", "|", ")", "(", "fi", "done", "then", "}", "{", "'", '"', "`", "$(", "${", ">", "do", ";;", "esac", "in"];
  return `${text.slice(0, at)} ${tokens[Math.floor(next() * tokens.length)]} ${text.slice(at)}`;
}

type Category = string;

/**
 * Why ours and ShellCheck disagree on a script, or null when the difference is unexplained. `ours` is
 * the rule's verdict (a syntax error to every shell), `parsed` our parser's failure (if any).
 */
function explain(script: string, ours: boolean, theirs: boolean): Category | null {
  const parsed = parseShell(contiguousShellText(script, 0));
  if (ours && !theirs) {
    // ShellCheck's parser recovers where the shells do not, e.g. a `)` or keyword it reads as a word.
    if ((!HAS_BASH || !shellAccepts("bash", script)) && (!HAS_DASH || !shellAccepts("dash", script))) return "bash and dash reject it; ShellCheck's parser reads past it";
    return null;
  }
  if (!parsed.ok) {
    const why = whyNotSyntaxError(parsed);
    return why === null ? null : `not a syntax error to every shell: ${why}`;
  }
  if (HAS_BASH && HAS_DASH) {
    if (shellAccepts("bash", script) || shellAccepts("dash", script)) return "a shell accepts it (ShellCheck is stricter than bash or dash)";
    return "our parser accepts what bash and dash reject (it follows mvdan/sh; silent, never a false finding)";
  }
  return "our parser accepts it (bash and dash not installed to say more)";
}

describe.skipIf(skipReason !== null)("valid-run-script against ShellCheck's parse errors", () => {
  it("agrees on the corpus RUN bodies, every difference explained", () => {
    const scripts = bodies!.map((body) => ({ text: body.shell.text, dialect: dialectOf(body.program, body.run) }));
    // All codes, not `include`: the oracle tests of the other shell rules then share ShellCheck's cached run.
    const findings = shellCheckScripts(scripts);
    const categories = new Map<Category, number>();
    const unexplained: string[] = [];
    let ours = 0;
    let theirs = 0;
    bodies!.forEach((body, index) => {
      const reported = runSyntaxErrors(body.program, body.run).some((error) => error.shellString === null);
      const rejected = shellCheckRejects(findings[index]!);
      if (reported) ours++;
      if (rejected) theirs++;
      if (reported === rejected) return;
      const category = explain(body.shell.text, reported, rejected);
      if (category === null) unexplained.push(`${body.file}:${body.line}`);
      else categories.set(category, (categories.get(category) ?? 0) + 1);
    });
    console.log(`corpus: ${bodies!.length} RUN bodies; valid-run-script ${ours}, ShellCheck ${theirs}; differences:`, Object.fromEntries(categories));
    expect(unexplained).toEqual([]);
    // ShellCheck over ~3,800 bodies takes minutes of CPU when its cache is cold (CI).
  }, 900_000);

  it("agrees on mutated corpus scripts, every difference explained, and never reports what bash or dash accepts", () => {
    const sources = bodies!.filter((body) => body.shell.text.length >= 8);
    const scripts: string[] = [];
    for (let i = 0; i < 400; i++) scripts.push(mutate(sources[(i * 7919) % sources.length]!.shell.text, i + 1));
    const findings = shellCheckScripts(scripts.map((text) => ({ text, dialect: "bash" as const })), { include: [...FATAL] });
    const categories = new Map<Category, number>();
    const unexplained: string[] = [];
    const falseFindings: string[] = [];
    let ours = 0;
    let theirs = 0;
    scripts.forEach((script, index) => {
      const parsed = parseShell(contiguousShellText(script, 0));
      const reported = !parsed.ok && whyNotSyntaxError(parsed) === null;
      const rejected = shellCheckRejects(findings[index]!);
      if (reported) ours++;
      if (rejected) theirs++;
      if (reported && ((HAS_BASH && shellAccepts("bash", script)) || (HAS_DASH && shellAccepts("dash", script)))) falseFindings.push(JSON.stringify(script.slice(0, 200)));
      if (reported === rejected) return;
      const category = explain(script, reported, rejected);
      if (category === null) unexplained.push(JSON.stringify(script.slice(0, 200)));
      else categories.set(category, (categories.get(category) ?? 0) + 1);
    });
    console.log(`mutated: ${scripts.length} scripts; valid-run-script ${ours}, ShellCheck ${theirs}; differences:`, Object.fromEntries(categories));
    expect(falseFindings).toEqual([]);
    expect(unexplained).toEqual([]);
  });

  it.skipIf(!HAS_BASH || !HAS_DASH)("classifies the parser's reasons as bash -n and dash -n do", () => {
    for (const { script, everyShellRejects } of SYNTAX_EXAMPLES) {
      const accepted = shellAccepts("bash", script) || shellAccepts("dash", script);
      // A reason left out may still be rejected by both when read (a `${x` at the end), never the other way round.
      if (everyShellRejects) expect(accepted, script).toBe(false);
      else if (!/here-document|\$\{/u.test(script)) expect(accepted, script).toBe(true);
    }
  });
});
