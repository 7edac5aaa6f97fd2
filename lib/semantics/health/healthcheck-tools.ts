/**
 * Whether a health check can run in its image: the programs it calls (`curl`, `wget`, `nc`,
 * `pg_isready`, `redis-cli`… the tools `image-tools.ts` knows) and the shell a shell-form check
 * (`HEALTHCHECK CMD curl …`, compose `CMD-SHELL` or a string `test:`) needs. The same question for a
 * Dockerfile HEALTHCHECK and a compose `healthcheck.test`; the caller says what the image has.
 *
 * Docker runs `CMD` as an exec (the first item is the program) and `CMD-SHELL` with the container's
 * shell, `/bin/sh -c` unless the image sets another
 * (https://docs.docker.com/reference/dockerfile/#healthcheck, moby `daemon/health.go`).
 */
import type { ShellScript, ShellWord } from "../../shell/model.js";
import { unwrappedCommand } from "../../shell/unwrapped.js";
import { isImageTool, type ImageTool, type ToolAvailability } from "../images/image-tools.js";

/** One call of a known tool in a health check. */
export interface ToolCall {
  tool: ImageTool;
  /** The command word (its `range` is a source range for a Dockerfile script). */
  word: ShellWord;
}

const SHELLS = /^(?:(?:\/usr)?\/bin\/)?(?:sh|bash|ash|dash)$/u;

/** The calls of known tools in a health check's script, in source order. */
function healthcheckCalls(script: ShellScript): ToolCall[] {
  const calls: ToolCall[] = [];
  for (const command of script.commands) {
    const unwrapped = unwrappedCommand(command);
    const name = unwrapped.baseName;
    if (name !== null && unwrapped.name && isImageTool(name)) calls.push({ tool: name, word: unwrapped.name });
  }
  return calls;
}

/** Whether an exec-form check's program is a shell (`["CMD", "sh", "-c", "…"]`). */
export function execRunsShell(script: ShellScript): boolean {
  const first = script.commands[0]?.name?.value;
  return first !== undefined && first !== null && SHELLS.test(first);
}

export type HealthcheckToolVerdict =
  /** A shell form (or an exec of a shell) in an image with no shell. */
  | { kind: "noShell" }
  /** Every known tool the check calls is absent; `alternatives` are the HTTP and network tools the image has. */
  | { kind: "missing"; tools: ImageTool[]; first: ToolCall; alternatives: ImageTool[] }
  | null;

const ALTERNATIVES: readonly ImageTool[] = ["wget", "curl", "nc"];

/**
 * The verdict on a health check: `script` its parsed command (null when it could not be parsed),
 * `needsShell` whether Docker runs it with a shell (or its program is one), `availability` what the
 * image has, `hasShell` whether it has `/bin/sh` (null: unknown). A finding only when it is certain:
 * every known tool the script calls is known absent (a `curl … || wget …` works with either), nothing
 * unseen may have added it, and no call is of a tool we cannot judge.
 */
export function judgeHealthcheckTools(
  script: ShellScript | null,
  needsShell: boolean,
  availability: (tool: ImageTool) => ToolAvailability,
  hasShell: boolean | null,
): HealthcheckToolVerdict {
  if (needsShell && hasShell === false) return { kind: "noShell" };
  if (!script || script.shellStringFailures.length > 0) return null;
  const calls = healthcheckCalls(script);
  if (calls.length === 0) return null;
  const missing: ImageTool[] = [];
  for (const call of calls) {
    const state = availability(call.tool);
    if (state.state !== "absent" || state.unseen) return null;
    if (!missing.includes(call.tool)) missing.push(call.tool);
  }
  const alternatives = ALTERNATIVES.filter((tool) => !missing.includes(tool) && availability(tool).state === "present");
  return { kind: "missing", tools: missing, first: calls[0]!, alternatives };
}
