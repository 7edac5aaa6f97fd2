import rule from "../../rules/require-quoted-ports.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("compose").run("require-quoted-ports", rule, {
  valid: [
    dedent`
      services:
        app:
          ports:
            - "8080:80"
            - '127.0.0.1:53:53/udp'
          expose: ["3000"]
    `,
    // The long syntax types its fields.
    dedent`
      services:
        app:
          ports:
            - target: 80
              published: 8080
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          ssh:
            ports:
              - 22:22
              - 8080
            expose:
              - 3000
      `,
      output: dedent`
        services:
          ssh:
            ports:
              - "22:22"
              - "8080"
            expose:
              - "3000"
      `,
      errors: [
        { messageId: "unquoted", line: 4, column: 9, endColumn: 14, data: { field: "ports", text: "22:22" } },
        { messageId: "unquoted", line: 5, column: 9, data: { field: "ports", text: "8080" } },
        { messageId: "unquoted", line: 7, column: 9, data: { field: "expose", text: "3000" } },
      ],
    },
    {
      // Flow sequences, an interpolation, and an anchored list shared by two services (fixed once).
      code: dedent`
        x-ports: &ports
          - \${WEB_PORT:-80}:80
        services:
          a:
            ports: *ports
          b:
            ports: *ports
            expose: [3000, '3001']
      `,
      output: dedent`
        x-ports: &ports
          - "\${WEB_PORT:-80}:80"
        services:
          a:
            ports: *ports
          b:
            ports: *ports
            expose: ["3000", '3001']
      `,
      errors: [
        { messageId: "unquoted", line: 2, column: 5 },
        { messageId: "unquoted", line: 8, column: 14 },
      ],
    },
  ],
});
