import { describe, expect, it } from "vitest";
import type { Run } from "../../lib/dockerfile/ast.js";
import { parseDockerfile } from "../../lib/dockerfile/parse.js";
import { specialFilesCreatedBefore } from "../../lib/semantics/files/created-files.js";
import { runShellScript } from "../../lib/semantics/run/run-shell.js";

/** The special files the RUN's commands made before its last `chmod`, as [path as written, kind] pairs. */
function createdBeforeChmod(run: string): [string, string][] {
  const parsed = parseDockerfile(`FROM alpine:3.20\nRUN ${run}\n`);
  if (!parsed.ok) throw new Error("parse");
  const program = parsed.ast;
  const node = program.stages[0]!.instructions[0] as Run;
  const script = runShellScript(program, node)!;
  const chmod = script.commands.filter((command) => command.name?.value === "chmod").at(-1)!;
  return [...specialFilesCreatedBefore(script, chmod.index)];
}

describe("specialFilesCreatedBefore", () => {
  it("knows FIFOs and device nodes made by mkfifo and mknod, with their options", () => {
    expect(createdBeforeChmod("mkfifo /a /b && chmod 666 /a")).toEqual([["/a", "fifo"], ["/b", "fifo"]]);
    expect(createdBeforeChmod("mkfifo -m 600 -Z /a; mkfifo --mode=600 -- /b; chmod 666 /a")).toEqual([["/a", "fifo"], ["/b", "fifo"]]);
    expect(createdBeforeChmod("mknod -m 600 /p p && mknod /d c 1 3 && mknod /s b 8 0 && chmod 666 /p")).toEqual([
      ["/p", "fifo"],
      ["/d", "character-device"],
      ["/s", "block-device"],
    ]);
    expect(createdBeforeChmod('sudo mkfifo "$p" && chmod 666 "$p"')).toEqual([['"$p"', "fifo"]]);
  });

  it("forgets a path removed again, and does not look past the command", () => {
    expect(createdBeforeChmod("mkfifo /a && rm -f /a && touch /a && chmod 666 /a")).toEqual([]);
    expect(createdBeforeChmod("chmod 666 /a && mkfifo /a")).toEqual([]);
    expect(createdBeforeChmod("mknod /x && chmod 666 /x")).toEqual([]);
  });
});
