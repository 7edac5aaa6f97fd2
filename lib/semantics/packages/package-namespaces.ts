/**
 * Which package managers install from one namespace of package names, for policies that name a package
 * once for every tool that can install it (`no-restricted-packages`: `{ manager: "pip", name: "telnet" }`
 * covers `pip install`, `uv pip install`, `pipx install`, `poetry add`, `pipenv install`).
 *
 * Knowledge, with sources:
 * - apt: `apt-get`, `apt` and `aptitude` are front ends of one dpkg/APT package database and read the
 *   same sources.list (apt(8): "apt provides a high-level commandline interface for the package
 *   management system"; aptitude(8) likewise).
 * - rpm: `yum`, `dnf` and `microdnf` install RPM packages from the same repositories (dnf is yum's
 *   successor: https://dnf.readthedocs.io/en/latest/; microdnf: https://github.com/rpm-software-management/microdnf).
 * - pip: `pip`, `pipx`, `uv`, `poetry` and `pipenv` install from the Python Package Index (PyPI), whose
 *   names compare after PEP 503 normalization (https://peps.python.org/pep-0503/#normalized-names).
 * - npm: `npm`, `pnpm`, `yarn` and `bun` install from the npm registry (https://docs.npmjs.com/cli/v10/using-npm/registry,
 *   https://pnpm.io/npmrc#registry, https://yarnpkg.com/configuration/yarnrc#npmRegistryServer,
 *   https://bun.sh/docs/install/registries).
 * - Every other manager is its own namespace (apk, zypper, pacman, conda, gem, go, composer, cargo…).
 */
import type { PackageManagerId } from "../../shell/index.js";
import { PACKAGE_MANAGER_SPECS } from "../../shell/package-managers/classify.js";

/** Every manager the package-manager table knows, by id. */
export const PACKAGE_MANAGER_IDS: readonly PackageManagerId[] = Object.keys(PACKAGE_MANAGER_SPECS) as PackageManagerId[];

/** Namespaces that several managers share, by the name a policy gives them. */
export const PACKAGE_NAMESPACES: Readonly<Record<string, readonly PackageManagerId[]>> = {
  apt: ["apt-get", "apt", "aptitude"],
  rpm: ["yum", "dnf", "microdnf"],
  pip: ["pip", "pipx", "uv", "poetry", "pipenv"],
  npm: ["npm", "pnpm", "yarn", "bun"],
};

/**
 * The managers a policy's `manager` value covers: `*` every one, a namespace of {@link PACKAGE_NAMESPACES}
 * its managers, any other manager id itself (`yarn` is yarn alone). Null for a name no manager has.
 */
export function managersNamedBy(value: string): ReadonlySet<PackageManagerId> | null {
  const known = PACKAGE_MANAGER_IDS;
  if (value === "*") return new Set(known);
  if (Object.hasOwn(PACKAGE_NAMESPACES, value)) return new Set(PACKAGE_NAMESPACES[value]);
  return known.includes(value as PackageManagerId) ? new Set([value as PackageManagerId]) : null;
}

/**
 * A package name as its namespace compares names: PyPI's PEP 503 form (`Foo_Bar` → `foo-bar`), apt
 * without its architecture qualifier (`telnet:amd64` → `telnet`, dpkg's multiarch syntax:
 * https://wiki.debian.org/Multiarch/HOWTO), everything else lower-cased.
 */
export function comparablePackageName(manager: PackageManagerId, name: string): string {
  const lower = name.toLowerCase();
  if (PACKAGE_NAMESPACES.pip!.includes(manager)) return lower.replace(/[-_.]+/gu, "-");
  if (PACKAGE_NAMESPACES.apt!.includes(manager)) return lower.replace(/:[a-z0-9-]+$/u, "");
  return lower;
}
