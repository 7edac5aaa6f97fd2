import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/no-duplicate-published-port.js";
import { ruleTester } from "../support/rule-tester.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-dupport-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, "compose.yaml"), "services:\n  web:\n    image: nginx:1.27\n    ports: ['8080:80']\n");
writeFileSync(path.join(dir, "extra.yaml"), "services:\n  admin:\n    image: adminer:4\n    ports: ['9000:8080']\n");

ruleTester("compose").run("no-duplicate-published-port", rule, {
  valid: [
    "services:\n  a:\n    ports: ['8080:80']\n  b:\n    ports: ['8081:80']\n",
    // Different protocols, different specific IPs.
    "services:\n  dns:\n    ports: ['53:53/udp', '53:53/tcp']\n  b:\n    ports: ['127.0.0.1:80:80']\n  c:\n    ports: ['127.0.0.2:80:80']\n",
    // Services in disjoint profiles never run together.
    "services:\n  dev:\n    profiles: [dev]\n    ports: ['80:80']\n  prod:\n    profiles: [prod]\n    ports: ['80:80']\n",
    // The override repeats the base file's entry: Compose merges them into one.
    { filename: path.join(dir, "compose.override.yaml"), code: "services:\n  web:\n    ports: ['8080:80']\n" },
    "services:\n  a:\n    ports: ['${P}:80']\n  b:\n    ports: ['${P}:80']\n",
  ],
  invalid: [
    {
      code: "services:\n  a:\n    ports:\n      - \"8080:80\"\n  b:\n    ports:\n      - target: 3000\n        published: 8080\n",
      errors: [{ messageId: "duplicate", line: 7, column: 9, data: { port: "8080", protocol: "tcp", other: "a", where: " (line 4)" } }],
    },
    {
      // A range that overlaps, and every-interface against one IP.
      code: "services:\n  a:\n    ports: ['8000-8010:8000-8010']\n  b:\n    ports: ['127.0.0.1:8005:80']\n",
      errors: [{ messageId: "duplicate", line: 5, column: 13, data: { port: "8005", protocol: "tcp", other: "a", where: " (line 3)" } }],
    },
    {
      filename: path.join(dir, "compose.override.yaml"),
      code: "services:\n  api:\n    ports: ['8080:3000']\n",
      errors: [{ messageId: "duplicate", line: 3, column: 13, data: { port: "8080", protocol: "tcp", other: "web", where: " in compose.yaml" } }],
    },
    {
      // A file pulled in with include.
      filename: path.join(dir, "main.yaml"),
      code: "include: [extra.yaml]\nservices:\n  app:\n    ports: ['9000:9000']\n",
      errors: [{ messageId: "duplicate", line: 4, column: 13, data: { port: "9000", protocol: "tcp", other: "admin", where: " in extra.yaml" } }],
    },
  ],
});

// An override that replaces or removes a service's ports with `!override`/`!reset` (Compose merge
// reference, "Replace value" / "Reset value"): the base file's ports are gone from the merged service.
const replaced = mkdtempSync(path.join(tmpdir(), "docker-policy-dupport-override-"));
afterAll(() => rmSync(replaced, { recursive: true, force: true }));
writeFileSync(path.join(replaced, "compose.yaml"), "services:\n  web:\n    image: nginx:1.27.0\n    ports:\n      - '127.0.0.1:8080:80'\n  api:\n    image: nginx:1.27.0\n");
const resetDir = mkdtempSync(path.join(tmpdir(), "docker-policy-dupport-reset-"));
afterAll(() => rmSync(resetDir, { recursive: true, force: true }));
writeFileSync(path.join(resetDir, "compose.override.yaml"), "services:\n  web:\n    ports: !reset []\n  api:\n    ports: ['8080:80']\n");

ruleTester("compose").run("no-duplicate-published-port (!override, !reset, documents)", rule, {
  valid: [
    { filename: path.join(replaced, "compose.override.yaml"), code: "services:\n  web:\n    ports: !override\n      - '127.0.0.1:9090:80'\n  api:\n    ports:\n      - '127.0.0.1:8080:80'\n" },
    { filename: path.join(resetDir, "compose.yaml"), code: "services:\n  web:\n    image: nginx:1.27.0\n    ports: ['8080:80']\n  api:\n    image: nginx:1.27.0\n" },
    // A later document of the same file replaces the list.
    "services:\n  web:\n    ports: ['8080:80']\n---\nservices:\n  web:\n    ports: !override ['9090:80']\n  api:\n    ports: ['8080:80']\n",
  ],
  invalid: [
    {
      // Without the tag the lists are appended: 8080 stays web's.
      filename: path.join(replaced, "compose.override.yaml"),
      code: "services:\n  web:\n    ports:\n      - '127.0.0.1:9090:80'\n  api:\n    ports:\n      - '127.0.0.1:8080:80'\n",
      errors: [{ messageId: "duplicate", line: 7, data: { port: "8080", protocol: "tcp", other: "web", where: " in compose.yaml" } }],
    },
    {
      // Two documents of one file publish the same port for two services.
      code: "services:\n  web:\n    ports: ['8080:80']\n---\nservices:\n  api:\n    ports: ['8080:80']\n",
      errors: [{ messageId: "duplicate", line: 7, data: { port: "8080", protocol: "tcp", other: "web", where: " (line 3)" } }],
    },
  ],
});
