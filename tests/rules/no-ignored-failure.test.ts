import rule from "../../rules/no-ignored-failure.js";
import { dedent } from "../support/dedent.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("no-ignored-failure", rule, {
  valid: [
    dedent`
      FROM alpine:3.20
      RUN true
    `,
  ],
  invalid: [
    // TODO: the case that made you write the rule, and several other members of its kind:
    // { code: dedent`…`, errors: [{ messageId: "todo", line: 2, column: 1 }] },
  ],
});
