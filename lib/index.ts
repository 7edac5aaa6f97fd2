import { rules } from "../rules/index.js";
import { createConfigs } from "./configs/create-configs.js";
import { composeLanguage } from "./languages/compose/compose-language.js";
import { dockerfileLanguage } from "./languages/dockerfile/dockerfile-language.js";
import { dockerignoreLanguage } from "./languages/dockerignore/dockerignore-language.js";
import { name, namespace, version } from "./meta.js";

const configs = createConfigs(() => plugin);

const plugin = {
  meta: { name, version, namespace },
  languages: {
    dockerfile: dockerfileLanguage,
    compose: composeLanguage,
    dockerignore: dockerignoreLanguage,
  },
  rules,
  configs,
};

export default plugin;
export { configs, rules };
export { parseForESLint } from "./dockerfile/parse-for-eslint.js";
