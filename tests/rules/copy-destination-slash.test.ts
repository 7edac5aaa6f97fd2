import rule from "../../rules/copy-destination-slash.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("copy-destination-slash", rule, {
  valid: [
    "FROM alpine:3.20\nCOPY package.json yarn.lock /app/\n",
    // A value flag without `=` fails the build at the flag (no-unknown-instruction says so): its would-be
    // value is not a source, and nothing is said about the destination.
    "FROM nginx:1.27\nCOPY --from build /app/dist/* /usr/share/nginx/html\n",
    dedent`
      FROM alpine:3.20
      ADD --chown app:app a.tar /opt
      COPY --chmod 644 a b /etc/x
    `,
    "FROM alpine:3.20\nCOPY app.js /app\n",
    // `.` and `..` name directories.
    dedent`
      FROM alpine:3.20
      WORKDIR /app
      COPY a b .
      COPY a b ./sub/..
    `,
    // Resolved through ENV/ARG; a variable the file does not set is left alone.
    dedent`
      FROM alpine:3.20
      ENV DEST=/opt/app/
      COPY a b $DEST
    `,
    "FROM alpine:3.20\nCOPY a b $DEST\n",
    // JSON form, heredocs, flags.
    'FROM alpine:3.20\nCOPY ["a b", "c", "/dest dir/"]\n',
    "FROM alpine:3.20\nCOPY --from=build --chown=1:1 /out/a /out/b /usr/local/bin/\n",
    dedent`
      FROM alpine:3.20
      COPY <<A <<B /etc/app/
      a
      A
      b
      B
    `,
    // Windows directory with a trailing backslash.
    dedent`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      COPY a b C:\\app\\
    `,
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\nCOPY package.json yarn.lock /app\n",
      output: "FROM alpine:3.20\nCOPY package.json yarn.lock /app/\n",
      errors: [{ messageId: "noSlash", line: 2, column: 29, endLine: 2, endColumn: 33, data: { keyword: "COPY", count: "2", destination: "/app" } }],
    },
    {
      code: "FROM alpine:3.20\nADD a.tar b.tar /opt\n",
      output: "FROM alpine:3.20\nADD a.tar b.tar /opt/\n",
      errors: [{ messageId: "noSlash", line: 2, column: 17 }],
    },
    {
      // Quoted: the slash goes inside the quotes.
      code: 'FROM alpine:3.20\nCOPY a b "/app"\n',
      output: 'FROM alpine:3.20\nCOPY a b "/app/"\n',
      errors: [{ messageId: "noSlash", line: 2, column: 10 }],
    },
    {
      code: 'FROM alpine:3.20\nCOPY ["a", "b", "/app"]\n',
      output: 'FROM alpine:3.20\nCOPY ["a", "b", "/app/"]\n',
      errors: [{ messageId: "noSlash", line: 2, column: 17, data: { keyword: "COPY", count: "2", destination: '"/app"' } }],
    },
    {
      // A heredoc counts as a source.
      code: dedent`
        FROM alpine:3.20
        COPY a <<EOF /etc/app
        x
        EOF
      `,
      output: dedent`
        FROM alpine:3.20
        COPY a <<EOF /etc/app/
        x
        EOF
      `,
      errors: [{ messageId: "noSlash", line: 2, column: 14 }],
    },
    {
      // An ARG that resolves to a path without the slash.
      code: dedent`
        FROM alpine:3.20
        ARG DEST=/srv
        COPY a b $DEST
      `,
      output: dedent`
        FROM alpine:3.20
        ARG DEST=/srv
        COPY a b $DEST/
      `,
      errors: [{ messageId: "noSlash", line: 3, column: 10 }],
    },
  ],
});
