/**
 * Exec-form RUN (issue 5 item 6): one command of JSON strings, plus the script it hands `sh -c`,
 * parsed with ranges mapped through the JSON escapes into the Dockerfile source.
 */
import { describe, expect, it } from "vitest";
import { parseDockerfile } from "../../lib/dockerfile/parse.js";
import type { Run } from "../../lib/dockerfile/ast.js";
import { runShellScript } from "../../lib/semantics/run/run-shell.js";
import type { ShellScript } from "../../lib/shell/model.js";

function execScript(source: string): { script: ShellScript; source: string } {
  const result = parseDockerfile(source);
  if (!result.ok) throw new Error("Dockerfile did not parse");
  const run = result.ast.stages[0]!.instructions.find((i): i is Run => i.type === "Run")!;
  const script = runShellScript(result.ast, run);
  if (!script) throw new Error("no shell model");
  return { script, source };
}

const slice = (source: string, range: readonly number[]): string => source.slice(range[0], range[1]);

describe("exec-form RUN", () => {
  it("is one command whose words are the JSON strings", () => {
    const { script, source } = execScript('FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n');
    expect(script.form).toBe("exec");
    expect(script.commands).toHaveLength(1);
    const c = script.commands[0]!;
    expect(c.name?.value).toBe("apt-get");
    expect(c.args.map((a) => a.value)).toEqual(["install", "-y", "curl"]);
    expect(slice(source, c.name!.range)).toBe('"apt-get"');
    expect(slice(source, c.args[2]!.range)).toBe('"curl"');
    expect(c.fromShellString).toBe(false);
    expect(script.lists[0]!.items[0]!.command).toBe(c);
  });

  it("parses the script of sh -c with ranges inside the JSON string", () => {
    const { script, source } = execScript('FROM debian:12\nRUN ["/bin/sh", "-c", "apt-get update && apt-get install -y curl"]\n');
    expect(script.commands.map((c) => c.name?.value)).toEqual(["/bin/sh", "apt-get", "apt-get"]);
    const [, update, install] = script.commands;
    expect(slice(source, update!.range)).toBe("apt-get update");
    expect(slice(source, install!.range)).toBe("apt-get install -y curl");
    expect(update!.nextOperator).toBe("&&");
    expect(install!.fromShellString).toBe(true);
    expect(install!.context.map((x) => x.kind)).toEqual(["shell-string"]);
    expect(script.lists[0]!.items[0]!.commands).toHaveLength(3);
  });

  it("finds the script of /bin/bash -c, bash -ec and options before -c", () => {
    for (const [form, name] of [
      ['["/bin/bash", "-c", "make install"]', "make"],
      ['["bash", "-ec", "make install"]', "make"],
      ['["/usr/bin/dash", "-e", "-x", "-c", "make install"]', "make"],
      ['["ash", "-o", "pipefail", "-c", "make install"]', "make"],
      ['["/bin/busybox", "sh", "-c", "make install"]', "make"],
    ] as const) {
      const { script, source } = execScript(`FROM debian:12\nRUN ${form}\n`);
      const inner = script.commands.find((c) => c.fromShellString);
      expect(inner?.name?.value, form).toBe(name);
      expect(slice(source, inner!.range), form).toBe("make install");
    }
  });

  it("maps offsets through JSON escapes", () => {
    const { script, source } = execScript('FROM debian:12\nRUN ["sh", "-c", "echo \\"a b\\" \\u0041\\t&& ls \\\\x\\nuname"]\n');
    const [, echo, ls, uname] = script.commands;
    expect(echo!.args.map((a) => a.value)).toEqual(["a b", "A"]);
    // A decoded character's range is its whole escape.
    expect(slice(source, echo!.args[0]!.range)).toBe('\\"a b\\"');
    expect(slice(source, echo!.args[1]!.range)).toBe("\\u0041");
    expect(ls!.args[0]!.value).toBe("x");
    expect(slice(source, ls!.range)).toBe("ls \\\\x");
    expect(ls!.nextOperator).toBe("newline");
    expect(slice(source, uname!.range)).toBe("uname");
  });

  it("gives no inner commands for a program that runs no shell script", () => {
    for (const form of ['["sh", "./install.sh"]', '["python", "-c", "print(1)"]', '["powershell", "-Command", "Get-Item x"]']) {
      const { script } = execScript(`FROM debian:12\nRUN ${form}\n`);
      expect(script.commands, form).toHaveLength(1);
    }
  });

  it("records a script that does not parse as a failure, keeping the outer command", () => {
    const { script } = execScript('FROM debian:12\nRUN ["sh", "-c", "echo \'unterminated"]\n');
    expect(script.commands).toHaveLength(1);
    expect(script.shellStringFailures).toHaveLength(1);
  });
});
