import rule from "../../rules/sort-service-keys.js";
import { dedent } from "../support/dedent.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("compose").run("sort-service-keys", rule, {
  valid: [
    dedent`
      services:
        web:
          image: nginx:1.27
    `,
  ],
  invalid: [
    // TODO: the case that made you write the rule, and several other members of its kind:
    // { code: dedent`…`, errors: [{ messageId: "todo", line: 2, column: 1 }] },
  ],
});
