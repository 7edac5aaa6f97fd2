// Lints generated compose files of 1,250 to 5,000 services with the `strict` config and prints, per size,
// the YAML parse time and what the compose rules add on top: the rules index each file once (ports,
// container names, served ports, health verdicts), so their share grows linearly with the services.
// Run: `npm run build && node bench/compose-services.js`.
import { Linter } from "eslint";
import { parseComposeText } from "../dist/internal/index.js";
import plugin from "eslint-plugin-docker-policy";

function composeText(count) {
  let text = "services:\n";
  for (let index = 0; index < count; index++) {
    // ~95 bytes a service (bench/scaling.js lints realistic services of ~400 bytes).
    text +=
      index % 2 === 0
        ? `  s${index}:\n    image: postgres:16\n    ports: ["127.0.0.1:${10000 + index}:5432"]\n    depends_on: [s${index + 1}]\n`
        : `  s${index}:\n    image: app:1\n    environment: [U=http://localhost:${10000 + ((index + 7) % count)}]\n`;
  }
  return text;
}

const best = (run) => Math.min(...Array.from({ length: 3 }, () => { const start = performance.now(); run(); return performance.now() - start; }));
for (const count of [1250, 2500, 5000]) {
  const code = composeText(count);
  const linter = new Linter({ configType: "flat" });
  let messages = [];
  const parse = best(() => parseComposeText(code));
  const lint = best(() => { messages = linter.verify(code, plugin.configs.strict, { filename: "compose.yaml" }); });
  const fatal = messages.filter((message) => message.fatal).length;
  console.log(`${String(count).padStart(5)} services  ${(code.length / 1024).toFixed(0).padStart(4)} KB  parse ${parse.toFixed(0).padStart(5)} ms  lint ${lint.toFixed(0).padStart(5)} ms  rules ${(lint - parse).toFixed(0).padStart(5)} ms (${((lint - parse) / count).toFixed(2)} ms/service)  ${messages.length} messages, ${fatal} fatal`);
}
