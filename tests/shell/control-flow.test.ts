import { describe, expect, it } from "vitest";
import { ensuredAfter } from "../../lib/shell/control-flow.js";
import { parseCli, parseShell } from "../../lib/shell/index.js";
import type { ShellScript } from "../../lib/shell/index.js";
import { contiguousShellText } from "../../lib/shell/shell-text.js";

function script(text: string): ShellScript {
  const parsed = parseShell(contiguousShellText(text));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
}

/** Is a `clean` command run after the first `install` command on every path from it? */
function cleanedAfterInstall(text: string): boolean {
  const s = script(text);
  const install = s.commands.find((command) => command.name?.value === "install")!;
  return ensuredAfter(s, install, (command) => command.name?.value === "clean", "clean");
}

describe("ensuredAfter", () => {
  it.each([
    ["install && clean", true],
    ["install; clean", true],
    ["install || clean", false],
    ["install && x || clean", false],
    ["install || x; clean", true],
    ["install; x || clean; y", false],
    ["install; (x || clean; clean2) && clean", true],
    ["clean; install", false],
    ["install & clean", false],
    ["if c; then install && clean; fi", true],
    ["if c; then install; fi; clean", true],
    ["if c; then install; fi; if d; then clean; fi", false],
    ["install; if c; then clean; else clean; fi", true],
    ["install; if c; then clean; elif d; then { clean; }; else (x; clean); fi", true],
    ["install; if c; then clean; elif d; then x; else clean; fi", false],
    ["install; if c; then clean; fi", false],
    ["install; if c; then if d; then clean; else clean; fi; else clean; fi", true],
    ["for p in a b; do install; clean; done", true],
    ["install; case $x in *) clean;; esac", false],
    ["f() { install; }; clean", false],
    ["x=$(install); clean", false],
  ])("%s → %s", (text, expected) => {
    expect(cleanedAfterInstall(text)).toBe(expected);
  });
});

describe("parseCli operandsAfterDoubleDash", () => {
  it.each([
    ["install a b -- --flag c", 2, 4],
    ["install a b", 2, 2],
    ["-- install a", 0, 1],
  ])("%s", (text, index, count) => {
    const words = script(`gem ${text}`).commands[0]!.args;
    const cli = parseCli(words, {});
    expect(cli.operands).toHaveLength(count);
    expect(cli.operandsAfterDoubleDash).toBe(index);
  });
});
