/**
 * Rewrites the multi-line `"…\n…"` string literals of test files (three lines or more; `MIN_BREAKS=n` to
 * change) as `dedent` template literals (tests/support/dedent.ts), so that a Dockerfile or compose file in a
 * test reads as the file it is. Each rewrite is evaluated and kept only when it gives the very same string;
 * literals with `\r`, `\u`/`\x` escapes, control characters or trailing blanks stay as they are. Run once
 * over tests/ (issue 20); kept to rewrite a file merged from a branch that still writes `"…\n…"`:
 * `npx tsx scripts/dedent-tests.ts tests/rules/foo.test.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { dedent } from "../tests/support/dedent.js";

const root = path.resolve(import.meta.dirname, "..");
const files = process.argv.slice(2);
let converted = 0;
let skipped = 0;
const skipReasons = new Map<string, number>();
const skip = (why: string) => { skipped++; skipReasons.set(why, (skipReasons.get(why) ?? 0) + 1); };

function escapeForTemplate(value: string): string | null {
  let out = "";
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === "\\") out += "\\\\";
    else if (char === "`") out += "\\`";
    else if (char === "\n") out += "\n";
    else if (char === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) return null;
    else out += char;
  }
  return out.replaceAll("${", "\\${");
}

for (const file of files) {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node)) {
      const value = node.text;
      const raw = node.getText(source);
      const lines = value.split("\n");
      const breaks = lines.length - 1;
      if (breaks < Number(process.env.MIN_BREAKS ?? 3)) return;
      if (/\\[ux0-9]|\\r/u.test(raw)) return skip("escapes");
      if (ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent)) return;
      // A property name or a test title.
      if (ts.isPropertyAssignment(node.parent) && node.parent.name === node) return skip("key");
      const body = value.endsWith("\n") ? lines.slice(0, -1) : lines;
      if (body.some((line) => /[ \t]$/u.test(line))) return skip("trailing blank");
      if (body[0] === "" ) return skip("leading empty line");
      const escaped = body.map(escapeForTemplate);
      if (escaped.some((line) => line === null)) return skip("control");
      const start = node.getStart(source);
      const lineStart = text.lastIndexOf("\n", start - 1) + 1;
      const indent = /^[ \t]*/u.exec(text.slice(lineStart))![0];
      const inner = `${indent}  `;
      const template = `dedent\`\n${escaped.map((line) => (line === "" ? "" : inner + line)).join("\n")}${value.endsWith("\n") ? `\n${indent}` : ""}\``;
      // Evaluate what was written: it must be the same string.
      const evaluated = new Function("dedent", `return ${template};`)(dedent) as string;
      if (evaluated !== value) return skip("round trip");
      edits.push({ start, end: node.getEnd(), text: template });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (edits.length === 0) continue;
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  if (!/import \{ dedent \} from/u.test(out)) {
    let relative = path.relative(path.dirname(file), path.join(root, "tests/support/dedent.js"));
    if (!relative.startsWith(".")) relative = `./${relative}`;
    const imports = [...out.matchAll(/^import [^;]*;$/gmu)];
    const last = imports.at(-1)!;
    const at = last.index + last[0].length;
    out = `${out.slice(0, at)}\nimport { dedent } from "${relative}";${out.slice(at)}`;
  }
  writeFileSync(file, out);
  converted += edits.length;
  console.log(`${path.relative(root, file)}: ${edits.length}`);
}
console.log(`converted ${converted}, skipped ${skipped}`, Object.fromEntries(skipReasons));
