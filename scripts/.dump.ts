import { readFileSync } from "node:fs";
import { parseDockerfile } from "../lib/dockerfile/parse.js";
const src = readFileSync(process.argv[2]!, "utf8");
const r = parseDockerfile(src);
console.log(JSON.stringify(r, (k, v) => (k === "parent" || k === "loc" ? undefined : v), 1).replace(/\n\s*/g, " "));
