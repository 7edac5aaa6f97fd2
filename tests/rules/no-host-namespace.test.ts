import rule from "../../rules/no-host-namespace.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("compose").run("no-host-namespace", rule, {
  valid: [
    dedent`
      services:
        app:
          image: nginx:1.27
          network_mode: bridge
          pid: service:other
          ipc: shareable
    `,
    dedent`
      services:
        app:
          network_mode: \${MODE}
    `,
    dedent`
      services:
        app:
          network_mode: none
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            network_mode: host
            pid: host
            ipc: host
            userns_mode: host
            uts: host
      `,
      errors: [
        { messageId: "hostNamespace", line: 3, column: 19, endColumn: 23, data: { service: "app", field: "network_mode", shares: "the host's network stack (every host port and interface, no isolation)" } },
        { messageId: "hostNamespace", line: 4, column: 10 },
        { messageId: "hostNamespace", line: 5, column: 10 },
        { messageId: "hostNamespace", line: 6, column: 18 },
        { messageId: "hostNamespace", line: 7, column: 10 },
      ],
    },
    {
      code: dedent`
        services:
          app:
            network_mode: "\${NET:-host}"
      `,
      errors: [{ messageId: "hostNamespace", line: 3, column: 19 }],
    },
  ],
});
