import rule from "../../rules/static-binary-for-scratch.js";
import { ruleTester } from "../support/rule-tester.js";

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
    'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/base-debian12\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
    "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch AS binaries\nCOPY --from=build /app /\n",
    'FROM rust:1.79 AS build\nRUN cargo build --release\nFROM scratch\nCOPY --from=build /target/release/app /app\nENTRYPOINT ["/app"]\n',
  ],
  invalid: [
    {
      code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /etc/ssl/certs /etc/ssl/certs\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
      errors: [{ messageId: "dynamicGoBinary", line: 5, column: 13, endColumn: 18, data: { stage: "build", step: "go build" } }],
    },
    {
      // Both problems; CGO_ENABLED=1 is not 0.
      code: 'FROM golang:1.22-alpine AS build\nENV CGO_ENABLED=1\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
      errors: [
        { messageId: "noCaCertificates", line: 4, column: 6, endColumn: 13 },
        { messageId: "dynamicGoBinary", line: 5, column: 13, data: { stage: "build", step: "go build" } },
      ],
    },
    {
      code: 'FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go install ./cmd/app\nFROM scratch\nCOPY --from=build /go/bin/app /app\nCMD ["/app"]\n',
      errors: [{ messageId: "noCaCertificates", line: 3, column: 6 }],
    },
  ],
});
