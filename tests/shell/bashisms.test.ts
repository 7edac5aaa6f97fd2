import { describe, expect, it } from "vitest";
import { findBashisms } from "../../lib/shell/bashisms.js";
import { getShellScript } from "../../lib/shell/index.js";
import { contiguousShellText } from "../../lib/shell/shell-text.js";

/** The constructs found in `text`, as `id:written text`. */
function found(text: string): string[] {
  const script = getShellScript(contiguousShellText(text, 0));
  if (!script.ok) throw new Error(script.message);
  return findBashisms(script, text).map((finding) => `${finding.id}:${text.slice(finding.range[0], finding.range[1])}`);
}

describe("findBashisms", () => {
  it("finds compound items at their keyword, also negated and nested", () => {
    expect(found("! [[ -f x ]] && echo y")).toEqual(["double-bracket:[["]);
    expect(found("if [[ -f x ]]; then (( n++ )); fi")).toEqual(["double-bracket:[[", "arithmetic-command:(("]);
    expect(found("function f { :; }; f() { :; }")).toEqual(["function-keyword:function"]);
    expect(found("select x in a b; do break; done")).toEqual(["select:select"]);
  });

  it("finds brace expansion only in unquoted, unescaped text of a command's words", () => {
    expect(found("echo {a,b} x{1..3} {\"a\",b} {a..e}")).toEqual(["brace-expansion:{a,b}", "brace-expansion:x{1..3}", 'brace-expansion:{"a",b}', "brace-expansion:{a..e}"]);
    expect(found("echo '{a,b}' \"{a,b}\" \\{a,b\\} {} {a} {a,b c} && find . -exec rm {} +")).toEqual([]);
    expect(found("awk '{print $1,$2}' f && x={a,b}")).toEqual([]);
  });

  it("reads the operators of ${…}", () => {
    expect(found('echo "${a/x/y}" ${a//x} ${a:1} ${a:0:2} ${!a} ${a^} ${a,,} ${arr[0]} ${#arr[@]}')).toEqual([
      "pattern-substitution:${a/x/y}",
      "pattern-substitution:${a//x}",
      "substring:${a:1}",
      "substring:${a:0:2}",
      "indirect-expansion:${!a}",
      "case-modification:${a^}",
      "case-modification:${a,,}",
      "array:${arr[0]}",
      "array:${#arr[@]}",
    ]);
    // Inside double quotes, where the model keeps the string whole.
    expect(found('echo "x${a//-/_}y" "${arr[@]}" "\\${a/x/y}" "${b:-${c}}"')).toEqual(["pattern-substitution:${a//-/_}", "array:${arr[@]}"]);
    expect(found('echo ${a:-x} ${a:=x} ${a:?x} ${a:+x} ${#a} ${a%x} ${a##*/} ${!prefix*} "$@"')).toEqual([]);
  });

  it("finds redirects, pipes, assignments and builtins", () => {
    expect(found("ls &> f; ls &>> f; cat <<< x; ls |& cat")).toEqual(["ampersand-redirect:&> f", "ampersand-redirect:&>> f", "here-string:<<< x", "pipe-stderr:|&"]);
    expect(found("a=(1 2); b+=x; declare -a c; typeset d; let e=1")).toEqual(["array:a=(1 2)", "append-assignment:b+=x", "declare:declare", "declare:typeset", "let:let"]);
    expect(found("source ./x; [ a == b ]; test a == b; echo -e x; echo -n x; echo -ne x; /bin/echo -e x; printf '%s' -e")).toEqual([
      "source:source",
      "double-equals:==",
      "double-equals:==",
      "echo-flags:-e",
      "echo-flags:-ne",
    ]);
    expect(found("x=$'\\t' && diff <(a) <(b)")).toEqual(["ansi-c-quote:$'\\t'", "process-substitution:<(a)", "process-substitution:<(b)"]);
  });

  it("finds `-o pipefail` among the options of `set`, and only there", () => {
    expect(found("set -o pipefail; set -eo pipefail; set -euxo pipefail; set -o errexit -o pipefail; set +o pipefail; set -e -o pipefail x")).toEqual([
      "set-pipefail:-o pipefail",
      "set-pipefail:-eo pipefail",
      "set-pipefail:-euxo pipefail",
      "set-pipefail:-o pipefail",
      "set-pipefail:+o pipefail",
      "set-pipefail:-o pipefail",
    ]);
    expect(found("set -- -o pipefail; set x -o pipefail; set -x pipefail; set -o; set -o errexit; set \"$opts\" -o pipefail; echo -o pipefail")).toEqual([]);
  });

  it("finds `-o pipefail` among the options of a shell a command starts, naming that shell", () => {
    const script = getShellScript(contiguousShellText("sh -o pipefail -c x; sudo /bin/dash -euo pipefail -c x; sh -c x -o pipefail; busybox sh -o pipefail -c x", 0));
    if (!script.ok) throw new Error(script.message);
    const text = "sh -o pipefail -c x; sudo /bin/dash -euo pipefail -c x; sh -c x -o pipefail; busybox sh -o pipefail -c x";
    expect(findBashisms(script, text).map((finding) => `${finding.invokes}:${text.slice(finding.range[0], finding.range[1])}`)).toEqual(["sh:-o pipefail", "/bin/dash:-euo pipefail"]);
  });

  it("finds nothing in POSIX scripts", () => {
    expect(found('set -eux; if [ "$a" = b ]; then . ./env; fi; f() { local x; echo "${x:-y}"; }; for i in 1 2; do echo $((i + 1)); done >/dev/null 2>&1')).toEqual([]);
  });
});
