import rule from "../../rules/sort-top-level-keys.js";
import { dedent } from "../support/dedent.js";
import { ruleTester } from "../support/rule-tester.js";

const unsorted = (key: string, expected: string) => ({ messageId: "unsorted" as const, data: { key, expected } });

// dclint's fixtures (tests/rules/top-level-properties-order-rule.spec.ts).
const DCLINT_INCORRECT = dedent`
  version: '3'
  services:
    web:
      image: nginx
  x-b:
    some-key: some-value
  volumes:
    db-data:
      driver: local
  x-a:
    some-other-key: some-other-value
  networks:
    default:
      driver: bridge
`;
const DCLINT_CORRECT = dedent`
  x-a:
    some-other-key: some-other-value
  x-b:
    some-key: some-value
  version: '3'
  services:
    web:
      image: nginx
  networks:
    default:
      driver: bridge
  volumes:
    db-data:
      driver: local
`;
const CUSTOM_ORDER = [{ order: ["version", "services", "volumes", "networks", "x-*"] }];

ruleTester("compose").run("sort-top-level-keys", rule, {
  valid: [
    DCLINT_CORRECT,
    // dclint's fixture without x- keys.
    "version: '3'\nservices:\n  web:\n    image: nginx\nnetworks:\n  default:\n    driver: bridge\n",
    // Keys the order does not list come last, alphabetically.
    "name: demo\nservices: {}\nconfigs: {}\nmodels: {}\n",
    // A custom order.
    { code: "services: {}\nvolumes: {}\nx-a: 1\n", options: CUSTOM_ORDER },
    // A document that is not a mapping is not judged.
    "- a\n- b\n",
  ],
  invalid: [
    {
      // dclint's fixture: dclint reports x-b, x-a and networks; one finding here.
      code: DCLINT_INCORRECT,
      output: DCLINT_CORRECT,
      errors: [
        {
          ...unsorted("version", "'x-a', 'x-b', 'version', 'services', 'networks', 'volumes'"),
          line: 1,
          column: 1,
        },
      ],
    },
    {
      // dclint's custom-order fixture.
      code: dedent`
        services:
          web:
            image: nginx
        version: '3'
        x-b:
          some-key: some-value
        volumes:
          db-data:
            driver: local
        x-a:
          some-other-key: some-other-value
        networks:
          default:
            driver: bridge
      `,
      output: dedent`
        version: '3'
        services:
          web:
            image: nginx
        volumes:
          db-data:
            driver: local
        networks:
          default:
            driver: bridge
        x-a:
          some-other-key: some-other-value
        x-b:
          some-key: some-value
      `,
      options: CUSTOM_ORDER,
      errors: [unsorted("services", "'version', 'services', 'volumes', 'networks', 'x-a', 'x-b'")],
    },
    {
      // The file's header comment stays on top; a comment above a later key moves with it.
      code: dedent`
        # yaml-language-server: $schema=https://example.com/compose.json
        services:
          web:
            image: nginx
        # shared settings
        x-defaults:
          restart: always
      `,
      output: dedent`
        # yaml-language-server: $schema=https://example.com/compose.json
        # shared settings
        x-defaults:
          restart: always
        services:
          web:
            image: nginx
      `,
      errors: [unsorted("services", "'x-defaults', 'services'")],
    },
    {
      // An alias written before its anchor names nothing (the file is broken): the move would give it a
      // meaning, so it is not made.
      code: "services:\n  web:\n    <<: *defaults\nx-defaults: &defaults\n  restart: always\n",
      output: null,
      errors: [unsorted("services", "'x-defaults', 'services'")],
    },
    {
      // An anchor under services used by an extension key: moving x- first would put the alias first. Not fixed.
      code: "services:\n  web:\n    image: &img nginx\nx-image: *img\n",
      output: null,
      errors: [unsorted("services", "'x-image', 'services'")],
    },
  ],
});
