// eslint-doc-generator derives the rule prefix from `meta.name` and ignores `meta.namespace`. Our
// package is eslint-plugin-docker-policy but its rules are `docker/<id>`, so the generator is shown
// the built plugin under the name that yields the `docker` prefix. Nothing else differs.
import plugin from "../../dist/lib/index.js";

export default { ...plugin, meta: { ...plugin.meta, name: `eslint-plugin-${plugin.meta.namespace}` } };
