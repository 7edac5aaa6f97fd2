/** The JSON Schema → TypeScript conversion behind lib/rule-options.ts. */
import { describe, expect, it } from "vitest";
import { ruleOptionsType, schemaToType } from "../scripts/schema-to-type.js";
import { dedent } from "./support/dedent.js";

describe("schemaToType", () => {
  it("scalars, enums, consts and unions", () => {
    expect(schemaToType({ type: "string" })).toBe("string");
    expect(schemaToType({ type: "integer" })).toBe("number");
    expect(schemaToType({ type: ["string", "null"] })).toBe("string | null");
    expect(schemaToType({ enum: ["a", 1, null] })).toBe('"a" | 1 | null');
    expect(schemaToType({ anyOf: [{ type: "boolean" }, { enum: ["x"] }] })).toBe('boolean | "x"');
    expect(schemaToType({ not: { type: "string" } })).toBe("unknown");
  });

  it("arrays and tuples", () => {
    expect(schemaToType({ type: "array", items: { type: "string" } })).toBe("string[]");
    expect(schemaToType({ type: "array", items: { enum: ["a", "b"] } })).toBe('("a" | "b")[]');
    expect(schemaToType({ type: "array", items: [{ type: "string" }, { type: "number" }] })).toBe("[string?, number?]");
  });

  it("objects: required keys, closed or open, with descriptions", () => {
    expect(schemaToType({ type: "object", properties: { a: { type: "string", description: "The a." }, "b-c": { type: "number" } }, required: ["a"], additionalProperties: false })).toBe(
      dedent`
        {
          /** The a. */
          a: string;
          "b-c"?: number;
        }`,
    );
    expect(schemaToType({ type: "object", properties: { a: { type: "string" } } })).toBe(dedent`
      {
        a?: string;
        [key: string]: unknown;
      }`);
    expect(schemaToType({ type: "object", additionalProperties: { type: "boolean" } })).toBe("{\n  [key: string]: boolean;\n}");
  });

  it("rule options: one schema per option, none, or a schema for the whole array", () => {
    expect(ruleOptionsType([])).toBe("[]");
    expect(ruleOptionsType(undefined)).toBe("[]");
    expect(ruleOptionsType([{ enum: ["always", "never"] }, { type: "object", additionalProperties: false }])).toBe('[("always" | "never")?, Record<string, never>?]');
    expect(ruleOptionsType({ type: "array", items: { type: "string" } })).toBe("string[]");
    expect(ruleOptionsType({ type: "object" })).toBe("unknown[]");
    expect(ruleOptionsType([{ type: ["string", "number"] }])).toBe("[(string | number)?]");
  });
});
