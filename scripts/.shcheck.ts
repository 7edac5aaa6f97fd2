import { readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { parseDockerfile } from "../lib/dockerfile/parse.js";
import { allInstructions } from "../lib/dockerfile/ast-helpers.js";
import { corpusDockerfiles, corpusRoot } from "../tests/dockerfile/support/corpus.js";
const require = createRequire(import.meta.url);
const sh = require("mvdan-sh");
const parser = sh.syntax.NewParser(sh.syntax.Variant(sh.syntax.LangBash));
let total = 0, failed = 0, failedPosix = 0;
const samples: string[] = [];
for (const f of corpusDockerfiles()!) {
  const text = readFileSync(f, "utf8");
  const r = parseDockerfile(text);
  if (!r.ok) continue;
  // stage shell: non-posix if SHELL exec first element contains powershell/cmd
  for (const stage of r.ast.stages) {
    let posix = !/windows|nanoserver/i.test(stage.from.image?.raw ?? "") ;
    for (const ins of stage.instructions) {
      if (ins.type === "Shell" && ins.form?.type === "ExecForm") posix = /sh$/.test(ins.form.elements[0]?.value ?? "");
      if (ins.type !== "Run" || !ins.script) continue;
      total++;
      try { parser.Parse(ins.script.text.text, ""); } catch (e: any) {
        failed++;
        if (posix) { failedPosix++; if (samples.length < 15) samples.push(`${path.relative(corpusRoot, f)}:${ins.loc.start.line}: ${e.Error ? e.Error() : e}`); }
      }
    }
  }
}
console.log({ total, failed, failedPosix });
console.log(samples.join("\n"));
