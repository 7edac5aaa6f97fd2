import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/no-duplicate-published-port.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-dupport-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, "compose.yaml"), dedent`
  services:
    web:
      image: nginx:1.27
      ports: ['8080:80']
`);
writeFileSync(path.join(dir, "extra.yaml"), dedent`
  services:
    admin:
      image: adminer:4
      ports: ['9000:8080']
`);

ruleTester("compose").run("no-duplicate-published-port", rule, {
  valid: [
    dedent`
      services:
        a:
          ports: ['8080:80']
        b:
          ports: ['8081:80']
    `,
    // Different protocols, different specific IPs.
    dedent`
      services:
        dns:
          ports: ['53:53/udp', '53:53/tcp']
        b:
          ports: ['127.0.0.1:80:80']
        c:
          ports: ['127.0.0.2:80:80']
    `,
    // Services in disjoint profiles never run together.
    dedent`
      services:
        dev:
          profiles: [dev]
          ports: ['80:80']
        prod:
          profiles: [prod]
          ports: ['80:80']
    `,
    // The override repeats the base file's entry: Compose merges them into one.
    { filename: path.join(dir, "compose.override.yaml"), code: dedent`
      services:
        web:
          ports: ['8080:80']
    ` },
    dedent`
      services:
        a:
          ports: ['\${P}:80']
        b:
          ports: ['\${P}:80']
    `,
    // A host range for one container port is where Docker allocates one free port (docker/go-connections
    // nat.ParsePortSpec): a fixed port inside it, another such range, the long syntax's published range.
    dedent`
      services:
        a:
          ports: ['8093-9000:80']
        b:
          ports: ['8094:5432', '127.0.0.1:8095:80/tcp']
        c:
          ports: ['8090-8100:443']
        d:
          ports:
            - target: 1000
              published: 8080-8090
        e:
          ports: ['8085:85']
    `,
    // A container-only range gets random host ports.
    dedent`
      services:
        a:
          ports: ['8000-8085']
        b:
          ports: ['8080:80']
    `,
  ],
  invalid: [
    {
      // A range on both sides (or a one-port range) is a fixed binding.
      code: dedent`
        services:
          a:
            ports: ['8093-8094:80-81']
          b:
            ports: ['8094:5432']
          c:
            ports: ['7000-7000:70']
          d:
            ports: ['7000:70']
      `,
      errors: [
        { messageId: "duplicate", line: 5, data: { port: "8094", protocol: "tcp", other: "a", where: " (line 3)" } },
        { messageId: "duplicate", line: 9, data: { port: "7000", protocol: "tcp", other: "c", where: " (line 7)" } },
      ],
    },
    {
      code: dedent`
        services:
          a:
            ports:
              - "8080:80"
          b:
            ports:
              - target: 3000
                published: 8080
      `,
      errors: [{ messageId: "duplicate", line: 7, column: 9, data: { port: "8080", protocol: "tcp", other: "a", where: " (line 4)" } }],
    },
    {
      // A range that overlaps, and every-interface against one IP.
      code: dedent`
        services:
          a:
            ports: ['8000-8010:8000-8010']
          b:
            ports: ['127.0.0.1:8005:80']
      `,
      errors: [{ messageId: "duplicate", line: 5, column: 13, data: { port: "8005", protocol: "tcp", other: "a", where: " (line 3)" } }],
    },
    {
      filename: path.join(dir, "compose.override.yaml"),
      code: dedent`
        services:
          api:
            ports: ['8080:3000']
      `,
      errors: [{ messageId: "duplicate", line: 3, column: 13, data: { port: "8080", protocol: "tcp", other: "web", where: " in compose.yaml" } }],
    },
    {
      // A file pulled in with include.
      filename: path.join(dir, "main.yaml"),
      code: dedent`
        include: [extra.yaml]
        services:
          app:
            ports: ['9000:9000']
      `,
      errors: [{ messageId: "duplicate", line: 4, column: 13, data: { port: "9000", protocol: "tcp", other: "admin", where: " in extra.yaml" } }],
    },
  ],
});

// An override that replaces or removes a service's ports with `!override`/`!reset` (Compose merge
// reference, "Replace value" / "Reset value"): the base file's ports are gone from the merged service.
const replaced = mkdtempSync(path.join(tmpdir(), "docker-policy-dupport-override-"));
afterAll(() => rmSync(replaced, { recursive: true, force: true }));
writeFileSync(path.join(replaced, "compose.yaml"), dedent`
  services:
    web:
      image: nginx:1.27.0
      ports:
        - '127.0.0.1:8080:80'
    api:
      image: nginx:1.27.0
`);
const resetDir = mkdtempSync(path.join(tmpdir(), "docker-policy-dupport-reset-"));
afterAll(() => rmSync(resetDir, { recursive: true, force: true }));
writeFileSync(path.join(resetDir, "compose.override.yaml"), dedent`
  services:
    web:
      ports: !reset []
    api:
      ports: ['8080:80']
`);

ruleTester("compose").run("no-duplicate-published-port (!override, !reset, documents)", rule, {
  valid: [
    { filename: path.join(replaced, "compose.override.yaml"), code: dedent`
      services:
        web:
          ports: !override
            - '127.0.0.1:9090:80'
        api:
          ports:
            - '127.0.0.1:8080:80'
    ` },
    { filename: path.join(resetDir, "compose.yaml"), code: dedent`
      services:
        web:
          image: nginx:1.27.0
          ports: ['8080:80']
        api:
          image: nginx:1.27.0
    ` },
    // A later document of the same file replaces the list.
    dedent`
      services:
        web:
          ports: ['8080:80']
      ---
      services:
        web:
          ports: !override ['9090:80']
        api:
          ports: ['8080:80']
    `,
  ],
  invalid: [
    {
      // Without the tag the lists are appended: 8080 stays web's.
      filename: path.join(replaced, "compose.override.yaml"),
      code: dedent`
        services:
          web:
            ports:
              - '127.0.0.1:9090:80'
          api:
            ports:
              - '127.0.0.1:8080:80'
      `,
      errors: [{ messageId: "duplicate", line: 7, data: { port: "8080", protocol: "tcp", other: "web", where: " in compose.yaml" } }],
    },
    {
      // Two documents of one file publish the same port for two services.
      code: dedent`
        services:
          web:
            ports: ['8080:80']
        ---
        services:
          api:
            ports: ['8080:80']
      `,
      errors: [{ messageId: "duplicate", line: 7, data: { port: "8080", protocol: "tcp", other: "web", where: " (line 3)" } }],
    },
  ],
});
