import rule from "../../rules/pin-package-versions.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("pin-package-versions", rule, {
  valid: [
    "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n",
    // Option values are not packages: -t (apt), -t/--virtual (apk), -r/-c (pip), --prefix (npm).
    "FROM debian:12\nRUN apt-get install -y -t bookworm-backports curl=7.88.1-10\n",
    "FROM alpine:3.20\nRUN apk add --no-cache -t .deps gcc=13.2.1_git20240309-r0\n",
    "FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt -c constraints.txt\n",
    "FROM node:20.11\nRUN npm install --prefix /app -g typescript@5.4.5\n",
    "FROM python:3.12-slim\nRUN pip install --no-cache-dir requests==2.31.0 'numpy==1.26.4' .\n",
    "FROM centos:7\nRUN yum install -y httpd-2.4.6\n",
    // `name >= version` is a range, `name-version` pins (dnf); only the pin counts.
    "FROM fedora:40\nRUN dnf install -y gcc-14.1.1\n",
    "FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.0.1\n",
    "FROM ruby:3.3\nRUN gem install rails:7.1.3 && gem install bundler -v 2.5.6\n",
    "FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.15.3\n",
    // Pins through variables the file declares.
    "FROM debian:12\nARG CURL_VERSION=7.88.1-10\nRUN apt-get install -y curl=${CURL_VERSION}\n",
    "FROM centos:7\nENV WHICH_VERSION=2.20\nRUN yum install -y which-${WHICH_VERSION}\n",
    "FROM debian:12\nRUN export V=7.88.1-10 && apt-get install -y curl=$V\n",
    // Packages named by an expansion: nothing can be said.
    "FROM debian:12\nRUN apt-get install -y $PACKAGES\n",
    // Removals and manifest installs are not this rule's.
    "FROM debian:12\nRUN apt-get purge -y curl && npm ci\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN apt-get install -y -t bookworm-backports curl\n",
      errors: [{ messageId: "unpinned", line: 2, column: 46, endColumn: 50, data: { name: "curl", manager: "apt-get", example: "curl=7.88.1-10+deb12u5" } }],
    },
    {
      code: "FROM alpine:3.20\nRUN apk add --no-cache -t .deps gcc musl-dev=1.2.5-r0\n",
      errors: [{ messageId: "unpinned", line: 2, column: 33, data: { name: "gcc", manager: "apk", example: "curl=8.5.0-r0" } }],
    },
    {
      code: "FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt 'flask>=3'\n",
      errors: [{ messageId: "unpinned", line: 2, column: 52 }],
    },
    {
      code: "FROM node:20.11\nRUN npm install -g --prefix /usr/local typescript\n",
      errors: [{ messageId: "unpinned", line: 2, column: 40 }],
    },
    {
      // A variable no ARG/ENV declares pins nothing.
      code: "FROM debian:12\nRUN apt-get install -y curl=${CURL_VERSION}\n",
      errors: [{ messageId: "unpinned", line: 2, column: 24 }],
    },
    {
      code: "FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@latest\n",
      errors: [{ messageId: "unpinned", line: 2, column: 16 }],
    },
    {
      code: "FROM centos:7\nRUN yum install -y httpd\n",
      errors: [{ messageId: "unpinned", line: 2, column: 20 }],
    },
    {
      code: "FROM opensuse/leap:15.6\nRUN zypper -n install curl\n",
      errors: [{ messageId: "unpinned", line: 2, column: 23 }],
    },
    {
      code: "FROM ruby:3.3\nRUN gem install rails\n",
      errors: [{ messageId: "unpinned", line: 2, column: 17 }],
    },
    {
      code: "FROM debian:12\nRUN <<EOF\napt-get install -y \\\n  curl\nEOF\n",
      errors: [{ messageId: "unpinned", line: 4, column: 3 }],
    },
  ],
});
