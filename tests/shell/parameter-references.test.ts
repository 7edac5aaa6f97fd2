import { describe, expect, it } from "vitest";
import { parseShell } from "../../lib/shell/index.js";
import { mayWrite, mayWriteAnything, parameterReferences } from "../../lib/shell/parameter-references.js";
import { contiguousShellText } from "../../lib/shell/shell-text.js";

function references(script: string): [string, string | null, string][] {
  const shell = contiguousShellText(script, 0);
  const parsed = parseShell(shell);
  if (!parsed.ok) throw new Error(parsed.message);
  return parameterReferences(shell, parsed).map((reference) => [reference.name, reference.unsetOperator, script.slice(...reference.range)]);
}

describe("parameterReferences", () => {
  it("reads unquoted, double-quoted, braced and operator forms", () => {
    expect(references('echo $A "${B}" "x$C-y" ${D:-d} ${E:=e} ${F+f} ${#G} ${H[@]}')).toEqual([
      ["A", null, "$A"],
      ["B", null, "${B}"],
      ["C", null, "$C"],
      ["D", ":-", "${D:-d}"],
      ["E", ":=", "${E:=e}"],
      ["F", "+", "${F+f}"],
      ["G", null, "${#G}"],
      ["H", null, "${H[@]}"],
    ]);
  });

  it("skips single quotes, escapes, $'…' and quoted here-documents; reads unquoted ones and substitutions", () => {
    expect(references("echo '$A' \\$B $'$C' \"\\$D\"")).toEqual([]);
    expect(references("cat <<'EOF'\n$A\nEOF")).toEqual([]);
    expect(references("cat <<EOF\n$A \\$B\nEOF")).toEqual([["A", null, "$A"]]);
    expect(references('echo "$(echo $A)" `echo $B`')).toEqual([
      ["A", null, "$A"],
      ["B", null, "$B"],
    ]);
  });

  it("reads the scripts of sh -c strings, where the inner shell expands them", () => {
    expect(references("sh -c 'echo $A'")).toEqual([["A", null, "$A"]]);
  });

  it("over-approximates writes: any occurrence other than a read, and . / source / eval", () => {
    const shell = (text: string) => contiguousShellText(text, 0);
    expect(mayWrite(shell("A=1; echo $A"), "A")).toBe(true);
    expect(mayWrite(shell("read -r A; echo ${A}"), "A")).toBe(true);
    expect(mayWrite(shell("for A in 1; do :; done"), "A")).toBe(true);
    expect(mayWrite(shell("echo $A ${A} ${#A} $AB"), "A")).toBe(false);
    const parsed = (text: string) => {
      const result = parseShell(shell(text));
      if (!result.ok) throw new Error(result.message);
      return result;
    };
    expect(mayWriteAnything(parsed(". /etc/os-release && echo $VERSION"))).toBe(true);
    expect(mayWriteAnything(parsed("eval \"$(x)\""))).toBe(true);
    expect(mayWriteAnything(parsed("echo $VERSION"))).toBe(false);
  });
});
