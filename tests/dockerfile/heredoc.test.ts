/** Heredocs (BuildKit dockerfile syntax 1.4+): markers, bodies, scripts. */
import { describe, expect, it } from "vitest";
import type { Heredoc } from "../../lib/dockerfile/ast.js";
import { parseHeredocWord } from "../../lib/dockerfile/heredoc.js";
import { toSourceStartOffset } from "../../lib/dockerfile/shell-text.js";
import { expectVerbatimMapping, only, parseErrors, parseOk, slice } from "./support/helpers.js";
import { dedent } from "../support/dedent.js";

function heredocSummary(text: string, heredoc: Heredoc): Record<string, unknown> {
  return {
    delimiter: heredoc.delimiter,
    quoted: heredoc.quoted,
    stripTabs: heredoc.stripTabs,
    fd: heredoc.fd,
    marker: slice(text, heredoc.markerRange),
    body: slice(text, heredoc.bodyRange),
    terminator: slice(text, heredoc.terminatorRange),
    content: heredoc.content.text,
    node: slice(text, heredoc.range),
  };
}

describe("heredocs", () => {
  it("RUN <<EOF: the body is the script", () => {
    const text = dedent`
      FROM a
      RUN <<EOF
      apt-get update
      apt-get install -y curl
      EOF
      CMD x
    `;
    const run = only(text, "Run");
    expect(run.heredocs.map((h) => heredocSummary(text, h))).toEqual([
      {
        delimiter: "EOF",
        quoted: false,
        stripTabs: false,
        fd: null,
        marker: "<<EOF",
        body: "apt-get update\napt-get install -y curl\n",
        terminator: "EOF",
        content: "apt-get update\napt-get install -y curl\n",
        node: "apt-get update\napt-get install -y curl\nEOF",
      },
    ]);
    expect(slice(text, run.range)).toBe(dedent`
      RUN <<EOF
      apt-get update
      apt-get install -y curl
      EOF`);
    expect(run.loc).toEqual({ start: { line: 2, column: 0 }, end: { line: 5, column: 3 } });
    expect(run.heredocs[0]!.loc).toEqual({ start: { line: 3, column: 0 }, end: { line: 5, column: 3 } });
    expect(run.script?.kind).toBe("heredoc");
    expect(run.script?.text.text).toBe("apt-get update\napt-get install -y curl\n");
    expect(run.script?.kind === "heredoc" && run.script.shebang).toBe(null);
    expectVerbatimMapping(text, run.script!.text);
    expect(toSourceStartOffset(run.script!.text, run.script!.text.text.indexOf("curl"))).toBe(text.indexOf("curl"));
  });

  it("RUN python3 <<EOF: the shell gets the command with a rebuilt heredoc", () => {
    const text = dedent`
      FROM a
      RUN python3 <<EOF
      print('hi')
      EOF
    `;
    const run = only(text, "Run");
    expect(run.form?.type === "ShellForm" && run.form.shell.text).toBe("python3 <<EOF");
    expect(run.script).toMatchObject({ kind: "command" });
    expect(run.script!.text.text).toBe("python3 <<EOF\nprint('hi')\nEOF");
    expectVerbatimMapping(text, run.script!.text);
  });

  it("rebuilds several heredocs in order, mapping each delimiter to its terminator line", () => {
    const text = dedent`
      FROM a
      RUN 3<<"A" cat <<'B' >/x
      \${a}
      A
      b
      B
    `;
    const run = only(text, "Run");
    expect(run.heredocs.map((h) => heredocSummary(text, h))).toEqual([
      { delimiter: "A", quoted: true, stripTabs: false, fd: 3, marker: '3<<"A"', body: "${a}\n", terminator: "A", content: "${a}\n", node: "${a}\nA" },
      { delimiter: "B", quoted: true, stripTabs: false, fd: null, marker: "<<'B'", body: "b\n", terminator: "B", content: "b\n", node: "b\nB" },
    ]);
    expect(run.script!.text.text).toBe(dedent`
      3<<"A" cat <<'B' >/x
      \${a}
      A
      b
      B`);
  });

  it("<<- strips leading tabs from the body and the terminator", () => {
    const text = dedent`
      FROM a
      RUN <<-EOT bash
      \techo "$HOME"
      \t\tnested
      \tEOT
    `;
    const run = only(text, "Run");
    const heredoc = run.heredocs[0]!;
    expect(heredoc.stripTabs).toBe(true);
    expect(heredoc.content.text).toBe('echo "$HOME"\nnested\n');
    expectVerbatimMapping(text, heredoc.content);
    expect(slice(text, heredoc.terminatorRange)).toBe("\tEOT");
    // Not a lone heredoc (`bash` follows): the shell gets the raw body and does the stripping itself.
    expect(run.script!.text.text).toBe(dedent`
      <<-EOT bash
      \techo "$HOME"
      \t\tnested
      EOT`);
    expectVerbatimMapping(text, run.script!.text);
  });

  it("RUN <<-EOF alone: the script is the tab-stripped body", () => {
    const text = dedent`
      FROM a
      RUN <<-EOF
      \techo hi
      \tEOF
    `;
    const run = only(text, "Run");
    expect(run.script).toMatchObject({ kind: "heredoc", shebang: null });
    expect(run.script!.text.text).toBe("echo hi\n");
  });

  it("a shebang makes the lone heredoc a file run by its interpreter", () => {
    const text = dedent`
      FROM a
      RUN <<EOF
      #!/usr/bin/env python3
      print(1)
      EOF
    `;
    const run = only(text, "Run");
    expect(run.script).toMatchObject({ kind: "heredoc", shebang: "/usr/bin/env python3" });
  });

  it("quoted delimiters: any quoting turns expansion off", () => {
    expect(parseHeredocWord('<<"EOF"')).toEqual({ fd: null, stripTabs: false, delimiter: "EOF", quoted: true });
    expect(parseHeredocWord("<<'EOF'")).toEqual({ fd: null, stripTabs: false, delimiter: "EOF", quoted: true });
    expect(parseHeredocWord('<<E"O"F')).toEqual({ fd: null, stripTabs: false, delimiter: "EOF", quoted: true });
    expect(parseHeredocWord("<<-EOF")).toEqual({ fd: null, stripTabs: true, delimiter: "EOF", quoted: false });
    expect(parseHeredocWord("10<<EOF")).toEqual({ fd: 10, stripTabs: false, delimiter: "EOF", quoted: false });
    expect(parseHeredocWord("cat<<EOF")).toBe(null);
    expect(parseHeredocWord("<<")).toBe(null);
    expect(parseHeredocWord("<<<EOF")).toBe(null);
    expect(parseHeredocWord('<<"a b"')).toEqual({ fd: null, stripTabs: false, delimiter: "a b", quoted: true });
  });

  it("COPY and ADD heredocs are sources; the destination stays a Word", () => {
    const text = dedent`
      FROM a
      COPY --chmod=755 <<EOF /usr/local/bin/run
      #!/bin/sh
      echo hi
      EOF
      ADD <<-EOT /etc/apt/sources.list.d/docker.sources
      \tTypes: deb
      \tEOT
    `;
    const program = parseOk(text);
    const [copy, add] = program.stages[0]!.instructions;
    if (copy?.type !== "Copy" || add?.type !== "Add") throw new Error("unexpected");
    expect(copy.sources).toEqual([]);
    expect(copy.destination?.type === "Word" && copy.destination.value).toBe("/usr/local/bin/run");
    expect(copy.heredocs.map((h) => h.content.text)).toEqual(["#!/bin/sh\necho hi\n"]);
    expect(copy.flags.map((f) => [f.name, f.value?.value])).toEqual([["chmod", "755"]]);
    expect(add.heredocs.map((h) => [h.delimiter, h.stripTabs, h.content.text])).toEqual([["EOT", true, "Types: deb\n"]]);
    expect(slice(text, add.range)).toBe("ADD <<-EOT /etc/apt/sources.list.d/docker.sources\n\tTypes: deb\n\tEOT");
  });

  it("COPY with a path source and a heredoc source", () => {
    const text = dedent`
      FROM a
      COPY a.txt <<EOF /dest/
      b
      EOF
    `;
    const copy = only(text, "Copy");
    expect(copy.sources.map((s) => (s.type === "Word" ? s.value : null))).toEqual(["a.txt"]);
    expect(copy.heredocs).toHaveLength(1);
    expect(copy.destination?.type === "Word" && copy.destination.value).toBe("/dest/");
  });

  it("a heredoc as the only argument leaves no destination", () => {
    const copy = only(dedent`
      FROM a
      COPY <<EOF
      x
      EOF
    `, "Copy");
    expect(copy.sources).toEqual([]);
    expect(copy.destination).toBe(null);
  });

  it("ONBUILD RUN/COPY heredocs belong to the trigger; both ranges cover the body", () => {
    const text = dedent`
      FROM a
      ONBUILD RUN <<EOF
      echo hi
      EOF
      CMD x
    `;
    const onbuild = only(text, "Onbuild");
    expect(onbuild.trigger?.type).toBe("Run");
    const trigger = onbuild.trigger!;
    if (trigger.type !== "Run") throw new Error("unexpected");
    expect(trigger.heredocs).toHaveLength(1);
    expect(slice(text, onbuild.range)).toBe("ONBUILD RUN <<EOF\necho hi\nEOF");
    expect(slice(text, trigger.range)).toBe("RUN <<EOF\necho hi\nEOF");
  });

  it("markers are whole shell words: quoted or glued << is no heredoc", () => {
    expect(only("FROM a\nRUN echo '<<EOF'\n", "Run").heredocs).toEqual([]);
    expect(only("FROM a\nRUN cat<<EOF\n", "Run").heredocs).toEqual([]);
    expect(only('FROM a\nRUN ["cat", "<<EOF"]\n', "Run").heredocs).toEqual([]);
    expect(only("FROM a\nCMD cat <<EOF\n", "Cmd").form?.type).toBe("ShellForm");
  });

  it("an open quote on the line means no heredoc (BuildKit's lexer fails)", () => {
    expect(only("FROM a\nRUN echo \"oops <<EOF\n", "Run").heredocs).toEqual([]);
  });

  it("reads bodies after the last continuation line", () => {
    const text = dedent`
      FROM a
      RUN <<EOF \\
        && echo done
      body
      EOF
    `;
    const run = only(text, "Run");
    expect(run.heredocs[0]!.content.text).toBe("body\n");
    expect(run.script!.text.text).toBe("<<EOF   && echo done\nbody\nEOF");
  });

  it("keeps CRLF line breaks in the body (what Docker hands over), terminator matched without them", () => {
    const text = "FROM a\r\nRUN <<EOF\r\necho a\r\nEOF\r\nCMD b\r\n";
    const run = only(text, "Run");
    expect(run.heredocs[0]!.content.text).toBe("echo a\r\n");
    expect(slice(text, run.heredocs[0]!.terminatorRange)).toBe("EOF");
    expect(run.loc.end).toEqual({ line: 4, column: 3 });
  });

  it("an empty body and an empty delimiter", () => {
    const text = dedent`
      FROM a
      RUN <<EOF
      EOF
    `;
    const heredoc = only(text, "Run").heredocs[0]!;
    expect(heredoc.content).toEqual({ text: "", segments: [] });
    expect(heredoc.bodyRange).toEqual([17, 17]);
    expect(slice(text, heredoc.range)).toBe("EOF");
    const empty = only(dedent`
      FROM a
      RUN cat <<''
      x

      CMD y
    `, "Run").heredocs[0]!;
    expect(empty.delimiter).toBe("");
    expect(empty.content.text).toBe("x\n");
  });

  it("heredoc lines are not comments or instructions", () => {
    const text = dedent`
      FROM a
      RUN <<EOF
      # not a Dockerfile comment
      FROM b
      EOF
    `;
    const program = parseOk(text);
    expect(program.comments).toEqual([]);
    expect(program.stages).toHaveLength(1);
  });

  it("unterminated heredoc is fatal at the marker", () => {
    expect(parseErrors("FROM a\nCOPY <<EOF /x\n")).toEqual([{ message: "unterminated heredoc", line: 2, column: 6 }]);
  });

  describe("blanks between << and the name (BuildKit reHeredoc allows them)", () => {
    const profile = "export PS1='%n@%m %~ $ '\nalias ll='ls -l'\n";

    it("RUN cat << 'EOF' > file: the body is the heredoc, not instructions", () => {
      const text = `FROM alpine:3.19\nRUN cat << 'EOF' > /root/.profile\n${profile}EOF\nRUN echo done\n`;
      const program = parseOk(text);
      const [run, done] = program.stages[0]!.instructions;
      expect(run?.type).toBe("Run");
      expect(done?.type).toBe("Run");
      expect(program.stages[0]!.instructions).toHaveLength(2);
      const heredocs = run?.type === "Run" ? run.heredocs : [];
      expect(heredocs.map((h) => heredocSummary(text, h))).toEqual([
        { delimiter: "EOF", quoted: true, stripTabs: false, fd: null, marker: "<< 'EOF'", body: profile, terminator: "EOF", content: profile, node: `${profile}EOF` },
      ]);
    });

    it("COPY and ADD alike: `<< EOF` is one marker, the destination stays", () => {
      for (const keyword of ["COPY", "ADD"] as const) {
        const text = `FROM a\n${keyword} << EOF /etc/motd\nRUN not an instruction\nEOF\n`;
        const node = only(text, keyword === "COPY" ? "Copy" : "Add");
        expect(node.heredocs.map((h) => [h.delimiter, slice(text, h.markerRange), h.content.text])).toEqual([["EOF", "<< EOF", "RUN not an instruction\n"]]);
        expect(node.sources).toEqual([]);
        expect(node.destination?.value).toBe("/etc/motd");
        expect(parseOk(text).stages[0]!.instructions).toHaveLength(1);
      }
    });

    it("tabs and several blanks count; a lone << at the end of the line is no heredoc", () => {
      expect(only(dedent`
        FROM a
        RUN cat <<\t  EOF
        x
        EOF
      `, "Run").heredocs[0]?.delimiter).toBe("EOF");
      expect(only("FROM a\nRUN echo <<\n", "Run").heredocs).toEqual([]);
      expect(only("FROM a\nRUN echo <<  \n", "Run").heredocs).toEqual([]);
    });

    it("`<<- \"EOF\"`, `3<<EOF`, `<< EOF` and two markers on one line", () => {
      const chomp = only(dedent`
        FROM a
        RUN <<-"EOF" sh
        \techo
        \tEOF
      `, "Run").heredocs[0]!;
      expect([chomp.delimiter, chomp.quoted, chomp.stripTabs]).toEqual(["EOF", true, true]);
      const fd = only(dedent`
        FROM a
        RUN cat 3<< EOF
        x
        EOF
      `, "Run").heredocs[0]!;
      expect([fd.delimiter, fd.fd]).toEqual(["EOF", 3]);
      const text = dedent`
        FROM a
        COPY <<EOF1 << EOF2 /dest/
        one
        EOF1
        two
        EOF2
      `;
      const copy = only(text, "Copy");
      expect(copy.heredocs.map((h) => [h.delimiter, h.content.text])).toEqual([["EOF1", "one\n"], ["EOF2", "two\n"]]);
      expect(copy.destination?.value).toBe("/dest/");
    });

    it("`<<- EOF` is no heredoc: BuildKit's lexer keeps blanks after `<<` only, not after `<<-`", () => {
      expect(only("FROM a\nRUN cat <<- EOF\n", "Run").heredocs).toEqual([]);
      // `<< -EOF` is a heredoc named `-EOF`.
      expect(only(dedent`
        FROM a
        RUN cat << -EOF
        x
        -EOF
      `, "Run").heredocs[0]?.delimiter).toBe("-EOF");
    });

    it("a << inside quotes, escaped, or glued to a word is no heredoc", () => {
      expect(only("FROM a\nRUN echo \"<< EOF\"\n", "Run").heredocs).toEqual([]);
      expect(only("FROM a\nRUN echo '<< EOF' x\n", "Run").heredocs).toEqual([]);
      expect(only("FROM a\nRUN echo \\<< EOF\n", "Run").heredocs).toEqual([]);
      expect(only("FROM a\nRUN cat<< EOF\n", "Run").heredocs).toEqual([]);
      expect(only("FROM a\nRUN cat << EOF<X\n", "Run").heredocs).toEqual([]);
    });

    it("a lone `<< EOF` is still the whole script", () => {
      const run = only(dedent`
        FROM a
        RUN << EOF
        echo hi
        EOF
      `, "Run");
      expect(run.script?.kind).toBe("heredoc");
      expect(run.script?.text.text).toBe("echo hi\n");
    });

    it("only RUN, COPY and ADD take heredocs: on CMD the lines below are instructions", () => {
      const program = parseOk(dedent`
        FROM alpine:3.19
        CMD <<EOF
        env
        echo hi
        EOF
      `);
      expect(program.stages[0]!.instructions.map((i) => i.type)).toEqual(["Cmd", "Env", "UnknownInstruction", "UnknownInstruction"]);
    });
  });

  it("parseHeredocWord decides the name and expansion like BuildKit's heredocFromMatch", () => {
    const cases: [string, ReturnType<typeof parseHeredocWord>][] = [
      ["<<eof", { fd: null, stripTabs: false, delimiter: "eof", quoted: false }],
      // An escaped quote is a character of the name, not quoting: the body is still expanded.
      ["<<eo\\'f", { fd: null, stripTabs: false, delimiter: "eo'f", quoted: false }],
      ["<<eo'f'", { fd: null, stripTabs: false, delimiter: "eof", quoted: true }],
      ["<<'e'o\\'f", { fd: null, stripTabs: false, delimiter: "eo'f", quoted: true }],
      // Unset variables stay as written (SkipUnsetEnv).
      ["<<$EOF", { fd: null, stripTabs: false, delimiter: "$EOF", quoted: false }],
      ["<<'one two'", { fd: null, stripTabs: false, delimiter: "one two", quoted: true }],
      ["<<one two", null],
      ["<< EOF", { fd: null, stripTabs: false, delimiter: "EOF", quoted: false }],
      ['3<<-"X"', { fd: 3, stripTabs: true, delimiter: "X", quoted: true }],
      ["<<", null],
      ["<<EOF<X", null],
      ["cat<<EOF", null],
    ];
    for (const [word, expected] of cases) expect(parseHeredocWord(word), word).toEqual(expected);
  });
});

