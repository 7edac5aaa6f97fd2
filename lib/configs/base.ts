import type { Linter } from "eslint";
import { FILE_KINDS, FILES, LANGUAGE } from "./files.js";
import { coreRulesOffForDockerFiles } from "./core-rules-off.js";
import { typeCheckedRulesOffForDockerFiles } from "./typescript-eslint-off.js";
import { CACHE_KEY_LANGUAGE_OPTIONS } from "./cache-key.js";

/**
 * Registers the plugin and assigns our languages to their files, with no rules of ours. The plugin is
 * reached through a getter because the plugin object imports this module (eslint-plugin-yml does the same).
 */
export function createBaseConfig(getPlugin: () => object): Linter.Config[] {
  return [
    {
      name: "docker-policy/base/plugin",
      plugins: {
        get docker() {
          return getPlugin();
        },
      } as Linter.Config["plugins"],
    },
    ...FILE_KINDS.map(
      (kind): Linter.Config => ({
        name: `docker-policy/base/${kind}`,
        files: [...FILES[kind]],
        language: LANGUAGE[kind],
        // Keeps `--cache` from serving stale cross-file results (see cache-key.ts); it also reaches
        // compose files when eslint-plugin-yml's language wins for them.
        languageOptions: { ...CACHE_KEY_LANGUAGE_OPTIONS },
        // The type-checked rules of a user's unscoped typescript-eslint config would stop the run here.
        rules: { ...coreRulesOffForDockerFiles, ...typeCheckedRulesOffForDockerFiles },
      }),
    ),
  ];
}
