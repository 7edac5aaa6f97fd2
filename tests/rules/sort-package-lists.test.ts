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
