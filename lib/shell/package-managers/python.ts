/**
 * The Python package managers, as data (see `PackageManagerSpec`). Each entry cites the documentation
 * it follows in `docs`.
 */
import type { PackageManagerSpec } from "./types.js";

/** Requirement files (`-r`) make an install a manifest install; `--require-hashes` locks it. */
const HASHES = { options: ["--require-hashes"] };

export const PYTHON_MANAGERS: readonly PackageManagerSpec[] = [
  {
    // `python -m pip`, `pip3.12` are resolved in classify.ts.
    id: "pip", ecosystem: "language", commands: ["pip", "pip3"],
    docs: ["https://pip.pypa.io/en/stable/cli/pip_install/", "https://pip.pypa.io/en/stable/topics/caching/", "https://pip.pypa.io/en/stable/topics/configuration/#environment-variables"],
    // pip general options plus install/download/wheel/uninstall options that take a value.
    cli: {
      short: "rceitfCd",
      long: [
        "log", "log-file", "proxy", "retries", "timeout", "exists-action", "trusted-host", "cert", "client-cert", "cache-dir",
        "python", "use-feature", "use-deprecated", "keyring-provider", "resume-retries", "requirement", "constraint",
        "editable", "target", "platform", "python-version", "implementation", "abi", "root", "prefix", "src",
        "upgrade-strategy", "progress-bar", "root-user-action", "report", "index-url", "extra-index-url", "find-links",
        "no-binary", "only-binary", "config-settings", "global-option", "install-option", "build-option", "group", "dest",
        "wheel-dir", "w", "format", "path", "exclude",
      ],
    },
    nested: ["cache"],
    requirementFileOptions: ["-r", "--requirement"],
    // "Constraints Files" (https://pip.pypa.io/en/stable/user_guide/#constraints-files): they decide the
    // version of what is installed; every option can be set as `PIP_<OPTION>`, so `PIP_CONSTRAINT` too
    // (https://pip.pypa.io/en/stable/topics/configuration/#environment-variables).
    constraints: { options: ["-c", "--constraint"], env: ["PIP_CONSTRAINT"] },
    subcommands: [
      {
        names: ["install"],
        action: "install",
        packages: "pip",
        optionPackages: [{ options: ["-e", "--editable"], kind: "editable" }],
        manifest: "with-requirement-files",
        frozen: HASHES,
      },
      { names: ["download", "wheel"], action: "other", fills: ["pip"] },
      { names: ["uninstall"], action: "remove", packages: "pip", prompts: true },
      { names: ["cache purge"], action: "clean", cleans: [{ area: "pip" }] },
      { names: ["cache remove"], action: "clean" },
    ],
    nonInteractive: { flags: [{ names: ["-y", "--yes"] }], env: [], actions: ["remove"], fixFlag: "-y" },
    // Any value of PIP_NO_CACHE_DIR disables the cache, `false` and `0` included (pip keeps that for
    // backward compatibility: `_handle_no_cache_dir` in pip/_internal/cli/cmdoptions.py).
    noCache: { flags: ["--no-cache-dir"], env: [{ name: "PIP_NO_CACHE_DIR", when: "any" }], fixFlag: "--no-cache-dir" },
    cacheLocation: { options: ["--cache-dir"], env: ["PIP_CACHE_DIR"] },
    cacheAreas: ["pip"], clean: { pip: "pip cache purge" },
    cacheReport: { actions: ["install"], what: "pip's download cache (~/.cache/pip)" },
    pinExample: "requests==2.31.0",
  },
  {
    id: "uv", ecosystem: "language", commands: ["uv"],
    docs: ["https://docs.astral.sh/uv/reference/cli/", "https://docs.astral.sh/uv/concepts/cache/", "https://docs.astral.sh/uv/reference/environment/"],
    cli: {
      short: "prcifCPoeBw",
      long: [
        "python", "requirement", "requirements", "constraint", "constraints", "override", "overrides", "index-url", "extra-index-url", "index",
        "default-index", "find-links", "cache-dir", "directory", "project", "config-file", "color", "extra", "group", "only-group",
        "no-group", "package", "upgrade-package", "reinstall-package", "refresh-package", "no-build-package", "no-binary-package",
        "target", "prefix", "link-mode", "python-platform", "python-version", "exclude-newer", "resolution", "prerelease",
        "index-strategy", "keyring-provider", "output-file", "with", "with-requirements", "with-editable", "editable", "script",
        "env-file", "no-binary", "only-binary", "config-setting", "config-settings", "torch-backend", "optional", "branch", "tag",
        "rev", "bounds", "marker", "build-constraint", "build-constraints", "python-preference", "allow-insecure-host", "dev-group",
      ],
    },
    nested: ["pip", "cache", "tool", "python"],
    requirementFileOptions: ["-r", "--requirement", "--requirements"],
    // `-c/--constraint(s)` and `UV_CONSTRAINT` (https://docs.astral.sh/uv/reference/environment/#uv_constraint).
    constraints: { options: ["-c", "--constraint", "--constraints"], env: ["UV_CONSTRAINT"] },
    global: { flags: ["--system"] },
    subcommands: [
      { names: ["pip install"], action: "install", packages: "pip", manifest: "with-requirement-files", frozen: HASHES },
      // `uv pip sync` installs exactly the requirement files it is given.
      { names: ["pip sync"], action: "install", packages: "requirement-files", manifest: true, frozen: true },
      { names: ["pip uninstall", "remove"], action: "remove", packages: "pip" },
      { names: ["add", "tool install"], action: "install", packages: "pip" },
      { names: ["sync"], action: "install", manifest: true, frozen: { options: ["--frozen", "--locked"] } },
      { names: ["tool upgrade"], action: "upgrade" },
      { names: ["run", "lock"], action: "other", fills: ["uv"] },
      // `uv cache prune` keeps the entries still in use (and `--ci` keeps wheels built from source): only
      // `uv cache clean` empties the cache.
      { names: ["cache clean"], action: "clean", cleans: [{ area: "uv" }] },
      { names: ["cache prune"], action: "clean" },
    ],
    noCache: { flags: ["-n", "--no-cache"], env: [{ name: "UV_NO_CACHE", when: "truthy" }], fixFlag: "--no-cache" },
    cacheLocation: { options: ["--cache-dir"], env: ["UV_CACHE_DIR"] },
    cacheAreas: ["uv"], clean: { uv: "uv cache clean" }, pinExample: "requests==2.31.0",
  },
  {
    // `python -m pipx` is resolved in classify.ts. Each package spec is handed to pip (`pipx install
    // black==24.10.0`, `pipx inject VENV requests==2.32.3`), so operands read as pip requirements; pipx
    // runs pip with the environment, so `PIP_CONSTRAINT` applies, and `--pip-args` may hold `-c`.
    id: "pipx", ecosystem: "language", commands: ["pipx"],
    docs: ["https://pipx.pypa.io/stable/docs/", "https://pipx.pypa.io/stable/installation/"],
    cli: { short: "ir", long: ["suffix", "python", "preinstall", "index-url", "pip-args", "spec", "requirement", "backend", "global-option"] },
    subcommands: [
      // `--spec SPEC` (older pipx) names what is installed; the operand is then only the app's name.
      { names: ["install"], withOption: ["--spec"], action: "install" },
      { names: ["install"], action: "install", packages: "pip" },
      // `pipx inject VENV PACKAGE…`: the first operand is the venv.
      { names: ["inject"], action: "install", packages: "pip", skipOperands: 1 },
      { names: ["upgrade", "upgrade-all", "reinstall", "reinstall-all"], action: "upgrade" },
      { names: ["uninstall", "uninject", "uninstall-all"], action: "remove" },
    ],
    constraints: { options: [], env: ["PIP_CONSTRAINT"], passthrough: ["--pip-args"] },
    // pipx calls pip without `--no-cache-dir`, so pip's cache fills unless PIP_NO_CACHE_DIR is set.
    noCache: { flags: [], env: [{ name: "PIP_NO_CACHE_DIR", when: "any" }] },
    cacheAreas: ["pip"], clean: { pip: "pip cache purge" }, pinExample: "black==24.10.0",
  },
  {
    id: "poetry", ecosystem: "language", commands: ["poetry"],
    docs: ["https://python-poetry.org/docs/cli/", "https://python-poetry.org/docs/configuration/#cache-dir"],
    cli: { short: "ECPG", long: ["only", "with", "without", "extras", "directory", "project", "group", "source", "python", "platform", "markers", "optional"] },
    nested: ["cache", "self"],
    subcommands: [
      // poetry install always installs what poetry.lock says (and refuses an inconsistent lock file).
      { names: ["install", "sync"], action: "install", manifest: true, frozen: true },
      { names: ["add"], action: "install", packages: "poetry" },
      { names: ["remove"], action: "remove", packages: "poetry" },
      { names: ["update"], action: "upgrade" },
      { names: ["cache clear"], action: "clean", cleans: [{ area: "poetry", withOption: ["--all"] }] },
    ],
    nonInteractive: { flags: [{ names: ["-n", "--no-interaction"] }], env: [], fixFlag: "--no-interaction" },
    // `--no-cache` is a command-line option only ("Disables Poetry source caches"); no variable sets it.
    noCache: { flags: ["--no-cache"], env: [], fixFlag: "--no-cache" },
    cacheLocation: { options: [], env: ["POETRY_CACHE_DIR"] },
    cacheAreas: ["poetry"], clean: { poetry: "rm -rf ~/.cache/pypoetry" }, pinExample: "requests==2.31.0",
  },
  {
    id: "pipenv", ecosystem: "language", commands: ["pipenv"],
    docs: ["https://pipenv.pypa.io/en/latest/cli.html", "https://pipenv.pypa.io/en/latest/configuration.html"],
    cli: { long: ["python", "pypi-mirror", "categories", "extra-pip-args", "index"] },
    subcommands: [
      // `pipenv sync` and `pipenv install --deploy` install Pipfile.lock exactly (`--deploy` fails when it is stale).
      { names: ["sync"], action: "install", manifest: true, frozen: true },
      { names: ["install"], action: "install", packages: "pip", manifest: "without-packages", frozen: { options: ["--deploy", "--ignore-pipfile"] } },
      { names: ["uninstall"], action: "remove", packages: "pip" },
      { names: ["update", "upgrade"], action: "upgrade" },
    ],
    // PIPENV_NOCACHE? no: pipenv has no switch; its cache is PIPENV_CACHE_DIR, and pip's own cache is used too.
    cacheAreas: ["pipenv", "pip"], clean: { pipenv: "pipenv --clear" }, pinExample: "requests==2.31.0",
  },
  {
    id: "conda", ecosystem: "language", commands: ["conda", "mamba", "micromamba"],
    docs: ["https://docs.conda.io/projects/conda/en/latest/commands/index.html", "https://mamba.readthedocs.io/en/latest/user_guide/micromamba.html"],
    cli: { short: "npcr", long: ["name", "prefix", "channel", "file", "solver", "repodata-fn", "platform", "subdir", "experimental-solver", "root-prefix", "rc-file", "category"] },
    // `conda clean -p` is --packages and `-f` --force-pkgs-dirs (flags), not --prefix; `conda env create -f environment.yml`.
    subcommandCli: { clean: { replace: true, short: "n", long: ["name", "prefix", "rc-file"] }, env: { short: "f" } },
    nested: ["env"],
    requirementFileOptions: ["--file", "-f"],
    subcommands: [
      { names: ["install", "create"], action: "install", packages: "conda", prompts: true, manifest: "with-requirement-files" },
      // conda-env subcommands do not ask for confirmation.
      { names: ["env create", "env update"], action: "install", manifest: true },
      { names: ["update", "upgrade"], action: "upgrade", packages: "conda", prompts: true },
      { names: ["remove", "uninstall", "env remove"], action: "remove", packages: "conda", prompts: true },
      { names: ["clean"], action: "clean", prompts: true, cleans: [{ area: "conda", withOption: ["-a", "--all", "-t", "--tarballs", "-p", "--packages"] }] },
    ],
    nonInteractive: {
      flags: [{ names: ["-y", "--yes", "--dry-run", "-d"] }],
      env: [{ name: "CONDA_ALWAYS_YES", when: "truthy" }, { name: "MAMBA_ALWAYS_YES", when: "truthy" }],
      fixFlag: "-y",
    },
    cacheAreas: ["conda"], clean: { conda: "conda clean --all --yes" }, pinExample: "numpy=1.26.4",
  },
];
