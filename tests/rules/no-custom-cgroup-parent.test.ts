import rule from "../../rules/no-custom-cgroup-parent.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("compose").run("no-custom-cgroup-parent", rule, {
  valid: [
    "services:\n  app:\n    image: nginx:1.27\n",
    // Empty or null: Docker's default parent.
    "services:\n  app:\n    image: nginx:1.27\n    cgroup_parent: ''\n",
    "services:\n  app:\n    image: nginx:1.27\n    cgroup_parent:\n",
    "services:\n  app:\n    image: nginx:1.27\n    cgroup_parent: ${PARENT:-}\n",
    // Unknown until deployment: it may be empty.
    "services:\n  app:\n    image: nginx:1.27\n    cgroup_parent: ${PARENT}\n",
    // An extension field is not a service field.
    "x-defaults:\n  cgroup_parent: m-executor-abcd\nservices:\n  app:\n    image: nginx:1.27\n",
  ],
  invalid: [
    {
      code: "services:\n  app:\n    image: nginx:1.27\n    cgroup_parent: m-executor-abcd\n",
      errors: [{ messageId: "cgroupParent", line: 4, column: 20, data: { service: "app", parent: "m-executor-abcd" } }],
    },
    {
      // Interpolated with a default.
      code: "services:\n  app:\n    image: nginx:1.27\n    cgroup_parent: ${PARENT:-limited}\n",
      errors: [{ messageId: "cgroupParent", data: { service: "app", parent: "limited" } }],
    },
    {
      code: "x-base: &base\n  cgroup_parent: /docker-limited\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n",
      errors: [
        { messageId: "cgroupParent", line: 5, data: { service: "a", parent: "/docker-limited" } },
        { messageId: "cgroupParent", line: 7, data: { service: "b", parent: "/docker-limited" } },
      ],
    },
  ],
});
