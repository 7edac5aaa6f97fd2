/**
 * Other tools' suppression comments in a Dockerfile, read with each tool's own grammar and scope, and
 * turned into the lines on which findings of our corresponding rules (`peer-checks.ts`) are dropped:
 *
 * | comment | tool | scope |
 * | --- | --- | --- |
 * | `# hadolint ignore=DL3008,SC2086` | hadolint (`src/Hadolint/Pragma.hs`) | the instruction that starts on the next line |
 * | `# hadolint stage ignore=DL3006` | hadolint 2.13+ | from the comment to the end of the stage the next instruction is in |
 * | `# hadolint global ignore=DL3059` | hadolint | the whole file |
 * | `# check=skip=JSONArgsRecommended` / `skip=all` | BuildKit, as a parser directive only (`frontend/dockerfile/linter`) | the whole file |
 * | `# trivy:ignore:DS002` (`DS-0002`, `AVD-DS-0002`) | Trivy | the instruction below the comment block it is in |
 * | `# checkov:skip=CKV_DOCKER_3:reason` | Checkov (a Dockerfile is one resource) | the whole file |
 * | `# kics-scan ignore-line` | KICS (`pkg/parser/docker/comments.go`), every query | the instruction below the comment block it is in |
 * | `# kics-scan ignore-block` | KICS, every query | from the comment to the end of the stage the next instruction is in |
 *
 * ShellCheck codes in a hadolint pragma (`SC2086`) are hadolint's too (it runs ShellCheck over every RUN):
 * one that the table maps to a rule of ours (`SC2154`) suppresses that rule, the others are accepted and ignored.
 * An id the tool does not have is returned as a problem, the way ESLint reports a malformed directive.
 */
import { allInstructions } from "../dockerfile/ast-helpers.js";
import type { DockerfileProgram, Instruction, SourceLocation } from "../dockerfile/ast.js";
import { HADOLINT_CODES_WITHOUT_RULE, PEER_TOOL_LABELS, peerCheck, peerChecksOf, type PeerTool } from "./peer-checks.js";

/** Lines (1-based, inclusive) on which findings of `rules` are dropped, and the comment that asks for it. */
export interface PeerSuppression {
  tool: PeerTool;
  rules: ReadonlySet<string>;
  startLine: number;
  endLine: number;
  loc: SourceLocation;
}

export interface PeerPragmas {
  suppressions: readonly PeerSuppression[];
  /** Ids the tool does not have (`DL9999`, `JSONArgsRecomended`), with the comment's location. */
  problems: readonly { message: string; loc: SourceLocation }[];
}

type Scope = "next-instruction" | "next-block" | "stage" | "file";

interface Request {
  tool: PeerTool;
  ids: string[];
  scope: Scope;
  loc: SourceLocation;
}

/** `hadolint [global|stage] ignore=DL3008, SC2086 # why`: the codes, or null when the comment is not such a pragma. */
const HADOLINT = /^[ \t]*hadolint[ \t]+(?:(global|stage)[ \t]+)?ignore[ \t]*=[ \t]*([DLSC0-9]+(?:[ \t]*,[ \t]*[DLSC0-9]+)*)[ \t]*(?:#.*)?$/u;
/** `trivy:ignore:<id>`, optionally followed by more text (Trivy reads the id up to a blank or `[`). */
const TRIVY = /^[ \t]*trivy:ignore:([^\s[]+)/u;
/** `checkov:skip=<id>[:reason]`. */
const CHECKOV = /^[ \t]*checkov:skip=(\w+)/u;
/**
 * `kics-scan ignore-line` / `ignore-block`: KICS lowercases the comment, drops `kics-scan` and takes the
 * first of its words that is a command (`model.KICSCommentRgxp`, `processCommands`). Neither names a query:
 * each silences every KICS query, so here every rule of ours that a KICS query maps to.
 */
const KICS = /^[ \t]*kics-scan\b(.*)$/iu;

function requestOf(text: string, loc: SourceLocation): Request | null {
  const hadolint = HADOLINT.exec(text);
  if (hadolint) {
    const scope: Scope = hadolint[1] === "global" ? "file" : hadolint[1] === "stage" ? "stage" : "next-instruction";
    return { tool: "hadolint", ids: hadolint[2]!.split(",").map((id) => id.trim()), scope, loc };
  }
  const trivy = TRIVY.exec(text);
  if (trivy) return { tool: "trivy", ids: [trivy[1]!], scope: "next-block", loc };
  const checkov = CHECKOV.exec(text);
  if (checkov) return { tool: "checkov", ids: [checkov[1]!], scope: "file", loc };
  const kics = KICS.exec(text);
  if (kics) {
    const command = kics[1]!.toLowerCase().split(/\s+/u).find((word) => word === "ignore-line" || word === "ignore-block");
    if (command) return { tool: "kics", ids: ["all"], scope: command === "ignore-line" ? "next-block" : "stage", loc };
  }
  return null;
}

/** BuildKit's `check` directive: `skip=A,B` (or `skip=all`) among `;`-separated settings. */
function buildkitSkips(value: string): string[] {
  for (const setting of value.split(";")) {
    const [key, list] = setting.split("=", 2);
    if (key?.trim().toLowerCase() === "skip" && list !== undefined) return list.split(",").map((id) => id.trim()).filter((id) => id !== "");
  }
  return [];
}

/** The suppressions and problems of a Dockerfile's peer comments (see the module comment for each tool's grammar and scope). */
export function readPeerPragmas(program: DockerfileProgram): PeerPragmas {
  const requests: Request[] = [];
  for (const directive of program.directives) {
    if (directive.name === "check") requests.push({ tool: "buildkit", ids: buildkitSkips(directive.value), scope: "file", loc: directive.loc });
  }
  for (const comment of program.comments) {
    // Cheap test first: most comments are prose.
    if (!/hadolint|trivy:|checkov:|kics-scan/iu.test(comment.value)) continue;
    const request = requestOf(comment.value, comment.loc);
    if (request) requests.push(request);
  }
  if (requests.length === 0) return { suppressions: [], problems: [] };

  const instructions = allInstructions(program);
  const startingOn = new Map<number, Instruction>(instructions.map((instruction) => [instruction.loc.start.line, instruction]));
  const commentLines = new Set(program.comments.map((comment) => comment.loc.start.line));
  const lastLine = program.loc.end.line;
  const suppressions: PeerSuppression[] = [];
  const problems: { message: string; loc: SourceLocation }[] = [];

  for (const request of requests) {
    const rules = new Set<string>();
    for (const id of request.ids) {
      if ((request.tool === "buildkit" || request.tool === "kics") && id.toLowerCase() === "all") {
        for (const check of peerChecksOf(request.tool)) for (const rule of check.rules) rules.add(rule);
        continue;
      }
      const check = peerCheck(request.tool, id) ?? (request.tool === "hadolint" && /^SC\d{4}$/iu.test(id) ? peerCheck("shellcheck", id) : null);
      if (check) for (const rule of check.rules) rules.add(rule);
      else if (!knownWithoutRule(request.tool, id)) problems.push({ message: unknownIdMessage(request.tool, id), loc: request.loc });
    }
    if (rules.size === 0) continue;
    const lines = coveredLines(request, startingOn, commentLines, lastLine, program);
    if (lines) suppressions.push({ tool: request.tool, rules, startLine: lines[0], endLine: lines[1], loc: request.loc });
  }
  return { suppressions, problems };
}

/** ShellCheck codes (hadolint passes them on), hadolint codes without a rule of ours, Checkov checks of other kinds. */
function knownWithoutRule(tool: PeerTool, id: string): boolean {
  if (tool === "hadolint") return /^SC\d{4}$/u.test(id) || HADOLINT_CODES_WITHOUT_RULE.has(id);
  if (tool === "checkov") return /^CKV2?_[A-Z0-9]+_\d+$/u.test(id);
  return false;
}

function unknownIdMessage(tool: PeerTool, id: string): string {
  return `${PEER_TOOL_LABELS[tool]} has no check '${id}', so this comment suppresses nothing: check the spelling.`;
}

/** The lines a request covers, or null when it covers nothing (no instruction where it points). */
function coveredLines(
  request: Request,
  startingOn: ReadonlyMap<number, Instruction>,
  commentLines: ReadonlySet<number>,
  lastLine: number,
  program: DockerfileProgram,
): [number, number] | null {
  if (request.scope === "file") return [1, lastLine];
  let line = request.loc.end.line + 1;
  // Trivy and KICS read a block of comments above the code they annotate; hadolint only the very next line.
  if (request.scope === "next-block" || request.scope === "stage") while (commentLines.has(line)) line += 1;
  const next = startingOn.get(line);
  if (request.scope === "stage") {
    const stage = next ? stageOf(program, next) : program.stages.findLast((candidate) => candidate.loc.start.line <= request.loc.start.line);
    return stage ? [request.loc.start.line, stage.loc.end.line] : null;
  }
  return next ? [next.loc.start.line, next.loc.end.line] : null;
}

function stageOf(program: DockerfileProgram, instruction: Instruction): DockerfileProgram["stages"][number] | null {
  return program.stages.find((stage) => stage.range[0] <= instruction.range[0] && instruction.range[1] <= stage.range[1]) ?? null;
}
