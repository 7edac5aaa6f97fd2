/**
 * no-ineffective-negation against ShellCheck's SC2251 ("This ! is not on a condition and skips errexit")
 * over the corpus RUN bodies: the RUNs each flags. Every difference must fall in a category below,
 * computed from the RUN, never from a list of files. ShellCheck is run as bash: SC2251 does not depend
 * on the dialect, and bash parses every construct the others do.
 */
import { describe, expect, it } from "vitest";
import { errexitAtStart, runIneffectiveNegations } from "../../lib/semantics/shell-environment/errexit.js";
import { runShellScript } from "../../lib/semantics/run/run-shell.js";
import { corpusRunBodies, type CorpusBody } from "../support/corpus-bodies.js";
import { shellCheckScripts, shellCheckUnavailable } from "../support/shellcheck.js";

const unavailable = shellCheckUnavailable();
const bodies = unavailable ? null : corpusRunBodies();
if (unavailable) console.log(`tests/shell-oracle/no-ineffective-negation.test.ts skipped: ${unavailable}`);
else if (!bodies) console.log("tests/shell-oracle/no-ineffective-negation.test.ts skipped: no corpus next to this repository");

/** Why we flag a RUN ShellCheck does not: errexit comes from outside the script (the SHELL's `-e`, a heredoc's `#!/bin/sh -e`), which ShellCheck cannot see. */
function errexitFromOutside(body: CorpusBody): boolean {
  return errexitAtStart(body.program, body.run);
}

describe.skipIf(!bodies)("no-ineffective-negation and ShellCheck SC2251 on the corpus", () => {
  it("flag the same RUNs, except for explained differences", () => {
    const all = bodies!;
    const findings = shellCheckScripts(all.map((body) => ({ text: body.shell.text, dialect: "bash" as const })), { include: [2251] });
    const unexplained: string[] = [];
    let agreed = 0;
    all.forEach((body, index) => {
      const script = runShellScript(body.program, body.run);
      const ours = script !== null && runIneffectiveNegations(body.program, body.run, script).length > 0;
      const theirs = findings[index]!.length > 0;
      if (ours && theirs) agreed++;
      else if (ours && !errexitFromOutside(body)) unexplained.push(`only ours: ${body.file}:${body.line}`);
      else if (theirs) unexplained.push(`only ShellCheck: ${body.file}:${body.line}`);
    });
    console.log(`no-ineffective-negation vs SC2251: ${agreed} RUNs flagged by both`);
    expect(unexplained).toEqual([]);
    // The docker-library images' checks (postgres, mysql, wordpress) are there.
    expect(agreed).toBeGreaterThanOrEqual(13);
  });
});
