import rule from "../../rules/no-copy-root-filesystem.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("no-copy-root-filesystem", rule, {
  valid: [
    "FROM golang:1.22 AS build\nRUN go build -o /out/app\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/app\n",
    // A scratch-based stage holds only what was put there: copying its root is the idiom.
    "FROM golang:1.22 AS build\nRUN go build -o /out/app\nFROM scratch AS binaries\nCOPY --from=build /out/app /\nFROM alpine:3.20\nCOPY --from=binaries / /usr/local/bin/\n",
    // An image the table does not know (tonistiigi/xx is a scratch image of scripts).
    "FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.6.1 AS xx\nFROM golang:1.22-alpine\nCOPY --from=xx / /\n",
    "FROM alpine:3.20\nCOPY --from=tonistiigi/xx:1.6.1 / /\n",
    // Without --from, `/` is the root of the build context.
    "FROM alpine:3.20\nCOPY / /src\n",
    "FROM debian:12 AS rootfs\nRUN true\nFROM scratch\nCOPY --from=rootfs /etc/ssl/certs /etc/ssl/certs\n",
    // Unknown at lint time.
    "ARG SRC\nFROM alpine:3.20\nCOPY --from=$SRC / /\n",
  ],
  invalid: [
    {
      code: "FROM debian:12 AS build\nRUN make\nFROM alpine:3.20\nCOPY --from=build / /\n",
      errors: [{ messageId: "rootFilesystem", line: 4, column: 19, endColumn: 20, data: { from: "build", image: "debian:12", family: "Debian" } }],
    },
    {
      // Through FROM <stage>, in JSON form, with `/.`, and from an image.
      code: 'FROM node:20 AS base\nFROM base AS build\nFROM scratch\nCOPY --from=build ["/.", "/"]\nCOPY --from=alpine:3.20 // /\n',
      errors: [
        { messageId: "rootFilesystem", line: 4, column: 20, data: { from: "build", image: "node:20", family: "Node.js" } },
        { messageId: "rootFilesystem", line: 5, column: 25, data: { from: "alpine:3.20", image: "alpine:3.20", family: "Alpine Linux" } },
      ],
    },
  ],
});
