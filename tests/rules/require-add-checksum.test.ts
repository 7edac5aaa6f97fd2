import rule from "../../rules/require-add-checksum.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("require-add-checksum", rule, {
  valid: [
    "FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /tmp/\n",
    // Local files and Git sources are not downloads of a file.
    dedent`
      FROM alpine:3.20
      ADD app.tar.gz /srv/
      ADD https://github.com/moby/buildkit.git#v0.13.0 /src
    `,
    dedent`
      FROM alpine:3.20
      ARG SRC
      ADD $SRC /tmp/
    `,
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\nADD https://example.com/tool.tar.gz /tmp/\n",
      errors: [{ messageId: "missingChecksum", line: 2, column: 5, endColumn: 36, data: { url: "https://example.com/tool.tar.gz" } }],
    },
    {
      // The URL is resolved from the ARG default; one whose version is only known at build time is still a download.
      code: dedent`
        FROM alpine:3.20
        ARG V=1.2
        ADD https://example.com/$V/t.tgz ["x"]
        ARG W
        ADD ["https://example.com/\${W}/t.tgz", "/t/"]
      `,
      errors: [
        { messageId: "missingChecksum", line: 3, column: 5, data: { url: "https://example.com/1.2/t.tgz" } },
        { messageId: "missingChecksum", line: 5, column: 6, data: { url: "https://example.com/${W}/t.tgz" } },
      ],
    },
    {
      // Credentials in the URL are never repeated in the message.
      code: "FROM alpine:3.20\nADD https://bob:hunter2@example.com/a.bin /a\n",
      errors: [{ messageId: "missingChecksum", line: 2, column: 5, data: { url: "https://…@example.com/a.bin" } }],
    },
  ],
});
