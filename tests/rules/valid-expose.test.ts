import rule from "../../rules/valid-expose.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("valid-expose", rule, {
  valid: [
    "FROM nginx:1.27\nEXPOSE 80 443/tcp 53/udp 9000/sctp\n",
    "FROM alpine:3.20\nEXPOSE 8000-8010 0 65535\n",
    // Variables resolved; unknown ones left alone.
    dedent`
      FROM alpine:3.20
      ARG PORT=8080
      EXPOSE $PORT \${PORT}/udp
    `,
    "FROM alpine:3.20\nEXPOSE $PORT\n",
    "FROM alpine:3.20\nEXPOSE ${PORT:-3000}\n",
  ],
  invalid: [
    {
      // BuildKit ExposeInvalidFormat: an IP address or a host port.
      code: dedent`
        FROM alpine:3.20
        EXPOSE 127.0.0.1:80:80
        EXPOSE 8080:80/tcp
      `,
      errors: [
        { messageId: "mapping", line: 2, column: 8, endColumn: 23, data: { port: "127.0.0.1:80:80", container: "80" } },
        { messageId: "mapping", line: 3, column: 8, data: { port: "8080:80/tcp", container: "80/tcp" } },
      ],
    },
    {
      // BuildKit ExposeProtoCasing: fixed, and only the protocol.
      code: "FROM alpine:3.20\nEXPOSE 80/TcP 53/UDP\n",
      output: "FROM alpine:3.20\nEXPOSE 80/tcp 53/udp\n",
      errors: [
        { messageId: "protocolCasing", line: 2, column: 8, endColumn: 14, data: { port: "80/TcP", expected: "80/tcp" } },
        { messageId: "protocolCasing", line: 2, column: 15 },
      ],
    },
    {
      // The protocol after a variable is still fixable.
      code: dedent`
        FROM alpine:3.20
        ARG PORT=80
        EXPOSE $PORT/TCP
      `,
      output: dedent`
        FROM alpine:3.20
        ARG PORT=80
        EXPOSE $PORT/tcp
      `,
      errors: [{ messageId: "protocolCasing", line: 3, column: 8 }],
    },
    {
      // hadolint DL3011: valid ports are 0-65535 (both ends of a range).
      code: dedent`
        FROM alpine:3.20
        EXPOSE 80000
        EXPOSE 8000-70000/tcp
      `,
      errors: [
        { messageId: "outOfRange", line: 2, column: 8, data: { port: "80000", number: "80000" } },
        { messageId: "outOfRange", line: 3, column: 8, data: { port: "8000-70000/tcp", number: "70000" } },
      ],
    },
    {
      code: dedent`
        FROM alpine:3.20
        EXPOSE http
        EXPOSE 80/icmp
        ARG P=web
        EXPOSE $P
      `,
      errors: [
        { messageId: "notAPort", line: 2, column: 8 },
        { messageId: "unknownProtocol", line: 3, column: 8, data: { port: "80/icmp", protocol: "icmp" } },
        { messageId: "notAPort", line: 5, column: 8 },
      ],
    },
  ],
});
