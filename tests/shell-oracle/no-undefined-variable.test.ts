/**
 * no-undefined-variable's RUN findings against ShellCheck's SC2154 ("var is referenced but not
 * assigned") over the corpus RUN bodies, each checked alone in the dialect its stage is known to run.
 * ShellCheck sees a RUN without its Dockerfile: it knows neither the stage's ARGs and ENVs nor the base
 * image, and skips upper-case names (they may come from the environment). The rule judges by Docker's
 * scoping and reports only ARGs the RUN does not get. Every difference falls in a category computed
 * below; one in none fails the test.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import type { DockerfileProgram, Run, Stage } from "../../lib/dockerfile/ast.js";
import plugin from "../../lib/index.js";
import { runShellOf } from "../../lib/languages/dockerfile/visitors.js";
import { AUTOMATIC_PLATFORM_ARGS, getStageGraph, stageOf } from "../../lib/semantics/stages/stages.js";
import { declaredNames, inheritedScope } from "../../lib/semantics/variables/variable-scope.js";
import { mayWrite, mayWriteAnything } from "../../lib/shell/parameter-references.js";
import { corpusDockerfiles, corpusRunBodies, type CorpusBody } from "../support/corpus-bodies.js";
import { shellCheckScripts, shellCheckUnavailable, type ShellCheckDialect } from "../support/shellcheck.js";
import { shellInstructionBefore } from "../../lib/semantics/run/shell-instruction.js";
import { posixShellText } from "../../lib/semantics/run/run-shell.js";
import { parseDockerfile } from "../../lib/dockerfile/parse.js";

const unavailable = shellCheckUnavailable();
const bodies = corpusRunBodies();
const skipReason = unavailable ?? (bodies === null ? "the shared corpus (../shared/corpus) is absent" : null);
if (skipReason) console.log(`tests/shell-oracle/no-undefined-variable.test.ts skipped: ${skipReason}`);

/** The dialect a RUN is known to run in: bash under a SHELL naming bash or a `#!…bash` heredoc, else plain sh. */
function dialectOf(program: DockerfileProgram, run: Run): ShellCheckDialect {
  const shell = shellInstructionBefore(program, run);
  const executable = shell?.form?.type === "ExecForm" ? (shell.form.elements[0]?.value ?? "") : "";
  if (/(?:^|\/)bash$/u.test(executable)) return "bash";
  if (run.script?.kind === "heredoc" && run.script.shebang !== null && /bash/u.test(run.script.shebang)) return "bash";
  return "sh";
}

/** The names the ARGs and ENVs give a RUN: the stage's before it, and those it inherits from the stages it is built on. */
function namesInScope(program: DockerfileProgram, stage: Stage, run: Run): Set<string> {
  const names = new Set(inheritedScope(program, stage).names);
  for (const instruction of stage.instructions) {
    if (instruction === run) break;
    for (const name of declaredNames(instruction)) names.add(name);
  }
  return names;
}

/** Why the rule and SC2154 disagree on `name` in `body`'s RUN, or null when the difference is unexplained. */
function explain(body: CorpusBody, name: string, ours: boolean): string | null {
  const { program, run, shell } = body;
  const stage = stageOf(program, run);
  if (!stage) return null;
  if (ours) return /[a-z]/u.test(name) ? null : "an upper-case name, which SC2154 skips (it may come from the environment)";
  if (namesInScope(program, stage, run).has(name)) return "an ARG or ENV the RUN gets sets it (ShellCheck sees the RUN alone)";
  const script = runShellOf(program, run)?.script;
  if (!script || mayWriteAnything(script) || mayWrite(shell, name)) return "the script may set it itself (written elsewhere in it, or . / source / eval)";
  const globals = getStageGraph(program).globalArgs;
  const stageArgs = program.stages.some((other) => other.instructions.some((instruction) => instruction.type === "Arg" && declaredNames(instruction).includes(name)));
  if (!globals.has(name) && !AUTOMATIC_PLATFORM_ARGS.has(name) && !stageArgs) {
    return "no ARG of the file names it: the base image's ENV or the shell may set it, which the rule leaves to SC2154";
  }
  if (stageArgs && !/[a-z]/u.test(name)) return "an upper-case ARG of another stage, which the pulled base image's ENV may set";
  return null;
}

const linter = new Linter({ configType: "flat", cwd: corpusDockerfiles });
// `**/*` alone is a universal pattern, which does not make ESLint lint a file: `**/?*` matches every corpus name.
const config = [{ files: ["**/?*"], plugins: { docker: plugin }, language: "docker/dockerfile", rules: { "docker/no-undefined-variable": "error" } }] as Linter.Config[];

/** The rule's RUN findings in `source` as `file:RUN line:name` keys, with the RUN body each is in. */
function ourFindings(file: string, source: string, fileBodies: readonly CorpusBody[], into: Set<string>, bodyByKey: Map<string, CorpusBody>): void {
  for (const message of linter.verify(source, config, { filename: path.join(corpusDockerfiles, file) })) {
    if (!message.messageId?.startsWith("run")) continue;
    const body = fileBodies.find((candidate) => candidate.run.loc.start.line <= message.line && message.line <= candidate.run.loc.end.line);
    const name = /^'\$(\w+)'/u.exec(message.message)?.[1];
    if (!body || !name) continue;
    const key = `${body.file}:${body.line}:${name}`;
    into.add(key);
    bodyByKey.set(key, body);
  }
}

/** The POSIX RUN bodies of a Dockerfile text, as corpusRunBodies gives them. */
function bodiesOf(file: string, source: string): CorpusBody[] {
  const result = parseDockerfile(source);
  if (!result.ok) return [];
  const out: CorpusBody[] = [];
  for (const stage of result.ast.stages) {
    for (const instruction of stage.instructions) {
      const shell = instruction.type === "Run" ? posixShellText(result.ast, instruction) : null;
      if (instruction.type === "Run" && shell) out.push({ file, line: instruction.loc.start.line, shell, program: result.ast, run: instruction });
    }
  }
  return out;
}

describe.skipIf(skipReason !== null)("no-undefined-variable against ShellCheck's SC2154", () => {
  it("agrees on the corpus RUN bodies, every difference explained", () => {
    // All codes, not `include`: the oracle tests of the other shell rules share ShellCheck's cached run.
    const findings = shellCheckScripts(bodies!.map((body) => ({ text: body.shell.text, dialect: dialectOf(body.program, body.run) })));
    const theirs = new Set<string>();
    const bodyByKey = new Map<string, CorpusBody>();
    bodies!.forEach((body, index) => {
      for (const finding of findings[index]!) {
        if (finding.code !== 2154) continue;
        const name = /^(\S+) is referenced but not assigned/u.exec(finding.message)?.[1];
        if (!name) continue;
        const key = `${body.file}:${body.line}:${name}`;
        theirs.add(key);
        bodyByKey.set(key, body);
      }
    });

    const ours = new Set<string>();
    for (const file of new Set(bodies!.map((body) => body.file))) {
      ourFindings(file, readFileSync(path.join(corpusDockerfiles, file), "utf8"), bodies!.filter((body) => body.file === file), ours, bodyByKey);
    }

    const categories = new Map<string, number>();
    const unexplained: string[] = [];
    for (const key of new Set([...ours, ...theirs])) {
      if (ours.has(key) === theirs.has(key)) continue;
      const name = key.slice(key.lastIndexOf(":") + 1);
      const category = explain(bodyByKey.get(key)!, name, ours.has(key));
      if (category === null) unexplained.push(key);
      else categories.set(category, (categories.get(category) ?? 0) + 1);
    }
    console.log(`corpus: ${bodies!.length} RUN bodies; no-undefined-variable ${ours.size} (RUN, name) pairs, SC2154 ${theirs.size}; differences:`, Object.fromEntries(categories));
    expect(unexplained).toEqual([]);
  }, 900_000);

  it("on corpus files whose stage re-declaration of a global or platform ARG is removed, reports its RUN uses; differences explained", () => {
    // The scripts do not change, so ShellCheck's findings are those of the corpus bodies (cached above).
    const findings = shellCheckScripts(bodies!.map((body) => ({ text: body.shell.text, dialect: dialectOf(body.program, body.run) })));
    const sc2154 = new Map<string, Set<string>>();
    bodies!.forEach((body, index) => {
      const names = new Set(findings[index]!.filter((finding) => finding.code === 2154).map((finding) => /^(\S+) is/u.exec(finding.message)?.[1] ?? ""));
      sc2154.set(`${body.file}:${body.line}`, names);
    });
    const categories = new Map<string, number>();
    const unexplained: string[] = [];
    let variants = 0;
    let ourCount = 0;
    for (const file of new Set(bodies!.map((body) => body.file))) {
      const source = readFileSync(path.join(corpusDockerfiles, file), "utf8");
      const program = bodies!.find((body) => body.file === file)!.program;
      const globals = getStageGraph(program).globalArgs;
      for (const stage of program.stages) {
        for (const instruction of stage.instructions) {
          if (instruction.type !== "Arg" || instruction.args.length !== 1 || instruction.loc.start.line !== instruction.loc.end.line) continue;
          const name = instruction.args[0]!.name;
          if (!globals.has(name) && !AUTOMATIC_PLATFORM_ARGS.has(name)) continue;
          // The ARG line becomes a comment: same lines, the stage no longer declares the name.
          const variant = `${source.slice(0, instruction.range[0])}# ${source.slice(instruction.range[0])}`;
          const variantBodies = bodiesOf(file, variant);
          const ours = new Set<string>();
          const bodyByKey = new Map<string, CorpusBody>();
          ourFindings(file, variant, variantBodies, ours, bodyByKey);
          variants++;
          const theirs = new Set<string>();
          for (const body of variantBodies) {
            if (sc2154.get(`${body.file}:${body.line}`)?.has(name)) {
              theirs.add(`${body.file}:${body.line}:${name}`);
              bodyByKey.set(`${body.file}:${body.line}:${name}`, body);
            }
          }
          for (const key of ours) if (key.endsWith(`:${name}`)) ourCount++;
          for (const key of new Set([...ours, ...theirs])) {
            if (!key.endsWith(`:${name}`) || ours.has(key) === theirs.has(key)) continue;
            const category = explain(bodyByKey.get(key)!, name, ours.has(key));
            if (category === null) unexplained.push(`${key} (ARG line ${instruction.loc.start.line} removed)`);
            else categories.set(category, (categories.get(category) ?? 0) + 1);
          }
        }
      }
    }
    console.log(`${variants} variants; no-undefined-variable ${ourCount} findings of the removed name; differences:`, Object.fromEntries(categories));
    expect(ourCount).toBeGreaterThan(0);
    expect(unexplained).toEqual([]);
  }, 900_000);
});
