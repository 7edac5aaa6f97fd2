import rule from "../../rules/valid-expose.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("valid-expose", rule, {
  valid: [
    "FROM nginx:1.27\nEXPOSE 80 443/tcp 53/udp 9000/sctp\n",
    "FROM alpine:3.20\nEXPOSE 8000-8010 0 65535\n",
    // Variables resolved; unknown ones left alone.
    "FROM alpine:3.20\nARG PORT=8080\nEXPOSE $PORT ${PORT}/udp\n",
    "FROM alpine:3.20\nEXPOSE $PORT\n",
    "FROM alpine:3.20\nEXPOSE ${PORT:-3000}\n",
  ],
  invalid: [
    {
      // BuildKit ExposeInvalidFormat: an IP address or a host port.
      code: "FROM alpine:3.20\nEXPOSE 127.0.0.1:80:80\nEXPOSE 8080:80/tcp\n",
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
      code: "FROM alpine:3.20\nARG PORT=80\nEXPOSE $PORT/TCP\n",
      output: "FROM alpine:3.20\nARG PORT=80\nEXPOSE $PORT/tcp\n",
      errors: [{ messageId: "protocolCasing", line: 3, column: 8 }],
    },
    {
      // hadolint DL3011: valid ports are 0-65535 (both ends of a range).
      code: "FROM alpine:3.20\nEXPOSE 80000\nEXPOSE 8000-70000/tcp\n",
      errors: [
        { messageId: "outOfRange", line: 2, column: 8, data: { port: "80000", number: "80000" } },
        { messageId: "outOfRange", line: 3, column: 8, data: { port: "8000-70000/tcp", number: "70000" } },
      ],
    },
    {
      code: "FROM alpine:3.20\nEXPOSE http\nEXPOSE 80/icmp\nARG P=web\nEXPOSE $P\n",
      errors: [
        { messageId: "notAPort", line: 2, column: 8 },
        { messageId: "unknownProtocol", line: 3, column: 8, data: { port: "80/icmp", protocol: "icmp" } },
        { messageId: "notAPort", line: 5, column: 8 },
      ],
    },
  ],
});
