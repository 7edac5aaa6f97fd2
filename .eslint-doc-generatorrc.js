// eslint-doc-generator owns the README rules list and the header of every rule doc; `npm test` runs it
// with --check, so a rule whose meta and doc disagree fails CI. It loads the built plugin (dist/).
import { CATEGORY_TITLES } from "./dist/internal/index.js";

/** @type {import("eslint-doc-generator").GenerateOptions} */
const config = {
  configEmoji: [
    ["recommended", "✅"],
    ["strict", "🔒"],
    ["stylistic", "🎨"],
  ],
  ignoreConfig: ["base"],
  ruleDocTitleFormat: "prefix-name",
  // The generator runs on scripts/doc-generator (see plugin.js there), so paths lead back to the root.
  pathRuleDoc: "../../docs/rules/{name}.md",
  pathRuleList: "../../README.md",
  ruleDocSectionInclude: ["Why", "Examples", "When not to use it", "Peer checks"],
  ruleListColumns: ["name", "description", "configsError", "fixable", "hasSuggestions", "options"],
  // One table per catalogue section, in the catalogue's order.
  ruleListSplit: (rules) =>
    Object.entries(CATEGORY_TITLES)
      .map(([category, title]) => ({ title, rules: rules.filter(([, rule]) => rule.meta.docs.category === category) }))
      .filter((section) => section.rules.length > 0),
  urlConfigs: "https://github.com/eslint-plugin-docker-policy/eslint-plugin-docker-policy#configs",
};

export default config;
