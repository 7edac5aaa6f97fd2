/**
 * Lints the shared corpus (../shared/corpus) with the named rules (default: every rule) and prints how
 * often each reports, with a sample of findings to read: the false-positive check a rule passes before
 * it goes into `recommended`. Usage: `npx tsx scripts/corpus-report.ts [rule…] [--sample N] [--fixable]`.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ESLint, type Linter } from "eslint";
import plugin from "../lib/index.js";
import { FILES } from "../lib/configs/files.js";
import { rules } from "../rules/index.js";
import { repoRoot } from "./generated-sources.js";

const corpus = path.resolve(repoRoot, "../shared/corpus");
if (!existsSync(corpus)) {
  console.log(`no corpus at ${corpus}`);
  process.exit(0);
}
const args = process.argv.slice(2);
const sampleIndex = args.indexOf("--sample");
const sample = sampleIndex === -1 ? 12 : Number(args[sampleIndex + 1]);
const names = args.filter((arg, index) => !arg.startsWith("--") && index !== sampleIndex + 1 || (sampleIndex === -1 && !arg.startsWith("--")));
const selected = names.length > 0 ? names : Object.keys(rules);
const ruleConfig: Linter.RulesRecord = Object.fromEntries(selected.map((name) => [`docker/${name}`, "error"]));

const eslint = new ESLint({
  cwd: corpus,
  overrideConfigFile: true,
  overrideConfig: [...plugin.configs.base, { files: [...FILES.dockerfile, ...FILES.compose, ...FILES.dockerignore], rules: ruleConfig }],
  errorOnUnmatchedPattern: false,
});
const results = await eslint.lintFiles([...FILES.dockerfile, ...FILES.compose, ...FILES.dockerignore]);
const byRule = new Map<string, { file: string; line: number; message: string; text: string }[]>();
let fatal = 0;
for (const result of results) {
  const lines = readFileSync(result.filePath, "utf8").split(/\r?\n/u);
  for (const message of result.messages) {
    if (message.fatal) {
      fatal += 1;
      console.log(`PARSE ${path.relative(corpus, result.filePath)}:${message.line}:${message.column} ${message.message}`);
      continue;
    }
    const list = byRule.get(message.ruleId ?? "?") ?? [];
    list.push({ file: path.relative(corpus, result.filePath), line: message.line, message: message.message, text: (lines[message.line - 1] ?? "").trim().slice(0, 140) });
    byRule.set(message.ruleId ?? "?", list);
  }
}
console.log(`${results.length} files, ${fatal} parse errors`);
for (const [rule, findings] of [...byRule].sort((a, b) => b[1].length - a[1].length)) {
  const files = new Set(findings.map((finding) => finding.file)).size;
  console.log(`\n${rule}: ${findings.length} findings in ${files} files`);
  const step = Math.max(1, Math.floor(findings.length / sample));
  for (let index = 0; index < findings.length && index / step < sample; index += step) {
    const finding = findings[index]!;
    console.log(`  ${finding.file}:${finding.line}  ${finding.text}\n      → ${finding.message.slice(0, 160)}`);
  }
}
