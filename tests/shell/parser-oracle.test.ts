/**
 * mvdan-sh as the oracle of our shell parser: both build the model (ours directly, mvdan-sh's through
 * the converter kept in tests/support) and must agree exactly (`snapshotShellModel`: every word, part,
 * range, operator, context and link). Three sources of input: hand-picked snippets, fast-check
 * snippets from a small shell grammar, and every POSIX RUN body of the shared corpus (skipped with a
 * printed reason when `../shared/corpus` is absent).
 *
 * Where the two differ on a corpus body, the body is listed in `CORPUS_DIFFERENCES` with the reason,
 * and each reason is a case where mvdan-sh is wrong about sh/bash, shown in "where mvdan-sh is wrong".
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseShell as parseOurs } from "../../lib/shell/parser/index.js";
import type { ShellParseResult } from "../../lib/shell/model.js";
import { contiguousShellText } from "../../lib/shell/shell-text.js";
import type { ShellText } from "../../lib/shell/shell-text.js";
import { corpusDockerfiles, corpusRunBodies } from "../support/corpus-bodies.js";
import { parseShell as parseMvdan } from "../support/mvdan/shell-model.js";
import { firstDifference, snapshotShellModel } from "../support/shell-model-snapshot.js";
import { dedent } from "../support/dedent.js";

function difference(shell: ShellText): string | null {
  return firstDifference(snapshotShellModel(parseOurs(shell)), snapshotShellModel(parseMvdan(shell)));
}

function compare(text: string): string | null {
  return difference(contiguousShellText(text, 11));
}

/**
 * Corpus bodies (`file:line`) where the models differ, with the reason. Empty: the parsers agree on
 * every POSIX RUN body of the corpus.
 */
const CORPUS_DIFFERENCES: Readonly<Record<string, string>> = {};

const SNIPPETS = [
  "echo hi",
  "a && b || c; d & e | f |& g",
  `FOO=1 BAR+=x apt-get install -y "x$y" 'z' $'t\\n' $"l" e\\ f $(id -u) \`uname\``,
  "export A=1 B C=$x; local -r D; readonly E=(1 2); declare -A m=([a]=1)",
  "if a; then b; elif c; then d; else e; fi",
  "if a\nthen b\nfi",
  "for x in 1 2; do echo $x; done; for y; do :; done; for ((i=0;i<3;i++)); do echo $i; done",
  "select x in a b; do break; done",
  "while read l; do echo; done < <(ls)",
  "until a; do b; done 2>&1 | tee log",
  "case $x in a|b) echo;; (*) no ;& c) ;; esac",
  "f() { echo; }; function g { a; }; function h() ( b ); k() { a; } && b",
  "! a | b && ! c",
  dedent`
    cat <<EOF > f
    $(date) hi \${x:-$(y)}
    EOF
    echo`,
  dedent`
    cat <<-'EOF'
    \ta $(b)
    \tEOF
  `,
  dedent`
    cat <<A <<B
    a
    A
    b
    B
    echo`,
  "cat <<EOF\nEOF",
  "sh -c 'apt-get update && apt-get install -y curl' && bash -ec \"c; d \\\"$X\\\"\"; su -c 'id' root",
  "sudo -u x sh -c \"sh -c 'ls'\"",
  "echo ${x:-$(id)} ${#x} ${!y} $1 $@ ${x/a/b} ${x,,} ${x^} ${x:1:2} ${x@Q} ${arr[@]} ${#arr[*]} $10 ${10}",
  "[[ -f x && $y =~ ^a(b|c)$ ]] && echo; (( x++ )) && let y=1+2",
  "x=(1 2) y= z=1; arr[0]=x",
  "echo a[1] [x] b[ @(a|b) !(x) *.@(c|h) {a,b} ~/x",
  "echo $((1 + $(nproc))) $[1+2] $(( (1+2) * 3 ))",
  dedent`
    a # comment
    b;#c
    d \\
     e`,
  "{ a; } 2>&1 | b; ( c ) > d",
  "time a | b; time",
  "((cd /x); ls)",
  "a\\\nb",
  'echo "a\\"b$(c "d")" "$" $ a$ \\$x "$(echo "$(echo a)")"',
  "a <(b) >(c) >&2 3>&- <in >>log &>all 3<>rw <<<word >|clob",
  ">/dev/null 2>&1 command -v curl",
  'echo "héllo wörld" 𝄞 && printf "→%s" ü',
  "echo }; echo {; { echo }; }",
];

describe("parser oracle: hand-picked snippets", () => {
  it.each(SNIPPETS)("agrees with mvdan-sh: %j", (text) => {
    expect(compare(text)).toBeNull();
  });

  it("agrees on what is not shell", () => {
    for (const text of ["echo 'x", "if a; then b", "a |", "fi", "$ErrorActionPreference = 'Stop'; if (Test-Path x) { Remove-Item x }", "echo \"${x:-it's}\"", "x=(1 2) y"]) {
      expect(parseOurs(contiguousShellText(text)).ok, text).toBe(false);
      expect(parseMvdan(contiguousShellText(text)).ok, text).toBe(false);
    }
  });
});

/** Small shell snippets from a grammar: words of every kind, commands, lists and compound commands. */
const shellSnippet = fc.letrec((tie) => ({
  name: fc.constantFrom("a", "echo", "apt-get", "/bin/ls", "x-y", "sh"),
  word: fc.oneof(
    { maxDepth: 2, depthIdentifier: "shell" },
    fc.constantFrom("x", "-y", "--opt=v", "a.b", "*.c", "a\\ b", "'s q'", '"d q"', '"$v"', "$v", "${v:-d}", "${#v}", "$((1+2))", "~/p", "k=v", "'a'\"b\"c", "$'t\\n'", "a[1]", "@(x|y)", "$", "{a,b}"),
    tie("subst").map((s) => `$(${s as string})`),
    tie("simple").map((s) => `"x$(${s as string})y"`),
  ),
  redirect: fc.constantFrom(">f", "2>&1", "<in", ">>log", "&>/dev/null", "<<<w", "3>&-"),
  simple: fc
    .tuple(fc.constantFrom("", "A=1 ", "B=$(c) "), tie("name"), fc.array(tie("word"), { maxLength: 3 }), fc.array(tie("redirect"), { maxLength: 2 }))
    .map(([prefix, name, words, redirects]) => [`${prefix}${name as string}`, ...(words as string[]), ...(redirects as string[])].join(" ")),
  subst: fc.oneof({ maxDepth: 2, depthIdentifier: "shell" }, tie("simple"), tie("pipeline")),
  pipeline: fc
    .tuple(fc.boolean(), fc.array(tie("command"), { minLength: 1, maxLength: 3 }), fc.constantFrom("|", "|&"))
    .map(([bang, cmds, op]) => `${bang ? "! " : ""}${(cmds as string[]).join(` ${op} `)}`),
  andOr: fc.array(fc.tuple(tie("pipeline"), fc.constantFrom("&&", "||")), { minLength: 1, maxLength: 3 }).map((parts) =>
    (parts as [string, string][]).map(([p, op], i, all) => (i < all.length - 1 ? `${p} ${op}` : p)).join(" "),
  ),
  list: fc.array(fc.tuple(tie("andOr"), fc.constantFrom(";", "&", "\n")), { minLength: 1, maxLength: 3 }).map((parts) =>
    (parts as [string, string][]).map(([a, sep], i, all) => (i < all.length - 1 ? `${a}${sep} ` : a)).join(""),
  ),
  command: fc.oneof(
    { maxDepth: 2, depthIdentifier: "shell" },
    tie("simple"),
    tie("list").map((l) => `{ ${l as string}; }`),
    tie("list").map((l) => `( ${l as string} )`),
    fc.tuple(tie("list"), tie("list")).map(([c, b]) => `if ${c as string}; then ${b as string}; fi`),
    fc.tuple(tie("word"), tie("list")).map(([w, b]) => `for i in ${w as string}; do ${b as string}; done`),
    fc.tuple(tie("list"), tie("list")).map(([c, b]) => `while ${c as string}; do ${b as string}; done`),
    fc.tuple(tie("word"), tie("list")).map(([w, b]) => `case ${w as string} in a|b) ${b as string};; *) ;; esac`),
    tie("list").map((l) => `f() { ${l as string}; }`),
    tie("simple").map((s) => `sh -c '${(s as string).replace(/'/g, "")}'`),
    tie("word").map((w) => `cat <<EOF ${w as string}\nbody $(b) $v\nEOF\n`),
  ),
}));

describe("parser oracle: generated snippets", () => {
  it("agrees with mvdan-sh on every generated snippet", () => {
    fc.assert(
      fc.property(shellSnippet.list as fc.Arbitrary<string>, (text) => {
        expect(compare(text)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

describe("parser oracle: where mvdan-sh is wrong", () => {
  it("has no listed corpus difference to explain", () => {
    // Each entry of CORPUS_DIFFERENCES must be shown here by a unit test of the sh/bash behaviour.
    expect(Object.keys(CORPUS_DIFFERENCES)).toEqual([]);
  });
});

const bodies = corpusRunBodies();
describe.skipIf(bodies === null)("parser oracle: shared corpus", () => {
  if (bodies === null) {
    console.log(`[parser-oracle] corpus skipped: not found at ${corpusDockerfiles}`);
    return;
  }
  it("builds the same model as mvdan-sh for every POSIX RUN body", () => {
    const differing: Record<string, string> = {};
    let parsed = 0;
    for (const body of bodies) {
      const d = difference(body.shell);
      const key = `${body.file}:${body.line}`;
      if (d !== null) differing[key] = d;
      if ((parseOurs(body.shell) as ShellParseResult).ok) parsed++;
    }
    console.log(`[parser-oracle] ${bodies.length} POSIX RUN bodies, ${parsed} parsed, ${Object.keys(differing).length} differ from mvdan-sh`);
    expect(bodies.length).toBeGreaterThan(1000);
    // Every difference is listed with its reason, and every listed one still differs.
    expect(Object.keys(differing).sort()).toEqual(Object.keys(CORPUS_DIFFERENCES).sort());
  });
});
