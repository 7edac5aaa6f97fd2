import rule from "../../rules/no-install-without-update.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("no-install-without-update", rule, {
  valid: [
    "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n",
    "FROM debian:12\nRUN set -eux; apt-get update; apt-get install -y curl\n",
    "FROM ubuntu:24.04\nRUN apt update && apt install -y curl\n",
    "FROM debian:12\nRUN aptitude update && aptitude install -y curl\n",
    // One family: an apt-get update serves apt and aptitude.
    "FROM debian:12\nRUN apt-get update && apt install -y curl\n",
    "FROM debian:12\nRUN sh -c 'apt-get update && apt-get install -y curl'\n",
    "FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n",
    // apt ≥ 2.7: `--update` refreshes first.
    "FROM debian:trixie\nRUN apt-get install --update -y curl\n",
    // add-apt-repository refreshes after adding (unless -n).
    "FROM ubuntu:24.04\nRUN add-apt-repository -y ppa:deadsnakes/ppa && apt-get install -y python3.12\n",
    // A script may refresh (nodesource's setup script runs apt-get update).
    "FROM debian:12\nRUN curl -fsSL https://deb.nodesource.com/setup_lts.x | bash - && apt-get install -y nodejs\n",
    "FROM debian:12\nRUN ./setup-repos.sh && apt-get install -y foo\n",
    // tonistiigi/xx's wrapper refreshes on its first use.
    "FROM debian:12\nRUN xx-apt-get install -y libc6-dev\n",
    // Local packages only: their dependencies may be none.
    "FROM debian:12\nRUN apt-get install -y ./foo.deb\n",
    // Removing reads no index; apk, dnf, zypper refresh on their own.
    "FROM debian:12\nRUN apt-get purge -y curl\n",
    "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
    "FROM fedora:40\nRUN dnf install -y gcc\n",
    "FROM opensuse/leap:15.6\nRUN zypper -n install curl\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN apt-get install -y curl\n",
      errors: [{ messageId: "noUpdate", line: 2, column: 5, endColumn: 20, data: { command: "apt-get install", path: "/var/lib/apt/lists", update: "apt-get update" } }],
    },
    {
      // The index of an earlier RUN is a cached layer's (Docker's best practices).
      code: "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n",
      errors: [{ messageId: "noUpdate", line: 3, column: 5 }],
    },
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apt-get install -y git\n",
      errors: [{ messageId: "noUpdate", line: 3, column: 5 }],
    },
    {
      // A refresh after the install comes too late.
      code: "FROM debian:12\nRUN apt-get install -y curl && apt-get update\n",
      errors: [{ messageId: "noUpdate", line: 2, column: 5 }],
    },
    {
      code: "FROM debian:12\nRUN add-apt-repository -n ppa:x/y && apt-get install -y z\n",
      errors: [{ messageId: "noUpdate", line: 2, column: 38 }],
    },
    {
      code: "FROM ubuntu:24.04\nRUN DEBIAN_FRONTEND=noninteractive apt install -y curl\n",
      errors: [{ messageId: "noUpdate", line: 2, column: 36, data: { command: "apt install", path: "/var/lib/apt/lists", update: "apt update" } }],
    },
    {
      code: "FROM debian:12\nRUN apt-get build-dep -y hello\n",
      errors: [{ messageId: "noUpdate", line: 2, column: 5 }],
    },
    {
      code: "FROM debian:12\nONBUILD RUN apt-get install -y curl\n",
      errors: [{ messageId: "noUpdate", line: 2, column: 13 }],
    },
    {
      code: "FROM debian:12\nRUN if [ -n \"$X\" ]; then sudo apt-get install -y curl; fi\n",
      errors: [{ messageId: "noUpdate", line: 2, column: 31 }],
    },
  ],
});
