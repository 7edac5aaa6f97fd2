import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/require-project-name.js";
import { ruleTester } from "../support/rule-tester.js";

const services = "services:\n  app:\n    image: nginx:1.27\n";

ruleTester("compose").run("require-project-name", rule, {
  valid: [
    // dclint's fixtures (require-project-name-field): with a name, and (below) without.
    { code: "name: my-project\nservices:\n  web:\n    image: nginx\n", filename: "/docker-compose.yml" },
    `name: shop\n${services}`,
    // Interpolated: still a name.
    `name: \${PROJECT:-shop}\n${services}`,
    // A later document of the same file names it (Compose merges the documents).
    `${services}---\nname: shop\n`,
    // The default override file, an overlay, a Dev Containers file: not the project's first file.
    { code: services, filename: "/repo/compose.override.yaml" },
    { code: services, filename: "/repo/docker-compose.override.yml" },
    { code: services, filename: "/repo/compose.prod.yaml" },
    { code: services, filename: "/repo/.devcontainer/docker-compose.yml" },
  ],
  invalid: [
    // At the file-system root the folder has no name: no suggestion.
    { code: "services:\n  web:\n    image: nginx\n", filename: "/docker-compose.yml", errors: [{ messageId: "missing", line: 1, suggestions: [] }] },
    {
      code: services,
      errors: [{ messageId: "missing", line: 1, column: 1, endColumn: 9, suggestions: [] }],
    },
    {
      code: `# the shop\n${services}`,
      filename: "/work/My Shop/compose.yaml",
      errors: [{ messageId: "missing", line: 2, suggestions: [{ messageId: "addName", data: { name: "myshop" }, output: `# the shop\nname: myshop\n${services}` }] }],
    },
    {
      // A folder name that YAML would read as a number is quoted.
      code: services,
      filename: "/work/2024/docker-compose.yml",
      errors: [{ messageId: "missing", suggestions: [{ messageId: "addName", data: { name: '"2024"' }, output: `name: "2024"\n${services}` }] }],
    },
  ],
});

// The project's other files: an included file, a later COMPOSE_FILE entry; a name from the .env or the override file.
const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-project-name-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const sub of ["included", "env", "override", "plain"]) mkdirSync(path.join(dir, sub));
writeFileSync(path.join(dir, "included", "compose.yaml"), "name: shop\ninclude:\n  - db/compose.yaml\nservices: {}\n");
mkdirSync(path.join(dir, "included", "db"));
writeFileSync(path.join(dir, "env", ".env"), "COMPOSE_PROJECT_NAME=shop\n");
writeFileSync(path.join(dir, "override", "compose.override.yaml"), "name: shop\n");
writeFileSync(path.join(dir, "plain", ".env"), "COMPOSE_FILE=compose.yaml:extra.yaml\n");

ruleTester("compose").run("require-project-name (project files)", rule, {
  valid: [
    { code: services, filename: path.join(dir, "included", "db", "compose.yaml") },
    { code: services, filename: path.join(dir, "env", "compose.yaml") },
    { code: services, filename: path.join(dir, "override", "compose.yaml") },
    { code: services, filename: path.join(dir, "plain", "extra.yaml") },
  ],
  invalid: [{ code: services, filename: path.join(dir, "plain", "compose.yaml"), errors: [{ messageId: "missing", suggestions: [{ messageId: "addName", data: { name: "plain" }, output: `name: plain\n${services}` }] }] }],
});
