import { describe, expect, it } from "vitest";
import { parseEnvFile } from "../../lib/compose/env-file.js";
import { dedent } from "../support/dedent.js";

/** key → expanded value, for the cases that only care about what Compose substitutes. */
function expanded(text: string): Record<string, string | null> {
  return Object.fromEntries(parseEnvFile(text).map((variable) => [variable.key, variable.expanded]));
}

describe("parseEnvFile", () => {
  it("reads KEY=VALUE lines as Compose does", () => {
    const text = dedent`
      # comment

      export A=1
      B = two words # trailing
      C='single $quoted # kept'
      D="line\\nbreak"
      E=
    `;
    expect(parseEnvFile(text)).toEqual([
      { key: "A", value: "1", expanded: "1", line: 3 },
      { key: "B", value: "two words", expanded: "two words", line: 4 },
      { key: "C", value: "single $quoted # kept", expanded: "single $quoted # kept", line: 5 },
      { key: "D", value: "line\nbreak", expanded: "line\nbreak", line: 6 },
      { key: "E", value: "", expanded: "", line: 7 },
    ]);
  });

  it("expands ${VAR} from earlier variables in unquoted and double-quoted values, not in single quotes", () => {
    const text = dedent`
      REGISTRY=ghcr.io/acme
      TAG=1.2
      IMAGE=\${REGISTRY}/api:$TAG
      QUOTED="\${REGISTRY}/web"
      LITERAL='\${REGISTRY}'
      DEFAULT=\${MISSING:-fallback}
      ESCAPED="cost \\$5"
      DOLLARS=a$$b
    `;
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
    const variables = parseEnvFile(dedent`
      A=\${UNSET}
      INHERITED
      B=\${INHERITED:-x}
      C=\${A}-suffix
    `);
    expect(variables.map((variable) => [variable.key, variable.expanded, variable.line])).toEqual([
      ["A", null, 1],
      ["INHERITED", null, 2],
      ["B", null, 3],
      ["C", null, 4],
    ]);
  });

  it("reads quoted values over several lines and counts lines from the key", () => {
    const variables = parseEnvFile(dedent`
      CERT="-----BEGIN
      abc
      -----END"
      NEXT='x
      y' # comment after the quote
      LAST=1
    `);
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
    const variables = parseEnvFile(dedent`
      A=1
      BAD KEY=2
      C$=3
      A=4
    `);
    expect(variables.map((variable) => [variable.key, variable.expanded])).toEqual([
      ["A", "1"],
      ["A", "4"],
    ]);
  });

  it("stops at an unterminated quote (Compose refuses the file)", () => {
    expect(expanded(dedent`
      A=1
      B="open
      C=3
    `)).toEqual({ A: "1" });
  });

  it("never throws on odd text", () => {
    for (const text of ["=", "=x", "'", "\"", "export", "export ", "A", "A=\"\\", "\r\n\r\n", "A='\\''", "A=${", "A=$"]) {
      expect(() => parseEnvFile(text)).not.toThrow();
    }
  });
});
