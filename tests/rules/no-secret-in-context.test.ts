import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import rule from "../../rules/no-secret-in-context.js";
import { contextSecretKind, secretFileKind } from "../../lib/semantics/secrets/secret-files.js";
import { fixtureTrees } from "../support/fixture-trees.js";
import { ruleTester } from "../support/rule-tester.js";

// The fixtures are one repository: a context is judged only inside the project being linted.
const { tree: treeOf } = fixtureTrees("secret-context", { repository: true });
/** A fixture tree named `name`: `files` maps relative paths to contents. Returns the folder. */
const tree = (name: string, files: Record<string, string>): string => treeOf(files, name);

const KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n";
const CERT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
const SERVICE_ACCOUNT = '{\n  "type": "service_account",\n  "project_id": "p",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\nMII\\n-----END PRIVATE KEY-----\\n"\n}\n';

// The new user: `.env`, `id_rsa`, no .dockerignore, `COPY . .`.
const bare = tree("bare", { ".env": "API_KEY=s3cr3t\n", id_rsa: KEY, "app.js": "" });
const outside = mkdtempSync(path.join(tmpdir(), "docker-policy-secret-outside-"));
for (const [relative, text] of Object.entries({ ".env": "API_KEY=s3cr3t\n", id_rsa: KEY })) writeFileSync(path.join(outside, relative), text);
afterAll(() => rmSync(outside, { recursive: true, force: true }));
// The same, with a .dockerignore that excludes both.
const ignored = tree("ignored", { ".env": "API_KEY=s3cr3t\n", id_rsa: KEY, ".dockerignore": ".env\nid_rsa\n" });
// Files whose name says "maybe", judged by content: placeholders and certificates are not secrets.
const placeholders = tree("placeholders", {
  ".npmrc": "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n",
  ".env.example": "API_KEY=\n",
  ".env": "# filled in by the deploy script\n",
  "certs/server.pem": CERT,
  ".docker/config.json": '{"credsStore": "desktop"}\n',
  "package.json": '{"name": "x"}\n',
});
// Credentials by content, in sub-folders.
const credentials = tree("credentials", {
  ".npmrc": "//registry.npmjs.org/:_authToken=npm_abcdefghijklmnop\n",
  "deploy/gcp.json": SERVICE_ACCOUNT,
  ".aws/credentials": "[default]\naws_access_key_id = AKIA\naws_secret_access_key = abc\n",
  ".docker/config.json": '{"auths": {"ghcr.io": {"auth": "dXNlcjpwYXNz"}}}\n',
  "tls/server.key": "-----BEGIN RSA PRIVATE KEY-----\nMII\n-----END RSA PRIVATE KEY-----\n",
});
// A compose build whose context is the parent folder and a `<Dockerfile>.dockerignore` beside the Dockerfile.
const composed = tree("composed", {
  "compose.yaml": "services:\n  api:\n    build:\n      context: .\n      dockerfile: api/Dockerfile\n",
  ".env.production": "DB_PASSWORD=hunter2\n",
  "api/Dockerfile.dockerignore": "node_modules\n",
  "api/Dockerfile": "",
});
// Two builds of one Dockerfile: only one of them ships the secret (its target is the final stage).
const twoBuilds = tree("two-builds", {
  "compose.yaml": "services:\n  prod:\n    build:\n      context: .\n      target: prod\n  dev:\n    build:\n      context: .\n      target: dev\n",
  ".env": "TOKEN=abc\n",
  Dockerfile: "",
});
// A .dockerignore that cannot be parsed keeps the rule silent: nobody knows what it excludes.
const unreadable = tree("unreadable", { ".env": "TOKEN=abc\n", ".dockerignore": "[\n" });

const file = (dir: string, name = "Dockerfile") => path.join(dir, name);

ruleTester("dockerfile").run("no-secret-in-context", rule, {
  valid: [
    // Excluded by the .dockerignore the build reads.
    { filename: file(ignored), code: "FROM node:22.12\nWORKDIR /app\nCOPY . .\n" },
    // Named files only: `COPY . .` is not there.
    { filename: file(bare), code: "FROM node:22.12\nWORKDIR /app\nCOPY app.js ./\n" },
    // The same folder outside the project being linted (no repository around it, not under ESLint's cwd): unknown, silent.
    { filename: path.join(outside, "Dockerfile"), code: "FROM node:22.12\nCOPY . /app\n" },
    // An explicit secret source is no-secret-file-copy's finding, not this rule's.
    { filename: file(bare), code: "FROM node:22.12\nCOPY .env /app/\n" },
    // Placeholders, templates, certificates, a credential helper: nothing to report.
    { filename: file(placeholders), code: "FROM node:22.12\nWORKDIR /app\nCOPY . .\n" },
    // A builder stage whose secret does not reach the image: only the build output is copied out.
    { filename: file(bare), code: "FROM node:22.12 AS build\nWORKDIR /src\nCOPY . .\nRUN npm run build\nFROM nginx:1.27\nCOPY --from=build /src/dist /usr/share/nginx/html\n" },
    // A glob copy in a builder stage is not followed; nor is a glob source of COPY --from.
    { filename: file(bare), code: "FROM node:22.12 AS build\nCOPY .e* /src/\nFROM node:22.12-slim\nCOPY --from=build /src /app\n" },
    { filename: file(bare), code: "FROM node:22.12 AS build\nWORKDIR /src\nCOPY . .\nFROM node:22.12-slim\nCOPY --from=build /s* /app\n" },
    // A builder that deletes files before its folder is copied out: what `rm` removed is not guessed.
    { filename: file(bare), code: "FROM node:22.12 AS build\nWORKDIR /src\nCOPY . .\nRUN npm ci && rm -f .env id_rsa\nFROM node:22.12-slim\nCOPY --from=build /src /app\n" },
    // A stage the build never runs.
    { filename: file(bare), code: "FROM node:22.12 AS test\nCOPY . /app\nFROM node:22.12\nCOPY app.js /app/\n" },
    // `--exclude` keeps them out.
    { filename: file(bare), code: "# syntax=docker/dockerfile:1.10\nFROM node:22.12\nCOPY --exclude=.env --exclude=id_rsa . /app\n" },
    // A glob that matches none of them.
    { filename: file(bare), code: "FROM node:22.12\nCOPY *.js /app/\n" },
    // From another stage or image: not the context.
    { filename: file(bare), code: "FROM node:22.12\nCOPY --from=builder:1 . /app\n" },
    // The dev build's target does not copy the context, and the prod build's target is not this stage.
    { filename: file(twoBuilds), code: "FROM node:22.12 AS dev\nCOPY app.js /app/\nFROM node:22.12 AS prod\nCOPY package.json /app/\n" },
    // An unparsable .dockerignore: unknown.
    { filename: file(unreadable), code: "FROM node:22.12\nCOPY . /app\n" },
    // Text linted without a file: no context.
    "FROM node:22.12\nCOPY . /app\n",
  ],
  invalid: [
    {
      filename: file(bare),
      code: "FROM node:22.12\nWORKDIR /app\nCOPY . .\n",
      errors: [{
        messageId: "secretInContext", line: 3, column: 6, endColumn: 7,
        data: {
          source: ".",
          files: "'.env' (a dotenv file (.env)), 'id_rsa' (an SSH private key)",
          build: "`docker build` of the Dockerfile's folder",
          ignore: "the context has no .dockerignore (Docker reads .dockerignore)",
          entries: "'/.env', '/id_rsa'",
          dockerignorePath: ".dockerignore",
        },
      }],
    },
    {
      // ADD, `./` and the JSON form; a glob that takes the dotenv file.
      filename: file(bare),
      code: 'FROM node:22.12\nADD ./ /app\nCOPY ["./", "/srv/"]\nCOPY .e* /etc/app/\n',
      errors: [
        { messageId: "secretInContext", line: 2, column: 5 },
        { messageId: "secretInContext", line: 3, column: 7 },
        { messageId: "secretInContext", line: 4, column: 6, data: { source: ".e*", files: "'.env' (a dotenv file (.env))", build: "`docker build` of the Dockerfile's folder", ignore: "the context has no .dockerignore (Docker reads .dockerignore)", entries: "'/.env'", dockerignorePath: ".dockerignore" } },
      ],
    },
    {
      // Copied in a builder stage, then the whole folder is copied into the image.
      filename: file(bare),
      code: "FROM node:22.12 AS build\nWORKDIR /src\nCOPY . .\nRUN npm ci\nFROM node:22.12-slim\nCOPY --from=build /src /app\n",
      errors: [{ messageId: "secretInContext", line: 3, column: 6 }],
    },
    {
      // Two hops: the builder's whole file system, then the folder that holds it.
      filename: file(bare),
      code: "FROM node:22.12 AS build\nCOPY . /src\nFROM build AS pack\nRUN tar -czf /out.tgz /src\nFROM alpine:3.22 AS stage2\nCOPY --from=pack / /rootfs\nFROM alpine:3.22\nCOPY --from=stage2 /rootfs/src /app\n",
      errors: [{ messageId: "secretInContext", line: 2, column: 6 }],
    },
    {
      // Built on the stage that copies it: the layers ship.
      filename: file(bare),
      code: "FROM node:22.12 AS base\nCOPY . /app\nFROM base\nCMD [\"node\", \"/app/app.js\"]\n",
      errors: [{ messageId: "secretInContext", line: 2, column: 6 }],
    },
    {
      // Every credential kind found by content, in sub-folders.
      filename: file(credentials),
      code: "FROM python:3.13\nCOPY . /app\n",
      errors: [{
        messageId: "secretInContext", line: 2, column: 6,
        data: {
          source: ".",
          files: "'.npmrc' (a package registry credentials file), '.aws/credentials' (a credentials file), '.docker/config.json' (a Docker client config with registry credentials), 'deploy/gcp.json' (a Google Cloud service-account key), 'tls/server.key' (a private key or key store)",
          build: "`docker build` of the Dockerfile's folder",
          ignore: "the context has no .dockerignore (Docker reads .dockerignore)",
          entries: "'/.npmrc', '/.aws/credentials', '/.docker/config.json', '/deploy/gcp.json', '/tls/server.key'",
          dockerignorePath: ".dockerignore",
        },
      }],
    },
    {
      // The compose build's context is the parent folder; it reads api/Dockerfile.dockerignore.
      filename: file(composed, "api/Dockerfile"),
      code: "FROM node:22.12\nCOPY . /app\n",
      errors: [{
        messageId: "secretInContext", line: 2, column: 6,
        data: {
          source: ".",
          files: "'.env.production' (a dotenv file (.env))",
          build: "the build of service 'api' (../compose.yaml)",
          ignore: "Dockerfile.dockerignore does not exclude it",
          entries: "'/.env.production'",
          dockerignorePath: "Dockerfile.dockerignore",
        },
      }],
    },
    {
      // Only the prod build ships it, and the message says so.
      filename: file(twoBuilds),
      code: "FROM node:22.12 AS dev\nCOPY app.js /app/\nFROM node:22.12 AS prod\nCOPY . /app\n",
      errors: [{ messageId: "secretInContext", line: 4, column: 6, data: { source: ".", files: "'.env' (a dotenv file (.env))", build: "the build of service 'prod' (compose.yaml)", ignore: "the context has no .dockerignore (Docker reads .dockerignore)", entries: "'/.env'", dockerignorePath: ".dockerignore" } }],
    },
  ],
});

describe("the secret-file table", () => {
  it("judges context files by content where the name is not enough", () => {
    expect(contextSecretKind(".npmrc", () => "registry=https://r.example/\n")).toBeNull();
    expect(contextSecretKind(".npmrc", () => "_auth=dXNlcjpwYXNz\n")?.description).toBe("a package registry credentials file");
    expect(contextSecretKind(".yarnrc.yml", () => 'npmAuthToken: "${NPM_TOKEN}"\n')).toBeNull();
    expect(contextSecretKind(".yarnrc.yml", () => "npmAuthToken: npm_abc\n")).not.toBeNull();
    expect(contextSecretKind(".pypirc", () => "[pypi]\nusername = __token__\npassword = pypi-abc\n")).not.toBeNull();
    expect(contextSecretKind(".pypirc", () => "[distutils]\nindex-servers = pypi\n")).toBeNull();
    expect(contextSecretKind(".netrc", () => "machine github.com login x password ghp_abc\n")).not.toBeNull();
    expect(contextSecretKind("keys/site.pem", () => CERT)).toBeNull();
    expect(contextSecretKind("keys/site.pem", () => "-----BEGIN EC PRIVATE KEY-----\n")).not.toBeNull();
    expect(contextSecretKind("ca.pem", () => "-----BEGIN PRIVATE KEY-----\n")).toBeNull();
    expect(contextSecretKind("store.p12", () => null)?.description).toBe("a private key or key store");
    expect(contextSecretKind("tsconfig.json", () => '{"compilerOptions": {}}')).toBeNull();
    expect(contextSecretKind(".env.sample", () => "A=1\n")).toBeNull();
    // A file that cannot be read is not judged a secret.
    expect(contextSecretKind(".env", () => null)).toBeNull();
  });

  it("keeps content-only kinds out of the by-name answer", () => {
    expect(secretFileKind(".docker/config.json")).toBeNull();
    expect(secretFileKind("sa.json")).toBeNull();
    expect(secretFileKind("id_rsa")?.description).toBe("an SSH private key");
  });
});
