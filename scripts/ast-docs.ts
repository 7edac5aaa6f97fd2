/**
 * The reference part of `docs/ast.md`, rendered from the AST types themselves so that it cannot drift from
 * them: the TypeScript compiler reads `lib/dockerfile/ast.ts` and `lib/dockerignore/ast.ts`, and for each
 * node type (the `type` string selectors name) writes its interfaces' docstrings, its properties (the type
 * as declared, the docstring) and its children (the language's `visitorKeys`), then every other type those
 * properties name (MountSpec, ShellText, Range…).
 *
 * `npm run update` writes it between the two markers (scripts/update.ts, through generated-sources.ts);
 * tests/generated-sources.test.ts fails when the doc and the types drift apart.
 */
import path from "node:path";
import ts from "typescript";
import { visitorKeys as dockerfileVisitorKeys } from "../lib/dockerfile/visitor-keys.js";
import { visitorKeys as dockerignoreVisitorKeys } from "../lib/dockerignore/visitor-keys.js";

const AST_SECTION_BEGIN = "<!-- begin auto-generated AST reference (lib/dockerfile/ast.ts, lib/dockerignore/ast.ts; `npm run update`) -->";
const AST_SECTION_END = "<!-- end auto-generated AST reference -->";

const repoRoot = path.resolve(import.meta.dirname, "..");

/** Present on every node; described once in the doc's conventions, not in each table. */
const BASE_PROPERTIES = new Set(["type", "range", "loc", "parent"]);

interface AstSource {
  /** Heading of the language's part of the reference. */
  title: string;
  /** Repository-relative path of the module that declares the node types. */
  file: string;
  /** The exported union of every node. */
  nodeUnion: string;
  visitorKeys: Readonly<Record<string, readonly string[]>>;
  /** Prefix of the headings' anchors, so that `Program` and `Comment` of both languages stay apart. */
  anchorPrefix: string;
}

const SOURCES: readonly AstSource[] = [
  { title: "Dockerfile", file: "lib/dockerfile/ast.ts", nodeUnion: "DockerfileNode", visitorKeys: dockerfileVisitorKeys, anchorPrefix: "dockerfile" },
  { title: ".dockerignore", file: "lib/dockerignore/ast.ts", nodeUnion: "DockerignoreNode", visitorKeys: dockerignoreVisitorKeys, anchorPrefix: "dockerignore" },
];

/** One node type: the `type` string and the interfaces that carry it (several for a discriminated union). */
interface NodeGroup {
  type: string;
  /** The TypeScript name: the interface, or the union alias when there are several variants. */
  name: string;
  /** Docstring of the union alias, when the group is one. */
  aliasDoc: string;
  variants: ts.InterfaceDeclaration[];
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/gu, " ").trim();
}

/** Markdown table cells: a `|` would end the cell, even inside backticks. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|");
}

/** A symbol's docstring, `{@link X}` written as code; on one line unless `multiline` (a type's own paragraph keeps its lists). */
function docOf(checker: ts.TypeChecker, symbol: ts.Symbol | undefined, multiline = false): string {
  if (!symbol) return "";
  const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).replace(/\{@link\s+([^}\s]+)\s*\}/gu, "`$1`");
  return multiline ? text.trim() : oneLine(text);
}

/** A type's docstring as a paragraph after `lead` (a list in it starts on a line of its own). */
function paragraph(lead: string, doc: string): string {
  if (doc === "") return lead;
  return /^\s*[-*] /mu.test(doc) ? `${lead} ${doc}` : `${lead} ${oneLine(doc)}`;
}

/** Follow an import (`import type { X }`) to the declaration it names. */
function resolved(checker: ts.TypeChecker, symbol: ts.Symbol | undefined): ts.Symbol | undefined {
  return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/** The literal of an interface's `type` property (`"From"`), or null when it has none. */
function typeLiteralOf(checker: ts.TypeChecker, declaration: ts.InterfaceDeclaration): string | null {
  const type = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(declaration.name)!);
  const property = type.getProperty("type");
  if (!property) return null;
  const literal = checker.getTypeOfSymbol(property);
  return literal.isStringLiteral() ? literal.value : null;
}

/**
 * The interfaces of a union alias in source order (TypeScript's own union type is ordered by type id),
 * nested unions (`Instruction`, `Flag`) expanded where they are named.
 */
function unionMembers(checker: ts.TypeChecker, alias: ts.TypeAliasDeclaration, into: NodeGroup[], group: NodeGroup | null): void {
  const members = ts.isUnionTypeNode(alias.type) ? alias.type.types : [alias.type];
  for (const member of members) {
    if (!ts.isTypeReferenceNode(member)) throw new Error(`${alias.name.text}: a member that is not a named type (${member.getText()})`);
    const declaration = resolved(checker, checker.getSymbolAtLocation(member.typeName))?.declarations?.[0];
    if (declaration && ts.isTypeAliasDeclaration(declaration)) {
      const literals = ts.isUnionTypeNode(declaration.type)
        ? declaration.type.types.map((inner) => {
            const innerDeclaration = ts.isTypeReferenceNode(inner) ? resolved(checker, checker.getSymbolAtLocation(inner.typeName))?.declarations?.[0] : undefined;
            return innerDeclaration && ts.isInterfaceDeclaration(innerDeclaration) ? typeLiteralOf(checker, innerDeclaration) : null;
          })
        : [];
      const single = literals.length > 0 && literals.every((literal) => literal !== null && literal === literals[0]);
      if (single && group === null) {
        // A discriminated union of one node type (Flag, VariableReference, Healthcheck): one group.
        const newGroup: NodeGroup = { type: literals[0]!, name: declaration.name.text, aliasDoc: docOf(checker, checker.getSymbolAtLocation(declaration.name)), variants: [] };
        into.push(newGroup);
        unionMembers(checker, declaration, into, newGroup);
      } else unionMembers(checker, declaration, into, group);
      continue;
    }
    if (!declaration || !ts.isInterfaceDeclaration(declaration)) throw new Error(`${alias.name.text}: ${member.getText()} is not an interface`);
    const literal = typeLiteralOf(checker, declaration);
    if (literal === null) throw new Error(`${declaration.name.text} has no literal \`type\``);
    if (group) group.variants.push(declaration);
    else into.push({ type: literal, name: declaration.name.text, aliasDoc: "", variants: [declaration] });
  }
}

interface PropertyRow {
  name: string;
  typeText: string;
  doc: string;
  /** The declaration's type node, to find the other types it names. */
  typeNode: ts.TypeNode | undefined;
  /** The interface that declares the property (its place in the table follows that interface's depth). */
  declaringInterface: ts.InterfaceDeclaration | undefined;
}

/** The properties of an interface (inherited ones included, base fields left out), each with the type as declared. */
function propertiesOf(checker: ts.TypeChecker, declaration: ts.InterfaceDeclaration): PropertyRow[] {
  const type = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(declaration.name)!);
  const rows = checker.getPropertiesOfType(type).flatMap((property): PropertyRow[] => {
    // A node's base fields are described once; an interface that extends nothing (BaseNode, MountSpec) lists them.
    if (BASE_PROPERTIES.has(property.name) && declaration.heritageClauses) return [];
    const propertyDeclaration = property.declarations?.find(ts.isPropertySignature);
    const typeNode = propertyDeclaration?.type;
    const typeText = typeNode ? oneLine(typeNode.getText()) : checker.typeToString(checker.getTypeOfSymbol(property), undefined, ts.TypeFormatFlags.NoTruncation);
    const declaringInterface = propertyDeclaration && ts.isInterfaceDeclaration(propertyDeclaration.parent) ? propertyDeclaration.parent : undefined;
    return [{ name: property.name, typeText, doc: docOf(checker, property), typeNode, declaringInterface }];
  });
  // The most basic interface's fields first (an instruction's keyword and flags, then CopyLike's, then its own).
  const depth = new Map(rows.map((row) => [row.name, interfaceDepth(checker, row.declaringInterface)]));
  return rows.map((row, index) => ({ row, index })).sort((a, b) => depth.get(a.row.name)! - depth.get(b.row.name)! || a.index - b.index).map(({ row }) => row);
}

/** How many interfaces an interface extends, directly or not (0 for none); -1 when the declaration is not an interface. */
function interfaceDepth(checker: ts.TypeChecker, declaration: ts.InterfaceDeclaration | undefined): number {
  if (!declaration) return -1;
  let deepest = 0;
  for (const clause of declaration.heritageClauses ?? []) {
    for (const base of clause.types) {
      const baseDeclaration = resolved(checker, checker.getSymbolAtLocation(base.expression))?.declarations?.find(ts.isInterfaceDeclaration);
      deepest = Math.max(deepest, interfaceDepth(checker, baseDeclaration) + 1);
    }
  }
  return deepest;
}

/** The named types a type node refers to, in order of appearance. */
function referencedTypes(checker: ts.TypeChecker, node: ts.Node | undefined, found: ts.Declaration[]): void {
  if (!node) return;
  if (ts.isTypeReferenceNode(node)) {
    const declaration = resolved(checker, checker.getSymbolAtLocation(node.typeName))?.declarations?.[0];
    if (declaration && (ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration))) found.push(declaration);
  }
  ts.forEachChild(node, (child) => referencedTypes(checker, child, found));
}

function anchor(prefix: string, name: string): string {
  return `${prefix}-${name.toLowerCase()}`;
}

function renderTable(rows: readonly { name: string; type: string; doc: string }[]): string[] {
  if (rows.length === 0) return ["No properties besides `type`, `range`, `loc` and `parent`."];
  return ["| Property | Type | Description |", "| --- | --- | --- |", ...rows.map((row) => `| \`${row.name}\` | ${cell(row.type)} | ${cell(row.doc)} |`)];
}

function renderSource(program: ts.Program, source: AstSource): string[] {
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(path.join(repoRoot, source.file));
  if (!file) throw new Error(`${source.file} is not in the program`);
  const union = file.statements.find((statement): statement is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(statement) && statement.name.text === source.nodeUnion);
  if (!union) throw new Error(`${source.file} declares no ${source.nodeUnion}`);
  const groups: NodeGroup[] = [];
  unionMembers(checker, union, groups, null);

  const types = groups.map((group) => group.type);
  const keys = Object.keys(source.visitorKeys);
  const missing = types.filter((type) => !keys.includes(type));
  const extra = keys.filter((key) => !types.includes(key));
  if (missing.length > 0 || extra.length > 0) throw new Error(`${source.title} visitor keys and ${source.nodeUnion} disagree: missing ${missing.join(", ")}; extra ${extra.join(", ")}`);

  // The module's own docstring states the conventions (offsets, lines, parent); every node's common fields follow.
  const moduleDoc = /^\/\*\*([\s\S]*?)\*\//u.exec(file.text)?.[1] ?? "";
  const intro = moduleDoc
    .split("\n")
    .map((line) => line.replace(/^\s*\* ?/u, ""))
    .join("\n")
    .trim()
    .split(/\n\s*\n/u)
    .map(oneLine);
  const base = file.statements.find((statement): statement is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(statement) && statement.name.text === "BaseNode");
  const baseRows = base ? propertiesOf(checker, base).map((row) => ({ name: row.name, type: `\`${row.typeText}\``, doc: row.doc })) : [];

  const groupNames = new Set(groups.flatMap((group) => [group.name, ...group.variants.map((variant) => variant.name.text)]));
  const others: ts.Declaration[] = [];
  const lines: string[] = [`### ${source.title}`, "", ...intro.flatMap((text) => [`> ${text}`, ">"]).slice(0, -1), "", "Fields of every node (not repeated in the tables below):", "", ...renderTable(baseRows), "", `Node types (from \`${source.file}\`, \`${source.nodeUnion}\`): ${groups.map((group) => `[\`${group.type}\`](#${anchor(source.anchorPrefix, group.type)})`).join(", ")}.`];

  for (const group of groups) {
    lines.push("", `<a id="${anchor(source.anchorPrefix, group.type)}"></a>`, "", `#### \`${group.type}\``, "");
    if (group.variants.length === 1) {
      const variant = group.variants[0]!;
      lines.push(paragraph(`TypeScript: \`${variant.name.text}\`.`, docOf(checker, checker.getSymbolAtLocation(variant.name), true)));
    } else {
      lines.push(`TypeScript: \`${group.name}\`, one of ${group.variants.map((variant) => `\`${variant.name.text}\``).join(", ")}.${group.aliasDoc ? ` ${group.aliasDoc}` : ""}`);
      for (const variant of group.variants) {
        const doc = docOf(checker, checker.getSymbolAtLocation(variant.name));
        if (doc) lines.push(`- \`${variant.name.text}\`: ${doc}`);
      }
    }
    const children = source.visitorKeys[group.type]!;
    lines.push("", `Children (visitor keys): ${children.length === 0 ? "none" : children.map((key) => `\`${key}\``).join(", ")}.`, "");

    // Properties across the variants; a property typed differently per variant shows each variant's type.
    const byName = new Map<string, { rows: { variant: string; row: PropertyRow }[] }>();
    for (const variant of group.variants) {
      for (const row of propertiesOf(checker, variant)) {
        const entry = byName.get(row.name) ?? { rows: [] };
        entry.rows.push({ variant: variant.name.text, row });
        byName.set(row.name, entry);
        const found: ts.Declaration[] = [];
        referencedTypes(checker, row.typeNode, found);
        for (const declaration of found) others.push(declaration);
      }
    }
    const rows = [...byName].map(([name, { rows: variantRows }]) => {
      const variantsByType = new Map<string, string[]>();
      for (const { variant, row } of variantRows) variantsByType.set(row.typeText, [...(variantsByType.get(row.typeText) ?? []), variant]);
      const type =
        variantsByType.size === 1 && variantRows.length === group.variants.length
          ? `\`${variantRows[0]!.row.typeText}\``
          : [...variantsByType].map(([typeText, variants]) => `\`${typeText}\` (${variants.join(", ")})`).join("; ");
      const doc = [...new Set(variantRows.map(({ row }) => row.doc).filter((text) => text !== ""))].join(" ");
      return { name, type, doc };
    });
    lines.push(...renderTable(rows));
  }

  // The other types the properties name, and the ones those name in turn.
  const seen = new Set<string>();
  const queue = others.filter((declaration) => !groupNames.has((declaration as ts.InterfaceDeclaration | ts.TypeAliasDeclaration).name.text));
  const rendered: string[] = [];
  while (queue.length > 0) {
    const declaration = queue.shift() as ts.InterfaceDeclaration | ts.TypeAliasDeclaration;
    const name = declaration.name.text;
    if (seen.has(name) || groupNames.has(name)) continue;
    seen.add(name);
    const where = path.relative(repoRoot, declaration.getSourceFile().fileName);
    rendered.push("", `#### \`${name}\``, "", paragraph(`From \`${where}\`.`, docOf(checker, checker.getSymbolAtLocation(declaration.name), true)), "");
    const found: ts.Declaration[] = [];
    if (ts.isInterfaceDeclaration(declaration)) {
      const rows = propertiesOf(checker, declaration);
      for (const row of rows) referencedTypes(checker, row.typeNode, found);
      rendered.push(...renderTable(rows.map((row) => ({ name: row.name, type: `\`${row.typeText}\``, doc: row.doc }))));
    } else {
      referencedTypes(checker, declaration.type, found);
      const text = declaration.type.getText();
      rendered.push("```ts", `type ${name} =${text.startsWith("|") ? "\n  " : " "}${text};`, "```");
    }
    queue.push(...found);
  }
  if (rendered.length > 0) lines.push("", `#### Other ${source.title} types`, "", "Types the node properties above name that are not nodes (a selector can still read their fields through an attribute path, `[mount.kind=\"ssh\"]`).", ...rendered.map((line) => line.replace(/^#### /u, "##### ")));
  return lines;
}

/** The generated reference (without the markers): one part per language, each node type with its properties and children. */
function renderAstReference(): string {
  const program = ts.createProgram(
    SOURCES.map((source) => path.join(repoRoot, source.file)),
    { strict: true, noEmit: true, target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [], lib: ["lib.es5.d.ts"], skipLibCheck: true },
  );
  return SOURCES.flatMap((source, index) => [...(index > 0 ? [""] : []), ...renderSource(program, source)]).join("\n");
}

/** `docs/ast.md` with its generated part replaced (the markers must be there). */
export function withAstReference(markdown: string): string {
  const begin = markdown.indexOf(AST_SECTION_BEGIN);
  const end = markdown.indexOf(AST_SECTION_END);
  if (begin === -1 || end < begin) throw new Error("docs/ast.md lacks the AST reference markers");
  return `${markdown.slice(0, begin)}${AST_SECTION_BEGIN}\n\n${renderAstReference()}\n\n${markdown.slice(end)}`;
}
