import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/no-docker-socket-mount.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("compose").run("no-docker-socket-mount", rule, {
  valid: [
    dedent`
      services:
        app:
          volumes:
            - ./data:/data
            - docker.sock:/var/run/docker.sock
    `,
    // A named volume called like the socket is not the host socket.
    dedent`
      services:
        app:
          volumes:
            - type: volume
              source: docker
              target: /var/run/docker.sock
    `,
    dedent`
      services:
        app:
          volumes:
            - \${SOCK}:/var/run/docker.sock
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          traefik:
            volumes:
              - /var/run/docker.sock:/var/run/docker.sock:ro
      `,
      errors: [{ messageId: "socket", line: 4, column: 9, endColumn: 53, data: { service: "traefik", source: "/var/run/docker.sock" } }],
    },
    {
      code: dedent`
        services:
          agent:
            volumes:
              - type: bind
                source: /run/docker.sock
                target: /var/run/docker.sock
      `,
      errors: [{ messageId: "socket", line: 5, column: 17, data: { service: "agent", source: "/run/docker.sock" } }],
    },
    {
      // Windows hosts write a double slash; a default in an interpolation is what runs.
      code: dedent`
        services:
          a:
            volumes: ['//var/run/docker.sock:/var/run/docker.sock', '\${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock']
      `,
      errors: [
        { messageId: "socket", line: 3, column: 15, data: { service: "a", source: "/var/run/docker.sock" } },
        { messageId: "socket", line: 3, column: 61, data: { service: "a", source: "/var/run/docker.sock" } },
      ],
    },
  ],
});

// The host path from the project's `.env` (opentelemetry-demo: `${DOCKER_SOCK}:/var/run/docker.sock:ro`).
const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-socket-env-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, ".env"), "DOCKER_SOCK=/var/run/docker.sock\nDATA=./data\n");
const filename = path.join(dir, "compose.yaml");

ruleTester("compose").run("no-docker-socket-mount (.env)", rule, {
  valid: [
    { filename, code: dedent`
      services:
        app:
          volumes:
            - \${DATA}:/var/run/docker.sock
            - \${UNSET}:/var/run/docker.sock
    ` },
  ],
  invalid: [
    {
      filename,
      code: dedent`
        services:
          otel-collector:
            volumes:
              - \${DOCKER_SOCK}:/var/run/docker.sock:ro
      `,
      errors: [{ messageId: "socket", line: 4, column: 9, data: { service: "otel-collector", source: "/var/run/docker.sock (DOCKER_SOCK=/var/run/docker.sock from .env line 1)" } }],
    },
    {
      filename,
      code: dedent`
        services:
          agent:
            volumes:
              - type: bind
                source: \${DOCKER_SOCK:-/tmp/none}
                target: /var/run/docker.sock
      `,
      errors: [{ messageId: "socket", line: 5, data: { service: "agent", source: "/var/run/docker.sock (DOCKER_SOCK=/var/run/docker.sock from .env line 1)" } }],
    },
  ],
});
