import { describe, expect, it } from "vitest";
import { interpolate } from "../../lib/compose/index.js";

/**
 * [template, env (undefined = no environment known), expected value, used variables].
 * Expectations follow compose-go's template package, except that a variable with no value and no
 * default gives null (unknown) instead of Compose's empty string.
 */
const cases: [string, Record<string, string> | undefined, string | null, string[]][] = [
  ["plain", undefined, "plain", []],
  ["", undefined, "", []],
  ["postgres:${PG_TAG:-16.2}", undefined, "postgres:16.2", ["PG_TAG"]],
  ["postgres:${PG_TAG:-16.2}", { PG_TAG: "15" }, "postgres:15", ["PG_TAG"]],
  ["postgres:${PG_TAG:-16.2}", { PG_TAG: "" }, "postgres:16.2", ["PG_TAG"]],
  ["postgres:${PG_TAG-16.2}", { PG_TAG: "" }, "postgres:", ["PG_TAG"]],
  ["postgres:${PG_TAG-16.2}", undefined, "postgres:16.2", ["PG_TAG"]],
  ["$VAR", undefined, null, ["VAR"]],
  ["${VAR}", undefined, null, ["VAR"]],
  ["$VAR", { VAR: "x" }, "x", ["VAR"]],
  ["${VAR}", { VAR: "x" }, "x", ["VAR"]],
  ["${VAR}", { OTHER: "x" }, null, ["VAR"]],
  ["a-$VAR-b", { VAR: "x" }, "a-x-b", ["VAR"]],
  ["$VAR_1.$VAR2", { VAR_1: "a", VAR2: "b" }, "a.b", ["VAR_1", "VAR2"]],
  ["$$", undefined, "$", []],
  ["$$VAR", undefined, "$VAR", []],
  ["$${VAR}", undefined, "${VAR}", []],
  ["echo $$HOME", undefined, "echo $HOME", []],
  ["$$$VAR", { VAR: "x" }, "$x", ["VAR"]],
  ["${VAR:?VAR is required}", undefined, null, ["VAR"]],
  ["${VAR:?VAR is required}", { VAR: "x" }, "x", ["VAR"]],
  ["${VAR:?VAR is required}", { VAR: "" }, null, ["VAR"]],
  ["${VAR?required}", { VAR: "" }, "", ["VAR"]],
  ["${VAR?required}", {}, null, ["VAR"]],
  ["${VAR:+replacement}", { VAR: "x" }, "replacement", ["VAR"]],
  ["${VAR:+replacement}", { VAR: "" }, "", ["VAR"]],
  ["${VAR:+replacement}", undefined, "", ["VAR"]],
  ["${VAR+replacement}", { VAR: "" }, "replacement", ["VAR"]],
  ["${VAR+replacement}", undefined, "", ["VAR"]],
  ["${A:-${B:-nested}}", undefined, "nested", ["B", "A"]],
  ["${A:-${B:-nested}}", { B: "b" }, "b", ["B", "A"]],
  ["${A:-${B}}", undefined, null, ["B", "A"]],
  ["${A:-x}}", undefined, "x}", ["A"]],
  ["${A:-}", undefined, "", ["A"]],
  ["${A:-a b c}", undefined, "a b c", ["A"]],
  ["${A:-http://x:80/y}", undefined, "http://x:80/y", ["A"]],
  ["${HOST:-127.0.0.1}:${PORT:-8080}:80", undefined, "127.0.0.1:8080:80", ["HOST", "PORT"]],
  ["${lower_case:-ok}", undefined, "ok", ["lower_case"]],
  // invalid templates: Compose refuses the file
  ["$", undefined, null, []],
  ["cost: 5$", undefined, null, []],
  ["echo $1", undefined, null, []],
  ["${}", undefined, null, []],
  ["${A B}", undefined, null, []],
  ["${1A}", undefined, null, []],
  ["${A:x}", undefined, null, []],
  ["${A", undefined, null, []],
  ["${A:-${B}", undefined, null, []],
  ["$-", undefined, null, []],
];

describe("interpolate", () => {
  it.each(cases)("%j with %j", (template, env, value, used) => {
    const result = interpolate(template, env);
    expect(result.value).toBe(value);
    expect(result.usedVariables).toEqual(used);
  });

  it("lists missing variables and template errors", () => {
    expect(interpolate("${A}-${B:-b}-${C:?c}")).toMatchObject({ value: null, missingVariables: ["A", "C"], errors: [] });
    expect(interpolate("${A}-${B:-b}", { A: "a" })).toMatchObject({ value: "a-b", missingVariables: [], errors: [] });
    expect(interpolate("echo $1").errors).toEqual(['Invalid template: "echo $1"']);
  });

  it("does not treat env prototype keys as variables", () => {
    expect(interpolate("${constructor}", {}).value).toBeNull();
    expect(interpolate("${toString:-x}", {}).value).toBe("x");
  });

  it("never throws on odd input", () => {
    for (const template of ["${".repeat(200), "}".repeat(50), "$".repeat(99), "${A:-".repeat(100) + "}".repeat(100)]) {
      expect(() => interpolate(template)).not.toThrow();
    }
  });
});

describe("variables set to an unknown value (a dotenv key taken from the shell)", () => {
  const env = { SHELL_VAR: null, SET: "x" };
  it.each([
    ["${SHELL_VAR}", null],
    ["$SHELL_VAR", null],
    ["${SHELL_VAR:-default}", null],
    ["${SHELL_VAR-default}", null],
    ["${SHELL_VAR:+yes}", null],
    // Set, whatever its value: `+` does not look at it.
    ["${SHELL_VAR+yes}", "yes"],
    ["${SHELL_VAR:?needed}", null],
    ["${SET}-${SHELL_VAR}", null],
    ["${UNSET:-${SET}}", "x"],
  ] as const)("%s", (template, expected) => {
    expect(interpolate(template, env).value).toBe(expected);
  });
});
