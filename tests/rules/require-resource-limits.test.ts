import rule from "../../rules/require-resource-limits.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("compose").run("require-resource-limits", rule, {
  valid: [
    // A development environment is not deployed.
    { code: "services:\n  app:\n    image: node:22.12\n", filename: "/repo/.devcontainer/docker-compose.yml" },
    "services:\n  shell:\n    image: debian:12\n    entrypoint: [tail, -f, /dev/null]\n",
    "services:\n  app:\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n          cpus: '0.5'\n",
    "services:\n  app:\n    mem_limit: 512m\n    cpus: 1.5\n",
    "x-limits: &limits\n  deploy:\n    resources:\n      limits: {memory: 1G, cpus: '1'}\nservices:\n  app:\n    <<: *limits\n",
  ],
  invalid: [
    {
      code: "services:\n  app:\n    image: nginx:1.27\n",
      errors: [{ messageId: "noLimits", line: 2, column: 3, endColumn: 6, data: { service: "app", missing: "memory or CPU", keys: "memory, cpus" } }],
    },
    {
      code: "services:\n  app:\n    mem_limit: 1g\n  worker:\n    deploy:\n      resources:\n        limits:\n          cpus: '2'\n",
      errors: [
        { messageId: "noLimits", line: 2, column: 3, data: { service: "app", missing: "CPU", keys: "cpus" } },
        { messageId: "noLimits", line: 4, column: 3, data: { service: "worker", missing: "memory", keys: "memory" } },
      ],
    },
  ],
});
