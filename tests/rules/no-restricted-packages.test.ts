import { describe, expect, it } from "vitest";
import rule from "../../rules/no-restricted-packages.js";
import { comparablePackageName, managersNamedBy } from "../../lib/semantics/packages/package-namespaces.js";
import { dedent } from "../support/dedent.js";
import { ruleTester } from "../support/rule-tester.js";

const telnet = [{ packages: [{ name: "telnet", message: "Use ssh; telnet sends passwords in clear." }] }];
const message = "Use ssh; telnet sends passwords in clear.";
const aptOnly = [{ packages: [{ manager: "apt", name: "telnet" }] }];
const pypi = [{ packages: [{ manager: "pip", name: "python_jose" }] }];
const npmGlobal = [{ packages: [{ manager: "npm", name: "@bad/*", message: "Not from the @bad scope." }] }];

ruleTester("dockerfile").run("no-restricted-packages", rule, {
  valid: [
    // No entry: nothing to enforce.
    "FROM debian:12\nRUN apt-get install -y telnet\n",
    { code: dedent`
      FROM debian:12
      # apt-get install -y telnet
      RUN echo "no telnet" && printf 'apt-get install telnet\n' > /notes
      RUN apt-get remove -y telnet && apt-get purge telnet && apk del telnet && pip uninstall -y telnet
      RUN apt-get install -y telnetd netcat-openbsd ./telnet.deb
      RUN apt-cache show telnet && apt-get download telnet
      RUN apt-get install -y \${PACKAGES}
    `, options: telnet },
    // `apt` covers apt-get, apt and aptitude only.
    { code: "FROM alpine:3.20\nRUN apk add --no-cache telnet && pip install telnet\n", options: aptOnly },
    { code: "FROM python:3.12\nRUN pip install python-josephine && pip install -r requirements.txt\n", options: pypi },
    { code: "FROM node:22\nRUN npm i -g @good/x bad\n", options: npmGlobal },
  ],
  invalid: [
    {
      code: dedent`
        FROM debian:12
        RUN apt-get update && apt-get install -y telnet=0.17* && rm -rf /var/lib/apt/lists/*
        RUN apk add --no-cache telnet
        RUN pip install telnet
      `,
      options: telnet,
      errors: [
        { messageId: "restrictedWithMessage", line: 2, column: 42, endColumn: 54, data: { name: "telnet", manager: "apt-get", message } },
        { messageId: "restrictedWithMessage", line: 3, column: 24, data: { name: "telnet", manager: "apk", message } },
        { messageId: "restrictedWithMessage", line: 4, column: 17, data: { name: "telnet", manager: "pip", message } },
      ],
    },
    {
      // Wrapped, `sh -c`, exec form, heredoc, `if` bodies, ONBUILD triggers, architecture qualifiers.
      code: dedent`
        FROM debian:12
        RUN sudo -E apt-get install -y telnet
        RUN sh -c 'apt install -y telnet'
        RUN ["apt-get", "install", "-y", "telnet"]
        RUN <<EOF
        set -e
        if true; then aptitude install -y telnet:amd64; fi
        EOF
        ONBUILD RUN env DEBIAN_FRONTEND=noninteractive apt-get install -y telnet
      `,
      options: aptOnly,
      errors: [
        { messageId: "restricted", line: 2, column: 32, data: { name: "telnet", manager: "apt-get" } },
        { messageId: "restricted", line: 3, column: 27, data: { name: "telnet", manager: "apt" } },
        { messageId: "restricted", line: 4, column: 34 },
        { messageId: "restricted", line: 7, column: 35, data: { name: "telnet:amd64", manager: "aptitude" } },
        { messageId: "restricted", line: 9, column: 67 },
      ],
    },
    {
      // PyPI names compare in PEP 503 form, whichever tool installs them.
      code: dedent`
        FROM python:3.12
        RUN pip install "Python.Jose==3.3.0" && uv pip install python-jose[cryptography] && pipx install python_jose
        RUN python3 -m pip install -U python-jose
      `,
      options: pypi,
      errors: [
        { messageId: "restricted", line: 2, column: 17, data: { name: "Python.Jose", manager: "pip" } },
        { messageId: "restricted", line: 2, column: 56, data: { name: "python-jose", manager: "uv" } },
        { messageId: "restricted", line: 2, column: 98, data: { name: "python_jose", manager: "pipx" } },
        { messageId: "restricted", line: 3, column: 31, data: { name: "python-jose", manager: "pip" } },
      ],
    },
    {
      code: dedent`
        FROM node:22
        RUN npm i -g @bad/cli@1 && yarn global add @bad/other && pnpm add @bad/x
      `,
      options: npmGlobal,
      errors: [
        { messageId: "restrictedWithMessage", line: 2, column: 14, data: { name: "@bad/cli", manager: "npm", message: "Not from the @bad scope." } },
        { messageId: "restrictedWithMessage", line: 2, column: 44 },
        { messageId: "restrictedWithMessage", line: 2, column: 67 },
      ],
    },
    {
      // A manager id of its own namespace covers that manager alone.
      code: "FROM fedora:40\nRUN dnf install -y telnet && yum install -y telnet && microdnf install telnet\n",
      options: [{ packages: [{ manager: "dnf", name: "tel*" }] }],
      errors: [{ messageId: "restricted", line: 2, column: 20, data: { name: "telnet", manager: "dnf" } }],
    },
  ],
});

describe("package namespaces", () => {
  it("reads the manager value", () => {
    expect([...managersNamedBy("apt")!]).toEqual(["apt-get", "apt", "aptitude"]);
    expect([...managersNamedBy("yarn")!]).toEqual(["yarn"]);
    expect(managersNamedBy("brew")).toBeNull();
    expect(managersNamedBy("*")!.has("cargo")).toBe(true);
  });
  it.each([
    ["pip", "Foo_Bar.baz", "foo-bar-baz"],
    ["apt-get", "telnet:amd64", "telnet"],
    ["apk", "Telnet", "telnet"],
  ] as const)("%s compares %s as %s", (manager, name, expected) => {
    expect(comparablePackageName(manager, name)).toBe(expected);
  });
});
