import { describe, expect, it } from "vitest";
import type { Run } from "../../lib/dockerfile/ast.js";
import { parseDockerfile } from "../../lib/dockerfile/parse.js";
import { runShellScript } from "../../lib/semantics/run/run-shell.js";
import { errexitAtStart, errexitInEffect, shebangSetsErrexit } from "../../lib/semantics/shell-environment/errexit.js";

/** The last RUN of the file, and whether errexit is in effect at its command named `target`. */
function atTarget(dockerfile: string): { atStart: boolean; inEffect: boolean } {
  const parsed = parseDockerfile(dockerfile);
  if (!parsed.ok) throw new Error("parse");
  const program = parsed.ast;
  const run = program.stages.flatMap((stage) => stage.instructions).filter((instruction): instruction is Run => instruction.type === "Run").at(-1)!;
  const script = runShellScript(program, run)!;
  const target = script.commands.find((command) => command.name?.value === "target")!;
  return { atStart: errexitAtStart(program, run), inEffect: errexitInEffect(program, run, script, target) };
}

describe("shebangSetsErrexit", () => {
  it.each([
    ["/bin/sh -e", true],
    ["/bin/bash -ex", true],
    ["/bin/sh", false],
    ["/usr/bin/env bash", false],
    ["/usr/bin/env -S bash -e", true],
    ["/bin/bash -o errexit", true],
    ["/usr/bin/env LANG=C bash -e", true],
  ] as const)("#!%s → %s", (shebang, expected) => {
    expect(shebangSetsErrexit(shebang)).toBe(expected);
  });
});

describe("errexit in effect at a RUN's command", () => {
  it.each([
    ["FROM debian:12\nRUN target; a\n", false, false],
    ["FROM debian:12\nRUN set -eux; target; a\n", false, true],
    ['FROM debian:12\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN target; a\n', true, true],
    ['FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN target; a\n', false, false],
    // A SHELL through `env`: the options are those of the program env runs.
    ['FROM debian:12\nSHELL ["/usr/bin/env", "bash", "-euo", "pipefail", "-c"]\nRUN target; a\n', true, true],
    ['FROM debian:12\nSHELL ["/usr/bin/env", "-S", "bash", "-e", "-c"]\nRUN target; a\n', true, true],
    ['FROM debian:12\nSHELL ["env", "LANG=C.UTF-8", "bash", "-o", "errexit", "-c"]\nRUN target; a\n', true, true],
    ['FROM debian:12\nSHELL ["/usr/bin/env", "bash", "-c"]\nRUN target; a\n', false, false],
    ['FROM debian:12 AS base\nSHELL ["/bin/sh", "-ec"]\nFROM base\nRUN target; a\n', true, true],
    ['FROM debian:12\nSHELL ["/bin/sh", "-ec"]\nRUN <<EOF\n#!/bin/sh\ntarget\na\nEOF\n', false, false],
    ["FROM debian:12\nRUN <<EOF\n#!/bin/sh -e\ntarget\na\nEOF\n", true, true],
    ["FROM debian:12\nRUN set -e; sh -c 'target; a'\n", false, false],
    ["FROM debian:12\nRUN sh -ec 'target; a'\n", false, true],
    ["FROM debian:12\nRUN set -e; if b; then target; a; fi && c\n", false, false],
    ['FROM debian:12\nRUN ["sh", "-ec", "target; a"]\n', false, true],
  ] as const)("%j", (dockerfile, atStart, inEffect) => {
    expect(atTarget(dockerfile)).toEqual({ atStart, inEffect });
  });
});
