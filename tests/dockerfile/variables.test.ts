/** Docker's own variable substitution syntax (BuildKit shell/lex.go). */
import { describe, expect, it } from "vitest";
import { flattenVariables } from "../../lib/dockerfile/ast-helpers.js";
import { evaluateWord, scanVariables } from "../../lib/dockerfile/variables.js";
import { only, slice } from "./support/helpers.js";
import { dedent } from "../support/dedent.js";

function names(value: string, escape = "\\"): string[] {
  return scanVariables(value, escape).variables.map((v) => `${v.name}|${v.modifier ?? ""}|${v.argument ?? ""}|${value.slice(v.start, v.end)}`);
}

describe("scanVariables", () => {
  it("finds every form with its modifier and argument", () => {
    expect(names("$A ${B} ${C:-w} ${D-w} ${E:+w} ${F+w} ${G:?msg} ${H?} ${I#p*} ${J##*/} ${K%.*} ${L%%x} ${M/a/b} ${N//a/b}")).toEqual([
      "A|||$A",
      "B|||${B}",
      "C|:-|w|${C:-w}",
      "D|-|w|${D-w}",
      "E|:+|w|${E:+w}",
      "F|+|w|${F+w}",
      "G|:?|msg|${G:?msg}",
      "H|?||${H?}",
      "I|#|p*|${I#p*}",
      "J|##|*/|${J##*/}",
      "K|%|.*|${K%.*}",
      "L|%%|x|${L%%x}",
      "M|/|a/b|${M/a/b}",
      "N|//|a/b|${N//a/b}",
    ]);
  });

  it("respects the escape character and single quotes, not double quotes", () => {
    expect(names("\\$A $B")).toEqual(["B|||$B"]);
    expect(names("'$A' \"$B\" \"\\$C\"")).toEqual(['B|||$B']);
    expect(names("`$A $B", "`")).toEqual(["B|||$B"]);
    expect(names("\\$A", "`")).toEqual(["A|||$A"]);
  });

  it("reads names like BuildKit: letters, digits, underscore; digits and special parameters alone", () => {
    expect(names("$A_1b-c $1x $@ $ ${é}")).toEqual(["A_1b|||$A_1b", "1|||$1", "@|||$@", "é|||${é}"]);
    expect(names("$$ $-")).toEqual(["$|||$$", "-|||$-"]);
  });

  it("nests references inside modifier arguments", () => {
    const scan = scanVariables("${A:-${B:-$C}}x", "\\");
    expect(scan.variables.map((v) => [v.name, v.start, v.end])).toEqual([
      ["A", 0, 14],
      ["B", 5, 13],
      ["C", 10, 12],
    ]);
  });

  it("reports substitution errors (and what came before)", () => {
    expect(scanVariables("$A ${}", "\\")).toMatchObject({ error: "syntax error: bad substitution", variables: [{ name: "A" }] });
    expect(scanVariables("${A", "\\").error).toBe("syntax error: missing '}'");
    expect(scanVariables("${A:x}", "\\").error).toBe("unsupported modifier (:x) in substitution");
    expect(scanVariables("${A:#x}", "\\").error).toBe("unsupported modifier (:#) in substitution");
  });
});

describe("evaluateWord", () => {
  const env: Record<string, string> = { A: "a", EMPTY: "", PATH: "/usr/local/bin/x.tar.gz" };
  const lookup = (name: string): string | undefined => env[name];
  const run = (value: string): string => evaluateWord(value, "\\", lookup).value;

  it("substitutes like Docker", () => {
    expect(run("$A-${A}")).toBe("a-a");
    expect(run("${UNSET:-d} ${EMPTY:-d} ${EMPTY-d} ${UNSET-d}")).toBe("d d  d");
    expect(run("${A:+x} ${EMPTY:+x} ${EMPTY+x} ${UNSET+x}")).toBe("x  x ");
    expect(run("${PATH#*/} ${PATH##*/} ${PATH%.*} ${PATH%%.*}")).toBe("usr/local/bin/x.tar.gz x.tar.gz /usr/local/bin/x.tar /usr/local/bin/x");
    expect(run("${PATH/local/LOCAL} ${A//a/bb}")).toBe("/usr/LOCAL/bin/x.tar.gz bb");
    expect(run("'$A' \"$A\" \\$A")).toBe("$A a $A");
    expect(evaluateWord("$UNSET ${A}", "\\", lookup).unresolved).toEqual(["UNSET"]);
  });

  it("fails like Docker for ${v?}", () => {
    expect(() => run("${UNSET?must be set}")).toThrow("UNSET: must be set");
    expect(() => run("${EMPTY:?}")).toThrow("EMPTY: is not allowed to be empty");
  });

  it("keeps unset references as written with skipUnset", () => {
    expect(evaluateWord("${X:-1} $Y", "\\", () => undefined, { skipUnset: true }).value).toBe("${X:-1} $Y");
  });
});

describe("Word.variables in the AST", () => {
  it("maps references to source ranges, nested ones under their container", () => {
    const text = dedent`
      FROM a
      ENV URL=\${BASE:-http://$HOST}/x \\
          B=$A
    `;
    const env = only(text, "Env");
    const value = env.pairs[0]!.value!;
    expect(value.variables).toHaveLength(1);
    const [outer] = value.variables;
    expect(slice(text, outer!.range)).toBe("${BASE:-http://$HOST}");
    expect(slice(text, outer!.nameRange)).toBe("BASE");
    expect(outer!.modifier).toBe(":-");
    expect(slice(text, outer!.argumentRange)).toBe("http://$HOST");
    expect(outer!.nested.map((v) => slice(text, v.range))).toEqual(["$HOST"]);
    expect(flattenVariables(value.variables).map((v) => v.name)).toEqual(["BASE", "HOST"]);
    const second = env.pairs[1]!.value!.variables[0]!;
    expect(second.loc).toEqual({ start: { line: 3, column: 6 }, end: { line: 3, column: 8 } });
  });

  it("MAINTAINER does not substitute", () => {
    expect(only("FROM a\nMAINTAINER $ME\n", "Maintainer").value?.variables).toEqual([]);
  });
});
