import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/no-sensitive-host-mount.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("compose").run("no-sensitive-host-mount", rule, {
  valid: [
    // Files for the time zone, project folders, named volumes.
    dedent`
      services:
        app:
          volumes:
            - /etc/localtime:/etc/localtime:ro
            - ./src:/app/src
            - etc:/etc
    `,
    // The socket is no-docker-socket-mount's finding.
    dedent`
      services:
        app:
          volumes:
            - /var/run/docker.sock:/var/run/docker.sock
    `,
    { code: dedent`
      services:
        exporter:
          volumes:
            - /proc:/host/proc:ro
    `, options: [{ allow: ["/proc"] }] },
  ],
  invalid: [
    {
      code: dedent`
        services:
          exporter:
            volumes:
              - /proc:/host/proc:ro
              - /:/rootfs:ro
              - /etc/:/host/etc
      `,
      errors: [
        { messageId: "sensitive", line: 4, column: 9, data: { service: "exporter", source: "/proc", mode: " (read-only)", access: "read" } },
        { messageId: "sensitive", line: 5, column: 9, data: { service: "exporter", source: "/", mode: " (read-only)", access: "read" } },
        { messageId: "sensitive", line: 6, column: 9, data: { service: "exporter", source: "/etc", mode: "", access: "read and change" } },
      ],
    },
    {
      code: dedent`
        services:
          app:
            volumes:
              - type: bind
                source: /var/lib/docker
                target: /docker
      `,
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
  valid: [{ filename, code: dedent`
    services:
      app:
        volumes:
          - \${LOGS}:/var/log/app
          - \${NOT_SET}:/hostfs:ro
  ` }],
  invalid: [
    {
      filename,
      code: dedent`
        services:
          collector:
            volumes:
              - \${HOST_FILESYSTEM}:/hostfs:ro
      `,
      errors: [{ messageId: "sensitive", line: 4, column: 9, data: { service: "collector", source: "/ (HOST_FILESYSTEM=/ from .env line 1)", mode: " (read-only)", access: "read" } }],
    },
  ],
});
