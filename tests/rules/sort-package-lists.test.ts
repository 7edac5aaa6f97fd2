import rule from "../../rules/sort-package-lists.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("sort-package-lists", rule, {
  valid: [
    "FROM debian:12\nRUN apt-get install -y --no-install-recommends \\\n    ca-certificates \\\n    curl \\\n    git\n",
    // Not one package per line: left alone.
    "FROM debian:12\nRUN apt-get install -y git curl \\\n    wget\n",
    "FROM debian:12\nRUN apt-get install -y zlib1g curl\n",
    "FROM alpine:3.20\nRUN apk add --no-cache \\\n\tbash \\\n\tcurl\n",
  ],
  invalid: [
    {
      // A comment line directly above a package belongs to it and moves with it.
      code: 'FROM debian:12\nRUN apt-get install -y \\\n# jemalloc: faster allocations\n\t\tlibjemalloc2 \\\n# "free" is used by the start script\n\t\tprocps \\\n# "ip" is used by the entrypoint\n\t\tiproute2 \\\n\t&& rm -rf /var/lib/apt/lists/*\n',
      output: 'FROM debian:12\nRUN apt-get install -y \\\n# "ip" is used by the entrypoint\n\t\tiproute2 \\\n# jemalloc: faster allocations\n\t\tlibjemalloc2 \\\n# "free" is used by the start script\n\t\tprocps \\\n\t&& rm -rf /var/lib/apt/lists/*\n',
      errors: [{ messageId: "unsorted", line: 8, data: { word: "iproute2", previous: "procps" } }],
    },
    {
      // The same with CRLF line ends and several comment lines per package.
      code: "FROM debian:12\r\nRUN apt-get install -y \\\r\n  # b\r\n  # b, again\r\n  b \\\r\n  # a\r\n  a\r\n",
      output: "FROM debian:12\r\nRUN apt-get install -y \\\r\n  # a\r\n  a \\\r\n  # b\r\n  # b, again\r\n  b\r\n",
      errors: [{ messageId: "unsorted", line: 7 }],
    },
    {
      // Some packages with a comment, some without: a comment may describe a group. Reported, not fixed.
      code: "FROM debian:12\nRUN apt-get install -y \\\n  # build\n  make \\\n  gcc \\\n  # runtime\n  libc6\n",
      output: null,
      errors: [{ messageId: "unsorted", line: 5 }],
    },
    {
      // A word ending in an escaped blank (`zz\ `) at the end of the list would continue into USER: not fixed.
      code: "FROM debian:12\nRUN apt-get install -y --no-install-recommends \\\n    zz\\ \\\n    aa\nUSER app\n",
      output: null,
      errors: [{ messageId: "unsorted", line: 4 }],
    },
    {
      // Also with blanks before the continuation: the word lands at the end of the list.
      code: "FROM debian:12\nRUN apt-get install -y \\\n    zz\\  \\\n    bb \\\n    aa\nUSER app\n",
      output: null,
      errors: [{ messageId: "unsorted", line: 4 }],
    },
    {
      // Where the word keeps a continuation after it, the move is safe: fixed, escapes exact.
      code: "FROM debian:12\nRUN apt-get install -y \\\n    zz\\  \\\n    aa \\\n    bb \\\n    zzz\nUSER app\n",
      output: "FROM debian:12\nRUN apt-get install -y \\\n    aa \\\n    bb \\\n    zz\\  \\\n    zzz\nUSER app\n",
      errors: [{ messageId: "unsorted", line: 4 }],
    },
    {
      // The backtick escape character (Windows images): the same checks hold.
      code: "# escape=`\nFROM debian:12\nRUN apt-get install -y `\n    b `\n    a\n",
      output: "# escape=`\nFROM debian:12\nRUN apt-get install -y `\n    a `\n    b\n",
      errors: [{ messageId: "unsorted", line: 5 }],
    },
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    git \\\n    curl \\\n    ca-certificates \\\n && rm -rf /var/lib/apt/lists/*\n",
      output: "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    ca-certificates \\\n    curl \\\n    git \\\n && rm -rf /var/lib/apt/lists/*\n",
      errors: [{ messageId: "unsorted", line: 4, column: 5, endColumn: 9, data: { word: "curl", previous: "git" } }],
    },
    {
      // CRLF, tabs, an option between the packages and a pin: only the package words move.
      code: "FROM alpine:3.20\r\nRUN apk add --no-cache \\\r\n\tpython3=3.12.3-r1 \\\r\n\t--virtual .deps \\\r\n\tgcc\r\n",
      output: "FROM alpine:3.20\r\nRUN apk add --no-cache \\\r\n\tgcc \\\r\n\t--virtual .deps \\\r\n\tpython3=3.12.3-r1\r\n",
      errors: [{ messageId: "unsorted", line: 5, column: 2 }],
    },
    {
      code: "FROM python:3.12-slim\nRUN <<EOF\npip install --no-cache-dir \\\n  requests==2.31.0 \\\n  flask==3.0.2\nEOF\n",
      output: "FROM python:3.12-slim\nRUN <<EOF\npip install --no-cache-dir \\\n  flask==3.0.2 \\\n  requests==2.31.0\nEOF\n",
      errors: [{ messageId: "unsorted", line: 5, column: 3 }],
    },
  ],
});
