import rule from "../../rules/no-shared-mount-propagation.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("compose").run("no-shared-mount-propagation", rule, {
  valid: [
    "services:\n  app:\n    image: nginx:1.27\n    volumes:\n      - ./data:/data\n      - ./conf:/etc/nginx:ro\n",
    // rslave only receives the host's mounts; private is the default.
    "services:\n  app:\n    image: nginx:1.27\n    volumes:\n      - /mnt:/mnt:ro,rslave\n      - /srv:/srv:rprivate\n",
    "services:\n  app:\n    image: nginx:1.27\n    volumes:\n      - type: bind\n        source: /mnt\n        target: /mnt\n        bind:\n          propagation: rslave\n",
    // Unknown until deployment: silent.
    "services:\n  app:\n    image: nginx:1.27\n    volumes:\n      - /mnt:/mnt:${MODE}\n",
    // A named volume's `shared` is not propagation (it is not a bind option) — the name only.
    "services:\n  app:\n    image: nginx:1.27\n    volumes:\n      - shared:/data\nvolumes:\n  shared: {}\n",
  ],
  invalid: [
    {
      code: "services:\n  app:\n    image: rclone/rclone:1.68\n    volumes:\n      - /mnt/remote:/data:rshared\n",
      errors: [{ messageId: "shared", line: 5, column: 9, data: { service: "app", mode: "rshared", target: "/data" } }],
    },
    {
      code: "services:\n  app:\n    image: nginx:1.27\n    volumes:\n      - /mnt:/mnt:ro,shared\n",
      errors: [{ messageId: "shared", data: { service: "app", mode: "shared", target: "/mnt" } }],
    },
    {
      code: "services:\n  app:\n    image: nginx:1.27\n    volumes:\n      - type: bind\n        source: /mnt\n        target: /mnt\n        bind:\n          propagation: shared\n",
      errors: [{ messageId: "shared", line: 9, column: 24, data: { service: "app", mode: "shared", target: "/mnt" } }],
    },
    {
      // Interpolated with a default.
      code: "services:\n  app:\n    image: nginx:1.27\n    volumes:\n      - /mnt:/mnt:${MODE:-rshared}\n",
      errors: [{ messageId: "shared", data: { service: "app", mode: "rshared", target: "/mnt" } }],
    },
    {
      // Through a merge key: once per service, at the alias.
      code: "x-mounts: &mounts\n  volumes:\n    - /mnt:/mnt:rshared\nservices:\n  a:\n    <<: *mounts\n  b:\n    <<: *mounts\n",
      errors: [
        { messageId: "shared", line: 6, data: { service: "a", mode: "rshared", target: "/mnt" } },
        { messageId: "shared", line: 8, data: { service: "b", mode: "rshared", target: "/mnt" } },
      ],
    },
  ],
});
