import path from "node:path";
import rule from "../../rules/pin-package-versions.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

const constraintsProject = path.resolve(import.meta.dirname, "../fixtures/projects/pip-constraints/Dockerfile");

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
    dedent`
      FROM debian:12
      ARG CURL_VERSION=7.88.1-10
      RUN apt-get install -y curl=\${CURL_VERSION}
    `,
    dedent`
      FROM centos:7
      ENV WHICH_VERSION=2.20
      RUN yum install -y which-\${WHICH_VERSION}
    `,
    "FROM debian:12\nRUN export V=7.88.1-10 && apt-get install -y curl=$V\n",
    // Packages named by an expansion: nothing can be said.
    "FROM debian:12\nRUN apt-get install -y $PACKAGES\n",
    // Removals and manifest installs are not this rule's.
    "FROM debian:12\nRUN apt-get purge -y curl && npm ci\n",
    // pip reads an operand with a path separator as a path (`_looks_like_path`), never as a package.
    "FROM python:3.12-slim\nRUN pip install --no-cache-dir src/mypkg\n",
    "FROM python:3.12-slim\nRUN pip install --no-cache-dir libs/a libs/b[extra] \"$HOME/pkg\"\n",
    "FROM python:3.12-slim\nRUN uv pip install --system vendor/wheelhouse/x\n",
    // npm-package-arg: `.tgz`, `.tar.gz` and `.tar`, in any case, are files.
    "FROM node:22.11\nRUN npm install vendor-pkg-1.2.3.tar ./a.TGZ other-1.0.0.Tar.Gz\n",
    // gem: build flags after `--` go to extconf.rb, and `-v` then pins the one gem named.
    "FROM ruby:3.3.6\nRUN gem install nokogiri -v 1.16.0 -- --use-system-libraries\n",
    "FROM ruby:3.3.6\nRUN gem install mysql2:0.5.6 -- --with-mysql-config=/usr/bin/mysql_config --with-ldflags=-L/usr/lib\n",
    // An operand after an option gem does not know may be that option's value.
    "FROM ruby:3.3.6\nRUN gem install bundler:2.0.1 --use-system-libraries true\n",
    // dnf module streams pin the module.
    "FROM rockylinux:9\nRUN dnf module install -y nodejs:20 && dnf module enable -y postgresql:16/server\n",
    dedent`
      FROM rockylinux:9
      ARG MODULE
      RUN dnf module install -y $MODULE
    `,
    // A constraints file in the build context pins what it lists.
    { filename: constraintsProject, code: dedent`
      FROM python:3.12-slim
      COPY constraints.txt .
      RUN pip install --no-cache-dir -c constraints.txt requests flask-login
    ` },
    { filename: constraintsProject, code: dedent`
      FROM python:3.12-slim
      ENV PIP_CONSTRAINT=constraints.txt
      RUN pip install --no-cache-dir requests
    ` },
    // A constraints file that cannot be read (a URL, a missing file, an expansion): what it pins is unknown.
    "FROM apache/airflow:2.10.3\nRUN pip install --no-cache-dir apache-airflow-providers-google --constraint https://raw.githubusercontent.com/apache/airflow/constraints-2.10.3/constraints-3.12.txt\n",
    { filename: constraintsProject, code: "FROM python:3.12-slim\nRUN pip install -c missing.txt requests\n" },
    dedent`
      FROM python:3.12-slim
      ARG CONSTRAINTS
      ENV PIP_CONSTRAINT=$CONSTRAINTS
      RUN pip install requests
    `,
    "FROM python:3.12-slim\nRUN pipx install --pip-args='-c /c.txt' black\n",
    // pipx: pinned specs, paths, and `--spec` (the operand is the app name).
    "FROM python:3.12-slim\nRUN pipx install black==24.10.0 && pipx inject black 'click==8.1.7' && pipx install ./tools/cli\n",
    "FROM python:3.12-slim\nRUN python3 -m pipx install 'ruff==0.7.4'\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN apt-get install -y -t bookworm-backports curl\n",
      errors: [{ messageId: "unpinned", line: 2, column: 5, endColumn: 20, data: { names: "`curl`", manager: "apt-get", example: "curl=7.88.1-10+deb12u5" } }],
    },
    {
      // One finding per install command, naming every unpinned package while the list is short.
      code: "FROM debian:12\nRUN apt-get install -y curl git=1:2.39.5-0+deb12u1 wget\n",
      errors: [{ messageId: "unpinnedMany", line: 2, column: 5, endColumn: 20, data: { names: "`curl` and `wget`", manager: "apt-get", example: "curl=7.88.1-10+deb12u5" } }],
    },
    {
      code: "FROM debian:12\nRUN apt-get install -y a b c d\n",
      errors: [{ messageId: "unpinnedMany", data: { names: "`a`, `b`, `c` and `d`", manager: "apt-get", example: "curl=7.88.1-10+deb12u5" } }],
    },
    {
      // Ten packages: the first three and how many more.
      code: dedent`
        FROM debian:12
        RUN apt-get update && apt-get install -y --no-install-recommends \\
          curl git wget ca-certificates gnupg unzip xz-utils jq less vim
      `,
      errors: [{ messageId: "unpinnedMany", line: 2, column: 23, data: { names: "`curl`, `git`, `wget` and 7 more", manager: "apt-get", example: "curl=7.88.1-10+deb12u5" } }],
    },
    {
      // Two install commands: two findings.
      code: "FROM debian:12\nRUN apt-get install -y curl && pip install requests flask\n",
      errors: [
        { messageId: "unpinned", column: 5, data: { names: "`curl`", manager: "apt-get", example: "curl=7.88.1-10+deb12u5" } },
        { messageId: "unpinnedMany", column: 32, data: { names: "`requests` and `flask`", manager: "pip", example: "requests==2.31.0" } },
      ],
    },
    {
      code: "FROM alpine:3.20\nRUN apk add --no-cache -t .deps gcc musl-dev=1.2.5-r0\n",
      errors: [{ messageId: "unpinned", line: 2, column: 5, data: { names: "`gcc`", manager: "apk", example: "curl=8.5.0-r0" } }],
    },
    {
      code: "FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt 'flask>=3'\n",
      errors: [{ messageId: "unpinned", line: 2, column: 5, endColumn: 16 }],
    },
    {
      code: "FROM node:20.11\nRUN npm install -g --prefix /usr/local typescript\n",
      errors: [{ messageId: "unpinned", line: 2, column: 5, data: { names: "`typescript`", manager: "npm", example: "express@4.18.2" } }],
    },
    {
      // A variable no ARG/ENV declares pins nothing.
      code: "FROM debian:12\nRUN apt-get install -y curl=${CURL_VERSION}\n",
      errors: [{ messageId: "unpinned", line: 2, column: 5 }],
    },
    {
      code: "FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@latest\n",
      errors: [{ messageId: "unpinned", line: 2, column: 5 }],
    },
    {
      code: "FROM centos:7\nRUN yum install -y httpd\n",
      errors: [{ messageId: "unpinned", line: 2, column: 5 }],
    },
    {
      code: "FROM opensuse/leap:15.6\nRUN zypper -n install curl\n",
      errors: [{ messageId: "unpinned", line: 2, column: 5 }],
    },
    {
      code: "FROM ruby:3.3\nRUN gem install rails\n",
      errors: [{ messageId: "unpinned", line: 2, column: 5 }],
    },
    {
      // `-v` pins only when one gem is named; build flags after `--` do not count as gems.
      code: "FROM ruby:3.3\nRUN gem install nokogiri rake -v 1.16.0 -- --use-system-libraries\n",
      errors: [{ messageId: "unpinnedMany", data: { names: "`nokogiri` and `rake`", manager: "gem", example: "rails:7.1.3 (or -v 7.1.3)" } }],
    },
    {
      code: dedent`
        FROM debian:12
        RUN <<EOF
        apt-get install -y \\
          curl
        EOF
      `,
      errors: [{ messageId: "unpinned", line: 3, column: 1 }],
    },
    {
      // pip: a name without a slash is still a package.
      code: "FROM python:3.12-slim\nRUN pip install --no-cache-dir src\n",
      errors: [{ messageId: "unpinned", data: { names: "`src`", manager: "pip", example: "requests==2.31.0" } }],
    },
    {
      // dnf module specs without a stream take the distribution's default stream.
      code: "FROM rockylinux:9\nRUN dnf module install -y nodejs && dnf clean all\n",
      errors: [{ messageId: "unpinned", line: 2, column: 5, endColumn: 23, data: { names: "`nodejs`", manager: "dnf", example: "nodejs:20" } }],
    },
    {
      code: "FROM rockylinux:9\nRUN dnf module install -y nodejs/common php:8.2/minimal\n",
      errors: [{ messageId: "unpinned", data: { names: "`nodejs`", manager: "dnf", example: "nodejs:20" } }],
    },
    {
      code: "FROM rockylinux:8\nRUN yum module enable -y php && microdnf module enable -y nginx:1.24 ruby\n",
      errors: [
        { messageId: "unpinned", column: 5, data: { names: "`php`", manager: "yum", example: "nodejs:20" } },
        { messageId: "unpinned", column: 33, data: { names: "`ruby`", manager: "microdnf", example: "nodejs:20" } },
      ],
    },
    {
      // A readable constraints file pins only what it lists with `==` (`urllib3>=2` is a range).
      filename: constraintsProject,
      code: "FROM python:3.12-slim\nRUN pip install -c constraints.txt requests urllib3 idna\n",
      errors: [{ messageId: "unpinnedMany", data: { names: "`urllib3` and `idna`", manager: "pip", example: "requests==2.31.0" } }],
    },
    {
      // pipx hands each spec to pip: an unpinned one installs the newest release.
      code: dedent`
        FROM python:3.12-slim
        RUN pip install --no-cache-dir pipx==1.7.1 \\
         && pipx install black
      `,
      errors: [{ messageId: "unpinned", line: 3, column: 5, data: { names: "`black`", manager: "pipx", example: "black==24.10.0" } }],
    },
    {
      code: "FROM python:3.12-slim\nRUN pipx inject poetry poetry-plugin-export && python3 -m pipx install ruff\n",
      errors: [
        { messageId: "unpinned", data: { names: "`poetry-plugin-export`", manager: "pipx", example: "black==24.10.0" } },
        { messageId: "unpinned", data: { names: "`ruff`", manager: "pipx", example: "black==24.10.0" } },
      ],
    },
  ],
});
