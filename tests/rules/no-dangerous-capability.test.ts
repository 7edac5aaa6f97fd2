import rule from "../../rules/no-dangerous-capability.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("compose").run("no-dangerous-capability", rule, {
  valid: [
    "services:\n  app:\n    cap_add: [NET_BIND_SERVICE, CHOWN]\n    cap_drop: [ALL]\n    security_opt: ['no-new-privileges:true', 'seccomp:./profile.json']\n",
    { code: "services:\n  vpn:\n    cap_add: [NET_ADMIN]\n", options: [{ allow: ["CAP_NET_ADMIN"] }] },
    "services:\n  app:\n    cap_add: ['${CAP}']\n",
  ],
  invalid: [
    {
      code: "services:\n  app:\n    cap_add:\n      - SYS_ADMIN\n      - cap_net_admin\n      - ALL\n",
      errors: [
        { messageId: "capability", line: 4, column: 9, endColumn: 18, data: { service: "app", capability: "SYS_ADMIN", why: "mount, namespaces, BPF: the usual container escape" } },
        { messageId: "capability", line: 5, column: 9, data: { service: "app", capability: "NET_ADMIN", why: "reconfigure interfaces, routes and firewall rules" } },
        { messageId: "capability", line: 6, column: 9 },
      ],
    },
    {
      code: "services:\n  app:\n    security_opt:\n      - seccomp:unconfined\n      - apparmor=unconfined\n      - label:disable\n",
      errors: [
        { messageId: "unconfined", line: 4, column: 9, data: { service: "app", option: "seccomp:unconfined" } },
        { messageId: "unconfined", line: 5, column: 9 },
        { messageId: "unconfined", line: 6, column: 9 },
      ],
    },
  ],
});
