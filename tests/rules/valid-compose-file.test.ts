import { expect, it } from "vitest";
import type { SPEC_PROBLEM_MESSAGES } from "../../lib/compose/validate.js";
import rule from "../../rules/valid-compose-file.js";
import { ruleTester } from "../support/rule-tester.js";

const message = (text: string) => ({ message: text });

ruleTester("compose").run("valid-compose-file", rule, {
  valid: [
    "services:\n  web:\n    image: nginx:1.27\n    ports: ['8080:80', {target: 443, published: '8443'}]\n    healthcheck:\n      test: [CMD, curl, -f, http://localhost]\n      interval: 1m30s\n    restart: on-failure:3\n    mem_limit: 512m\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16.2\nvolumes:\n  data:\nx-anything: [1, 2]\n",
    // Merge keys, extension fields and interpolation are what Compose resolves before validating.
    "x-base: &base\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: nginx\n    cpus: ${CPUS:-0.5}\n    stop_grace_period: ${GRACE}\n",
  ],
  invalid: [
    {
      code: "services:\n  web:\n    image: nginx:1.27\n    depend_on: [db]\n",
      errors: [{ ...message('Unknown key "depend_on" in services.web; did you mean "depends_on"?'), line: 4, column: 5, endColumn: 14 }],
    },
    {
      code: "services:\n  web:\n    ports: \"8080:80\"\n    privileged: [true]\n",
      errors: [
        { ...message("services.web.ports must be a list, not a string."), line: 3, column: 12, endColumn: 21 },
        { ...message("services.web.privileged must be a boolean or a string, not a list."), line: 4, column: 17 },
      ],
    },
    {
      code: "services:\n  web:\n    depends_on:\n      db:\n        condition: service_healty\n  db:\n    image: postgres\n",
      errors: [{ ...message('"service_healty" is not allowed for services.web.depends_on.db.condition: use service_started, service_healthy or service_completed_successfully (did you mean service_healthy?).'), line: 5, column: 20, endColumn: 34 }],
    },
    {
      code: "services:\n  db:\n    healthcheck:\n      test: pg_isready\n      interval: 10 seconds\n",
      errors: [{ ...message('"10 seconds" is not a duration for services.db.healthcheck.interval: write it like 10s, 1m30s or 500ms (units ns, us, ms, s, m, h).'), line: 5, column: 17 }],
    },
    {
      code: "services:\n  web:\n    restart: sometimes\n    mem_limit: 512 megs\n    ports: ['80:80:80:80']\n    volumes: ['data:/b:ro:x']\n",
      errors: [
        { ...message('"sometimes" is not a restart policy: use "no", always, on-failure[:max-retries] or unless-stopped.'), line: 3, column: 14 },
        { ...message('"512 megs" is not a byte size for services.web.mem_limit: write it like 512m, 1g or 1048576 (units b, k, m, g, t, p).'), line: 4, column: 16 },
        { ...message('"80:80:80:80" is not a valid port for services.web.ports[0]: invalid IP address 80:80: too many colons (write IPv6 addresses in brackets).'), line: 5, column: 13 },
        { ...message('"data:/b:ro:x" is not a valid volume for services.web.volumes[0]: invalid spec: data:/b:ro:x: too many colons.'), line: 6, column: 15 },
      ],
    },
    {
      code: "services:\n  web:\n    depends_on:\n      db:\n        required: true\n    volumes:\n      - source: data\n        target: /data\nservice:\n  x: 1\n",
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
  wrongType: "services:\n  web:\n    image: [nginx]\n",
  notAllowed: "services:\n  web:\n    image: nginx:1.27\n    cgroup: hots\n",
  invalidValue: "services:\n  web:\n    image: nginx:1.27\n    container_name: '-'\n",
  outOfRange: "services:\n  web:\n    image: nginx:1.27\n    cpu_percent: 150\n",
  duplicateItem: "services:\n  web:\n    image: nginx:1.27\n    dns: [a, a]\n",
  unknownKey: "services:\n  web:\n    image: nginx:1.27\n    imag: x\n",
  invalidName: "services:\n  'bad name!':\n    image: nginx:1.27\n",
  missingKey: "services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      db: {required: true}\n  db:\n    image: redis:7\n",
  invalidDuration: "services:\n  web:\n    image: nginx:1.27\n    stop_grace_period: 10 seconds\n",
  invalidByteSize: "services:\n  web:\n    image: nginx:1.27\n    mem_limit: lots\n",
  invalidRestartPolicy: "services:\n  web:\n    image: nginx:1.27\n    restart: allways\n",
  invalidPort: "services:\n  web:\n    image: nginx:1.27\n    ports: ['80:99999']\n",
  invalidVolume: "services:\n  web:\n    image: nginx:1.27\n    volumes: ['./a:/b:rw:x']\n",
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
