/**
 * no-ignored-failure against ShellCheck. ShellCheck has no check for a failure a `;` forgets in general;
 * the nearest is SC2164 ("Use 'cd … || exit' in case cd fails"), so this compares the `cd` part: the RUNs
 * where we report a `cd` whose failure is ignored and those where ShellCheck reports SC2164, over the
 * corpus RUN bodies and over members of the kind written here. Every difference must fall in a category
 * computed from the script (ShellCheck is run as bash; SC2164 does not depend on the dialect):
 * - "cd's status reaches the build": the `cd` is the last command (its status is the RUN's), or the end of
 *   a subshell whose status is checked: ShellCheck reports every unchecked `cd`, we only those whose
 *   failure is ignored;
 * - "function body": ShellCheck reports a `cd` in a function; we leave function bodies out (they may never
 *   be called);
 * - "compound before &&/||": ShellCheck takes everything inside a compound command that stands before
 *   `&&`/`||` as checked, but a `;` after the `cd` inside it forgets its status (nginx's module loop);
 * - "errexit from outside": the SHELL's `-e` or a heredoc's `#!/bin/sh -e` turn errexit on, which
 *   ShellCheck cannot see.
 */
import { describe, expect, it } from "vitest";
import { parseDockerfile } from "../../lib/dockerfile/parse.js";
import type { DockerfileProgram, Run } from "../../lib/dockerfile/ast.js";
import { runShellScript } from "../../lib/semantics/run/run-shell.js";
import { errexitAtStart, runIgnoredFailures } from "../../lib/semantics/shell-environment/errexit.js";
import { posixShellText } from "../../lib/semantics/run/run-shell.js";
import type { ShellCommand, ShellScript } from "../../lib/shell/model.js";
import { corpusRunBodies } from "../support/corpus-bodies.js";
import { shellCheckScripts, shellCheckUnavailable } from "../support/shellcheck.js";

const unavailable = shellCheckUnavailable();
if (unavailable) console.log(`tests/shell-oracle/no-ignored-failure.test.ts skipped: ${unavailable}`);

interface Body {
  name: string;
  text: string;
  program: DockerfileProgram;
  run: Run;
}

type Category = "cd's status reaches the build" | "function body" | "compound before &&/||" | "errexit from outside";

function isCd(command: ShellCommand): boolean {
  return command.name?.value === "cd";
}

/** Why ShellCheck and we differ on a RUN, or null when nothing explains it. */
function explain(body: Body, script: ShellScript, ours: boolean): Category | null {
  const cds = script.commands.filter((command) => isCd(command) && !command.inSubstitution && !command.inCondition);
  if (ours) {
    // Only we report: a `cd` inside a compound command that is joined by `&&`/`||`.
    const nested = cds.some((command) => command.context.length > 0 && command.nextOperator !== "&&" && command.nextOperator !== "||");
    return nested ? "compound before &&/||" : null;
  }
  if (errexitAtStart(body.program, body.run)) return "errexit from outside";
  if (cds.some((command) => command.context.some((context) => context.kind === "function-body"))) return "function body";
  // ShellCheck reports a `cd` we do not: its failure reaches the RUN's status (the last statement, or a subshell's end).
  if (cds.some((command) => command.nextOperator === null)) return "cd's status reaches the build";
  return null;
}

function compare(bodies: readonly Body[]): { agreed: number; byCategory: Map<string, number>; unexplained: string[] } {
  const findings = shellCheckScripts(bodies.map((body) => ({ text: body.text, dialect: "bash" as const })), { include: [2164] });
  const byCategory = new Map<string, number>();
  const unexplained: string[] = [];
  let agreed = 0;
  bodies.forEach((body, index) => {
    const script = runShellScript(body.program, body.run);
    if (!script) return;
    const ours = runIgnoredFailures(body.program, body.run, script).some((failure) => isCd(failure.command));
    const theirs = findings[index]!.length > 0;
    if (ours === theirs) {
      if (ours) agreed++;
      return;
    }
    const category = explain(body, script, ours);
    if (category) byCategory.set(category, (byCategory.get(category) ?? 0) + 1);
    else unexplained.push(`${ours ? "only ours" : "only ShellCheck"}: ${body.name}`);
  });
  return { agreed, byCategory, unexplained };
}

/** Members of the kind, as Dockerfiles of one RUN each. */
const MEMBERS = [
  "FROM debian:12\nRUN cd /src; make\n",
  "FROM debian:12\nRUN make; cd /src; make install\n",
  "FROM debian:12\nRUN cd /src || exit 1; make\n",
  "FROM debian:12\nRUN cd /src && make\n",
  "FROM debian:12\nRUN set -e; cd /src; make\n",
  "FROM debian:12\nRUN make; cd /src\n",
  "FROM debian:12\nRUN (cd /src; make); ls\n",
  "FROM debian:12\nRUN f() { cd /src; make; }; f\n",
  "FROM debian:12\nRUN for d in a b; do cd /src/$d; make; done && echo done\n",
  "FROM debian:12\nRUN true && if [ -d /src ]; then cd /src; make; fi && echo done\n",
  'FROM debian:12\nSHELL ["/bin/sh", "-ec"]\nRUN cd /src; make\n',
  "FROM debian:12\nRUN <<EOF\n#!/bin/sh -e\ncd /src\nmake\nEOF\n",
  "FROM debian:12\nRUN <<EOF\ncd /src\nmake\nEOF\n",
];

function memberBodies(): Body[] {
  return MEMBERS.flatMap((source, index) => {
    const parsed = parseDockerfile(source);
    if (!parsed.ok) return [];
    const run = parsed.ast.stages.at(-1)?.instructions.find((instruction): instruction is Run => instruction.type === "Run");
    const text = run ? posixShellText(parsed.ast, run) : null;
    return run && text ? [{ name: `member ${index}: ${JSON.stringify(source)}`, text: text.text, program: parsed.ast, run }] : [];
  });
}

describe.skipIf(unavailable !== null)("no-ignored-failure's cd part and ShellCheck SC2164", () => {
  it("agree on the members of the kind, except for explained differences", () => {
    const { agreed, byCategory, unexplained } = compare(memberBodies());
    expect(unexplained).toEqual([]);
    expect(agreed).toBeGreaterThanOrEqual(4);
    expect([...byCategory.keys()].sort()).toEqual(["cd's status reaches the build", "compound before &&/||", "errexit from outside", "function body"]);
  });

  const corpus = unavailable ? null : corpusRunBodies();
  if (!unavailable && !corpus) console.log("no-ignored-failure oracle on the corpus skipped: no corpus next to this repository");
  it.skipIf(!corpus)("agree on the corpus RUNs, except for explained differences", () => {
    const bodies = corpus!.map((body) => ({ name: `${body.file}:${body.line}`, text: body.shell.text, program: body.program, run: body.run }));
    const { agreed, byCategory, unexplained } = compare(bodies);
    console.log(`no-ignored-failure (cd) vs SC2164 on the corpus: ${agreed} RUNs flagged by both; differences`, Object.fromEntries(byCategory));
    expect(unexplained).toEqual([]);
  });
});
