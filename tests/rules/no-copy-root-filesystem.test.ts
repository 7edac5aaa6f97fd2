import rule from "../../rules/no-copy-root-filesystem.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-copy-root-filesystem", rule, {
  valid: [
    dedent`
      FROM golang:1.22 AS build
      RUN go build -o /out/app
      FROM alpine:3.20
      COPY --from=build /out/app /usr/local/bin/app
    `,
    // A scratch-based stage holds only what was put there: copying its root is the idiom.
    dedent`
      FROM golang:1.22 AS build
      RUN go build -o /out/app
      FROM scratch AS binaries
      COPY --from=build /out/app /
      FROM alpine:3.20
      COPY --from=binaries / /usr/local/bin/
    `,
    // An image the table does not know (tonistiigi/xx is a scratch image of scripts).
    dedent`
      FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.6.1 AS xx
      FROM golang:1.22-alpine
      COPY --from=xx / /
    `,
    "FROM alpine:3.20\nCOPY --from=tonistiigi/xx:1.6.1 / /\n",
    // Without --from, `/` is the root of the build context.
    "FROM alpine:3.20\nCOPY / /src\n",
    dedent`
      FROM debian:12 AS rootfs
      RUN true
      FROM scratch
      COPY --from=rootfs /etc/ssl/certs /etc/ssl/certs
    `,
    // Unknown at lint time.
    dedent`
      ARG SRC
      FROM alpine:3.20
      COPY --from=$SRC / /
    `,
  ],
  invalid: [
    {
      code: dedent`
        FROM debian:12 AS build
        RUN make
        FROM alpine:3.20
        COPY --from=build / /
      `,
      errors: [{ messageId: "rootFilesystem", line: 4, column: 19, endColumn: 20, data: { from: "build", image: "debian:12", family: "Debian" } }],
    },
    {
      // Through FROM <stage>, in JSON form, with `/.`, and from an image.
      code: dedent`
        FROM node:20 AS base
        FROM base AS build
        FROM scratch
        COPY --from=build ["/.", "/"]
        COPY --from=alpine:3.20 // /
      `,
      errors: [
        { messageId: "rootFilesystem", line: 4, column: 20, data: { from: "build", image: "node:20", family: "Node.js" } },
        { messageId: "rootFilesystem", line: 5, column: 25, data: { from: "alpine:3.20", image: "alpine:3.20", family: "Alpine Linux" } },
      ],
    },
  ],
});
