import rule from "../../rules/sort-services.js";
import { dedent } from "../support/dedent.js";
import { ruleTester } from "../support/rule-tester.js";

const unsorted = (key: string, expected: string) => ({ messageId: "unsorted" as const, data: { key, expected } });

ruleTester("compose").run("sort-services", rule, {
  valid: [
    // dclint's correct fixture (tests/rules/services-alphabetical-order-rule.spec.ts, yamlWithCorrectOrder).
    dedent`
      services:
        app:
          image: node
        b-service:
          image: nginx
        cache:
          image: redis
        database:
          image: postgres
        elastic:
          image: elastic
    `,
    // One service, none, an empty mapping: nothing to order.
    "services:\n  web:\n    image: nginx\n",
    "services: {}\n",
    "name: demo\n",
    // Case-insensitive first, as dclint's localeCompare: `api` < `Billing` < `cache`.
    "services:\n  api: {}\n  Billing: {}\n  cache: {}\n",
    // Punctuation and digits sort as English text does (`_` before `-`, `10` after `-2`), the same on every machine.
    "services:\n  app: {}\n  app_3: {}\n  app-2: {}\n  app10: {}\n",
    // A merge key keeps its place; the services around it are in order.
    "x-base: &base\n  api: {}\nservices:\n  <<: *base\n  db: {}\n  web: {}\n",
    // A key written as an alias cannot be read: the mapping is not judged.
    "x-n: &n web\nservices:\n  *n : {}\n  api: {}\n",
  ],
  invalid: [
    {
      // dclint's incorrect fixture: dclint reports b-service, app and cache; one finding here, on the first misplaced.
      code: dedent`
        services:
          database:
            image: postgres
          b-service:
            image: nginx
          app:
            image: node
          cache:
            image: redis
          elastic:
            image: elastic
      `,
      output: dedent`
        services:
          app:
            image: node
          b-service:
            image: nginx
          cache:
            image: redis
          database:
            image: postgres
          elastic:
            image: elastic
      `,
      errors: [{ ...unsorted("database", "'app', 'b-service', 'cache', 'database', 'elastic'"), line: 2, column: 3, endColumn: 11 }],
    },
    {
      // Comments above a service move with it; a blank line between services stays where it was; a
      // comment indented under a service's last key stays with that service.
      code: dedent`
        services:
          # the front end
          web:
            image: nginx # pinned later
            # more web notes

          # the database
          db:
            image: postgres
      `,
      output: dedent`
        services:
          # the database
          db:
            image: postgres

          # the front end
          web:
            image: nginx # pinned later
            # more web notes
      `,
      errors: [{ ...unsorted("web", "'db', 'web'"), line: 3, column: 3 }],
    },
    {
      // A comment separated from the service below by a blank line is a section comment: it stays.
      code: "services:\n  web: {}\n\n  # --- data ---\n\n  db: {}\n",
      output: "services:\n  db: {}\n\n  # --- data ---\n\n  web: {}\n",
      errors: [unsorted("web", "'db', 'web'")],
    },
    {
      // Flow style: the entries swap places, the separators stay.
      code: "services: {web: {image: nginx}, api: {image: node}}\n",
      output: "services: {api: {image: node}, web: {image: nginx}}\n",
      errors: [{ ...unsorted("web", "'api', 'web'"), line: 1, column: 12 }],
    },
    {
      // A comment inside a flow mapping would be stranded: reported, not fixed.
      code: "services: {\n  web: {}, # front\n  api: {}\n}\n",
      output: null,
      errors: [unsorted("web", "'api', 'web'")],
    },
    {
      // An alias must stay after its anchor: moving `a` above `b` would put `*i` first. Reported, not fixed.
      code: "services:\n  b:\n    image: &i nginx\n  a:\n    image: *i\n",
      output: null,
      errors: [unsorted("b", "'a', 'b'")],
    },
    {
      // An anchor moved later is fine while its aliases stay after it.
      code: "x-i: &i nginx\nservices:\n  b:\n    image: *i\n  a:\n    image: *i\n",
      output: "x-i: &i nginx\nservices:\n  a:\n    image: *i\n  b:\n    image: *i\n",
      errors: [unsorted("b", "'a', 'b'")],
    },
    {
      // The same anchor name twice: an alias would name the other one after the move. Not fixed.
      code: "services:\n  c:\n    image: &i one\n  b:\n    image: *i\n  a:\n    image: &i two\n    labels: [*i]\n",
      output: null,
      errors: [unsorted("c", "'a', 'b', 'c'")],
    },
    {
      // A block scalar moves whole; its blank lines inside stay inside; CRLF line breaks are kept.
      code: "services:\n  web:\n    command: |\n      echo a\n\n      echo b\n  api:\n    image: node\n".replaceAll("\n", "\r\n"),
      output: "services:\n  api:\n    image: node\n  web:\n    command: |\n      echo a\n\n      echo b\n".replaceAll("\n", "\r\n"),
      errors: [unsorted("web", "'api', 'web'")],
    },
    {
      // `|+` keeps its trailing blank lines as part of the value: moving the lines could change it. Not fixed.
      code: "services:\n  web:\n    command: |+\n      echo a\n\n  api:\n    image: node\n",
      output: null,
      errors: [unsorted("web", "'api', 'web'")],
    },
    {
      // The last service without a final line break.
      code: "services:\n  web: {}\n  api: {}",
      output: "services:\n  api: {}\n  web: {}",
      errors: [unsorted("web", "'api', 'web'")],
    },
    {
      // A merge key keeps its slot; the services around it are sorted in theirs.
      code: "x-base: &base\n  api: {}\nservices:\n  web: {}\n  <<: *base\n  db: {}\n",
      output: "x-base: &base\n  api: {}\nservices:\n  db: {}\n  <<: *base\n  web: {}\n",
      errors: [unsorted("web", "'db', 'web'")],
    },
    {
      // Each document of a multi-document file is its own list.
      code: "services:\n  b: {}\n  a: {}\n---\nservices:\n  d: {}\n  c: {}\n",
      output: "services:\n  a: {}\n  b: {}\n---\nservices:\n  c: {}\n  d: {}\n",
      errors: [{ ...unsorted("b", "'a', 'b'"), line: 2 }, { ...unsorted("d", "'c', 'd'"), line: 6 }],
    },
    {
      // A long list is cut in the message.
      code: `services:\n${"nmlkjihgfedcba".split("").map((name) => `  ${name}: {}\n`).join("")}`,
      output: `services:\n${"abcdefghijklmn".split("").map((name) => `  ${name}: {}\n`).join("")}`,
      errors: [unsorted("n", "'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', …")],
    },
  ],
});
