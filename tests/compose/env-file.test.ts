import { describe, expect, it } from "vitest";
import { parseEnvFile } from "../../lib/compose/env-file.js";

/** key → expanded value, for the cases that only care about what Compose substitutes. */
function expanded(text: string): Record<string, string | null> {
  return Object.fromEntries(parseEnvFile(text).map((variable) => [variable.key, variable.expanded]));
}

describe("parseEnvFile", () => {
  it("reads KEY=VALUE lines as Compose does", () => {
    const text = "# comment\n\nexport A=1\nB = two words # trailing\nC='single $quoted # kept'\nD=\"line\\nbreak\"\nE=\n";
    expect(parseEnvFile(text)).toEqual([
      { key: "A", value: "1", expanded: "1", line: 3 },
      { key: "B", value: "two words", expanded: "two words", line: 4 },
      { key: "C", value: "single $quoted # kept", expanded: "single $quoted # kept", line: 5 },
      { key: "D", value: "line\nbreak", expanded: "line\nbreak", line: 6 },
      { key: "E", value: "", expanded: "", line: 7 },
    ]);
  });

  it("expands ${VAR} from earlier variables in unquoted and double-quoted values, not in single quotes", () => {
    const text = 'REGISTRY=ghcr.io/acme\nTAG=1.2\nIMAGE=${REGISTRY}/api:$TAG\nQUOTED="${REGISTRY}/web"\nLITERAL=\'${REGISTRY}\'\nDEFAULT=${MISSING:-fallback}\nESCAPED="cost \\$5"\nDOLLARS=a$$b\n';
    expect(expanded(text)).toEqual({
      REGISTRY: "ghcr.io/acme",
      TAG: "1.2",
      IMAGE: "ghcr.io/acme/api:1.2",
      QUOTED: "ghcr.io/acme/web",
      LITERAL: "${REGISTRY}",
      DEFAULT: "fallback",
      ESCAPED: "cost $5",
      DOLLARS: "a$b",
    });
  });

  it("leaves unknown what needs a variable the file does not set, or the shell's value", () => {
    const variables = parseEnvFile("A=${UNSET}\nINHERITED\nB=${INHERITED:-x}\nC=${A}-suffix\n");
    expect(variables.map((variable) => [variable.key, variable.expanded, variable.line])).toEqual([
      ["A", null, 1],
      ["INHERITED", null, 2],
      ["B", null, 3],
      ["C", null, 4],
    ]);
  });

  it("reads quoted values over several lines and counts lines from the key", () => {
    const variables = parseEnvFile("CERT=\"-----BEGIN\nabc\n-----END\"\nNEXT='x\ny' # comment after the quote\nLAST=1\n");
    expect(variables).toEqual([
      { key: "CERT", value: "-----BEGIN\nabc\n-----END", expanded: "-----BEGIN\nabc\n-----END", line: 1 },
      { key: "NEXT", value: "x\ny", expanded: "x\ny", line: 4 },
      { key: "LAST", value: "1", expanded: "1", line: 6 },
    ]);
  });

  it("takes `KEY: value` and `export` with any spacing, keeps a `#` that does not follow a space", () => {
    expect(expanded("export   A=1\nB: two\nC=color#fff\nD = spaced  \n  E=indented\n")).toEqual({ A: "1", B: "two", C: "color#fff", D: "spaced", E: "indented" });
  });

  it("keeps the last definition of a key and skips statements Compose refuses", () => {
    const variables = parseEnvFile("A=1\nBAD KEY=2\nC$=3\nA=4\n");
    expect(variables.map((variable) => [variable.key, variable.expanded])).toEqual([
      ["A", "1"],
      ["A", "4"],
    ]);
  });

  it("stops at an unterminated quote (Compose refuses the file)", () => {
    expect(expanded("A=1\nB=\"open\nC=3\n")).toEqual({ A: "1" });
  });

  it("never throws on odd text", () => {
    for (const text of ["=", "=x", "'", "\"", "export", "export ", "A", "A=\"\\", "\r\n\r\n", "A='\\''", "A=${", "A=$"]) {
      expect(() => parseEnvFile(text)).not.toThrow();
    }
  });
});
