/**
 * ShellCheck as a test oracle for the shell rules (issue 23): runs the `shellcheck` program once over many
 * scripts and returns its findings per script. Tests only; the plugin itself never spawns a process.
 *
 * - ShellCheck's `json1` output: `{ comments: [{ file, line, endLine, column, endColumn, level, code,
 *   message, fix }] }`, lines and columns 1-based, `code` the number of `SCnnnn`
 *   (https://github.com/koalaman/shellcheck/wiki, "Integrating and extending").
 * - `-s <dialect>` picks the shell; 0.9.0 (Debian bookworm's package) knows `sh`, `bash`, `dash` and `ksh`.
 *   `busybox` arrived after 0.9.0: where the installed ShellCheck refuses it, BusyBox scripts are checked
 *   as `sh` and {@link effectiveDialect} says so, so a test can explain the difference.
 * - Results are cached by content (script, dialect, codes, ShellCheck's version) under the system's
 *   temporary folder, so the oracle tests of several rules pay for one run.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export type ShellCheckDialect = "sh" | "dash" | "bash" | "ksh" | "busybox";

export interface ShellCheckFinding {
  /** The number of `SCnnnn`. */
  code: number;
  /** 1-based, in the script's text. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  level: "error" | "warning" | "info" | "style";
  message: string;
}

interface Probe {
  version: string | null;
  reason: string | null;
  busybox: boolean;
}

let probe: Probe | undefined;

function probeShellCheck(): Probe {
  if (probe) return probe;
  const version = spawnSync("shellcheck", ["--version"], { encoding: "utf8" });
  if (version.error || version.status !== 0) {
    probe = { version: null, reason: "shellcheck is not installed (Debian: apt-get install shellcheck); the ShellCheck oracle is skipped", busybox: false };
    return probe;
  }
  const found = /version:\s*(\S+)/u.exec(version.stdout);
  const busybox = spawnSync("shellcheck", ["-s", "busybox", "-"], { input: "true\n", encoding: "utf8" });
  probe = { version: found?.[1] ?? "unknown", reason: null, busybox: busybox.status === 0 };
  return probe;
}

/** Why ShellCheck cannot run here (print it and skip), or null when it can. */
export function shellCheckUnavailable(): string | null {
  return probeShellCheck().reason;
}

/** The dialect ShellCheck is really run with for `dialect`: `sh` for `busybox` where the installed version lacks it. */
export function effectiveDialect(dialect: ShellCheckDialect): ShellCheckDialect {
  return dialect === "busybox" && !probeShellCheck().busybox ? "sh" : dialect;
}

const cacheDir = path.join(os.tmpdir(), "docker-policy-shellcheck-cache");
/** Files per ShellCheck process: keeps the command line far below the system's argument limit. */
const BATCH = 400;

function cacheKey(text: string, dialect: string, include: readonly number[] | undefined, version: string): string {
  return createHash("sha256").update(`${version}\0${dialect}\0${include?.join(",") ?? "*"}\0${text}`).digest("hex");
}

interface Json1Comment {
  file: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: ShellCheckFinding["level"];
  code: number;
  message: string;
}

/**
 * ShellCheck's findings for each script, in the order given. Each script is checked as a whole file in
 * `dialect` (`-s`), with no rc file; `include` limits the codes (`--include`). Throws when ShellCheck is
 * absent (ask {@link shellCheckUnavailable} first) or its output cannot be read.
 */
export function shellCheckScripts(
  scripts: readonly { text: string; dialect: ShellCheckDialect }[],
  options: { include?: readonly number[] } = {},
): ShellCheckFinding[][] {
  const { version, reason } = probeShellCheck();
  if (version === null) throw new Error(reason ?? "shellcheck is not available");
  mkdirSync(cacheDir, { recursive: true });
  const results: (ShellCheckFinding[] | undefined)[] = new Array(scripts.length);
  const keys: string[] = [];
  const pendingByDialect = new Map<string, number[]>();
  scripts.forEach((script, index) => {
    const dialect = effectiveDialect(script.dialect);
    const key = cacheKey(script.text, dialect, options.include, version);
    keys[index] = key;
    try {
      results[index] = JSON.parse(readFileSync(path.join(cacheDir, `${key}.json`), "utf8")) as ShellCheckFinding[];
    } catch {
      const pending = pendingByDialect.get(dialect) ?? [];
      pending.push(index);
      pendingByDialect.set(dialect, pending);
    }
  });
  for (const [dialect, pending] of pendingByDialect) {
    for (let start = 0; start < pending.length; start += BATCH) {
      const batch = pending.slice(start, start + BATCH);
      const dir = mkdtempSync(path.join(os.tmpdir(), "docker-policy-shellcheck-"));
      try {
        const files = batch.map((index) => {
          const file = path.join(dir, `${index}.sh`);
          writeFileSync(file, scripts[index]!.text);
          return file;
        });
        const args = ["--norc", "-f", "json1", "-s", dialect];
        if (options.include) args.push(`--include=${options.include.map((code) => `SC${code}`).join(",")}`);
        const run = spawnSync("shellcheck", [...args, ...files], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
        // 0: no findings, 1: findings; anything else is ShellCheck failing.
        if (run.error || (run.status !== 0 && run.status !== 1)) {
          throw new Error(`shellcheck failed (status ${run.status}): ${run.error?.message ?? run.stderr}`);
        }
        const byFile = new Map<string, ShellCheckFinding[]>(files.map((file) => [file, []]));
        for (const comment of (JSON.parse(run.stdout) as { comments: Json1Comment[] }).comments) {
          byFile.get(comment.file)?.push({
            code: comment.code,
            line: comment.line,
            column: comment.column,
            endLine: comment.endLine,
            endColumn: comment.endColumn,
            level: comment.level,
            message: comment.message,
          });
        }
        batch.forEach((index, i) => {
          const findings = byFile.get(files[i]!) ?? [];
          results[index] = findings;
          writeFileSync(path.join(cacheDir, `${keys[index]}.json`), JSON.stringify(findings));
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  return results.map((findings) => findings ?? []);
}
