import rule from "../../rules/no-unbound-port.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("compose").run("no-unbound-port", rule, {
  valid: [
    "services:\n  app:\n    ports:\n      - \"127.0.0.1:8080:80\"\n      - \"[::1]:8443:443\"\n      - \"${HOST_IP:-127.0.0.1}:82:82\"\n",
    // An explicit 0.0.0.0 is a decision.
    "services:\n  app:\n    ports: ['0.0.0.0:80:80']\n",
    "services:\n  app:\n    ports:\n      - target: 80\n        published: 8080\n        host_ip: 127.0.0.1\n",
    // Unknown until deployment.
    "services:\n  app:\n    ports: ['${PORTS}']\n",
    "services:\n  app:\n    expose: ['80']\n",
  ],
  invalid: [
    {
      code: "services:\n  app:\n    ports:\n      - \"8080:80\"\n      - 9000\n",
      errors: [
        {
          messageId: "unbound", line: 4, column: 9, endColumn: 18, data: { service: "app", port: "host port 8080" },
          suggestions: [{ messageId: "bindLoopback", output: "services:\n  app:\n    ports:\n      - \"127.0.0.1:8080:80\"\n      - 9000\n" }],
        },
        {
          messageId: "unbound", line: 5, column: 9, data: { service: "app", port: "a random host port for 9000" },
          suggestions: [{ messageId: "bindLoopback", output: "services:\n  app:\n    ports:\n      - \"8080:80\"\n      - 127.0.0.1::9000\n" }],
        },
      ],
    },
    {
      code: "services:\n  app:\n    ports:\n      - target: 80\n        published: \"8080\"\n",
      errors: [{
        messageId: "unbound", line: 4, column: 9,
        suggestions: [{ messageId: "bindLoopback", output: "services:\n  app:\n    ports:\n      - target: 80\n        published: \"8080\"\n        host_ip: 127.0.0.1\n" }],
      }],
    },
    {
      // Shared through an anchor: reported at each alias, no suggestion.
      code: "x-p: &p\n  - \"80:80\"\nservices:\n  a:\n    ports: *p\n",
      errors: [{ messageId: "unbound", line: 5, column: 12, suggestions: [] }],
    },
  ],
});
