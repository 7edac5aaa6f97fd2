import rule from "../../rules/no-host-namespace.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("compose").run("no-host-namespace", rule, {
  valid: [
    "services:\n  app:\n    image: nginx:1.27\n    network_mode: bridge\n    pid: service:other\n    ipc: shareable\n",
    "services:\n  app:\n    network_mode: ${MODE}\n",
    "services:\n  app:\n    network_mode: none\n",
  ],
  invalid: [
    {
      code: "services:\n  app:\n    network_mode: host\n    pid: host\n    ipc: host\n    userns_mode: host\n    uts: host\n",
      errors: [
        { messageId: "hostNamespace", line: 3, column: 19, endColumn: 23, data: { service: "app", field: "network_mode", shares: "the host's network stack (every host port and interface, no isolation)" } },
        { messageId: "hostNamespace", line: 4, column: 10 },
        { messageId: "hostNamespace", line: 5, column: 10 },
        { messageId: "hostNamespace", line: 6, column: 18 },
        { messageId: "hostNamespace", line: 7, column: 10 },
      ],
    },
    {
      code: "services:\n  app:\n    network_mode: \"${NET:-host}\"\n",
      errors: [{ messageId: "hostNamespace", line: 3, column: 19 }],
    },
  ],
});
