import { expect, it } from "vitest";
import type { SPEC_PROBLEM_MESSAGES } from "../../lib/compose/validate.js";
import rule from "../../rules/valid-compose-file.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

const message = (text: string) => ({ message: text });

ruleTester("compose").run("valid-compose-file", rule, {
  valid: [
    dedent`
      services:
        web:
          image: nginx:1.27
          ports: ['8080:80', {target: 443, published: '8443'}]
          healthcheck:
            test: [CMD, curl, -f, http://localhost]
            interval: 1m30s
          restart: on-failure:3
          mem_limit: 512m
          depends_on:
            db:
              condition: service_healthy
        db:
          image: postgres:16.2
      volumes:
        data:
      x-anything: [1, 2]
    `,
    // Merge keys, extension fields and interpolation are what Compose resolves before validating.
    dedent`
      x-base: &base
        restart: always
      services:
        web:
          <<: *base
          image: nginx
          cpus: \${CPUS:-0.5}
          stop_grace_period: \${GRACE}
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          web:
            image: nginx:1.27
            depend_on: [db]
      `,
      errors: [{ ...message('Unknown key "depend_on" in services.web; did you mean "depends_on"?'), line: 4, column: 5, endColumn: 14 }],
    },
    {
      code: dedent`
        services:
          web:
            ports: "8080:80"
            privileged: [true]
      `,
      errors: [
        { ...message("services.web.ports must be a list, not a string."), line: 3, column: 12, endColumn: 21 },
        { ...message("services.web.privileged must be a boolean or a string, not a list."), line: 4, column: 17 },
      ],
    },
    {
      code: dedent`
        services:
          web:
            depends_on:
              db:
                condition: service_healty
          db:
            image: postgres
      `,
      errors: [{ ...message('"service_healty" is not allowed for services.web.depends_on.db.condition: use service_started, service_healthy or service_completed_successfully (did you mean service_healthy?).'), line: 5, column: 20, endColumn: 34 }],
    },
    {
      code: dedent`
        services:
          db:
            healthcheck:
              test: pg_isready
              interval: 10 seconds
      `,
      errors: [{ ...message('"10 seconds" is not a duration for services.db.healthcheck.interval: write it like 10s, 1m30s or 500ms (units ns, us, ms, s, m, h).'), line: 5, column: 17 }],
    },
    {
      code: dedent`
        services:
          web:
            restart: sometimes
            mem_limit: 512 megs
            ports: ['80:80:80:80']
            volumes: ['data:/b:ro:x']
      `,
      errors: [
        { ...message('"sometimes" is not a restart policy: use "no", always, on-failure[:max-retries] or unless-stopped.'), line: 3, column: 14 },
        { ...message('"512 megs" is not a byte size for services.web.mem_limit: write it like 512m, 1g or 1048576 (units b, k, m, g, t, p).'), line: 4, column: 16 },
        { ...message('"80:80:80:80" is not a valid port for services.web.ports[0]: invalid IP address 80:80: too many colons (write IPv6 addresses in brackets).'), line: 5, column: 13 },
        { ...message('"data:/b:ro:x" is not a valid volume for services.web.volumes[0]: invalid spec: data:/b:ro:x: too many colons.'), line: 6, column: 15 },
      ],
    },
    {
      code: dedent`
        services:
          web:
            depends_on:
              db:
                required: true
            volumes:
              - source: data
                target: /data
        service:
          x: 1
      `,
      errors: [
        { ...message('services.web.depends_on.db needs "condition".'), line: 4, column: 7 },
        { ...message('services.web.volumes[0] needs "type".'), line: 7, column: 9 },
        { ...message('Unknown key "service" in the file; did you mean "services"?'), line: 9, column: 1 },
      ],
    },
    {
      code: "- not a mapping\n",
      errors: [{ ...message("A compose file must be a mapping (services:, networks:, …), not a list."), line: 1, column: 1 }],
    },
  ],
});

/** One file per kind of problem, reported under its own message id. */
const KINDS = {
  notMapping: "- a\n",
  emptyFile: "# nothing\n",
  wrongType: dedent`
    services:
      web:
        image: [nginx]
  `,
  notAllowed: dedent`
    services:
      web:
        image: nginx:1.27
        cgroup: hots
  `,
  invalidValue: dedent`
    services:
      web:
        image: nginx:1.27
        container_name: '-'
  `,
  outOfRange: dedent`
    services:
      web:
        image: nginx:1.27
        cpu_percent: 150
  `,
  duplicateItem: dedent`
    services:
      web:
        image: nginx:1.27
        dns: [a, a]
  `,
  unknownKey: dedent`
    services:
      web:
        image: nginx:1.27
        imag: x
  `,
  invalidName: dedent`
    services:
      'bad name!':
        image: nginx:1.27
  `,
  missingKey: dedent`
    services:
      web:
        image: nginx:1.27
        depends_on:
          db: {required: true}
      db:
        image: redis:7
  `,
  invalidDuration: dedent`
    services:
      web:
        image: nginx:1.27
        stop_grace_period: 10 seconds
  `,
  invalidByteSize: dedent`
    services:
      web:
        image: nginx:1.27
        mem_limit: lots
  `,
  invalidRestartPolicy: dedent`
    services:
      web:
        image: nginx:1.27
        restart: allways
  `,
  invalidPort: dedent`
    services:
      web:
        image: nginx:1.27
        ports: ['80:99999']
  `,
  invalidVolume: dedent`
    services:
      web:
        image: nginx:1.27
        volumes: ['./a:/b:rw:x']
  `,
  // tests/compose/aliasing.test.ts builds the alias bombs.
  excessiveAliasing: null,
} satisfies Record<keyof typeof SPEC_PROBLEM_MESSAGES, string | null>;

ruleTester("compose").run("valid-compose-file (message ids)", rule, {
  valid: [],
  invalid: [
    ...Object.entries(KINDS).flatMap(([messageId, code]) => (code === null ? [] : [{ code, errors: [{ messageId }] }])),
    // A file with no YAML document at all.
    { code: "", errors: [{ messageId: "emptyFile", line: 1, column: 1 }] },
  ],
});

it("every kind of problem has its own message id", () => {
  expect(Object.keys(rule.meta.messages).sort()).toEqual(Object.keys(KINDS).sort());
});
