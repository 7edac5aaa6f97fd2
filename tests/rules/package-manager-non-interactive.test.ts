import rule from "../../rules/package-manager-non-interactive.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("package-manager-non-interactive", rule, {
  valid: [
    "FROM debian:12\nRUN apt-get install -y curl\n",
    "FROM debian:12\nRUN apt-get -y install curl\n",
    "FROM debian:12\nRUN apt-get install --yes curl && apt-get install --assume-yes git\n",
    "FROM debian:12\nRUN apt-get -qq install curl\n",
    "FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl\n",
    // Nothing to confirm.
    "FROM debian:12\nRUN apt-get update\n",
    "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
    "FROM python:3.12-slim\nRUN pip install --no-cache-dir requests\n",
    "FROM python:3.12-slim\nRUN pip uninstall -y requests\n",
    "FROM fedora:40\nRUN dnf install -y gcc && dnf remove --assumeyes make\n",
    "FROM centos:7\nRUN yum -y install gcc\n",
    "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y gcc\n",
    "FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper --non-interactive rm vim && zypper in -y git\n",
    "FROM archlinux:base\nRUN pacman -Syu --noconfirm git\n",
    "FROM continuumio/miniconda3\nRUN conda install -y numpy\n",
    dedent`
      FROM continuumio/miniconda3
      ENV CONDA_ALWAYS_YES=true
      RUN conda install numpy
    `,
    "FROM continuumio/miniconda3\nRUN export CONDA_ALWAYS_YES=1 && conda install numpy\n",
    "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install --assumeyes gcc && microdnf clean all\n",
    "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf --setopt=assumeyes=1 upgrade\n",
    // The pipe answers.
    "FROM archlinux:base\nRUN yes | pacman -Scc\n",
    // Not run: a comment, echo text.
    dedent`
      FROM debian:12
      # RUN apt-get install curl
      RUN echo 'apt-get install curl'
    `,
  ],
  invalid: [
    {
      // microdnf ≥ 3.7 asks `Is this ok [y/N]:` with or without a terminal, and a build reads end of file forever.
      code: "FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install httpd && microdnf clean all\n",
      output: "FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y httpd && microdnf clean all\n",
      errors: [{ messageId: "prompts", line: 2, column: 5, endColumn: 21, data: { command: "microdnf install", flag: "-y" } }],
    },
    {
      code: "FROM oraclelinux:9-slim\nRUN microdnf update && microdnf remove tar && microdnf module enable nodejs:20\n",
      output: "FROM oraclelinux:9-slim\nRUN microdnf update -y && microdnf remove -y tar && microdnf module enable -y nodejs:20\n",
      errors: [
        { messageId: "prompts", data: { command: "microdnf update", flag: "-y" } },
        { messageId: "prompts", data: { command: "microdnf remove", flag: "-y" } },
        { messageId: "prompts", data: { command: "microdnf module enable", flag: "-y" } },
      ],
    },
    {
      code: "FROM debian:12\nRUN apt-get install curl\n",
      output: "FROM debian:12\nRUN apt-get install -y curl\n",
      errors: [{ messageId: "prompts", line: 2, column: 5, endLine: 2, endColumn: 20, data: { command: "apt-get install", flag: "-y" } }],
    },
    {
      // Options before the subcommand; the flag goes after it.
      code: "FROM debian:12\nRUN apt-get -o Dpkg::Options::=--force-confnew -q install curl\n",
      output: "FROM debian:12\nRUN apt-get -o Dpkg::Options::=--force-confnew -q install -y curl\n",
      errors: [{ messageId: "prompts", line: 2, column: 5 }],
    },
    {
      // Continuation lines and CRLF are kept.
      code: "FROM debian:12\r\nRUN apt-get update \\\r\n && apt-get install \\\r\n      curl\r\n",
      output: "FROM debian:12\r\nRUN apt-get update \\\r\n && apt-get install -y \\\r\n      curl\r\n",
      errors: [{ messageId: "prompts", line: 3, column: 5 }],
    },
    {
      code: "FROM debian:12\nRUN set -eux; if [ -n \"$X\" ]; then apt-get install curl; fi\n",
      output: "FROM debian:12\nRUN set -eux; if [ -n \"$X\" ]; then apt-get install -y curl; fi\n",
      errors: [{ messageId: "prompts", line: 2, column: 36 }],
    },
    {
      code: "FROM debian:12\nRUN sh -c 'apt-get install curl'\n",
      output: "FROM debian:12\nRUN sh -c 'apt-get install -y curl'\n",
      errors: [{ messageId: "prompts", line: 2, column: 12 }],
    },
    {
      code: "FROM debian:12\nRUN cat /pkgs | xargs sudo apt-get install\n",
      output: "FROM debian:12\nRUN cat /pkgs | xargs sudo apt-get install -y\n",
      errors: [{ messageId: "prompts", line: 2, column: 28 }],
    },
    {
      code: dedent`
        FROM debian:12
        RUN <<EOF
        apt-get update
        apt-get install curl
        EOF
      `,
      output: dedent`
        FROM debian:12
        RUN <<EOF
        apt-get update
        apt-get install -y curl
        EOF
      `,
      errors: [{ messageId: "prompts", line: 4, column: 1 }],
    },
    {
      code: "FROM debian:12\nONBUILD RUN apt-get install curl\n",
      output: "FROM debian:12\nONBUILD RUN apt-get install -y curl\n",
      errors: [{ messageId: "prompts", line: 2, column: 13 }],
    },
    {
      code: "FROM centos:7\nRUN yum install httpd\n",
      output: "FROM centos:7\nRUN yum install -y httpd\n",
      errors: [{ messageId: "prompts", line: 2, column: 5, data: { command: "yum install", flag: "-y" } }],
    },
    {
      code: "FROM fedora:40\nRUN dnf remove make\n",
      output: "FROM fedora:40\nRUN dnf remove -y make\n",
      errors: [{ messageId: "prompts", line: 2, column: 5 }],
    },
    {
      // After the command, zypper's `-n` is `--name`: the global `-n` goes before the command.
      code: "FROM opensuse/leap:15.6\nRUN zypper in -n curl\n",
      output: "FROM opensuse/leap:15.6\nRUN zypper -n in -n curl\n",
      errors: [{ messageId: "prompts", line: 2, column: 5, data: { command: "zypper in", flag: "-n" } }],
    },
    {
      code: "FROM archlinux:base\nRUN pacman -Sy git\n",
      output: "FROM archlinux:base\nRUN pacman -Sy --noconfirm git\n",
      errors: [{ messageId: "prompts", line: 2, column: 5, data: { command: "pacman -Sy", flag: "--noconfirm" } }],
    },
    {
      code: "FROM continuumio/miniconda3\nRUN conda install numpy\n",
      output: "FROM continuumio/miniconda3\nRUN conda install -y numpy\n",
      errors: [{ messageId: "prompts", line: 2, column: 5 }],
    },
    {
      code: "FROM python:3.12-slim\nRUN pip uninstall requests\n",
      output: "FROM python:3.12-slim\nRUN pip uninstall -y requests\n",
      errors: [{ messageId: "prompts", line: 2, column: 5 }],
    },
    {
      // The export may not run before the install: the variable cannot be counted on.
      code: "FROM continuumio/miniconda3\nRUN conda install numpy; export CONDA_ALWAYS_YES=1\n",
      output: "FROM continuumio/miniconda3\nRUN conda install -y numpy; export CONDA_ALWAYS_YES=1\n",
      errors: [{ messageId: "prompts", line: 2, column: 5 }],
    },
    {
      code: 'FROM debian:12\nRUN ["apt-get", "install", "curl"]\n',
      output: null,
      errors: [{ messageId: "prompts", line: 2, column: 6 }],
    },
    {
      code: 'FROM debian:12\nRUN ["sh", "-c", "apt-get install curl"]\n',
      output: 'FROM debian:12\nRUN ["sh", "-c", "apt-get install -y curl"]\n',
      errors: [{ messageId: "prompts", line: 2, column: 19 }],
    },
  ],
});
