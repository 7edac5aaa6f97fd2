import rule from "../../rules/no-unbound-port.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("compose").run("no-unbound-port", rule, {
  valid: [
    dedent`
      services:
        app:
          ports:
            - "127.0.0.1:8080:80"
            - "[::1]:8443:443"
            - "\${HOST_IP:-127.0.0.1}:82:82"
    `,
    // An explicit 0.0.0.0 is a decision.
    dedent`
      services:
        app:
          ports: ['0.0.0.0:80:80']
    `,
    dedent`
      services:
        app:
          ports:
            - target: 80
              published: 8080
              host_ip: 127.0.0.1
    `,
    // Unknown until deployment.
    dedent`
      services:
        app:
          ports: ['\${PORTS}']
    `,
    dedent`
      services:
        app:
          expose: ['80']
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            ports:
              - "8080:80"
              - 9000
      `,
      errors: [
        {
          messageId: "unbound", line: 4, column: 9, endColumn: 18, data: { service: "app", port: "host port 8080" },
          suggestions: [{ messageId: "bindLoopback", output: dedent`
            services:
              app:
                ports:
                  - "127.0.0.1:8080:80"
                  - 9000
          ` }],
        },
        {
          messageId: "unbound", line: 5, column: 9, data: { service: "app", port: "a random host port for 9000" },
          suggestions: [{ messageId: "bindLoopback", output: dedent`
            services:
              app:
                ports:
                  - "8080:80"
                  - 127.0.0.1::9000
          ` }],
        },
      ],
    },
    {
      code: dedent`
        services:
          app:
            ports:
              - target: 80
                published: "8080"
      `,
      errors: [{
        messageId: "unbound", line: 4, column: 9,
        suggestions: [{ messageId: "bindLoopback", output: dedent`
          services:
            app:
              ports:
                - target: 80
                  published: "8080"
                  host_ip: 127.0.0.1
        ` }],
      }],
    },
    {
      // Shared through an anchor: reported at each alias, no suggestion.
      code: dedent`
        x-p: &p
          - "80:80"
        services:
          a:
            ports: *p
      `,
      errors: [{ messageId: "unbound", line: 5, column: 12, suggestions: [] }],
    },
  ],
});
