/**
 * Ruby, Go, PHP and Rust package managers and the Java build tools that download dependencies, as data
 * (see `PackageManagerSpec`). Each entry cites the documentation it follows in `docs`.
 */
import type { PackageManagerSpec } from "./types.js";

/** `--x` and `--no-x` for RubyGems' `--[no-]x` switches. */
function switches(...names: string[]): string[] {
  return names.flatMap((name) => [`--${name}`, `--no-${name}`]);
}

/**
 * The options of `gem install` that take no value (RubyGems 3.5 `gem help install`: install/update,
 * local/remote, common and deprecated options). An operand after any other option may be its value
 * (`--use-system-libraries true`, an option gem rejects), so it is not read as a gem.
 */
const GEM_INSTALL_FLAGS: readonly string[] = [
  "-N", "-E", "-f", "-w", "-l", "-r", "-b", "-V", "-q", "-h", "-u",
  "--no-document", "--vendor", "--ignore-dependencies", "--development", "--development-all", "--conservative",
  "--default", "--explain", "--local", "--remote", "--both", "--clear-sources", "--pre", "--help", "--quiet",
  "--silent", "--backtrace", "--debug", "--norc",
  ...switches("env-shebang", "force", "wrappers", "format-executable", "user-install", "minimal-deps", "post-install-message",
    "lock", "suggestions", "prerelease", "rdoc", "ri", "update-sources", "verbose", "http-proxy"),
];

const BATCH = { flags: [{ names: ["-B", "--batch-mode"] }], env: [], fixFlag: "--batch-mode" };
/** The project's lockfile alone decides (Cargo.lock). */
const CARGO_LOCKED = { options: ["--locked", "--frozen"] };

export const OTHER_MANAGERS: readonly PackageManagerSpec[] = [
  {
    id: "gem", ecosystem: "language", commands: ["gem"],
    docs: ["https://guides.rubygems.org/command-reference/#gem-install"],
    cli: { short: "vinsPB", shortOptional: "gp", long: ["version", "install-dir", "bindir", "platform", "source", "trust-policy", "build-root", "target-rbconfig", "bulk-threshold", "config-file", "without"] },
    subcommands: [
      // `-v` applies to the package only when exactly one is named. `gem install [options] GEMNAME … --
      // --build-flags`: what follows `--` goes to the extension's build (`extconf.rb`), not a gem.
      {
        names: ["install", "i"], action: "install", packages: "gem", versionOption: { options: ["-v", "--version"], singlePackageOnly: true },
        packagesEndAtDoubleDash: true, flags: GEM_INSTALL_FLAGS,
      },
      { names: ["uninstall"], action: "remove", packages: "gem", versionOption: { options: ["-v", "--version"], singlePackageOnly: true } },
      { names: ["update"], action: "upgrade", packages: "gem", versionOption: { options: ["-v", "--version"], singlePackageOnly: true } },
    ],
    cacheAreas: ["gem"], clean: { gem: "rm -rf ~/.gem /usr/local/bundle/cache" }, pinExample: "rails:7.1.3 (or -v 7.1.3)",
  },
  {
    id: "bundler", ecosystem: "language", commands: ["bundle", "bundler"],
    docs: ["https://bundler.io/man/bundle-install.1.html", "https://bundler.io/man/bundle-add.1.html"],
    cli: { short: "j", long: ["path", "without", "with", "gemfile", "jobs", "retry", "shebang", "trust-policy", "target-rbconfig"] },
    skipLeading: /^_[\d.]+_$/u,
    subcommands: [
      // `bundle` alone is `bundle install`; `--deployment`/`--frozen` refuse to change Gemfile.lock.
      { names: [""], withoutOption: ["-v", "--version", "-h", "--help"], action: "install", manifest: true, frozen: { options: ["--frozen", "--deployment"] } },
      { names: ["install", "i"], action: "install", manifest: true, frozen: { options: ["--frozen", "--deployment"] } },
      { names: ["add"], action: "install", packages: "gem", versionOption: { options: ["--version"], singlePackageOnly: false } },
      { names: ["remove"], action: "remove" },
      { names: ["update"], action: "upgrade" },
    ],
    cacheAreas: ["bundler"], clean: { bundler: "rm -rf /usr/local/bundle/cache" }, pinExample: "Gemfile.lock",
  },
  {
    id: "go", ecosystem: "language", commands: ["go"],
    docs: ["https://pkg.go.dev/cmd/go", "https://go.dev/ref/mod#go-install", "https://go.dev/ref/mod#go-mod-download"],
    // go build flags are single-dash long options.
    cli: {
      singleDash: true,
      singleDashValue: [
        "o", "p", "C", "tags", "ldflags", "gcflags", "asmflags", "mod", "modfile", "pkgdir", "toolexec", "buildmode", "compiler",
        "installsuffix", "overlay", "pgo", "exec", "covermode", "coverpkg", "run", "bench", "count", "timeout", "cpu", "parallel",
        "json",
      ],
    },
    nested: ["mod"],
    subcommands: [
      { names: ["install", "get"], action: "install", packages: "go", fills: ["go-mod", "go-build"] },
      // go.sum verifies every module go mod download fetches.
      { names: ["mod download"], action: "install", fills: ["go-mod"], manifest: true, frozen: true },
      {
        names: ["clean"],
        action: "clean",
        cleans: [
          { area: "go-mod", withOption: ["-modcache", "--modcache"] },
          { area: "go-build", withOption: ["-cache", "--cache"] },
        ],
      },
      { names: ["build", "run", "test", "generate", "vet", "mod tidy", "mod vendor"], action: "other", fills: ["go-mod", "go-build"] },
    ],
    cacheAreas: ["go-mod", "go-build"], clean: { "go-mod": "go clean -modcache", "go-build": "go clean -cache" }, pinExample: "golang.org/x/tools/gopls@v0.15.3",
  },
  {
    id: "composer", ecosystem: "language", commands: ["composer", "composer.phar"],
    docs: ["https://getcomposer.org/doc/03-cli.md"],
    cli: { short: "d", long: ["working-dir", "ignore-platform-req", "prefer-install", "apcu-autoloader-prefix", "repository", "repository-url", "stability", "file"] },
    nested: ["global"],
    globalPrefix: "global",
    subcommands: [
      // composer install installs composer.lock exactly when it exists.
      { names: ["install", "i"], action: "install", manifest: true, frozen: true },
      { names: ["require", "r"], action: "install", packages: "composer" },
      { names: ["update", "upgrade", "u"], action: "upgrade", packages: "composer" },
      { names: ["remove", "rm", "uninstall"], action: "remove", packages: "composer" },
      { names: ["clear-cache", "clearcache", "cc"], action: "clean", cleans: [{ area: "composer" }] },
    ],
    nonInteractive: { flags: [{ names: ["-n", "--no-interaction"] }], env: [{ name: "COMPOSER_NO_INTERACTION", when: "truthy" }], fixFlag: "--no-interaction" },
    noCache: { flags: ["--no-cache"], env: [{ name: "COMPOSER_NO_CACHE", when: "truthy" }], fixFlag: "--no-cache" },
    cacheLocation: { options: [], env: ["COMPOSER_CACHE_DIR"] },
    cacheAreas: ["composer"], clean: { composer: "composer clear-cache" }, pinExample: "monolog/monolog:3.5.0",
  },
  {
    id: "cargo", ecosystem: "language", commands: ["cargo"],
    docs: ["https://doc.rust-lang.org/cargo/commands/cargo-install.html", "https://doc.rust-lang.org/cargo/commands/cargo-fetch.html"],
    cli: {
      short: "FjpZ",
      long: [
        "version", "vers", "git", "branch", "tag", "rev", "path", "root", "index", "registry", "target", "target-dir", "features",
        "jobs", "profile", "bin", "example", "config", "manifest-path", "color", "lockfile-path", "package",
      ],
    },
    subcommands: [
      {
        names: ["install"],
        action: "install",
        packages: "cargo",
        versionOption: { options: ["--version", "--vers"], singlePackageOnly: false },
        optionPackages: [{ options: ["--git"], kind: "vcs" }, { options: ["--path"], kind: "path" }],
        frozen: CARGO_LOCKED,
      },
      { names: ["fetch"], action: "install", manifest: true, frozen: CARGO_LOCKED },
      { names: ["uninstall"], action: "remove", packages: "cargo", fills: [], frozen: CARGO_LOCKED },
      { names: ["update"], action: "upgrade", frozen: CARGO_LOCKED },
      { names: ["build", "b", "run", "r", "test", "t", "check", "c"], action: "other", fills: ["cargo"], frozen: CARGO_LOCKED },
      { action: "other", frozen: CARGO_LOCKED },
    ],
    cacheAreas: ["cargo"], clean: { cargo: "rm -rf /usr/local/cargo/registry" }, pinExample: "ripgrep@14.1.0 (or --version 14.1.0)",
  },
  {
    id: "maven", ecosystem: "build-tool", commands: ["mvn", "mvnw"],
    docs: ["https://maven.apache.org/ref/current/maven-embedder/cli.html", "https://maven.apache.org/plugins/maven-dependency-plugin/"],
    // commons-cli single-dash long options.
    cli: {
      singleDash: true,
      singleDashValue: ["f", "s", "gs", "t", "gt", "pl", "rf", "l", "P", "T", "b", "D", "file", "settings", "global-settings", "projects", "resume-from", "log-file", "activate-profiles", "threads", "builder", "define", "toolchains"],
    },
    noSubcommand: true,
    firstOperandIsSubcommand: true,
    subcommands: [
      { operandPattern: /dependency(?::[\d.]+)?:purge-local-repository$/u, action: "clean", cleans: [{ area: "maven" }], fills: [] },
      {
        operandPattern: /^(?:org\.apache\.maven\.plugins:maven-)?dependency(?:-plugin)?(?::[\d.]+)?:(?:go-offline|resolve|resolve-plugins|copy-dependencies)$/u,
        action: "install",
        manifest: true,
        fills: ["maven"],
      },
      { action: "other", fills: ["maven"] },
    ],
    nonInteractive: BATCH,
    // No command empties it: a `RUN --mount=type=cache,target=/root/.m2` keeps it out of the layer.
    cacheAreas: ["maven"], clean: {}, pinExample: "pom.xml",
  },
  {
    id: "gradle", ecosystem: "build-tool", commands: ["gradle", "gradlew"],
    docs: ["https://docs.gradle.org/current/userguide/command_line_interface.html"],
    cli: {
      short: "xbcpgIDP",
      long: ["exclude-task", "build-file", "settings-file", "project-dir", "gradle-user-home", "init-script", "console", "max-workers", "priority", "warning-mode", "include-build", "project-cache-dir", "dependency-verification"],
    },
    noSubcommand: true,
    firstOperandIsSubcommand: true,
    subcommands: [
      { operandPattern: /(?:^|:)(?:dependencies|androidDependencies|resolveDependencies|downloadDependencies|resolveAllDependencies)$/u, action: "install", manifest: true, fills: ["gradle"] },
      { action: "other", fills: ["gradle"] },
    ],
    // No command empties it: a `RUN --mount=type=cache,target=/root/.gradle` keeps it out of the layer.
    cacheAreas: ["gradle"], clean: {}, pinExample: "build.gradle",
  },
];
