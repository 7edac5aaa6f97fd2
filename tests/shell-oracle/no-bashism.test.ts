/**
 * no-bashism against ShellCheck's bashism checks (SC3xxx, and SC2113 for `function f`) over the corpus RUN
 * bodies, each checked in the dialect of the shell that runs it (`runShellProgram`): `-s dash` for dash
 * stages, `-s busybox` for BusyBox ones (`sh` where the installed ShellCheck lacks it), `-s sh` for the
 * stages whose shell is bash or unknown (what an image-blind check says). Per RUN and per code, every
 * difference must fall in one of the explained categories below, computed from the script; an unexplained
 * one fails the test with the RUNs it concerns.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runShellScript } from "../../lib/semantics/run/run-shell.js";
import { rejectedBashisms, runDashBuild, runShellProgram } from "../../lib/semantics/shell-environment/stage-shell.js";
import type { ShellProgram } from "../../lib/semantics/shell-environment/stage-shell.js";
import { BASHISMS } from "../../lib/shell/bashisms.js";
import type { ShellScript } from "../../lib/shell/model.js";
import { corpusDockerfiles, corpusRunBodies } from "../support/corpus-bodies.js";
import type { ShellCheckDialect, ShellCheckFinding } from "../support/shellcheck.js";
import { effectiveDialect, shellCheckScripts, shellCheckUnavailable } from "../support/shellcheck.js";

const bodies = corpusRunBodies();
const unavailable = shellCheckUnavailable() ?? (bodies ? null : `the shared corpus is absent (${corpusDockerfiles})`);
if (unavailable) console.log(`tests/shell-oracle/no-bashism.test.ts skipped: ${unavailable}`);

/** The ShellCheck codes of the constructs no-bashism knows. */
const CODES: ReadonlySet<number> = new Set(Object.values(BASHISMS).map((kind) => kind.shellcheck));
/** ShellCheck's bashism family: SC3xxx ("In dash/POSIX sh, … is not supported/undefined") and SC2113 (`function` keyword). */
const isBashismCode = (code: number): boolean => (code >= 3000 && code < 4000) || code === 2113;

function dialectFor(program: ShellProgram): ShellCheckDialect {
  if (program === "dash") return "dash";
  if (program === "busybox-ash") return "busybox";
  return "sh";
}

interface Difference {
  where: string;
  code: number;
  side: "shellcheck only" | "no-bashism only";
  why: string | null;
}

describe.skipIf(unavailable !== null)("no-bashism agrees with ShellCheck's bashism checks on the corpus", () => {
  it("differs only in listed, explained ways", { timeout: 900_000 }, () => {
    const sources = new Map<string, string>();
    const runs = bodies!.flatMap((body) => {
      const script = runShellScript(body.program, body.run);
      if (!script) return [];
      let source = sources.get(body.file);
      if (source === undefined) sources.set(body.file, (source = readFileSync(path.join(corpusDockerfiles, body.file), "utf8")));
      const program = runShellProgram(body.program, body.run).program;
      return [{ body, script, source, program }];
    });
    const findings = shellCheckScripts(runs.map((run) => ({ text: run.body.shell.text, dialect: dialectFor(run.program) })), {});
    const differences: Difference[] = [];
    const counts = { runs: runs.length, shellcheckRuns: 0, ourRuns: 0, both: 0 };
    runs.forEach((run, index) => {
      const theirs = findings[index]!.filter((finding) => isBashismCode(finding.code));
      const ours = rejectedBashisms(run.body.program, run.body.run, run.script, run.source);
      const theirCodes = new Set(theirs.map((finding) => finding.code));
      const ourCodes = new Set(ours.map((finding) => BASHISMS[finding.id].shellcheck));
      if (theirCodes.size > 0) counts.shellcheckRuns++;
      if (ourCodes.size > 0) counts.ourRuns++;
      if (theirCodes.size > 0 && ourCodes.size > 0) counts.both++;
      const where = `${run.body.file}:${run.body.line}`;
      for (const code of theirCodes) {
        if (!ourCodes.has(code)) differences.push({ where, code, side: "shellcheck only", why: whyShellCheckOnly(run.program, code, theirs, run.script, () => runDashBuild(run.body.program, run.body.run)?.features.pipefail ?? null) });
      }
      for (const code of ourCodes) {
        if (!theirCodes.has(code)) differences.push({ where, code, side: "no-bashism only", why: whyOursOnly(code, ours, theirs) });
      }
    });
    const byWhy = new Map<string, number>();
    for (const difference of differences) byWhy.set(`${difference.side}: ${difference.why ?? "UNEXPLAINED"}`, (byWhy.get(`${difference.side}: ${difference.why ?? "UNEXPLAINED"}`) ?? 0) + 1);
    console.log(`no-bashism vs ShellCheck (${effectiveDialect("busybox")} for BusyBox): ${JSON.stringify(counts)}`);
    for (const [why, count] of [...byWhy].sort((a, b) => b[1] - a[1])) console.log(`  ${count}  ${why}`);
    // Where the RUN's shell is bash, no-bashism reports nothing, whatever ShellCheck run as `sh` says.
    expect(runs.filter((run) => run.program === "bash").flatMap((run) => rejectedBashisms(run.body.program, run.body.run, run.script, run.source))).toEqual([]);
    const unexplained = differences.filter((difference) => difference.why === null);
    expect(unexplained.map((difference) => `${difference.where} SC${difference.code} (${difference.side})`)).toEqual([]);
  });
});

/**
 * Why ShellCheck reports `code` in a RUN where no-bashism does not, or null when that is not explained.
 * `dashHasPipefail` computes whether the RUN's dash build has `set -o pipefail` (null: not known).
 */
function whyShellCheckOnly(program: ShellProgram, code: number, theirs: readonly ShellCheckFinding[], script: ShellScript, dashHasPipefail: () => boolean | null): string | null {
  if (!CODES.has(code)) return outsideTable(code, program);
  if (program === "bash") return "the RUN's shell is bash (image, SHELL or #!): an image-blind check's false alarm";
  if (program === "unknown" || program === "none") return "the RUN's shell is not known: no-bashism stays silent";
  if (program === "other") return "the RUN's shell is zsh/ksh: not described by the table";
  const id = Object.entries(BASHISMS).find(([, kind]) => kind.shellcheck === code)?.[0] as keyof typeof BASHISMS | undefined;
  if (id === "set-pipefail" && program === "dash") {
    const has = dashHasPipefail();
    if (has === null) return "`set -o pipefail` (SC3040) under dash whose release the tag does not name (or the table lacks): not judged";
    if (has) return "`set -o pipefail` (SC3040) under a dash build that has it (DASH_BUILDS, measured)";
    return null;
  }
  if (id && program === "busybox-ash" && BASHISMS[id].accepts["busybox-ash"] !== false && effectiveDialect("busybox") === "sh") {
    return "BusyBox ash accepts the construct (ash.c, ASH_BASH_COMPAT) and ShellCheck 0.9 checks BusyBox scripts as plain sh";
  }
  void theirs;
  void script;
  return null;
}

/** Why no-bashism reports `code` in a RUN where ShellCheck does not, or null when that is not explained. */
function whyOursOnly(code: number, ours: readonly { id: string; context: readonly { kind: string }[]; dash?: { features: { pipefail: boolean } } }[], theirs: readonly ShellCheckFinding[]): string | null {
  const mine = ours.filter((finding) => BASHISMS[finding.id as keyof typeof BASHISMS].shellcheck === code);
  if (mine.every((finding) => finding.context.some((context) => context.kind === "shell-string"))) return "inside an `sh -c` string, which ShellCheck does not parse";
  // ShellCheck 0.9's dash dialect accepts `set -o pipefail`; the dash of the RUN's release was run and rejects it.
  if (mine.every((finding) => finding.dash?.features.pipefail === false)) return "`set -o pipefail` (SC3040) under a dash build measured to reject it (DASH_BUILDS); ShellCheck's dash dialect accepts it";
  void theirs;
  return null;
}

/**
 * ShellCheck's bashism codes no-bashism does not check, and why (for the shell that runs the RUN). A code
 * not listed here is unexplained.
 */
function outsideTable(code: number, program: ShellProgram): string | null {
  if (program === "bash") return "the RUN's shell is bash (image, SHELL or #!): an image-blind check's false alarm";
  if (program === "unknown" || program === "none" || program === "other") return "the RUN's shell is not known: no-bashism stays silent";
  return OUTSIDE_TABLE[code] ?? null;
}

const OUTSIDE_TABLE: Readonly<Record<number, string>> = {
  // Codes ShellCheck gives under `-s sh` (how 0.9.0 checks BusyBox scripts) for what both small shells have.
  3037: "`echo -n` (SC3037, `sh` only): dash's and BusyBox's echo take `-n`; `-e` is no-bashism's SC3036 under dash",
  3043: "`local` (SC3043, `sh` only): dash(1) and BusyBox ash (ash.c `localcmd`) have it",
};
