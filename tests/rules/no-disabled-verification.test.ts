import rule from "../../rules/no-disabled-verification.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("no-disabled-verification", rule, {
  valid: [
    "FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\nRUN npm ci\n",
    "FROM node:22\nRUN npm config set strict-ssl true && npm config set registry https://registry.example.com/\n",
    "FROM python:3.13\nENV PYTHONHTTPSVERIFY=1 PIP_INDEX_URL=https://pypi.example.com/simple\n",
    // An ARG without a default is set by --build-arg, unknown here; a variable we cannot resolve too.
    "FROM node:22\nARG NODE_TLS_REJECT_UNAUTHORIZED\nENV X=$UNSET\n",
    // Turning checks back on: sed's replacement is what is written.
    "FROM fedora:41\nRUN sed -i 's/gpgcheck=0/gpgcheck=1/' /etc/yum.repos.d/local.repo\n",
    // Text that mentions a switch but goes nowhere it is read.
    "FROM debian:12\nRUN echo 'never use --allow-unauthenticated or gpgcheck=0' > /README\n",
    "FROM debian:12\nRUN echo 'deb [signed-by=/etc/apt/keyrings/x.gpg] https://apt.example.com stable main' > /etc/apt/sources.list.d/x.list\n",
    // Nothing fetched over the network: a local index, local packages built by an earlier stage, a purge.
    "FROM alpine:3.20\nRUN apk index --allow-untrusted -o /tmp/pkgs/APKINDEX.tar.gz /tmp/pkgs/*.apk && apk add --allow-untrusted /tmp/pkgs/nginx-module-njs-1.27.apk\n",
    "FROM debian:12\nRUN apt-get purge -y -f --force-yes wget && apt-get install -y --allow-unauthenticated ./local.deb\n",
    "FROM fedora:41\nRUN dnf install -y --nogpgcheck ./build/x.rpm && rpm -i --nosignature /tmp/y.rpm\n",
    // Snapshot archives: Check-Valid-Until is about freshness, not authenticity.
    "FROM debian:12\nRUN apt-get -o Acquire::Check-Valid-Until=false update\n",
  ],
  invalid: [
    {
      code: "FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN npm ci\n",
      errors: [{ messageId: "environment", line: 2, data: { name: "NODE_TLS_REJECT_UNAUTHORIZED", value: "0", what: "TLS certificate verification", tool: "Node.js" } }],
    },
    {
      // ARG defaults are in the RUN environment; GIT_SSL_NO_VERIFY disables whatever its value; legacy ENV form.
      code: "FROM alpine:3.20\nARG PYTHONHTTPSVERIFY=0\nENV GIT_SSL_NO_VERIFY false\n",
      errors: [
        { messageId: "environment", line: 2, data: { name: "PYTHONHTTPSVERIFY", value: "0", what: "TLS certificate verification", tool: "Python" } },
        { messageId: "environment", line: 3, data: { name: "GIT_SSL_NO_VERIFY", value: "false", what: "TLS certificate verification", tool: "git" } },
      ],
    },
    {
      // In RUN: prefix assignment, export, env wrapper, lower-case npm variable.
      code: "FROM node:22\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci && export PIP_TRUSTED_HOST=pypi.example.com && env npm_config_strict_ssl=false npm i\n",
      errors: [
        { messageId: "environment", data: { name: "NODE_TLS_REJECT_UNAUTHORIZED", value: "0", what: "TLS certificate verification", tool: "Node.js" } },
        { messageId: "environment", data: { name: "PIP_TRUSTED_HOST", value: "pypi.example.com", what: "TLS certificate verification", tool: "pip" } },
        { messageId: "environment", data: { name: "npm_config_strict_ssl", value: "false", what: "TLS certificate verification", tool: "npm" } },
      ],
    },
    {
      // Package managers' options.
      code: [
        "FROM debian:12",
        "RUN apt-get install -y --allow-unauthenticated curl && apt-get -o APT::Get::AllowUnauthenticated=true install -y wget && apt-get install --force-yes jq",
        "FROM alpine:3.20",
        "RUN apk add --update-cache --repository http://dl-cdn.alpinelinux.org/alpine/edge/testing/ --allow-untrusted gnu-libiconv",
        "FROM fedora:41",
        "RUN dnf install -y --nogpgcheck foo && dnf --setopt=gpgcheck=0 install -y bar && rpm -i --nosignature https://rpm.example.com/x.rpm",
        "FROM python:3.13",
        "RUN pip install --trusted-host=pypi.example.com -r requirements.txt",
        "",
      ].join("\n"),
      errors: [
        { messageId: "option", line: 2, data: { option: "--allow-unauthenticated", what: "package signature verification", tool: "apt-get" } },
        { messageId: "option", line: 2, data: { option: "-o", what: "package signature verification", tool: "apt-get" } },
        { messageId: "option", line: 2, data: { option: "--force-yes", what: "package signature verification", tool: "apt-get" } },
        { messageId: "option", line: 4, data: { option: "--allow-untrusted", what: "package signature verification", tool: "apk" } },
        { messageId: "option", line: 6, data: { option: "--nogpgcheck", what: "package signature verification", tool: "dnf" } },
        { messageId: "option", line: 6, data: { option: "--setopt=gpgcheck=0", what: "package signature verification", tool: "dnf" } },
        { messageId: "option", line: 6, data: { option: "--nosignature", what: "package signature verification", tool: "rpm" } },
        { messageId: "option", line: 8, data: { option: "--trusted-host=pypi.example.com", what: "TLS certificate verification", tool: "pip" } },
      ],
    },
    {
      // Config commands.
      code: "FROM node:22\nRUN npm config set strict-ssl false && yarn config set strict-ssl false && git config --global http.sslVerify false && git -c http.sslVerify=false clone https://git.example.com/r.git\n",
      errors: [
        { messageId: "configCommand", data: { command: "npm config set strict-ssl false", what: "TLS certificate verification", tool: "npm" } },
        { messageId: "configCommand", data: { command: "yarn config set strict-ssl false", what: "TLS certificate verification", tool: "yarn" } },
        { messageId: "configCommand", data: { command: "git config --global http.sslVerify false", what: "TLS certificate verification", tool: "git" } },
        { messageId: "option", data: { option: "-c", what: "TLS certificate verification", tool: "git" } },
      ],
    },
    {
      // Lines written into the files the tools read: echo, tee, sed, heredoc, COPY heredoc.
      code: [
        "FROM debian:12",
        "RUN echo 'deb [trusted=yes] http://apt.example.com stable main' > /etc/apt/sources.list.d/x.list",
        "RUN echo insecure >> ~/.curlrc && printf 'check_certificate = off\\n' | tee -a /etc/wgetrc",
        "FROM fedora:41",
        "RUN sed -i 's/gpgcheck=1/gpgcheck=0/' /etc/yum.repos.d/fedora.repo",
        "RUN cat <<EOF > /etc/yum.repos.d/local.repo",
        "[local]",
        "baseurl=https://rpm.example.com/",
        "gpgcheck=0",
        "EOF",
        "COPY <<EOF /root/.npmrc",
        "strict-ssl=false",
        "EOF",
        "",
      ].join("\n"),
      errors: [
        { messageId: "configFile", line: 2, data: { path: "/etc/apt/sources.list.d/x.list", what: "package signature verification", tool: "APT" } },
        { messageId: "configFile", line: 3, data: { path: "~/.curlrc", what: "TLS certificate verification", tool: "curl" } },
        { messageId: "configFile", line: 3, data: { path: "/etc/wgetrc", what: "TLS certificate verification", tool: "wget" } },
        { messageId: "configFile", line: 5, data: { path: "/etc/yum.repos.d/fedora.repo", what: "package signature verification", tool: "yum/dnf/zypper" } },
        { messageId: "configFile", line: 6, data: { path: "/etc/yum.repos.d/local.repo", what: "package signature verification", tool: "yum/dnf/zypper" } },
        { messageId: "configFile", line: 12, data: { path: "/root/.npmrc", what: "TLS certificate verification", tool: "npm" } },
      ],
    },
  ],
});

ruleTester("compose").run("no-disabled-verification", rule, {
  valid: ["services:\n  app:\n    image: node:22\n    environment:\n      NODE_TLS_REJECT_UNAUTHORIZED: '1'\n", "services:\n  app:\n    image: node:22\n    environment:\n      - NODE_TLS_REJECT_UNAUTHORIZED\n"],
  invalid: [
    {
      code: "services:\n  app:\n    image: node:22\n    environment:\n      NODE_TLS_REJECT_UNAUTHORIZED: 0\n    build:\n      context: .\n      args:\n        - PIP_TRUSTED_HOST=pypi.example.com\n",
      errors: [
        { messageId: "environment", line: 5, data: { name: "NODE_TLS_REJECT_UNAUTHORIZED", value: "0", what: "TLS certificate verification", tool: "Node.js" } },
        { messageId: "environment", line: 9, data: { name: "PIP_TRUSTED_HOST", value: "pypi.example.com", what: "TLS certificate verification", tool: "pip" } },
      ],
    },
  ],
});
