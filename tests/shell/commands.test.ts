import { describe, expect, it } from "vitest";
import { commandName, findOptionWords, findShellStringArgument, parseShell } from "../../lib/shell/index.js";
import { seeThroughWrappers } from "../../lib/shell/commands.js";
import type { ShellCommand } from "../../lib/shell/index.js";
import { contiguousShellText } from "../../lib/shell/shell-text.js";

function first(text: string): ShellCommand {
  const s = parseShell(contiguousShellText(text));
  if (!s.ok) throw new Error(s.message);
  return s.commands[0]!;
}

describe("commandName", () => {
  it("returns the base name of static command words", () => {
    expect(commandName(first("/usr/bin/apt-get update"))).toBe("apt-get");
    expect(commandName(first("'apt-get' update"))).toBe("apt-get");
    expect(commandName(first("$CMD update"))).toBeNull();
    expect(commandName(first("FOO=1"))).toBeNull();
  });
});

describe("seeThroughWrappers", () => {
  const cases: [string, string | null, string[], string[]][] = [
    // text, effective command, its args, wrappers
    ["sudo apt-get install -y curl", "apt-get", ["install", "-y", "curl"], ["sudo"]],
    ["sudo -E -u root -- apt-get update", "apt-get", ["update"], ["sudo"]],
    ["sudo -H DEBIAN_FRONTEND=noninteractive apt-get update", "apt-get", ["update"], ["sudo"]],
    ["env -i PATH=/bin FOO=bar /usr/bin/pip install x", "pip", ["install", "x"], ["env"]],
    ["env -u HOME --chdir /tmp make", "make", [], ["env"]],
    ["nice -n 10 make -j4", "make", ["-j4"], ["nice"]],
    ["nice -10 make", "make", [], ["nice"]],
    ["nohup eatmydata apt-get install x", "apt-get", ["install", "x"], ["nohup", "eatmydata"]],
    ["gosu node npm ci", "npm", ["ci"], ["gosu"]],
    ["su-exec app:app sh -c 'x'", "sh", ["-c", "x"], ["su-exec"]],
    ["timeout -s KILL 30 curl -f http://x", "curl", ["-f", "http://x"], ["timeout"]],
    ["xargs -r -n 1 -I{} apt-mark manual", "apt-mark", ["manual"], ["xargs"]],
    ["xargs -0 -P 4 rm -f", "rm", ["-f"], ["xargs"]],
    ["exec -a name node server.js", "node", ["server.js"], ["exec"]],
    ["command -p ls", "ls", [], ["command"]],
    ["builtin cd /x", "cd", ["/x"], ["builtin"]],
    ["stdbuf -oL tail -f log", "tail", ["-f", "log"], ["stdbuf"]],
    ["time -p make", "make", [], []], // bash `time` keyword: handled by the parser, not a wrapper
    ["/usr/bin/time -f %e make", "make", [], ["time"]],
    // Not unwrapped: the wrapper runs no command.
    ["command -v curl", "command", ["-v", "curl"], []],
    ["sudo -l", "sudo", ["-l"], []],
    ["env", "env", [], []],
    ["gosu --version", "gosu", ["--version"], []],
    ["env -S 'a b'", "env", ["-S", "a b"], []],
    // Dynamic command after the wrapper.
    ["sudo $CMD x", null, ["x"], ["sudo"]],
  ];
  it.each(cases)("%s", (text, name, args, wrappers) => {
    const u = seeThroughWrappers(first(text));
    expect(u.baseName).toBe(name);
    expect(u.args.map((a) => a.value)).toEqual(args);
    expect(u.wrappers.map((w) => w.name)).toEqual(wrappers);
  });

  it("collects env assignments and marks xargs arguments incomplete", () => {
    const u = seeThroughWrappers(first("sudo env PIP_NO_CACHE_DIR=1 pip install x"));
    expect(u.envAssignments.map((w) => w.value)).toEqual(["PIP_NO_CACHE_DIR=1"]);
    expect(u.argsIncomplete).toBe(false);
    expect(seeThroughWrappers(first("xargs apt-get install -y")).argsIncomplete).toBe(true);
  });

  it("keeps the wrapper words and options for reporting", () => {
    const text = "sudo -u app npm ci";
    const u = seeThroughWrappers(first(text));
    expect(u.wrappers[0]!.word.range).toEqual([0, 4]);
    expect(u.wrappers[0]!.options.map((w) => w.value)).toEqual(["-u", "app"]);
  });
});

describe("findShellStringArgument", () => {
  const cases: [string, string | null][] = [
    ["sh -c 'echo hi'", "echo hi"],
    ["/bin/bash -c \"echo hi\"", "echo hi"],
    ["bash -lc 'make'", "make"],
    ["bash -euxo pipefail -c 'make'", "make"],
    ["bash -o pipefail -e -c 'make' arg0", "make"],
    ["bash --noprofile --norc -c 'make'", "make"],
    ["sudo -u x sh -c 'id'", "id"],
    ["busybox sh -c 'id'", "id"],
    ["su -c 'id' postgres", "id"],
    ["su postgres -s /bin/sh -c 'id'", "id"],
    ["su - app -c 'id'", "id"],
    ["runuser -l app -c 'id'", "id"],
    ["sh script.sh -c x", null],
    ["bash -e install.sh", null],
    ["sh", null],
    ["echo -c 'x'", null],
  ];
  it.each(cases)("%s", (text, script) => {
    const found = findShellStringArgument(first(text));
    expect(found?.word.value ?? null).toBe(script);
  });
});

describe("findOptionWords", () => {
  it("matches long options with values and short options in clusters", () => {
    const c = first("apt-get -yq install --no-install-recommends --option=Foo=1 -- -y");
    expect(findOptionWords(c.args, ["-y", "--yes"]).map((w) => w.value)).toEqual(["-yq"]);
    expect(findOptionWords(c.args, ["--option"]).map((w) => w.value)).toEqual(["--option=Foo=1"]);
    expect(findOptionWords(c.args, ["-q"], { clusters: false })).toEqual([]);
  });
});
