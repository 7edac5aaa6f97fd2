// Lints one generated large file per language with the `strict` config and prints the time and memory:
// the scale check behind tests/languages/bad-input.test.ts. Run: `npm run build && node bench/large-file.js [MB]`.
import { Linter } from "eslint";
import plugin from "eslint-plugin-docker-policy";

const megabytes = Number(process.argv[2] ?? 10);
const size = megabytes * 1_000_000;
const samples = {
  // Every line a RUN: the worst case for the shell model.
  Dockerfile: "FROM debian:12\n" + "RUN apt-get update && apt-get install -y curl && echo 'a b c d e f g'\n".repeat(Math.ceil(size / 72)),
  ".dockerignore": "**/some/deep/path/*.log\n".repeat(Math.ceil(size / 24)),
  // A mapping of over 10,000 keys is refused with a fatal message (the YAML library's duplicate-key
  // check is quadratic in them): 9,000 one-line services show the parser's own cost near that bound.
  "compose.yaml": "services:\n" + Array.from({ length: Math.ceil(Math.min(size, 270_000) / 30) }, (_, index) => `  s${index}:\n    image: redis:7.2\n`).join(""),
};
for (const [filename, code] of Object.entries(samples)) {
  const linter = new Linter({ configType: "flat" });
  const start = performance.now();
  const messages = linter.verify(code, plugin.configs.strict, { filename });
  const seconds = (performance.now() - start) / 1000;
  const fatal = messages.filter((message) => message.fatal).length;
  console.log(`${filename.padEnd(14)} ${(code.length / 1e6).toFixed(1)} MB  ${seconds.toFixed(1)} s  ${messages.length} messages (${fatal} fatal)  rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
}
