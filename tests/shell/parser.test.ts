/**
 * Our shell parser (lib/shell/parser), on its own terms: constructs, ranges, heredocs, failures and
 * bounded nesting. tests/shell/parse.test.ts checks the model through the public `parseShell`;
 * tests/shell/parser-oracle.test.ts compares it with mvdan-sh.
 */
import { describe, expect, it } from "vitest";
import { parseShell } from "../../lib/shell/parser/index.js";
import type { ShellParseFailure, ShellScript } from "../../lib/shell/model.js";
import { contiguousShellText } from "../../lib/shell/shell-text.js";
import { dedent } from "../support/dedent.js";

function parse(text: string): ShellScript {
  const result = parseShell(contiguousShellText(text));
  if (!result.ok) throw new Error(`parse failed: ${result.message} at ${result.textOffset}`);
  return result;
}

function fail(text: string): ShellParseFailure {
  const result = parseShell(contiguousShellText(text));
  if (result.ok) throw new Error(`parsed: ${text}`);
  return result;
}

const names = (s: ShellScript): (string | null)[] => s.commands.map((c) => c.name?.value ?? null);

describe("shell parser: words", () => {
  it("reads every quoting form with its value", () => {
    const c = parse(`echo 'a b' "c\\"d" e\\ f $'x\\ty' $"loc" "a$"`).commands[0]!;
    expect(c.args.map((a) => a.value)).toEqual(["a b", 'c"d', "e f", "x\ty", "loc", "a$"]);
    expect(c.args.map((a) => a.parts[0]!.kind)).toEqual(["single-quoted", "double-quoted", "literal", "ansi-c-quoted", "double-quoted", "double-quoted"]);
    expect(c.args.every((a) => a.quoted)).toBe(true);
  });

  it("reads parameter expansions with every operator and names the parameter", () => {
    const text = "echo $HOME $1 $@ ${x:-d} ${x-d} ${x:=d} ${x:?m} ${x:+a} ${#x} ${!x} ${x#p} ${x##p} ${x%s} ${x%%s} ${x/a/b} ${x//a/b} ${x^^} ${x,,} ${x:1:2} ${x@Q} ${arr[@]} ${#arr[*]} ${10} $# $?";
    const c = parse(text).commands[0]!;
    expect(c.args.map((a) => a.parts[0]!.parameter)).toEqual(
      ["HOME", "1", "@", "x", "x", "x", "x", "x", "x", "x", "x", "x", "x", "x", "x", "x", "x", "x", "x", "x", "arr", "arr", "10", "#", "?"],
    );
    expect(c.args.every((a) => a.hasExpansion && a.value === null)).toBe(true);
  });

  it("keeps a lone $ literal", () => {
    expect(parse("echo $ a$ '$'").commands[0]!.args.map((a) => a.value)).toEqual(["$", "a$", "$"]);
  });

  it("reads command substitutions, backquotes, arithmetic and process substitution as commands", () => {
    const s = parse("echo $(id -u) `uname` $(( $(nproc) * 2 )) ${X:-$(pwd)} <(ls) >(cat)");
    expect(names(s)).toEqual(["echo", "id", "uname", "nproc", "pwd", "ls", "cat"]);
    expect(s.commands.slice(1).every((c) => c.inSubstitution)).toBe(true);
    expect(s.commands[5]!.context[0]!.kind).toBe("process-substitution");
  });

  it("flags unquoted globs and extglobs only", () => {
    const c = parse("ls *.txt '*' \\* @(a|b)").commands[0]!;
    expect(c.args.map((a) => a.hasGlob)).toEqual([true, false, false, true]);
  });

  it("reads literal runs with non-ASCII text, escapes, globs and extglob openers", () => {
    const c = parse("ls é*ü \\é[ab] ñ\\\nx a+b a@b a!b +(x) x\\").commands[0]!;
    expect(c.args.map((a) => a.value)).toEqual(["é*ü", "é[ab]", "ñx", "a+b", "a@b", "a!b", "+(x)", "x\\"]);
    expect(c.args.map((a) => a.hasGlob)).toEqual([true, true, false, false, false, false, true, false]);
    // A backslash before a newline is a line continuation, not quoting; a trailing lone one is kept.
    expect(c.args.map((a) => a.quoted)).toEqual([false, true, false, false, false, false, false, true]);
    expect(c.args.map((a) => a.parts.map((p) => p.kind).join(","))).toEqual(["literal", "literal,literal", "literal", "literal", "literal", "literal", "extglob", "literal"]);
  });
});

describe("shell parser: commands and lists", () => {
  it("reads prefixes, bare assignments, arrays and declarations", () => {
    const s = parse("A=1 B+=2 cmd x=y; C=3; D=(a b); export E=1 F; local -r G");
    expect(names(s)).toEqual(["cmd", null, null, "export", "local"]);
    expect(s.commands[0]!.assignments.map((a) => [a.name, a.append, a.value?.value])).toEqual([["A", false, "1"], ["B", true, "2"]]);
    expect(s.commands[0]!.args.map((a) => a.value)).toEqual(["x=y"]);
    expect(s.commands[2]!.assignments[0]).toMatchObject({ name: "D", isArray: true, value: null });
    expect(s.commands[3]!.kind).toBe("declaration");
    expect(s.commands[3]!.args.map((a) => a.value)).toEqual(["E=1", "F"]);
  });

  it("reads redirects with fds and several heredocs on one line", () => {
    const text = dedent`
      cat <<A 2>&1 <<-'B' >out
      a $(x)
      A
      \tb $(y)
      \tB
      echo after`;
    const s = parse(text);
    const cat = s.commands[0]!;
    expect(cat.redirects.map((r) => [r.op, r.fd, r.target?.value])).toEqual([["<<", null, "A"], [">&", "2", "1"], ["<<-", null, "B"], [">", null, "out"]]);
    expect(cat.redirects[0]!.heredoc?.raw).toBe("a $(x)\n");
    expect(cat.redirects[2]!.heredoc?.raw).toBe("\tb $(y)\n\t");
    // Only the unquoted heredoc's substitution is a command.
    expect(names(s)).toEqual(["cat", "x", "echo"]);
    expect(s.lists[0]!.items.map((i) => i.command?.name?.value)).toEqual(["cat", "echo"]);
    expect(s.lists[0]!.items[0]!.commands.map((c) => c.name?.value)).toEqual(["cat", "x"]);
  });

  it("joins pipelines, and-or lists and terminators", () => {
    const s = parse("a | b |& c && d || e; f & g\nh");
    expect(s.commands.map((c) => c.nextOperator)).toEqual(["|", "|&", "&&", "||", ";", "&", "newline", null]);
    expect(s.pipelines).toHaveLength(1);
    expect(s.pipelines[0]!.operators).toEqual(["|", "|&"]);
    expect(s.commands[4]!.conditional).toBe(true);
    expect(s.commands[5]!.background).toBe(true);
  });

  it("negates a whole pipeline with !", () => {
    const s = parse("! a | b && c");
    expect(s.commands.map((c) => c.negated)).toEqual([true, true, false]);
    expect(s.pipelines[0]!.negated).toBe(true);
  });

  it("reads every compound command with its context", () => {
    const text = [
      "{ a; }",
      "( b )",
      "if c; then d; elif e; then f; else g; fi",
      "for x in 1 2; do h; done",
      "for ((i=0; i<2; i++)); do i; done",
      "while j; do k; done",
      "until l; do m; done",
      "case $x in a|b) n ;; (*) o ;& esac",
      "[[ -f $(p) && $y =~ ^(a|b)$ ]]",
      "(( $(q) + 1 ))",
      "fn() { r; }",
      "function fn2 { s; }",
      "time t | u",
    ].join("\n");
    const s = parse(text);
    const kinds = (name: string): string[] => s.commands.find((c) => c.name?.value === name)!.context.map((c) => c.kind);
    expect(kinds("a")).toEqual(["group"]);
    expect(kinds("b")).toEqual(["subshell"]);
    expect(kinds("c")).toEqual(["if-condition"]);
    expect(kinds("d")).toEqual(["if-body"]);
    expect(kinds("f")).toEqual(["if-body"]);
    expect(kinds("g")).toEqual(["else-body"]);
    expect(kinds("h")).toEqual(["for-body"]);
    expect(kinds("i")).toEqual(["for-body"]);
    expect(kinds("j")).toEqual(["while-condition"]);
    expect(kinds("m")).toEqual(["until-body"]);
    expect(kinds("n")).toEqual(["case-body"]);
    expect(kinds("o")).toEqual(["case-body"]);
    expect(kinds("p")).toEqual(["command-substitution"]);
    expect(kinds("q")).toEqual(["command-substitution"]);
    expect(kinds("r")).toEqual(["function-body", "group"]);
    expect(kinds("s")).toEqual(["function-body", "group"]);
    expect(kinds("t")).toEqual(["time"]);
    expect(s.lists[0]!.items.map((i) => i.kind)).toEqual(["group", "subshell", "if", "for", "for", "while", "until", "case", "test", "arithmetic", "function", "function", "time"]);
  });

  it("reads commands named like Object.prototype's members as commands", () => {
    // The misplaced reserved words are looked up by name: `constructor` is not one of them.
    for (const name of ["constructor", "toString", "hasOwnProperty", "__proto__", "valueOf"]) {
      expect(names(parse(`${name} x && ${name}`)), name).toEqual([name, name]);
    }
    for (const word of ["then", "elif", "else", "fi", "do", "done", "esac", "}"]) {
      expect(fail(`${word} x`).message, word).toContain("can only be used");
    }
  });

  it("skips comments and line continuations", () => {
    expect(names(parse("a # not b\nc \\\n d; # e"))).toEqual(["a", "c"]);
  });

  it("parses sh -c scripts with ranges in the outer text", () => {
    const text = `bash -ec "apt-get update && echo \\"x\\""`;
    const s = parse(text);
    const apt = s.commands.find((c) => c.name?.value === "apt-get")!;
    expect(apt.fromShellString).toBe(true);
    expect(apt.textRange).toEqual([text.indexOf("apt-get"), text.indexOf("apt-get") + "apt-get update".length]);
  });
});

describe("shell parser: failures", () => {
  it("rejects unbalanced input with an offset and never throws", () => {
    for (const text of ["echo 'x", 'echo "x', "echo $(x", "echo ${x", "if a; then b", "{ a;", "( a", "case x in a) b", "a |", "a &&", "fi", "done", "cat <<EOF", "echo `x", "for x in; do", "a ) b"]) {
      const f = fail(text);
      expect(f.textOffset, text).toBeGreaterThanOrEqual(0);
      expect(f.textOffset, text).toBeLessThanOrEqual(text.length);
    }
    expect(fail("echo 'x").incomplete).toBe(true);
  });

  it("fails cleanly on deep nesting instead of overflowing the stack", () => {
    for (const text of ["(".repeat(5000), "$(".repeat(5000), '"$('.repeat(3000), "{ ".repeat(5000), "${x:-".repeat(5000), "if a; then ".repeat(3000)]) {
      expect(parseShell(contiguousShellText(text)).ok).toBe(false);
    }
    // Moderate nesting is fine.
    expect(parse(`${"( ".repeat(30)}a${" )".repeat(30)}`).commands).toHaveLength(1);
  });

  it("falls back to POSIX where bash reads ((…)) as arithmetic", () => {
    const s = parse("((cd /x); ls)");
    expect(s.dialect).toBe("posix");
    expect(names(s)).toEqual(["cd", "ls"]);
  });
});
