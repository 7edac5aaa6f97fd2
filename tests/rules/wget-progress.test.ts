import rule from "../../rules/wget-progress.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("wget-progress", rule, {
  valid: [
    "FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a.tgz\n",
    "FROM debian:12\nRUN wget --progress dot:giga https://example.com/a.tgz\n",
    "FROM debian:12\nRUN wget -q https://example.com/a.tgz\n",
    "FROM debian:12\nRUN wget -qO- https://example.com/a.tgz | tar xz\n",
    "FROM debian:12\nRUN wget -nv https://example.com/a.tgz\n",
    "FROM debian:12\nRUN wget --no-verbose -O /a.tgz https://example.com/a.tgz\n",
    "FROM debian:12\nRUN wget -o /tmp/wget.log https://example.com/a.tgz\n",
    "FROM debian:12\nRUN apt-get install -y wget\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN wget https://example.com/a.tgz\n",
      output: "FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a.tgz\n",
      errors: [{ messageId: "progress", line: 2, column: 5, endColumn: 9 }],
    },
    {
      // -O takes a value: `-q` is not hidden in it.
      code: "FROM python:3.12-slim\nRUN wget -O /q https://example.com/a.tgz\n",
      output: "FROM python:3.12-slim\nRUN wget --progress=dot:giga -O /q https://example.com/a.tgz\n",
      errors: [{ messageId: "progress", line: 2, column: 5 }],
    },
    {
      // BusyBox wget has no --progress: reported, not fixed.
      code: "FROM alpine:3.20\nRUN wget https://example.com/a.tgz\n",
      output: null,
      errors: [{ messageId: "progress", line: 2, column: 5 }],
    },
    {
      // Unknown base image: no fix either.
      code: "FROM example.com/base:1\nRUN wget https://example.com/a.tgz\n",
      output: null,
      errors: [{ messageId: "progress", line: 2, column: 5 }],
    },
    {
      code: "FROM debian:12\nRUN set -eux; \\\n  sudo wget -O /a https://example.com/a && \\\n  wget -nv -O /b https://example.com/b\n",
      output: "FROM debian:12\nRUN set -eux; \\\n  sudo wget --progress=dot:giga -O /a https://example.com/a && \\\n  wget -nv -O /b https://example.com/b\n",
      errors: [{ messageId: "progress", line: 3, column: 8 }],
    },
    {
      // Exec form: the words are JSON strings, so nothing can be inserted after them; inside its sh -c script, it can.
      code: 'FROM debian:12\nRUN ["wget", "https://example.com/a.tgz"]\n',
      output: null,
      errors: [{ messageId: "progress", line: 2, column: 6, endColumn: 12 }],
    },
    {
      code: 'FROM debian:12\nRUN ["sh", "-c", "wget https://example.com/a.tgz"]\n',
      output: 'FROM debian:12\nRUN ["sh", "-c", "wget --progress=dot:giga https://example.com/a.tgz"]\n',
      errors: [{ messageId: "progress", line: 2, column: 19 }],
    },
  ],
});
