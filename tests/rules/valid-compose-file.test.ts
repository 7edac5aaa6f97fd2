import rule from "../../rules/valid-compose-file.js";
import { ruleTester } from "../support/rule-tester.js";

const message = (text: string) => ({ messageId: "invalid", data: { message: text } });

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
