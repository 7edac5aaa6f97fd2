import rule from "../../rules/sort-ports.js";
import { dedent } from "../support/dedent.js";
import { ruleTester } from "../support/rule-tester.js";

const unsorted = (service: string, key: string, expected: string) => ({ messageId: "unsorted" as const, data: { service, key, expected } });

// dclint's fixtures (tests/rules/service-ports-alphabetical-order-rule.spec.ts).
const DCLINT_INCORRECT = dedent`
  services:
    web:
      image: nginx
      ports:
        - '81'
        - "79"
        - 80:80
        - 8080:8080
        - "3000-3005"
        - 0.0.0.0:8002:8002
        - "9090-9091:8080-8081"
        - "127.0.0.1:8001:8001"
        - 1001:443
        - target: 1000
          published: 8082
          protocol: tcp
          mode: host
        - "$WEB_PORT:80"
`;
const DCLINT_CORRECT = dedent`
  services:
    web:
      image: nginx
      ports:
        - "$WEB_PORT:80"
        - "79"
        - 80:80
        - '81'
        - 1001:443
        - "3000-3005"
        - "127.0.0.1:8001:8001"
        - 0.0.0.0:8002:8002
        - 8080:8080
        - target: 1000
          published: 8082
          protocol: tcp
          mode: host
        - "9090-9091:8080-8081"
`;

ruleTester("compose").run("sort-ports", rule, {
  valid: [
    DCLINT_CORRECT,
    // Numbers compare as numbers: 79 < 443 < 8080.
    "services:\n  web:\n    ports: ['79:79', '443:443', '8080:80']\n",
    // The same published port twice (tcp and udp) keeps its order; IPv6 host addresses are skipped like IPv4 ones.
    "services:\n  dns:\n    ports:\n      - 53:53/udp\n      - 53:53/tcp\n      - '[::1]:8053:53'\n",
    // Long syntax without `published` sorts first (an empty port), as in dclint.
    "services:\n  web:\n    ports:\n      - target: 80\n      - 443:443\n",
    // One port, no ports, a ports value that is not a list.
    "services:\n  web:\n    ports: ['80:80']\n",
    "services:\n  web:\n    image: nginx\n",
    "services:\n  web:\n    ports: ${PORTS}\n",
  ],
  invalid: [
    {
      // A long-syntax port without `published:` sorts first; the message names it rather than showing ''.
      code: "services:\n  web:\n    ports:\n      - 443:443\n      - target: 80\n",
      output: "services:\n  web:\n    ports:\n      - target: 80\n      - 443:443\n",
      errors: [unsorted("web", "443", "'no published port', '443'")],
    },
    {
      // dclint's fixture: one finding per list, as dclint reports it.
      code: DCLINT_INCORRECT,
      output: DCLINT_CORRECT,
      errors: [
        {
          ...unsorted("web", "81", "'$WEB_PORT', '79', '80', '81', '1001', '3000-3005', '8001', '8002', '8080', '8082', '9090-9091'"),
          line: 5,
          column: 9,
        },
      ],
    },
    {
      // Flow list; the entries swap, the quotes stay with them.
      code: "services:\n  web:\n    ports: [\"8443:443\", '80:80']\n",
      output: "services:\n  web:\n    ports: ['80:80', \"8443:443\"]\n",
      errors: [unsorted("web", "8443", "'80', '8443'")],
    },
    {
      // Comments move with their port; an anchored list shared by two services is reported once.
      code: dedent`
        x-ports: &ports
          ports:
            # admin
            - 9000:9000
            - 80:80 # public
        services:
          a:
            <<: *ports
          b:
            <<: *ports
      `,
      output: dedent`
        x-ports: &ports
          ports:
            - 80:80 # public
            # admin
            - 9000:9000
        services:
          a:
            <<: *ports
          b:
            <<: *ports
      `,
      errors: [{ ...unsorted("a", "9000", "'80', '9000'"), line: 4, column: 7 }],
    },
    {
      // An aliased item may move when its anchor stays before it.
      code: "x-p: &p '443:443'\nservices:\n  web:\n    ports:\n      - *p\n      - 80:80\n",
      output: "x-p: &p '443:443'\nservices:\n  web:\n    ports:\n      - 80:80\n      - *p\n",
      errors: [unsorted("web", "443", "'80', '443'")],
    },
    {
      // An item that opens with its own comment line (`-` then the value below) cannot move as lines: not fixed.
      code: "services:\n  web:\n    ports:\n      - # tls\n        443:443\n      - 80:80\n",
      output: null,
      errors: [unsorted("web", "443", "'80', '443'")],
    },
  ],
});
