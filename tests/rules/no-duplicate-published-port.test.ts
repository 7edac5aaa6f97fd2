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
