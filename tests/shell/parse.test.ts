import { describe, expect, it } from "vitest";
import { getShellScript, parseShell } from "../../lib/shell/index.js";
import type { ShellCommand, ShellScript, ShellText } from "../../lib/shell/index.js";
import { contiguousShellText } from "../../lib/shell/shell-text.js";
import { dedent } from "../support/dedent.js";

function parse(text: string, sourceStart = 0): ShellScript {
  const result = parseShell(contiguousShellText(text, sourceStart));
  if (!result.ok) throw new Error(`parse failed: ${result.message}`);
  return result;
}

function names(script: ShellScript): (string | null)[] {
  return script.commands.map((c) => c.name?.value ?? null);
}

function byName(script: ShellScript, name: string, nth = 0): ShellCommand {
  const found = script.commands.filter((c) => c.name?.value === name)[nth];
  if (!found) throw new Error(`no command ${name}`);
  return found;
}

/** Range of the n-th occurrence of `needle` in `text`. */
function at(text: string, needle: string, nth = 0, base = 0): [number, number] {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i === -1) throw new Error(`${needle} not found`);
  }
  return [base + i, base + i + needle.length];
}

describe("parseShell: simple commands and words", () => {
  it("splits names, arguments and assignments with exact ranges", () => {
    const text = "DEBIAN_FRONTEND=noninteractive apt-get install -y curl";
    const s = parse(text, 100);
    expect(s.commands).toHaveLength(1);
    const c = s.commands[0]!;
    expect(c.kind).toBe("simple");
    expect(c.name?.value).toBe("apt-get");
    expect(c.name?.range).toEqual([131, 138]);
    expect(c.name?.textRange).toEqual([31, 38]);
    expect(c.args.map((a) => a.value)).toEqual(["install", "-y", "curl"]);
    expect(c.args[2]!.range).toEqual([150, 154]);
    expect(c.assignments).toHaveLength(1);
    expect(c.assignments[0]).toMatchObject({ name: "DEBIAN_FRONTEND", append: false, raw: "DEBIAN_FRONTEND=noninteractive", range: [100, 130] });
    expect(c.assignments[0]!.value?.value).toBe("noninteractive");
    expect(c.range).toEqual([100, 154]);
    expect(c.textRange).toEqual([0, 54]);
  });

  it("removes quotes and escapes in values; flags expansions and globs", () => {
    const text = `echo 'a b' "c\\"d" e\\ f $HOME "x$(id -u)y" $'t\\tu' /var/lib/apt/lists/* "*"`;
    const c = parse(text).commands[0]!;
    const [sq, dq, esc, param, mixed, ansi, glob, quotedGlob] = c.args;
    expect(sq).toMatchObject({ value: "a b", raw: "'a b'", quoted: true, hasExpansion: false });
    expect(dq).toMatchObject({ value: 'c"d', raw: '"c\\"d"', quoted: true });
    expect(esc).toMatchObject({ value: "e f", raw: "e\\ f", quoted: true });
    expect(param).toMatchObject({ value: null, raw: "$HOME", hasExpansion: true });
    expect(param!.parts[0]).toMatchObject({ kind: "parameter", parameter: "HOME" });
    expect(mixed).toMatchObject({ value: null, hasExpansion: true });
    expect(ansi).toMatchObject({ value: "t\tu", raw: "$'t\\tu'" });
    expect(ansi!.parts[0]!.kind).toBe("ansi-c-quoted");
    expect(glob).toMatchObject({ value: "/var/lib/apt/lists/*", hasGlob: true, quoted: false });
    expect(quotedGlob).toMatchObject({ value: "*", hasGlob: false, quoted: true });
    // The command substitution inside the double quotes is a command too.
    const id = byName(parse(text), "id");
    expect(id.inSubstitution).toBe(true);
    expect(id.range).toEqual(at(text, "id -u"));
  });

  it("maps UTF-8 byte offsets to UTF-16 offsets with non-ASCII text", () => {
    const text = 'echo "héllo wörld" 𝄞 && printf "→%s" ü';
    const s = parse(text, 1000);
    const echo = s.commands[0]!;
    expect(echo.args[0]!.value).toBe("héllo wörld");
    expect(echo.args[0]!.range).toEqual(at(text, '"héllo wörld"', 0, 1000));
    expect(echo.args[1]!.value).toBe("𝄞");
    expect(echo.args[1]!.textRange).toEqual([19, 21]);
    expect(echo.range).toEqual([1000, 1021]);
    const printf = s.commands[1]!;
    expect(printf.range).toEqual(at(text, 'printf "→%s" ü', 0, 1000));
    expect(printf.args[1]!.textRange).toEqual([text.length - 1, text.length]);
  });

  it("maps ranges across joined continuation lines and dropped comment lines", () => {
    // RUN apt-get update && \
    //     # comment
    //     apt-get install -y curl
    const source = dedent`
      RUN apt-get update && \\
          # comment
          apt-get install -y curl
    `;
    const shell: ShellText = {
      text: "apt-get update &&     apt-get install -y curl",
      segments: [
        { textStart: 0, sourceStart: 4, length: 18 },
        { textStart: 18, sourceStart: 38, length: 27 },
      ],
    };
    const s = parseShell(shell);
    if (!s.ok) throw new Error(s.message);
    const [update, install] = s.commands;
    expect(update!.range).toEqual([4, 18]);
    expect(source.slice(...update!.range)).toBe("apt-get update");
    expect(update!.nextOperator).toBe("&&");
    expect(install!.textRange).toEqual([22, 45]);
    expect(install!.range).toEqual([42, 65]);
    expect(source.slice(...install!.range)).toBe("apt-get install -y curl");
    expect(install!.args[2]!.range).toEqual([61, 65]);
    // The list spans both lines.
    expect(s.lists[0]!.range).toEqual([4, 65]);
  });

  it("maps a word split by a continuation to its two halves", () => {
    // RUN apt-get ins\
    // tall curl
    const source = "RUN apt-get ins\\\ntall curl";
    const shell: ShellText = {
      text: "apt-get install curl",
      segments: [
        { textStart: 0, sourceStart: 4, length: 11 },
        { textStart: 11, sourceStart: 17, length: 9 },
      ],
    };
    const s = parseShell(shell);
    if (!s.ok) throw new Error(s.message);
    const word = s.commands[0]!.args[0]!;
    expect(word.value).toBe("install");
    expect(word.range).toEqual([12, 21]);
    expect(source.slice(...word.range)).toBe("ins\\\ntall");
    expect(s.commands[0]!.args[1]!.range).toEqual([22, 26]);
  });

  it("treats declarations (export/local/readonly/declare) as commands with assignment operands", () => {
    const text = "export PATH=/opt/bin:$PATH LANG=C.UTF-8 FOO && declare -x A=1";
    const s = parse(text);
    const exp = s.commands[0]!;
    expect(exp.kind).toBe("declaration");
    expect(exp.name?.value).toBe("export");
    expect(exp.args.map((a) => a.value)).toEqual([null, "LANG=C.UTF-8", "FOO"]);
    expect(exp.args[0]!.raw).toBe("PATH=/opt/bin:$PATH");
    expect(exp.assignments.map((a) => a.name)).toEqual(["PATH", "LANG"]);
    expect(exp.range).toEqual(at(text, "export PATH=/opt/bin:$PATH LANG=C.UTF-8 FOO"));
    const decl = s.commands[1]!;
    expect(decl.args.map((a) => a.value)).toEqual(["-x", "A=1"]);
  });

  it("models a bare assignment as a command without a name", () => {
    const s = parse("X=1 Y=$(pwd)");
    expect(s.commands[0]!.name).toBeNull();
    expect(s.commands[0]!.assignments.map((a) => a.name)).toEqual(["X", "Y"]);
    expect(byName(s, "pwd").inSubstitution).toBe(true);
  });
});

describe("parseShell: operators and lists", () => {
  it("records the operator joining each command to the next", () => {
    const text = "a && b || c; d & e | f |& g\nh";
    const s = parse(text);
    expect(names(s)).toEqual(["a", "b", "c", "d", "e", "f", "g", "h"]);
    expect(s.commands.map((c) => c.nextOperator)).toEqual(["&&", "||", ";", "&", "|", "|&", "newline", null]);
    expect(s.commands.map((c) => c.prevOperator)).toEqual([null, "&&", "||", ";", "&", "|", "|&", "newline"]);
    expect(byName(s, "d").background).toBe(true);
    expect(byName(s, "c").conditional).toBe(true);
    expect(byName(s, "b").conditional).toBe(false);
    expect(s.lists).toHaveLength(1);
    expect(s.lists[0]!.items.map((i) => i.operator)).toEqual(["&&", "||", ";", "&", "|", "|&", "newline", null]);
  });

  it("backgrounds every command of a backgrounded and-or list; negation applies to a pipeline", () => {
    const s = parse("a && b & ! c | d; ! e && f");
    expect(byName(s, "a").background).toBe(true);
    expect(byName(s, "b").background).toBe(true);
    expect(byName(s, "c").negated).toBe(true);
    expect(byName(s, "d").negated).toBe(true);
    expect(byName(s, "e").negated).toBe(true);
    expect(byName(s, "f").negated).toBe(false);
  });
});

describe("parseShell: pipelines", () => {
  it("lists pipelines with their elements and marks piped commands", () => {
    const text = "curl -fsSL https://x.sh | bash -s -- -y && cat a | grep b | sort > out";
    const s = parse(text);
    expect(s.pipelines).toHaveLength(2);
    const [p1, p2] = s.pipelines;
    expect(p1!.operators).toEqual(["|"]);
    expect(p1!.elements.map((e) => e.command?.name?.value)).toEqual(["curl", "bash"]);
    expect(p1!.range).toEqual(at(text, "curl -fsSL https://x.sh | bash -s -- -y"));
    expect(p2!.elements).toHaveLength(3);
    expect(p2!.range).toEqual(at(text, "cat a | grep b | sort > out"));
    const curl = byName(s, "curl");
    expect(curl).toMatchObject({ pipedTo: true, pipedFrom: false, pipelineIndex: 0 });
    expect(curl.pipeline).toBe(p1);
    expect(byName(s, "bash")).toMatchObject({ pipedTo: false, pipedFrom: true, pipelineIndex: 1 });
    expect(byName(s, "grep")).toMatchObject({ pipedTo: true, pipedFrom: true, pipelineIndex: 1 });
    expect(byName(s, "sort").redirects[0]).toMatchObject({ op: ">", raw: "> out" });
    expect(byName(s, "sort").range).toEqual(at(text, "sort > out"));
  });

  it("gives compound pipeline elements all their nested commands", () => {
    const s = parse("wget -O- https://x | (cd /tmp && tar xz)");
    const p = s.pipelines[0]!;
    expect(p.elements[1]!.command).toBeNull();
    expect(p.elements[1]!.commands.map((c) => c.name?.value)).toEqual(["cd", "tar"]);
    expect(byName(s, "tar").pipeline).toBeNull();
  });
});

describe("parseShell: nesting", () => {
  it("finds commands in subshells, groups, if/for/while/case bodies and functions", () => {
    const text =
      "(cd /src && make) ; { echo a; } ; if [ -f x ]; then rm x; elif true; then :; else touch y; fi ; " +
      "for f in *.deb; do dpkg -i $f; done ; while false; do sleep 1; done ; case $A in a) ls ;; esac ; g() { id; }";
    const s = parse(text);
    expect(names(s)).toEqual(["cd", "make", "echo", "[", "rm", "true", ":", "touch", "dpkg", "false", "sleep", "ls", "id"]);
    expect(byName(s, "cd").context.map((c) => c.kind)).toEqual(["subshell"]);
    expect(byName(s, "cd").context[0]!.range).toEqual(at(text, "(cd /src && make)"));
    expect(byName(s, "cd").nextOperator).toBe("&&");
    expect(byName(s, "make").nextOperator).toBeNull();
    expect(byName(s, "echo").context.map((c) => c.kind)).toEqual(["group"]);
    expect(byName(s, "[")).toMatchObject({ inCondition: true, conditional: true });
    expect(byName(s, "rm").context.map((c) => c.kind)).toEqual(["if-body"]);
    expect(byName(s, "rm")).toMatchObject({ inCondition: false, conditional: true });
    expect(byName(s, "true").inCondition).toBe(true);
    expect(byName(s, "touch").context.map((c) => c.kind)).toEqual(["else-body"]);
    expect(byName(s, "dpkg").context.map((c) => c.kind)).toEqual(["for-body"]);
    expect(byName(s, "false").context.map((c) => c.kind)).toEqual(["while-condition"]);
    expect(byName(s, "sleep").context.map((c) => c.kind)).toEqual(["while-body"]);
    expect(byName(s, "ls").context.map((c) => c.kind)).toEqual(["case-body"]);
    expect(byName(s, "id").context.map((c) => c.kind)).toEqual(["function-body", "group"]);
    expect(byName(s, "cd").conditional).toBe(false);
    // Top-level list items.
    expect(s.lists[0]!.items.map((i) => i.kind)).toEqual(["subshell", "group", "if", "for", "while", "case", "function"]);
    expect(s.lists[0]!.items[0]!.commands.map((c) => c.name?.value)).toEqual(["cd", "make"]);
  });

  it("finds commands in command and process substitutions, also nested in parameter expansions", () => {
    const text = 'VERSION=$(curl -s https://x | jq -r .tag) apt-get install -y "pkg=${V:-$(cat v)}" <(ls) `uname -m`';
    const s = parse(text);
    expect(names(s)).toEqual(["apt-get", "curl", "jq", "cat", "ls", "uname"]);
    const curl = byName(s, "curl");
    expect(curl.inSubstitution).toBe(true);
    expect(curl.context.map((c) => c.kind)).toEqual(["command-substitution"]);
    expect(curl.context[0]!.range).toEqual(at(text, "$(curl -s https://x | jq -r .tag)"));
    expect(curl.pipedTo).toBe(true);
    expect(byName(s, "ls").context.map((c) => c.kind)).toEqual(["process-substitution"]);
    expect(byName(s, "uname").range).toEqual(at(text, "uname -m"));
    expect(byName(s, "apt-get").inSubstitution).toBe(false);
    expect(s.commands.map((c) => c.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("parses heredocs inside the shell text", () => {
    const text = dedent`
      cat <<'EOF' > /etc/x.conf
      key=$value
      EOF
      echo done`;
    const s = parse(text);
    const cat = s.commands[0]!;
    expect(cat.redirects.map((r) => r.op)).toEqual(["<<", ">"]);
    expect(cat.redirects[0]!.target?.value).toBe("EOF");
    expect(cat.redirects[0]!.heredoc?.raw).toBe("key=$value\n");
    expect(cat.range).toEqual(at(text, "cat <<'EOF' > /etc/x.conf"));
    expect(cat.nextOperator).toBe("newline");
    expect(s.commands[1]!.name?.value).toBe("echo");
  });
});

describe("parseShell: heredoc bodies", () => {
  it("finds commands substituted in an unquoted heredoc body and strips tabs for <<-", () => {
    const text = dedent`
      cat <<-EOF > /etc/motd
      \tbuilt on $(date -u)
      \tEOF
      apt-get update`;
    const s = parse(text);
    expect(names(s)).toEqual(["cat", "date", "apt-get"]);
    expect(byName(s, "date").range).toEqual(at(text, "date -u"));
    expect(byName(s, "date").inSubstitution).toBe(true);
    expect(byName(s, "cat").redirects[0]!.op).toBe("<<-");
  });
});

describe("parseShell: redirects", () => {
  it("parses redirect operators, fds and targets", () => {
    const text = "cmd >out 2>&1 <in >>log &>all 3<>rw <<<word >|clob";
    const c = parse(text).commands[0]!;
    expect(c.redirects.map((r) => [r.op, r.fd, r.target?.value])).toEqual([
      [">", null, "out"],
      [">&", "2", "1"],
      ["<", null, "in"],
      [">>", null, "log"],
      ["&>", null, "all"],
      ["<>", "3", "rw"],
      ["<<<", null, "word"],
      [">|", null, "clob"],
    ]);
    expect(c.redirects[1]!.range).toEqual(at(text, "2>&1"));
    expect(c.range).toEqual([0, text.length]);
  });

  it("includes a leading redirect in the command range", () => {
    const text = ">/dev/null 2>&1 command -v curl";
    const c = parse(text).commands[0]!;
    expect(c.name?.value).toBe("command");
    expect(c.range).toEqual([0, text.length]);
  });
});

describe("parseShell: sh -c strings", () => {
  it("parses a single-quoted script with exact ranges inside the string", () => {
    const text = "sh -c 'apt-get update && apt-get install -y curl'";
    const s = parse(text, 50);
    expect(names(s)).toEqual(["sh", "apt-get", "apt-get"]);
    const inner = s.commands[2]!;
    expect(inner.fromShellString).toBe(true);
    expect(inner.context.map((c) => c.kind)).toEqual(["shell-string"]);
    expect(inner.context[0]!.range).toEqual(at(text, "'apt-get update && apt-get install -y curl'", 0, 50));
    expect(inner.range).toEqual(at(text, "apt-get install -y curl", 0, 50));
    expect(inner.args[2]!.range).toEqual(at(text, "curl", 0, 50));
    expect(inner.prevOperator).toBe("&&");
    expect(s.commands[0]!.fromShellString).toBe(false);
  });

  it("maps a double-quoted script with escapes character by character", () => {
    const text = 'bash -euxo pipefail -c "echo \\"hi\\" > /x && rm -rf /var/lib/apt/lists/*"';
    const s = parse(text);
    expect(names(s)).toEqual(["bash", "echo", "rm"]);
    const echo = byName(s, "echo");
    expect(echo.args[0]!.value).toBe("hi");
    // The inner word starts at the quote the inner shell sees (after the outer escape).
    const escaped = at(text, '\\"hi\\"');
    expect(echo.args[0]!.range).toEqual([escaped[0] + 1, escaped[1]]);
    expect(byName(s, "rm").range).toEqual(at(text, "rm -rf /var/lib/apt/lists/*"));
  });

  it("sees through wrappers and su -c", () => {
    const s = parse("sudo -u app sh -c 'npm ci' && su postgres -c \"psql -c 'select 1'\"");
    expect(names(s)).toEqual(["sudo", "npm", "su", "psql"]);
    expect(byName(s, "psql").fromShellString).toBe(true);
  });

  it("falls back to the string's range for $'…' scripts", () => {
    const text = "sh -c $'ls\\nid'";
    const s = parse(text);
    expect(names(s)).toEqual(["sh", "ls", "id"]);
    expect(byName(s, "id").range).toEqual(at(text, "$'ls\\nid'"));
  });

  it("keeps expansions of a double-quoted script as expansions of the inner script", () => {
    const text = 'su node -c "umask 0002 && npm install -g ${PKGS} $(cat list)"';
    const s = parse(text);
    expect(names(s)).toEqual(["su", "umask", "npm", "cat", "cat"]);
    const npm = byName(s, "npm");
    expect(npm.fromShellString).toBe(true);
    expect(npm.args.map((a) => a.value)).toEqual(["install", "-g", null, null]);
    expect(npm.args[2]!.raw).toBe("${PKGS}");
    expect(npm.args[2]!.range).toEqual(at(text, "${PKGS}"));
    expect(npm.range).toEqual(at(text, "npm install -g ${PKGS} $(cat list)"));
    // `cat` runs in the outer shell's substitution first, then again inside the inner script.
    expect(s.commands.filter((c) => c.name?.value === "cat").map((c) => c.fromShellString)).toEqual([false, true]);
  });

  it("reports unparsable scripts without failing the RUN", () => {
    const text = "sh -c \"$CMD\" ; bash -c 'echo \"unterminated'";
    const s = parse(text);
    expect(s.shellStringFailures).toHaveLength(1);
    expect(s.shellStringFailures[0]!.message).toContain("without closing quote");
    expect(s.shellStringFailures[0]!.offset).toBe(text.indexOf('"unterminated'));
    // `sh -c "$CMD"`: the inner command's name is dynamic.
    expect(s.commands.map((c) => c.name?.value ?? null)).toEqual(["sh", null, "bash"]);
  });

  it("does not treat a script file as a -c string", () => {
    expect(names(parse("sh ./install.sh -c x"))).toEqual(["sh"]);
  });
});

describe("parseShell: failures and dialects", () => {
  it("returns a failure with message and source offset (never throws)", () => {
    const r = parseShell(contiguousShellText('echo "oops', 10));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toBe('reached EOF without closing quote "');
    expect(r.textOffset).toBe(5);
    expect(r.offset).toBe(15);
    expect(r.incomplete).toBe(true);
  });

  it("maps failure offsets through UTF-8", () => {
    const r = parseShell(contiguousShellText("echo é €; fi"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.textOffset).toBe(10);
  });

  it("reports unbalanced syntax", () => {
    for (const text of ["if true; then", "a &&", "foo )", "case x in"]) {
      const r = parseShell(contiguousShellText(text));
      expect(r.ok, text).toBe(false);
    }
  });

  it("fails on PowerShell bodies (the Dockerfile layer turns shell analysis off for them)", () => {
    const r = parseShell(contiguousShellText("$ErrorActionPreference = 'Stop'; if (Test-Path x) { Remove-Item x }"));
    expect(r.ok).toBe(false);
  });

  it("parses bash-isms by default and falls back to POSIX", () => {
    const bash = parse("[[ -f x ]] && arr=(1 2) && echo ${x//a/b} &>/dev/null");
    expect(bash.dialect).toBe("bash");
    // `[[ ]]` is a test clause (no command); `arr=(1 2)` a bare assignment.
    expect(names(bash)).toEqual([null, "echo"]);
    const posix = parseShell(contiguousShellText("echo ${x//a/b}"), { dialect: "posix" });
    expect(posix.ok && posix.dialect).toBe("bash");
    const nested = parseShell(contiguousShellText("((cd /x); ls)"));
    expect(nested.ok && nested.dialect).toBe("posix");
  });
});

describe("getShellScript", () => {
  it("caches by ShellText identity", () => {
    const shell = contiguousShellText("apt-get update");
    const a = getShellScript(shell);
    expect(getShellScript(shell)).toBe(a);
    expect(getShellScript(contiguousShellText("apt-get update"))).not.toBe(a);
  });

  it("returns plain data (no mvdan-sh objects)", () => {
    const s = getShellScript(contiguousShellText("a $(b) | c"));
    const seen = new Set<unknown>();
    const visit = (v: unknown): void => {
      if (v === null || typeof v !== "object" || seen.has(v)) return;
      seen.add(v);
      for (const x of Object.values(v)) expect(typeof x).not.toBe("function");
      const proto = Object.getPrototypeOf(v);
      expect(proto === Object.prototype || proto === Array.prototype).toBe(true);
      for (const x of Object.values(v)) visit(x);
    };
    visit(s);
  });
});
