/**
 * JSON Schema (draft 4, the dialect ESLint validates rule options with) to a TypeScript type, for the
 * rule option types `npm run update` generates (lib/rule-options.ts). Covers what rule schemas use:
 * `type` (one or several), `enum`, `const`, `properties`/`required`/`additionalProperties`, `items`
 * (one schema or a tuple), `anyOf`/`oneOf`/`allOf`. Anything else (`$ref`, `not`) becomes `unknown`,
 * which accepts every value: a generated type may be looser than the schema, never stricter.
 */
import type { JSONSchema4 } from "json-schema";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;

function literal(value: unknown): string {
  return value === null ? "null" : JSON.stringify(value);
}

function union(types: string[]): string {
  const unique = [...new Set(types)];
  if (unique.includes("unknown")) return "unknown";
  return unique.length === 0 ? "never" : unique.join(" | ");
}

function docComment(schema: JSONSchema4, indent: string): string {
  if (typeof schema.description !== "string") return "";
  const text = schema.description.replaceAll("*/", "*\\/");
  return `${indent}/** ${text.split("\n").join(`\n${indent} * `)} */\n`;
}

function objectType(schema: JSONSchema4, indent: string): string {
  const inner = `${indent}  `;
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const members = Object.entries(schema.properties ?? {}).map(([key, property]) => {
    const name = IDENTIFIER.test(key) ? key : JSON.stringify(key);
    return `${docComment(property, inner)}${inner}${name}${required.has(key) ? "" : "?"}: ${schemaToType(property, inner)};`;
  });
  const additional = schema.additionalProperties;
  if (additional !== false) {
    const valueType = typeof additional === "object" ? schemaToType(additional, inner) : "unknown";
    members.push(`${inner}[key: string]: ${Object.keys(schema.properties ?? {}).length > 0 && valueType !== "unknown" ? "unknown" : valueType};`);
  }
  return members.length === 0 ? "Record<string, never>" : `{\n${members.join("\n")}\n${indent}}`;
}

/** Whether `type` is a union or intersection at its top level (outside braces, brackets, parentheses and strings). */
function isCompound(type: string): boolean {
  let depth = 0;
  let quoted = false;
  for (let index = 0; index < type.length; index++) {
    const char = type[index]!;
    if (quoted) {
      if (char === "\\") index++;
      else if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if ("{[(<".includes(char)) depth++;
    else if ("}])>".includes(char)) depth--;
    else if (depth === 0 && (char === "|" || char === "&")) return true;
  }
  return false;
}

/** A tuple element that may be left out; a union needs parentheses before `?`. */
function optionalElement(type: string): string {
  return isCompound(type) ? `(${type})?` : `${type}?`;
}

function arrayOf(element: string): string {
  return isCompound(element) ? `(${element})[]` : `${element}[]`;
}

function typeOfKind(kind: string, schema: JSONSchema4, indent: string): string {
  switch (kind) {
    case "string":
      return "string";
    case "number":
    case "integer":
      return "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "array":
      if (Array.isArray(schema.items)) return `[${schema.items.map((item) => optionalElement(schemaToType(item, indent))).join(", ")}]`;
      if (!schema.items) return "unknown[]";
      return arrayOf(schemaToType(schema.items, indent));
    case "object":
      return objectType(schema, indent);
    default:
      return "unknown";
  }
}

/** The TypeScript type of the values `schema` accepts; `indent` is the indentation of the line it starts on. */
export function schemaToType(schema: JSONSchema4, indent = ""): string {
  if (Array.isArray(schema.enum)) return union(schema.enum.map(literal));
  if ("const" in schema) return literal((schema as { const: unknown }).const);
  if (Array.isArray(schema.anyOf)) return union(schema.anyOf.map((part) => schemaToType(part, indent)));
  if (Array.isArray(schema.oneOf)) return union(schema.oneOf.map((part) => schemaToType(part, indent)));
  if (Array.isArray(schema.allOf)) return schema.allOf.map((part) => `(${schemaToType(part, indent)})`).join(" & ") || "unknown";
  if (Array.isArray(schema.type)) return union(schema.type.map((kind) => typeOfKind(kind, schema, indent)));
  if (typeof schema.type === "string") return typeOfKind(schema.type, schema, indent);
  if (schema.properties) return objectType(schema, indent);
  return "unknown";
}

/**
 * A rule's options as a tuple: ESLint's `meta.schema` is either one schema per option (an array; each
 * option may be left out) or one schema for the whole options array, or absent/empty for none.
 */
export function ruleOptionsType(schema: JSONSchema4 | JSONSchema4[] | false | undefined, indent = ""): string {
  if (schema === undefined || schema === false) return "[]";
  if (Array.isArray(schema)) return `[${schema.map((option) => optionalElement(schemaToType(option, indent))).join(", ")}]`;
  const whole = schemaToType(schema, indent);
  return whole.startsWith("[") || whole.endsWith("[]") ? whole : "unknown[]";
}
