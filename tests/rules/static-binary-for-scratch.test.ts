import rule from "../../rules/static-binary-for-scratch.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

const CERTS = "COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n";

ruleTester("dockerfile").run("static-binary-for-scratch", rule, {
  valid: [
    // CGO_ENABLED=0 as a prefix, through ENV, through ARG, exported earlier in the script.
    `FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /app .\nFROM scratch\n${CERTS}COPY --from=build /app /app\nENTRYPOINT ["/app"]\n`,
    `FROM golang:1.22 AS build\nENV CGO_ENABLED=0\nRUN go build -o /app .\nFROM scratch\n${CERTS}COPY --from=build /app /app\nENTRYPOINT ["/app"]\n`,
    `FROM golang:1.22 AS build\nARG CGO_ENABLED=0\nRUN go build -o /app .\nFROM scratch\n${CERTS}COPY --from=build /app /app\nENTRYPOINT ["/app"]\n`,
    // An ARG of the stage it is built FROM is inherited.
    `FROM golang:1.22 AS base\nARG CGO_ENABLED=0\nFROM base AS build\nRUN go build -o /app .\nFROM scratch\n${CERTS}COPY --from=build /app /app\nENTRYPOINT ["/app"]\n`,
    `FROM golang:1.22 AS build\nRUN export CGO_ENABLED=0 && go build -o /app .\nFROM scratch\n${CERTS}COPY --from=build /app /app\nENTRYPOINT ["/app"]\n`,
    // Linked statically on purpose.
    `FROM golang:1.22 AS build\nRUN go build -ldflags '-extldflags "-static"' -o /app .\nFROM scratch\n${CERTS}COPY --from=build /app /app\nENTRYPOINT ["/app"]\n`,
    // Not scratch; a scratch stage only used to export files (no command); no Go.
    dedent`
      FROM golang:1.22 AS build
      RUN go build -o /app .
      FROM gcr.io/distroless/base-debian12
      COPY --from=build /app /app
      ENTRYPOINT ["/app"]
    `,
    dedent`
      FROM golang:1.22 AS build
      RUN go build -o /app .
      FROM scratch AS binaries
      COPY --from=build /app /
    `,
    dedent`
      FROM rust:1.79 AS build
      RUN cargo build --release
      FROM scratch
      COPY --from=build /target/release/app /app
      ENTRYPOINT ["/app"]
    `,
  ],
  invalid: [
    {
      code: dedent`
        FROM golang:1.22 AS build
        RUN go build -o /app .
        FROM scratch
        COPY --from=build /etc/ssl/certs /etc/ssl/certs
        COPY --from=build /app /app
        ENTRYPOINT ["/app"]
      `,
      errors: [{ messageId: "dynamicGoBinary", line: 5, column: 13, endColumn: 18, data: { stage: "build", step: "go build" } }],
    },
    {
      // Both problems; CGO_ENABLED=1 is not 0.
      code: dedent`
        FROM golang:1.22-alpine AS build
        ENV CGO_ENABLED=1
        RUN go build -o /app .
        FROM scratch
        COPY --from=build /app /app
        ENTRYPOINT ["/app"]
      `,
      errors: [
        { messageId: "noCaCertificates", line: 4, column: 6, endColumn: 13 },
        { messageId: "dynamicGoBinary", line: 5, column: 13, data: { stage: "build", step: "go build" } },
      ],
    },
    {
      code: dedent`
        FROM golang:1.22 AS build
        RUN CGO_ENABLED=0 go install ./cmd/app
        FROM scratch
        COPY --from=build /go/bin/app /app
        CMD ["/app"]
      `,
      errors: [{ messageId: "noCaCertificates", line: 3, column: 6 }],
    },
  ],
});
