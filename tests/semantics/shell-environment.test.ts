import { describe, expect, it } from "vitest";
import type { Run } from "../../lib/dockerfile/ast.js";
import { parseDockerfile } from "../../lib/dockerfile/parse.js";
import { runShellScript } from "../../lib/semantics/run/run-shell.js";
import { environmentAt } from "../../lib/semantics/shell-environment/shell-environment.js";
import { dedent } from "../support/dedent.js";

/** The value of `name` where the last command named `at` of the last RUN runs. */
function valueAt(dockerfile: string, at: string, name: string): string | null | undefined {
  const parsed = parseDockerfile(dockerfile);
  if (!parsed.ok) throw new Error("parse");
  const program = parsed.ast;
  const runs = program.stages.flatMap((stage) => stage.instructions.filter((instruction): instruction is Run => instruction.type === "Run"));
  const run = runs.at(-1)!;
  const script = runShellScript(program, run)!;
  const command = script.commands.filter((c) => c.name?.value === at).at(-1)!;
  return environmentAt(program, run, script, command)(name);
}

describe("environmentAt", () => {
  it("reads ENV and ARG of the stage and of the stages it is built on", () => {
    expect(valueAt(dedent`
      FROM a AS base
      ENV X=1
      FROM base
      RUN cmd`, "cmd", "X")).toBe("1");
    expect(valueAt("FROM a\nARG X\nRUN cmd", "cmd", "X")).toBeNull();
    expect(valueAt("FROM a\nRUN cmd\nENV X=1", "cmd", "X")).toBeUndefined();
  });

  it("follows exports and assignments on the path that reaches the command", () => {
    expect(valueAt("FROM a\nRUN export X=1 && cmd", "cmd", "X")).toBe("1");
    expect(valueAt("FROM a\nRUN set -eux; export X=1; cmd", "cmd", "X")).toBe("1");
    expect(valueAt("FROM a\nRUN a && export X=1 && cmd", "cmd", "X")).toBe("1");
    expect(valueAt("FROM a\nRUN declare -x X=2\nRUN declare -x X=3; cmd", "cmd", "X")).toBe("3");
    expect(valueAt("FROM a\nRUN export X=1; sh -c 'cmd'", "cmd", "X")).toBe("1");
  });

  it("counts an assignment that may not run as possibly set (null)", () => {
    expect(valueAt("FROM a\nRUN false || export X=1; cmd", "cmd", "X")).toBeNull();
    expect(valueAt("FROM a\nRUN a && export X=1; cmd", "cmd", "X")).toBeNull();
    expect(valueAt("FROM a\nRUN if t; then export X=1; fi; cmd", "cmd", "X")).toBeNull();
    // A plain assignment reaches a child process only when the name is exported.
    expect(valueAt("FROM a\nRUN X=1; cmd", "cmd", "X")).toBeNull();
    expect(valueAt("FROM a\nENV X=0\nRUN X=1; cmd", "cmd", "X")).toBe("1");
  });

  it("keeps what a subshell, a substitution or a pipeline element assigns inside it", () => {
    expect(valueAt("FROM a\nRUN (export X=1); cmd", "cmd", "X")).toBeUndefined();
    expect(valueAt("FROM a\nRUN echo $(export X=1); cmd", "cmd", "X")).toBeUndefined();
    expect(valueAt("FROM a\nRUN export X=1 | true; cmd", "cmd", "X")).toBeUndefined();
    expect(valueAt("FROM a\nRUN cmd; export X=1", "cmd", "X")).toBeUndefined();
  });

  it("reads prefixes and env/sudo assignments of the command itself first", () => {
    expect(valueAt("FROM a\nENV X=0\nRUN X=2 cmd", "cmd", "X")).toBe("2");
    expect(valueAt("FROM a\nRUN env X=3 cmd", "env", "X")).toBe("3");
    expect(valueAt("FROM a\nENV X=0\nRUN unset X; cmd", "cmd", "X")).toBeUndefined();
  });
});
