import { parseForESLint } from "../lib/dockerfile/parse-for-eslint.js";
console.log(parseForESLint("//usr/bin/env x\nFROM a\n").ast.comments);
