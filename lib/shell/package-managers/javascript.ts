/**
 * The JavaScript package managers, as data (see `PackageManagerSpec`). Each entry cites the
 * documentation it follows in `docs`.
 */
import type { PackageManagerSpec } from "./types.js";

const GLOBAL_FLAGS = { flags: ["-g", "--global"] };
/** Yarn classic's `--frozen-lockfile`, berry's `--immutable`. */
const YARN_FROZEN = { options: ["--frozen-lockfile", "--immutable"] };

export const JAVASCRIPT_MANAGERS: readonly PackageManagerSpec[] = [
  {
    id: "npm", ecosystem: "language", commands: ["npm"],
    docs: ["https://docs.npmjs.com/cli/v10/commands", "https://docs.npmjs.com/cli/v10/using-npm/config", "https://docs.npmjs.com/cli/v10/commands/npm-cache"],
    // npm config options that take a value.
    cli: {
      short: "wC",
      long: [
        "prefix", "registry", "cache", "userconfig", "globalconfig", "loglevel", "omit", "include", "only", "tag", "workspace",
        "location", "install-strategy", "before", "otp", "script-shell", "scope", "auth-type", "proxy", "https-proxy", "noproxy",
        "cafile", "ca", "fetch-retries", "fetch-retry-mintimeout", "fetch-retry-maxtimeout", "fetch-timeout", "maxsockets",
        "save-prefix", "user-agent", "node-options", "access", "install-links", "cpu", "os", "libc",
      ],
    },
    nested: ["cache"],
    global: { flags: ["-g", "--global"], values: { "--location": "global" } },
    // Aliases (and the misspellings npm accepts) from npm's command list (lib/utils/cmd-list.js).
    subcommands: [
      { names: ["install", "i", "in", "ins", "inst", "insta", "instal", "isnt", "isnta", "isntal", "isntall", "add", "install-test", "it"], action: "install", packages: "npm", manifest: "without-packages" },
      { names: ["ci", "clean-install", "ic", "install-clean", "isntall-clean", "install-ci-test", "cit"], action: "install", manifest: true, frozen: true },
      { names: ["uninstall", "unlink", "remove", "rm", "r", "un"], action: "remove", packages: "npm" },
      { names: ["update", "up", "upgrade", "udpate"], action: "upgrade", packages: "npm" },
      // npm ≥ 5 refuses to clean without --force.
      { names: ["cache clean", "cache clear", "cache rm"], action: "clean", cleans: [{ area: "npm", withOption: ["-f", "--force"] }] },
    ],
    cacheLocation: { options: ["--cache"], env: ["npm_config_cache", "NPM_CONFIG_CACHE"] },
    cacheAreas: ["npm"], clean: { npm: "npm cache clean --force" }, pinExample: "express@4.18.2",
  },
  {
    id: "pnpm", ecosystem: "language", commands: ["pnpm"],
    docs: ["https://pnpm.io/cli/install", "https://pnpm.io/cli/fetch", "https://pnpm.io/cli/store"],
    cli: {
      short: "FC",
      long: [
        "filter", "dir", "store-dir", "reporter", "loglevel", "registry", "virtual-store-dir", "modules-dir", "lockfile-dir",
        "network-concurrency", "child-concurrency", "resolution-mode", "workspace-concurrency", "node-linker",
        "public-hoist-pattern", "hoist-pattern", "config-dir", "cache-dir", "global-dir", "test-pattern", "changed-files-ignore-pattern",
      ],
    },
    nested: ["store"],
    global: GLOBAL_FLAGS,
    subcommands: [
      { names: ["install", "i"], action: "install", manifest: true, frozen: { options: ["--frozen-lockfile"], unless: ["--no-frozen-lockfile"] } },
      // Downloads exactly what pnpm-lock.yaml lists (no package.json needed).
      { names: ["fetch"], action: "install", manifest: true, frozen: true },
      { names: ["add"], action: "install", packages: "npm" },
      { names: ["remove", "rm", "uninstall", "un"], action: "remove", packages: "npm" },
      { names: ["update", "up", "upgrade"], action: "upgrade", packages: "npm" },
      { names: ["store prune"], action: "clean", cleans: [{ area: "pnpm" }] },
    ],
    cacheAreas: ["pnpm"], clean: { pnpm: "pnpm store prune" }, pinExample: "express@4.18.2",
  },
  {
    id: "yarn", ecosystem: "language", commands: ["yarn", "yarnpkg"],
    // Yarn classic (1.x) and Yarn berry (2+) in one entry: `--frozen-lockfile` is classic's, `--immutable` berry's.
    docs: ["https://classic.yarnpkg.com/en/docs/cli/", "https://yarnpkg.com/cli/install", "https://yarnpkg.com/cli/cache/clean"],
    cli: {
      long: [
        "cache-folder", "modules-folder", "network-timeout", "registry", "mutex", "cwd", "use-yarnrc", "network-concurrency",
        "global-folder", "link-folder", "preferred-cache-folder", "mode", "otp",
      ],
    },
    nested: ["cache", "global", "workspaces"],
    globalPrefix: "global",
    subcommands: [
      // `yarn` alone is `yarn install`.
      { names: [""], withoutOption: ["-v", "--version", "-h", "--help"], action: "install", manifest: true, frozen: YARN_FROZEN },
      { names: ["install", "workspaces focus"], action: "install", manifest: true, frozen: YARN_FROZEN },
      { names: ["add"], action: "install", packages: "npm" },
      { names: ["remove"], action: "remove", packages: "npm" },
      { names: ["upgrade", "up"], action: "upgrade", packages: "npm" },
      { names: ["cache clean"], action: "clean", cleans: [{ area: "yarn" }] },
    ],
    cacheLocation: { options: ["--cache-folder"], env: ["YARN_CACHE_FOLDER"] },
    cacheAreas: ["yarn"], clean: { yarn: "yarn cache clean" },
    // Not an autofix: with Yarn 2+ Plug'n'Play the cache can be what the app runs from.
    cacheReport: { actions: ["install"], what: "the yarn cache", suggestOnly: "with Yarn 2+ and Plug'n'Play, first check that the project cache is not what the app runs from" },
    pinExample: "express@4.18.2",
  },
  {
    id: "bun", ecosystem: "language", commands: ["bun"],
    docs: ["https://bun.sh/docs/cli/install", "https://bun.sh/docs/install/cache"],
    cli: { long: ["cwd", "cache-dir", "registry", "backend", "filter", "omit", "linker", "config"] },
    nested: ["pm"],
    global: GLOBAL_FLAGS,
    subcommands: [
      { names: ["install", "i"], action: "install", packages: "npm", manifest: "without-packages", frozen: { options: ["--frozen-lockfile"] } },
      { names: ["add", "a"], action: "install", packages: "npm" },
      { names: ["remove", "rm"], action: "remove", packages: "npm" },
      { names: ["update"], action: "upgrade" },
      { names: ["pm cache"], withOperand: ["rm"], action: "clean", cleans: [{ area: "bun" }] },
    ],
    noCache: { flags: ["--no-cache"], env: [], fixFlag: "--no-cache" },
    cacheLocation: { options: ["--cache-dir"], env: ["BUN_INSTALL_CACHE_DIR"] },
    cacheAreas: ["bun"], clean: { bun: "bun pm cache rm" }, pinExample: "express@4.18.2",
  },
];
