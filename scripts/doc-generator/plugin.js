// eslint-doc-generator derives the rule prefix from `meta.name` and ignores `meta.namespace`. Our
// package is eslint-plugin-docker-policy but its rules are `docker/<id>`, so the generator is shown
// the built plugin under the name that yields the `docker` prefix. Every rule's `meta.hasSuggestions` is
// true at run time (each finding can carry the "Disable docker/<id>" suggestion); the docs show only the
// rules with suggestions of their own (`meta.docs.ownSuggestions`).
import plugin from "../../dist/lib/index.js";

const rules = Object.fromEntries(
  Object.entries(plugin.rules).map(([id, rule]) => [id, { ...rule, meta: { ...rule.meta, hasSuggestions: rule.meta.docs.ownSuggestions } }]),
);

export default { ...plugin, rules, meta: { ...plugin.meta, name: `eslint-plugin-${plugin.meta.namespace}` } };
