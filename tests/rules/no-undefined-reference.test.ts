import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/no-undefined-reference.js";
import { ruleTester } from "../support/rule-tester.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-undef-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, "infra.yaml"), "services:\n  db:\n    image: postgres:16.2\nnetworks:\n  backend:\nvolumes:\n  pgdata:\n");
writeFileSync(path.join(dir, "base.yaml"), "services:\n  common:\n    image: alpine:3.20\n");
writeFileSync(path.join(dir, "broken.yaml"), "services: [\n");
const file = (name: string) => path.join(dir, name);

ruleTester("compose").run("no-undefined-reference", rule, {
  valid: [
    "services:\n  app:\n    depends_on: [db]\n    links: ['db:database']\n    networks: [default, back]\n    volumes: ['data:/data', './src:/src', '/cache']\n    secrets: [token]\n    configs:\n      - source: conf\n        target: /etc/app.conf\n  db:\n    image: postgres:16.2\nnetworks:\n  back:\nvolumes:\n  data:\nsecrets:\n  token:\n    file: ./token.txt\nconfigs:\n  conf:\n    file: ./app.conf\n",
    "services:\n  app:\n    network_mode: service:vpn\n    volumes_from: ['vpn:ro', 'container:other']\n  vpn:\n    image: vpn:1\n",
    // Build secrets defined at the top level, short and long syntax.
    "services:\n  app:\n    build:\n      context: .\n      secrets:\n        - npmrc\n        - source: token\n          target: api_token\nsecrets:\n  npmrc:\n    file: ./.npmrc\n  token:\n    environment: API_TOKEN\n",
    // A short-form build has no secrets.
    "services:\n  app:\n    build: .\n",
    // required: false only warns.
    "services:\n  app:\n    depends_on:\n      optional:\n        required: false\n",
    // Defined by an included file.
    { filename: file("a.yaml"), code: "include: [infra.yaml]\nservices:\n  app:\n    depends_on: [db]\n    networks: [backend]\n    volumes: ['pgdata:/x']\n" },
    { filename: file("b.yaml"), code: "services:\n  app:\n    extends:\n      file: base.yaml\n      service: common\n" },
    // A file that cannot be read could define anything.
    { filename: file("c.yaml"), code: "include: [broken.yaml]\nservices:\n  app:\n    depends_on: [nowhere]\n" },
    { filename: file("d.yaml"), code: "include: [missing.yaml]\nservices:\n  app:\n    depends_on: [nowhere]\n" },
    // An overlay for `-f compose.yaml -f compose.prod.yaml -f …`: the other files are unknown.
    { filename: file("compose.prod.yaml"), code: "services:\n  app:\n    depends_on: [elsewhere]\n" },
  ],
  invalid: [
    {
      code: "services:\n  web:\n    depends_on:\n      - api\n  app:\n    image: app:1\n",
      errors: [{ messageId: "undefined", line: 4, column: 9, endColumn: 12, data: { service: "web", kind: "service", name: "api", field: "depends_on", where: "the file", suggestion: " (did you mean 'app'?)" } }],
    },
    {
      code: "services:\n  web:\n    extends: base\n    networks:\n      frontend:\n    volumes:\n      - type: volume\n        source: dta\n        target: /data\n    secrets: [api_key]\nvolumes:\n  data:\n",
      errors: [
        { messageId: "undefined", line: 3, column: 14, data: { service: "web", kind: "service", name: "base", field: "extends", where: "the file", suggestion: "" } },
        { messageId: "undefined", line: 5, column: 7, data: { service: "web", kind: "network", name: "frontend", field: "networks", where: "the file", suggestion: "" } },
        { messageId: "undefined", line: 8, column: 17, data: { service: "web", kind: "volume", name: "dta", field: "volumes", where: "the file", suggestion: " (did you mean 'data'?)" } },
        { messageId: "undefined", line: 10, column: 15, data: { service: "web", kind: "secret", name: "api_key", field: "secrets", where: "the file", suggestion: "" } },
      ],
    },
    {
      // compose-go: 'service "app" refers to undefined build secret npmrc'.
      code: "services:\n  app:\n    build:\n      context: .\n      secrets:\n        - npmrc\n",
      errors: [{ messageId: "undefined", line: 6, column: 11, endColumn: 16, data: { service: "app", kind: "secret", name: "npmrc", field: "build.secrets", where: "the file", suggestion: "" } }],
    },
    {
      // Long syntax: the `source:` names the secret; the usual "did you mean".
      code: "services:\n  app:\n    build:\n      context: .\n      secrets:\n        - source: npmrcc\n          target: npmrc\nsecrets:\n  npmrc:\n    file: ./.npmrc\n",
      errors: [{ messageId: "undefined", line: 6, column: 19, data: { service: "app", kind: "secret", name: "npmrcc", field: "build.secrets", where: "the file", suggestion: " (did you mean 'npmrc'?)" } }],
    },
    {
      // Defined in an included file is fine; a build secret missing from the whole project is not.
      filename: file("g.yaml"),
      code: "include: [infra.yaml]\nservices:\n  app:\n    build:\n      context: .\n      secrets: [gh_token]\n",
      errors: [{ messageId: "undefined", line: 6, column: 17, data: { service: "app", kind: "secret", name: "gh_token", field: "build.secrets", where: "the project (this file and the files Compose merges with it)", suggestion: "" } }],
    },
    {
      filename: file("e.yaml"),
      code: "include: [infra.yaml]\nservices:\n  app:\n    networks: [frontend]\n",
      errors: [{ messageId: "undefined", line: 4, column: 16, data: { service: "app", kind: "network", name: "frontend", field: "networks", where: "the project (this file and the files Compose merges with it)", suggestion: "" } }],
    },
    {
      filename: file("f.yaml"),
      code: "services:\n  app:\n    extends:\n      file: base.yaml\n      service: comon\n",
      errors: [{ messageId: "undefined", line: 5, column: 16, data: { service: "app", kind: "service", name: "comon", field: "extends", where: "base.yaml", suggestion: " (did you mean 'common'?)" } }],
    },
  ],
});

ruleTester("compose").run("no-undefined-reference (every document)", rule, {
  valid: [
    // Compose merges every document of the file: `cache` and `back` are defined by the second one.
    "services:\n  web:\n    image: nginx:1.27.0\n    depends_on:\n      - cache\n    networks: [back]\n---\nservices:\n  cache:\n    image: redis:7.4.1\nnetworks:\n  back: {}\n",
  ],
  invalid: [
    {
      code: "services:\n  web:\n    image: nginx:1.27.0\n---\nservices:\n  api:\n    image: a:1\n    depends_on: [db]\n",
      errors: [{ messageId: "undefined", line: 8 }],
    },
  ],
});
