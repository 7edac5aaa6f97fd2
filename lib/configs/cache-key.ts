import { randomUUID } from "node:crypto";

/**
 * Why our configs set `languageOptions.dockerPolicyRunId`: ESLint's `--cache` reuses a file's result
 * while the file itself (its mtime and size, or its content with `--cache-strategy content`) and the
 * hash of its config (ESLint's version, Node's, and the serialized config, `languageOptions` included)
 * stay the same (`lib/cli-engine/lint-result-cache.js`). It has no notion of the other files a result
 * depends on, and neither a language nor a rule can add any. Our cross-file rules read other files (a
 * compose service's Dockerfile, a build context), so a cached result can be stale.
 *
 * A value that differs in every ESLint process, part of the config of every Dockerfile, compose file
 * and `.dockerignore`, makes ESLint's cache miss for these files on every run: they are linted afresh
 * (a few milliseconds each), while the cache keeps working for everything else. The value is the
 * same throughout one process, so ESLint's own bookkeeping within a run is unaffected.
 */
const RUN_ID: string = randomUUID();

/** The `languageOptions` our configs give every file of our three languages. */
export const CACHE_KEY_LANGUAGE_OPTIONS: Readonly<{ dockerPolicyRunId: string }> = Object.freeze({ dockerPolicyRunId: RUN_ID });
