import rule from "../../rules/sort-service-keys.js";
import { dedent } from "../support/dedent.js";
import { ruleTester } from "../support/rule-tester.js";

const unsorted = (service: string, key: string, expected: string) => ({ messageId: "unsorted" as const, data: { service, key, expected } });

// dclint's default order with the keys of its fixtures (tests/rules/service-keys-order-rule.spec.ts).
const DCLINT_INCORRECT = dedent`
  services:
    web:
      image: nginx
      annotations:
        - com.example.foo=bar
      ports:
        - 80:80
      environment:
        - NODE_ENV=production
      volumes:
        - ./data:/data
      cpu_rt_runtime: '400ms'
      cpu_rt_period: '1400us'
`;
const DCLINT_CORRECT = dedent`
  services:
    web:
      image: nginx
      volumes:
        - ./data:/data
      environment:
        - NODE_ENV=production
      ports:
        - 80:80
      annotations:
        - com.example.foo=bar
      cpu_rt_period: '1400us'
      cpu_rt_runtime: '400ms'
`;

ruleTester("compose").run("sort-service-keys", rule, {
  valid: [
    DCLINT_CORRECT,
    // Keys dclint's order does not list come after the listed ones, alphabetically (x- keys among them).
    "services:\n  web:\n    image: nginx\n    user: app\n    cap_drop: [ALL]\n    read_only: true\n    x-note: hi\n",
    // A merge key keeps its place.
    "x-d: &d\n  restart: always\nservices:\n  web:\n    <<: *d\n    image: nginx\n    ports: ['80:80']\n",
    // Options: an order of one's own.
    { code: "services:\n  web:\n    ports: ['80:80']\n    image: nginx\n", options: [{ order: ["ports", "image"] }] },
    // An extension mapping merged into services is not a service: its own order is not judged.
    "x-d: &d\n  restart: always\n  image: nginx\nservices:\n  a:\n    <<: *d\n  b:\n    <<: *d\n",
    // A service written as an alias of another is judged where it is written.
    "services:\n  web: &w\n    image: nginx\n    ports: ['80:80']\n  copy: *w\n",
  ],
  invalid: [
    {
      // dclint's fixture: dclint reports ports, environment, volumes and cpu_rt_period; one finding here.
      code: DCLINT_INCORRECT,
      output: DCLINT_CORRECT,
      errors: [
        {
          ...unsorted("web", "annotations", "'image', 'volumes', 'environment', 'ports', 'annotations', 'cpu_rt_period', 'cpu_rt_runtime'"),
          line: 4,
          column: 5,
        },
      ],
    },
    {
      // dclint's "default options" fixture.
      code: dedent`
        services:
          web:
            labels:
              - com.example.key=value
            image: nginx
            ports:
              - 8080:80
            environment:
              - NODE_ENV=production
      `,
      output: dedent`
        services:
          web:
            image: nginx
            environment:
              - NODE_ENV=production
            ports:
              - 8080:80
            labels:
              - com.example.key=value
      `,
      errors: [unsorted("web", "labels", "'image', 'environment', 'ports', 'labels'")],
    },
    {
      // dclint's custom-order fixture: its groups (network: extra_hosts, ports; core: container_name,
      // build, image) in its group order, flattened into one `order`.
      code: dedent`
        services:
          web:
            container_name: my-web-container
            image: nginx
            extra_hosts:
              - "host.docker.internal:host-gateway"
            ports:
              - 8080:80
            build: ./web
          db:
            ports:
              - 5432:5432
            image: postgres
      `,
      output: dedent`
        services:
          web:
            extra_hosts:
              - "host.docker.internal:host-gateway"
            ports:
              - 8080:80
            container_name: my-web-container
            build: ./web
            image: nginx
          db:
            ports:
              - 5432:5432
            image: postgres
      `,
      options: [{ order: ["extra_hosts", "ports", "container_name", "build", "image"] }],
      errors: [unsorted("web", "container_name", "'extra_hosts', 'ports', 'container_name', 'build', 'image'")],
    },
    {
      // Comments above a key move with it, a trailing comment stays on its line, deeper comments stay with their key.
      code: dedent`
        services:
          web:
            # published for the proxy
            ports:
              - "80:80" # http
              # https later
            image: nginx:1.27
      `,
      output: dedent`
        services:
          web:
            image: nginx:1.27
            # published for the proxy
            ports:
              - "80:80" # http
              # https later
      `,
      errors: [unsorted("web", "ports", "'image', 'ports'")],
    },
    {
      // Flow style keeps its braces and separators.
      code: "services:\n  web: {ports: ['80:80'], image: nginx}\n",
      output: "services:\n  web: {image: nginx, ports: ['80:80']}\n",
      errors: [{ ...unsorted("web", "ports", "'image', 'ports'"), line: 2, column: 9 }],
    },
    {
      // The anchor on a value moves with its key; an alias later in the file still follows it.
      code: "services:\n  web:\n    environment: &env\n      A: '1'\n    image: nginx\n  api:\n    image: node\n    environment: *env\n",
      output: "services:\n  web:\n    image: nginx\n    environment: &env\n      A: '1'\n  api:\n    image: node\n    environment: *env\n",
      errors: [unsorted("web", "environment", "'image', 'environment'")],
    },
    {
      // An alias inside the same service that would move above its anchor: reported, not fixed.
      code: "services:\n  web:\n    labels: [*n]\n    container_name: &n web\n",
      output: null,
      errors: [unsorted("web", "labels", "'container_name', 'labels'")],
    },
  ],
});
