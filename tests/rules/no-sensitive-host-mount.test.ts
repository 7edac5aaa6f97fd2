import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/no-sensitive-host-mount.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("compose").run("no-sensitive-host-mount", rule, {
  valid: [
    // Files for the time zone, project folders, named volumes.
    "services:\n  app:\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n      - ./src:/app/src\n      - etc:/etc\n",
    // The socket is no-docker-socket-mount's finding.
    "services:\n  app:\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n",
    { code: "services:\n  exporter:\n    volumes:\n      - /proc:/host/proc:ro\n", options: [{ allow: ["/proc"] }] },
  ],
  invalid: [
    {
      code: "services:\n  exporter:\n    volumes:\n      - /proc:/host/proc:ro\n      - /:/rootfs:ro\n      - /etc/:/host/etc\n",
      errors: [
        { messageId: "sensitive", line: 4, column: 9, data: { service: "exporter", source: "/proc", mode: " (read-only)", access: "read" } },
        { messageId: "sensitive", line: 5, column: 9, data: { service: "exporter", source: "/", mode: " (read-only)", access: "read" } },
        { messageId: "sensitive", line: 6, column: 9, data: { service: "exporter", source: "/etc", mode: "", access: "read and change" } },
      ],
    },
    {
      code: "services:\n  app:\n    volumes:\n      - type: bind\n        source: /var/lib/docker\n        target: /docker\n",
      errors: [{ messageId: "sensitive", line: 5, column: 17 }],
    },
  ],
});

// The host path from the project's `.env` (opentelemetry-demo: `${HOST_FILESYSTEM}:/hostfs:ro`).
const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-sensitive-env-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, ".env"), "HOST_FILESYSTEM=/\nLOGS='./logs'\n");
const filename = path.join(dir, "compose.yaml");

ruleTester("compose").run("no-sensitive-host-mount (.env)", rule, {
  valid: [{ filename, code: "services:\n  app:\n    volumes:\n      - ${LOGS}:/var/log/app\n      - ${NOT_SET}:/hostfs:ro\n" }],
  invalid: [
    {
      filename,
      code: "services:\n  collector:\n    volumes:\n      - ${HOST_FILESYSTEM}:/hostfs:ro\n",
      errors: [{ messageId: "sensitive", line: 4, column: 9, data: { service: "collector", source: "/ (HOST_FILESYSTEM=/ from .env line 1)", mode: " (read-only)", access: "read" } }],
    },
  ],
});
