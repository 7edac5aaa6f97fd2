import rule from "../../rules/no-insecure-download.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-insecure-download", rule, {
  valid: [
    "FROM debian:12\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz\n",
    // -o takes a value: the `k` in `-ok` is the file name's first letter, not --insecure.
    "FROM debian:12\nRUN curl -fsSL -okey.asc https://example.com/key.asc\n",
    // Plain HTTP verified by a checksum or a signature in the same RUN.
    'FROM debian:12\nRUN wget -O /a.tgz http://example.com/a.tgz && echo "abc  /a.tgz" | sha256sum -c -\n',
    "FROM debian:12\nRUN curl -fsSLo /a.tgz http://example.com/a.tgz && curl -fsSLo /a.tgz.asc http://example.com/a.tgz.asc && gpg --batch --verify /a.tgz.asc /a.tgz\n",
    // Loopback and bare service names (a private network) are not downloads from the internet.
    "FROM debian:12\nRUN curl -f http://localhost:8080/health\n",
    "FROM debian:12\nRUN curl -fsSLo /a http://nexus:8081/repository/a.tgz\n",
    "FROM debian:12\nRUN echo http://example.com/a.tgz\n",
    "FROM debian:12\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d http://example.com/a.tgz /a.tgz\n",
    "FROM debian:12\nADD https://example.com/a.tgz /a.tgz\n",
    "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN curl -fsSLk https://example.com/a.tgz -o /a.tgz\n",
      errors: [{ messageId: "insecureOption", data: { option: "-k", tool: "curl" }, line: 2, column: 10, endColumn: 16 }],
    },
    { code: "FROM debian:12\nRUN curl --insecure -fsSLo /a https://example.com/a\n", errors: [{ messageId: "insecureOption", line: 2, column: 10 }] },
    { code: "FROM debian:12\nRUN wget --no-check-certificate -O /a https://example.com/a\n", errors: [{ messageId: "insecureOption", data: { option: "--no-check-certificate", tool: "wget" }, line: 2, column: 10 }] },
    {
      code: "FROM debian:12\nRUN wget -O /tmp/a.tgz http://example.com/a.tgz && tar xzf /tmp/a.tgz -C /opt\n",
      errors: [{ messageId: "plainHttp", data: { url: "http://example.com/a.tgz" }, line: 2, column: 24, endColumn: 48 }],
    },
    { code: 'FROM debian:12\nRUN curl -fsSL "http://203.0.113.5/install.sh" | sh\n', errors: [{ messageId: "plainHttp", line: 2, column: 16 }] },
    { code: "FROM debian:12\nADD http://example.com/a.tgz /a.tgz\n", errors: [{ messageId: "addPlainHttp", line: 2, column: 5 }] },
    // The checksum must be in the same RUN.
    {
      code: dedent`
        FROM debian:12
        RUN wget -O /a.tgz http://example.com/a.tgz
        RUN echo 'abc  /a.tgz' | sha256sum -c -
      `,
      errors: [{ messageId: "plainHttp", line: 2, column: 20 }],
    },
  ],
});
