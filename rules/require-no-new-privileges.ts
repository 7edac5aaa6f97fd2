import { appendToMapping, appendToSequence, indentStep } from "../lib/compose/edit.js";
import { mergedItems } from "../lib/project/compose-project.js";
import { reportNode, sourceText } from "../lib/languages/compose/rule-support.js";
import { isDevelopmentService } from "../lib/semantics/services/service-role.js";
import type { ComposeService, ScalarValue } from "../lib/compose/types.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeProjectVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

const OPTION = "no-new-privileges:true";

/** How a `security_opt` item sets no-new-privileges (`no-new-privileges`, `no-new-privileges:true`, `=false`…): true, false, or null when it is another option. */
function noNewPrivileges(value: ScalarValue): boolean | null {
  const match = /^no-new-privileges(?:[:=](true|false))?$/iu.exec(value.resolved?.trim() ?? "");
  if (!match) return null;
  return match[1]?.toLowerCase() !== "false";
}

export default createRule<ComposeRuleTypes<[], "missing" | "disabled" | "addOption">>("require-no-new-privileges", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require `security_opt: [no-new-privileges:true]` so that setuid binaries cannot raise a process's privileges",
      category: "security",
      config: "strict",
      fileKinds: ["compose"],
      peers: ["KICS No New Privileges Not Set"],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      addOption: "Add `security_opt: [no-new-privileges:true]` (setuid programs such as su, sudo or ping then stop working in the container).",
      missing: "Service '{{service}}' does not set security_opt no-new-privileges:true: a setuid binary in the image (su, sudo, ping) can still make a process root.",
      disabled: "Service '{{service}}' turns no-new-privileges off: a setuid binary in the image can make a process root.",
    },
  },
  create(context) {
    const text = sourceText(context.sourceCode);
    return defineComposeProjectVisitor(context, {
      onService(service, merged, { project }) {
        // The merged service's options: a later layer's `!override`/`!reset` drops the earlier ones.
        const options = merged ? mergedItems(merged, ["security_opt"], (s) => s.securityOpt).map((entry) => entry.item) : service.securityOpt;
        const values = options.map(noNewPrivileges).filter((v): v is boolean => v !== null);
        // Set here but dropped by a later layer's `!override`/`!reset`: that layer's finding.
        if (values.includes(true) || service.securityOpt.some((value) => noNewPrivileges(value) === true)) return;
        const off = service.securityOpt.find((value) => noNewPrivileges(value) === false);
        if (off) {
          context.report({ loc: reportNode(off).loc, messageId: "disabled", data: { service: service.name } });
          return;
        }
        // Another file of the project turns it off: that file's finding.
        if (values.includes(false)) return;
        // A development, test or CI container is not deployed: only an explicit opt-out there is worth a finding.
        if (isDevelopmentService(service, project, context.physicalFilename)) return;
        const edit = insertion(text, service);
        context.report({
          loc: service.keyNode.loc,
          messageId: "missing",
          data: { service: service.name },
          // A suggestion, not a fix: the option changes what the container can do (setuid programs stop raising privileges).
          suggest: edit ? [{ messageId: "addOption", fix: (fixer) => fixer.insertTextAfterRange([edit.offset, edit.offset], edit.insert) }] : [],
        });
      },
    });
  },
});

/** Where the option goes: a new item of the service's own `security_opt`, or a new `security_opt` field. */
function insertion(text: string, service: ComposeService): { offset: number; insert: string } | null {
  const mapping = service.node;
  // A service reached through an alias is shared: editing it changes other services too.
  if (!mapping || service.pair.value?.type !== "YAMLMapping") return null;
  const field = service.fields.get("security_opt");
  if (field) {
    // A merged (`<<: *defaults`) list would be replaced, not extended, by a list written here.
    if (field.merged || field.via || field.node?.type !== "YAMLSequence") return null;
    return appendToSequence(text, field.node, OPTION);
  }
  return appendToMapping(text, mapping, ["security_opt:", `${" ".repeat(indentStep(mapping))}- ${OPTION}`]);
}
