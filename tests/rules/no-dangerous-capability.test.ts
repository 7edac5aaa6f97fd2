import rule from "../../rules/no-dangerous-capability.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("compose").run("no-dangerous-capability", rule, {
  valid: [
    dedent`
      services:
        app:
          cap_add: [NET_BIND_SERVICE, CHOWN]
          cap_drop: [ALL]
          security_opt: ['no-new-privileges:true', 'seccomp:./profile.json']
    `,
    { code: dedent`
      services:
        vpn:
          cap_add: [NET_ADMIN]
    `, options: [{ allow: ["CAP_NET_ADMIN"] }] },
    dedent`
      services:
        app:
          cap_add: ['\${CAP}']
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            cap_add:
              - SYS_ADMIN
              - cap_net_admin
              - ALL
      `,
      errors: [
        { messageId: "capability", line: 4, column: 9, endColumn: 18, data: { service: "app", capability: "SYS_ADMIN", why: "mount, namespaces, BPF: the usual container escape" } },
        { messageId: "capability", line: 5, column: 9, data: { service: "app", capability: "NET_ADMIN", why: "reconfigure interfaces, routes and firewall rules" } },
        { messageId: "capability", line: 6, column: 9 },
      ],
    },
    {
      code: dedent`
        services:
          app:
            security_opt:
              - seccomp:unconfined
              - apparmor=unconfined
              - label:disable
      `,
      errors: [
        { messageId: "unconfined", line: 4, column: 9, data: { service: "app", option: "seccomp:unconfined" } },
        { messageId: "unconfined", line: 5, column: 9 },
        { messageId: "unconfined", line: 6, column: 9 },
      ],
    },
  ],
});
