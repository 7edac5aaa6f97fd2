import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/no-docker-socket-mount.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("compose").run("no-docker-socket-mount", rule, {
  valid: [
    "services:\n  app:\n    volumes:\n      - ./data:/data\n      - docker.sock:/var/run/docker.sock\n",
    // A named volume called like the socket is not the host socket.
    "services:\n  app:\n    volumes:\n      - type: volume\n        source: docker\n        target: /var/run/docker.sock\n",
    "services:\n  app:\n    volumes:\n      - ${SOCK}:/var/run/docker.sock\n",
  ],
  invalid: [
    {
      code: "services:\n  traefik:\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n",
      errors: [{ messageId: "socket", line: 4, column: 9, endColumn: 53, data: { service: "traefik", source: "/var/run/docker.sock" } }],
    },
    {
      code: "services:\n  agent:\n    volumes:\n      - type: bind\n        source: /run/docker.sock\n        target: /var/run/docker.sock\n",
      errors: [{ messageId: "socket", line: 5, column: 17, data: { service: "agent", source: "/run/docker.sock" } }],
    },
    {
      // Windows hosts write a double slash; a default in an interpolation is what runs.
      code: "services:\n  a:\n    volumes: ['//var/run/docker.sock:/var/run/docker.sock', '${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock']\n",
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
    { filename, code: "services:\n  app:\n    volumes:\n      - ${DATA}:/var/run/docker.sock\n      - ${UNSET}:/var/run/docker.sock\n" },
  ],
  invalid: [
    {
      filename,
      code: "services:\n  otel-collector:\n    volumes:\n      - ${DOCKER_SOCK}:/var/run/docker.sock:ro\n",
      errors: [{ messageId: "socket", line: 4, column: 9, data: { service: "otel-collector", source: "/var/run/docker.sock (DOCKER_SOCK=/var/run/docker.sock from .env line 1)" } }],
    },
    {
      filename,
      code: "services:\n  agent:\n    volumes:\n      - type: bind\n        source: ${DOCKER_SOCK:-/tmp/none}\n        target: /var/run/docker.sock\n",
      errors: [{ messageId: "socket", line: 5, data: { service: "agent", source: "/var/run/docker.sock (DOCKER_SOCK=/var/run/docker.sock from .env line 1)" } }],
    },
  ],
});
