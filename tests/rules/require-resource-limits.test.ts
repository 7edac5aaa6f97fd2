import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/require-resource-limits.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("compose").run("require-resource-limits", rule, {
  valid: [
    // A development environment is not deployed.
    { code: dedent`
      services:
        app:
          image: node:22.12
    `, filename: "/repo/.devcontainer/docker-compose.yml" },
    dedent`
      services:
        shell:
          image: debian:12
          entrypoint: [tail, -f, /dev/null]
    `,
    dedent`
      services:
        app:
          deploy:
            resources:
              limits:
                memory: 512M
                cpus: '0.5'
    `,
    dedent`
      services:
        app:
          mem_limit: 512m
          cpus: 1.5
    `,
    dedent`
      x-limits: &limits
        deploy:
          resources:
            limits: {memory: 1G, cpus: '1'}
      services:
        app:
          <<: *limits
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            image: nginx:1.27
      `,
      errors: [{ messageId: "noLimits", line: 2, column: 3, endColumn: 6, data: { service: "app", missing: "memory or CPU", keys: "memory, cpus" } }],
    },
    {
      code: dedent`
        services:
          app:
            mem_limit: 1g
          worker:
            deploy:
              resources:
                limits:
                  cpus: '2'
      `,
      errors: [
        { messageId: "noLimits", line: 2, column: 3, data: { service: "app", missing: "CPU", keys: "cpus" } },
        { messageId: "noLimits", line: 4, column: 3, data: { service: "worker", missing: "memory", keys: "memory" } },
      ],
    },
  ],
});

// The `pids` option: a process-count limit too (KICS "Pids Limit Not Set"). 0 and -1 mean unlimited.
const limited = "    mem_limit: 512m\n    cpus: 1\n";
ruleTester("compose").run("require-resource-limits (pids)", rule, {
  valid: [
    // Off by default.
    `services:\n  app:\n${limited}`,
    { code: `services:\n  app:\n${limited}    pids_limit: 200\n`, options: [{ pids: true }] },
    { code: `services:\n  app:\n${limited}    deploy:\n      resources:\n        limits:\n          pids: 100\n`, options: [{ pids: true }] },
    // Unknown until deployment: silent.
    { code: `services:\n  app:\n${limited}    pids_limit: \${PIDS}\n`, options: [{ pids: true }] },
    { code: "services:\n  app:\n    image: node:22.12\n", filename: "/repo/.devcontainer/docker-compose.yml", options: [{ pids: true }] },
  ],
  invalid: [
    {
      code: `services:\n  app:\n${limited}`,
      options: [{ pids: true }],
      errors: [{ messageId: "noPidsLimit", line: 2, column: 3, data: { service: "app" } }],
    },
    {
      code: `services:\n  a:\n${limited}    pids_limit: -1\n  b:\n${limited}    pids_limit: '0'\n`,
      options: [{ pids: true }],
      errors: [
        { messageId: "noPidsLimit", line: 2, data: { service: "a" } },
        { messageId: "noPidsLimit", line: 6, data: { service: "b" } },
      ],
    },
    {
      // Both messages when nothing is limited.
      code: "services:\n  app:\n    image: nginx:1.27\n",
      options: [{ pids: true }],
      errors: [
        { messageId: "noPidsLimit", line: 2 },
        { messageId: "noLimits", line: 2 },
      ],
    },
  ],
});

// Limits an override removes with `!reset` (or drops by replacing `deploy` with `!override`) are gone.
const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-limits-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, "compose.override.yaml"), dedent`
  services:
    app:
      deploy:
        resources:
          limits:
            memory: !reset null
    b:
      deploy: !override
        replicas: 2
    c:
      mem_limit: 1g
`);

ruleTester("compose").run("require-resource-limits (!reset, !override)", rule, {
  valid: [{ filename: path.join(dir, "compose.yaml"), code: dedent`
    services:
      c:
        cpus: 1
  ` }],
  invalid: [
    {
      filename: path.join(dir, "compose.yaml"),
      code: dedent`
        services:
          app:
            deploy:
              resources:
                limits: {memory: 512M, cpus: '1'}
          b:
            deploy:
              resources:
                limits: {memory: 512M, cpus: '1'}
      `,
      errors: [
        { messageId: "noLimits", line: 2, data: { service: "app", missing: "memory", keys: "memory" } },
        { messageId: "noLimits", line: 6, data: { service: "b", missing: "memory or CPU", keys: "memory, cpus" } },
      ],
    },
  ],
});
