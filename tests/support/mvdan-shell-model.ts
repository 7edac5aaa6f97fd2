/** The mvdan-sh based model builder, kept as the oracle of our parser (see tests/shell/parser-oracle.test.ts). */
export { parseShell } from "../../lib/shell/parse.js";
