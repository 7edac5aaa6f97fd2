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
