import { describe, expect, it } from "vitest";
import {
  cacheAreasCoveredByMount,
  cacheAreasForPath,
  classifyCacheCleanup,
  classifyPackageManagerCommand,
  normalizeCachePath,
  requirementLine,
  parseShell,
} from "../../lib/shell/index.js";
import type { CacheArea, PackageManagerAction, PackageManagerId, PackageManagerInvocation, ShellCommand } from "../../lib/shell/index.js";
import { contiguousShellText } from "../../lib/shell/shell-text.js";

function commandsOf(text: string): ShellCommand[] {
  const s = parseShell(contiguousShellText(text));
  if (!s.ok) throw new Error(s.message);
  return s.commands;
}

function classify(text: string): PackageManagerInvocation | null {
  return classifyPackageManagerCommand(commandsOf(text)[0]!);
}

interface Expected {
  manager: PackageManagerId;
  action: PackageManagerAction;
  sub?: string | null;
  /** Package names in order; a trailing `!` means pinned, `~kind` a non-name kind. */
  packages?: string[];
  ni?: boolean;
  prompts?: boolean;
  noCache?: boolean;
  updatesIndex?: boolean;
  recommends?: boolean | null;
  manifest?: boolean;
  frozen?: boolean;
  fills?: CacheArea[];
  cleans?: CacheArea[];
  global?: boolean;
  requirements?: string[];
  constraints?: (string | null)[];
}

function describePackages(inv: PackageManagerInvocation): string[] {
  return inv.packages.map((p) => (p.kind === "name" ? `${p.name}${p.pinned ? "!" : ""}` : `~${p.kind}`));
}

const table: [string, Expected | null][] = [
  // --- apt-get / apt / aptitude ---
  ["apt-get update", { manager: "apt-get", action: "update-index", ni: true, updatesIndex: true, fills: ["apt-lists"] }],
  ["apt-get -qq update", { manager: "apt-get", action: "update-index", sub: "update" }],
  ["apt-get install curl", { manager: "apt-get", action: "install", packages: ["curl"], ni: false, prompts: true, recommends: true, fills: ["apt-archives"] }],
  ["apt-get -y install --no-install-recommends curl=7.88.1-10 ca-certificates", { manager: "apt-get", action: "install", packages: ["curl!", "ca-certificates"], ni: true, recommends: false }],
  ["apt-get install --yes git", { manager: "apt-get", action: "install", ni: true }],
  ["apt-get install --assume-yes git", { manager: "apt-get", action: "install", ni: true }],
  ["apt-get -qq install git", { manager: "apt-get", action: "install", ni: true }],
  ["apt-get -q install git", { manager: "apt-get", action: "install", ni: false }],
  ["apt-get -q -q install git", { manager: "apt-get", action: "install", ni: true }],
  ["apt-get -q=2 install git", { manager: "apt-get", action: "install", ni: true }],
  ["apt-get -o APT::Get::Assume-Yes=true install git", { manager: "apt-get", action: "install", ni: true, packages: ["git"] }],
  ["apt-get -o Dpkg::Options::=--force-confnew install -y git", { manager: "apt-get", action: "install", sub: "install", packages: ["git"] }],
  ["apt-get -o APT::Install-Recommends=false install -y git", { manager: "apt-get", action: "install", recommends: false }],
  ["apt-get -t bookworm-backports install -y golang", { manager: "apt-get", action: "install", packages: ["golang"] }],
  ["apt-get install -y ./pkg.deb nginx/stable libc6:amd64=2.36 'python3.*'", { manager: "apt-get", action: "install", packages: ["~file", "nginx", "libc6:amd64!", "python3.*"] }],
  ['apt-get install -y "mariadb-server=$MARIADB_VERSION" $EXTRA', { manager: "apt-get", action: "install", packages: ["mariadb-server!", "~dynamic"] }],
  ["apt-get install -y curl=7.*", { manager: "apt-get", action: "install", packages: ["curl!"] }],
  ["apt-get upgrade -y", { manager: "apt-get", action: "upgrade", ni: true }],
  ["apt-get dist-upgrade", { manager: "apt-get", action: "upgrade", ni: false }],
  ["apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false", { manager: "apt-get", action: "remove", packages: [] }],
  ["apt-get autoremove", { manager: "apt-get", action: "remove", ni: false }],
  ["apt-get clean", { manager: "apt-get", action: "clean", cleans: ["apt-archives"], ni: true }],
  ["apt-get dist-clean", { manager: "apt-get", action: "clean", cleans: ["apt-archives", "apt-lists"] }],
  ["apt-get build-dep -y python3", { manager: "apt-get", action: "install", packages: [] }],
  ["apt-get source --compile hello", { manager: "apt-get", action: "other" }],
  ["DEBIAN_FRONTEND=noninteractive apt-get install tzdata", { manager: "apt-get", action: "install", ni: false }],
  ["sudo apt-get install -y vim", { manager: "apt-get", action: "install", packages: ["vim"] }],
  ["xx-apt-get install -y gcc", { manager: "apt-get", action: "install", packages: ["gcc"] }],
  ["apt install -y curl", { manager: "apt", action: "install", packages: ["curl"], ni: true }],
  ["apt update", { manager: "apt", action: "update-index" }],
  ["aptitude install -y -R curl=7.1", { manager: "aptitude", action: "install", packages: ["curl!"], ni: true, recommends: false }],
  ["aptitude safe-upgrade", { manager: "aptitude", action: "upgrade", ni: false }],

  // --- apk ---
  ["apk add --no-cache curl=8.5.0-r0 bash", { manager: "apk", action: "install", packages: ["curl!", "bash"], noCache: true, updatesIndex: true, fills: [], prompts: false, ni: true }],
  ["apk add --update curl", { manager: "apk", action: "install", updatesIndex: true, noCache: false, fills: ["apk"] }],
  ["apk add -U curl", { manager: "apk", action: "install", updatesIndex: true }],
  // apk-tools 2.x fetches the index on every write unless --no-network.
  ["apk add curl", { manager: "apk", action: "install", updatesIndex: true, fills: ["apk"] }],
  ["apk add --no-network --virtual .rundeps so:libc.musl-x86_64.so.1", { manager: "apk", action: "install", updatesIndex: false, noCache: true, fills: [] }],
  ["apk del --no-network .build-deps", { manager: "apk", action: "remove", updatesIndex: false, fills: [] }],
  // `uv cache prune` keeps what is in use; only `uv cache clean` empties the cache.
  ["uv cache prune --ci", { manager: "uv", action: "clean", cleans: [] }],
  ["uv cache clean", { manager: "uv", action: "clean", cleans: ["uv"] }],
  // `zypper clean` empties the package cache only; `--all` the metadata too.
  ["zypper clean", { manager: "zypper", action: "clean", cleans: [] }],
  ["zypper clean --all", { manager: "zypper", action: "clean", cleans: ["zypper"] }],
  ["zypper cc -a", { manager: "zypper", action: "clean", cleans: ["zypper"] }],
  // pip: any value of PIP_NO_CACHE_DIR disables the cache.
  ["PIP_NO_CACHE_DIR=0 pip install x", { manager: "pip", action: "install", noCache: true, fills: [] }],
  ["PIP_NO_CACHE_DIR=false pip install x", { manager: "pip", action: "install", noCache: true }],
  ["UV_NO_CACHE=0 uv pip install x", { manager: "uv", action: "install", noCache: false, fills: ["uv"] }],
  ["UV_NO_CACHE=1 uv pip install x", { manager: "uv", action: "install", noCache: true, fills: [] }],
  // pipenv
  ["pipenv install --deploy --system", { manager: "pipenv", action: "install", manifest: true, frozen: true }],
  ["pipenv install requests==2.31.0", { manager: "pipenv", action: "install", manifest: false, packages: ["requests!"] }],
  ["pipenv sync", { manager: "pipenv", action: "install", manifest: true, frozen: true }],
  ["yarn global upgrade", { manager: "yarn", action: "upgrade", global: true }],
  ["apk add --no-cache --virtual .build-deps gcc musl-dev", { manager: "apk", action: "install", packages: ["gcc", "musl-dev"] }],
  ["apk add -t .deps gcc 'python3~3.11' 'su-exec>=0.2' edge@testing", { manager: "apk", action: "install", packages: ["gcc", "python3!", "su-exec", "edge"] }],
  ["apk -q --no-cache add gettext", { manager: "apk", action: "install", sub: "add", noCache: true }],
  ["apk --repository http://dl-cdn.alpinelinux.org/alpine/edge/community add foo", { manager: "apk", action: "install", packages: ["foo"] }],
  ["apk del .build-deps", { manager: "apk", action: "remove", packages: [".build-deps"] }],
  ["apk update", { manager: "apk", action: "update-index", fills: ["apk"] }],
  ["apk upgrade --no-cache", { manager: "apk", action: "upgrade", noCache: true }],
  ["apk cache clean", { manager: "apk", action: "clean", sub: "cache clean", cleans: ["apk"] }],
  ["apk --print-arch", { manager: "apk", action: "other", sub: null }],

  // --- yum / dnf / microdnf / tdnf ---
  ["yum install -y httpd-2.4.37 java-1.8.0-openjdk gcc-8.5.0-4.el8_5.x86_64", { manager: "yum", action: "install", packages: ["httpd!", "java-1.8.0-openjdk", "gcc!"], ni: true }],
  ["yum install httpd", { manager: "yum", action: "install", ni: false, prompts: true }],
  ["yum -y --setopt=tsflags=nodocs install httpd", { manager: "yum", action: "install", ni: true, packages: ["httpd"] }],
  ["yum --setopt=assumeyes=1 install httpd", { manager: "yum", action: "install", ni: true }],
  // An operator of two characters stays whole (the name is `curl`, not `curl>`); only `=`/`==` pin.
  ["dnf install -y 'curl>=7.61' 'wget==1.19' 'git < 3'", { manager: "dnf", action: "install", packages: ["curl", "wget!", "git"], ni: true }],
  // Each RPM tool's `clean all` empties its own cachedir; `yum` and `dnf` may be either of several versions.
  ["yum clean all", { manager: "yum", action: "clean", cleans: ["yum", "dnf", "dnf5"] }],
  ["dnf5 clean all", { manager: "dnf", action: "clean", cleans: ["dnf5"] }],
  ["tdnf clean all", { manager: "dnf", action: "clean", cleans: ["tdnf"] }],
  ["dnf -y upgrade", { manager: "dnf", action: "upgrade", fills: ["dnf", "dnf5"] }],
  ["dnf -y up-min", { manager: "dnf", action: "upgrade", fills: ["dnf", "dnf5"] }],
  ["dnf -y rei httpd", { manager: "dnf", action: "install", packages: ["httpd"] }],
  ["dnf-3 install -y httpd", { manager: "dnf", action: "install", fills: ["dnf"] }],
  ["microdnf install -y httpd", { manager: "microdnf", action: "install", fills: ["yum"] }],
  ["yum clean metadata", { manager: "yum", action: "clean", cleans: [] }],
  ["yum update", { manager: "yum", action: "upgrade", ni: false }],
  ["yum groupinstall -y 'Development Tools'", { manager: "yum", action: "install", packages: ["~group"] }],
  ["yum localinstall -y /tmp/x.rpm https://x/y.rpm", { manager: "yum", action: "install", packages: ["~file", "~url"] }],
  ["dnf -y install --setopt=install_weak_deps=False 'nodejs >= 18' @development-tools", { manager: "dnf", action: "install", packages: ["nodejs", "~group"], recommends: false }],
  ["dnf install -y --enablerepo crb gcc", { manager: "dnf", action: "install", packages: ["gcc"] }],
  ["dnf module install -y nodejs:18", { manager: "dnf", action: "install", sub: "module install", packages: ["~module"] }],
  ["dnf module enable nodejs:18", { manager: "dnf", action: "other", ni: false, prompts: true, packages: ["~module"] }],
  ["dnf module install -y nodejs", { manager: "dnf", action: "install", sub: "module install", packages: ["~module"] }],
  ["dnf makecache", { manager: "dnf", action: "update-index", updatesIndex: true }],
  ["tdnf install -y ca-certificates dotnet-runtime-8.0", { manager: "dnf", action: "install", packages: ["ca-certificates", "dotnet-runtime!"] }],
  ["microdnf install -y --nodocs shadow-utils", { manager: "microdnf", action: "install", packages: ["shadow-utils"], ni: true }],
  // microdnf ≥ 3.7 asks whether or not a terminal is attached (microdnf#97).
  ["microdnf install httpd", { manager: "microdnf", action: "install", ni: false, prompts: true }],
  ["microdnf clean all", { manager: "microdnf", action: "clean", cleans: ["yum"] }],

  // --- zypper ---
  ["zypper -n install vim", { manager: "zypper", action: "install", packages: ["vim"], ni: true, recommends: true }],
  ["zypper --non-interactive in --no-recommends vim=9.0", { manager: "zypper", action: "install", packages: ["vim!"], recommends: false, ni: true }],
  ["zypper install -y vim", { manager: "zypper", action: "install", ni: true }],
  ["zypper install -n vim", { manager: "zypper", action: "install", ni: false }], // -n after the command is --name
  ["zypper in -t pattern devel_basis", { manager: "zypper", action: "install", packages: ["~group"] }],
  ["zypper refresh", { manager: "zypper", action: "update-index" }],
  ["zypper cc -a", { manager: "zypper", action: "clean", cleans: ["zypper"] }],

  // --- pacman ---
  ["pacman -Syu --noconfirm git", { manager: "pacman", action: "install", packages: ["git"], ni: true, updatesIndex: true }],
  ["pacman -S git", { manager: "pacman", action: "install", ni: false }],
  ["pacman -Syy", { manager: "pacman", action: "update-index" }],
  ["pacman -Syu --noconfirm", { manager: "pacman", action: "upgrade" }],
  ["pacman -Scc --noconfirm", { manager: "pacman", action: "clean", cleans: ["pacman"] }],
  ["pacman -Rns --noconfirm gcc", { manager: "pacman", action: "remove", packages: ["gcc"] }],

  // --- pip ---
  ["pip install flask", { manager: "pip", action: "install", packages: ["flask"], noCache: false, fills: ["pip"], prompts: false, ni: true }],
  ["pip install --no-cache-dir flask==3.0.0 'requests>=2' 'uvicorn[standard]==0.29.0'", { manager: "pip", action: "install", packages: ["flask!", "requests", "uvicorn!"], noCache: true, fills: [] }],
  ["pip3 install -r requirements.txt", { manager: "pip", action: "install", manifest: true, frozen: false, requirements: ["requirements.txt"] }],
  ["pip install --require-hashes -r requirements.txt --no-deps", { manager: "pip", action: "install", manifest: true, frozen: true }],
  ["python3 -m pip install --upgrade pip setuptools", { manager: "pip", action: "install", packages: ["pip", "setuptools"] }],
  ["python3.11 -u -m pip install -e . ./lib git+https://github.com/x/y.git", { manager: "pip", action: "install", packages: ["~path", "~vcs", "~path"] }],
  ["PIP_NO_CACHE_DIR=1 pip install x", { manager: "pip", action: "install", noCache: true }],
  ["pip --no-cache-dir install x", { manager: "pip", action: "install", noCache: true }],
  ["pip install -i https://pypi.example/simple --trusted-host pypi.example x", { manager: "pip", action: "install", packages: ["x"] }],
  ["pip uninstall x", { manager: "pip", action: "remove", ni: false, prompts: true }],
  ["pip uninstall -y x", { manager: "pip", action: "remove", ni: true }],
  ["pip cache purge", { manager: "pip", action: "clean", cleans: ["pip"] }],
  ["pip --version", { manager: "pip", action: "other", sub: null }],
  ["python3 -c 'import pip'", null],
  ["python3 -m venv /opt/venv", null],

  // --- uv / poetry / conda ---
  ["uv pip install --system --no-cache -r requirements.txt", { manager: "uv", action: "install", manifest: true, noCache: true, fills: [], global: true }],
  ["uv sync --frozen --no-dev", { manager: "uv", action: "install", manifest: true, frozen: true, fills: ["uv"] }],
  ["uv sync", { manager: "uv", action: "install", manifest: true, frozen: false }],
  ["uv add 'httpx==0.27.0'", { manager: "uv", action: "install", packages: ["httpx!"] }],
  ["uv tool install ruff", { manager: "uv", action: "install", packages: ["ruff"] }],
  ["uv cache clean", { manager: "uv", action: "clean", cleans: ["uv"] }],
  ["poetry install --no-root --only main --no-interaction", { manager: "poetry", action: "install", manifest: true, frozen: true }],
  ["poetry add requests@^2.31 httpx==0.27.0", { manager: "poetry", action: "install", packages: ["requests", "httpx!"] }],
  ["poetry config virtualenvs.create false", { manager: "poetry", action: "other" }],
  ["conda install -y -c conda-forge numpy=1.26 'scipy>=1.11' pandas", { manager: "conda", action: "install", packages: ["numpy!", "scipy", "pandas"], ni: true }],
  ["conda install numpy", { manager: "conda", action: "install", ni: false, prompts: true }],
  ["CONDA_ALWAYS_YES=true conda install numpy", { manager: "conda", action: "install", ni: true }],
  ["mamba create -y -n env python=3.11", { manager: "conda", action: "install", packages: ["python!"] }],
  ["conda env create -f environment.yml", { manager: "conda", action: "install", manifest: true, requirements: ["environment.yml"], prompts: false }],
  ["conda clean -afy", { manager: "conda", action: "clean", cleans: ["conda"], ni: true }],
  ["micromamba clean --all --yes", { manager: "conda", action: "clean", cleans: ["conda"], ni: true }],

  // --- npm / pnpm / yarn / bun ---
  ["npm ci", { manager: "npm", action: "install", manifest: true, frozen: true, fills: ["npm"] }],
  ["npm install", { manager: "npm", action: "install", manifest: true, frozen: false }],
  ["npm i --omit=dev", { manager: "npm", action: "install", manifest: true }],
  ["npm install --loglevel warn express@4.18.2 @types/node@^20 lodash@latest", { manager: "npm", action: "install", packages: ["express!", "@types/node", "lodash"], manifest: false }],
  ["npm install -g npm@10.2.4", { manager: "npm", action: "install", packages: ["npm!"], global: true, manifest: false }],
  ["npm install --global --prefix /usr/local yarn", { manager: "npm", action: "install", packages: ["yarn"], global: true }],
  ["npm install github:user/repo ./local https://x/y.tgz", { manager: "npm", action: "install", packages: ["~vcs", "~path", "~url"] }],
  ["npm cache clean --force", { manager: "npm", action: "clean", cleans: ["npm"] }],
  ["npm cache clean", { manager: "npm", action: "clean", cleans: [] }],
  ["npm run build", { manager: "npm", action: "other", sub: "run" }],
  ["pnpm install --frozen-lockfile --prod", { manager: "pnpm", action: "install", manifest: true, frozen: true }],
  ["pnpm i", { manager: "pnpm", action: "install", manifest: true, frozen: false }],
  ["pnpm fetch --prod", { manager: "pnpm", action: "install", manifest: true, frozen: true }],
  ["pnpm add -g pm2@5.3.0", { manager: "pnpm", action: "install", packages: ["pm2!"], global: true }],
  ["pnpm store prune", { manager: "pnpm", action: "clean", cleans: ["pnpm"] }],
  ["corepack pnpm install --frozen-lockfile", { manager: "pnpm", action: "install", frozen: true }],
  ["yarn", { manager: "yarn", action: "install", manifest: true, frozen: false }],
  ["yarn --frozen-lockfile --production", { manager: "yarn", action: "install", manifest: true, frozen: true }],
  ["yarn install --immutable", { manager: "yarn", action: "install", frozen: true }],
  ["yarn install --network-timeout 100000", { manager: "yarn", action: "install", sub: "install", frozen: false }],
  ["yarn global add serve@14.2.1", { manager: "yarn", action: "install", packages: ["serve!"], global: true }],
  ["yarn add react", { manager: "yarn", action: "install", packages: ["react"] }],
  ["yarn cache clean", { manager: "yarn", action: "clean", cleans: ["yarn"] }],
  ["yarn build", { manager: "yarn", action: "other" }],
  ["yarn --version", { manager: "yarn", action: "other" }],
  ["bun install --frozen-lockfile", { manager: "bun", action: "install", manifest: true, frozen: true }],

  // --- gem / bundler ---
  ["gem install bundler -v 2.4.22", { manager: "gem", action: "install", packages: ["bundler!"] }],
  ["gem install rails:7.1.3 rake", { manager: "gem", action: "install", packages: ["rails!", "rake"] }],
  ["gem install --no-document bundler", { manager: "gem", action: "install", packages: ["bundler"] }],
  ["bundle install --jobs 4 --retry 3", { manager: "bundler", action: "install", manifest: true, frozen: false }],
  ["bundle install --deployment", { manager: "bundler", action: "install", frozen: true }],
  ["bundle _2.1.4_ install", { manager: "bundler", action: "install", sub: "install" }],

  // --- go ---
  ["go install golang.org/x/tools/gopls@v0.15.3", { manager: "go", action: "install", packages: ["golang.org/x/tools/gopls!"], fills: ["go-mod", "go-build"] }],
  ["go install github.com/x/y@latest", { manager: "go", action: "install", packages: ["github.com/x/y"] }],
  ["go install -ldflags '-s -w' ./cmd/app", { manager: "go", action: "install", packages: ["~path"] }],
  ["go mod download", { manager: "go", action: "install", manifest: true, frozen: true }],
  ["go clean -modcache -cache", { manager: "go", action: "clean", cleans: ["go-mod", "go-build"] }],
  ["CGO_ENABLED=0 go build -o /app -trimpath .", { manager: "go", action: "other", sub: "build" }],

  // --- composer / cargo / maven / gradle ---
  ["composer install --no-dev --no-interaction --prefer-dist", { manager: "composer", action: "install", manifest: true, ni: true }],
  ["composer require monolog/monolog:3.5.0 guzzlehttp/guzzle ^7.8", { manager: "composer", action: "install", packages: ["monolog/monolog!", "guzzlehttp/guzzle"] }],
  ["php composer.phar install", { manager: "composer", action: "install", manifest: true }],
  ["composer global require laravel/installer", { manager: "composer", action: "install", global: true, packages: ["laravel/installer"] }],
  ["composer clear-cache", { manager: "composer", action: "clean", cleans: ["composer"] }],
  ["cargo install ripgrep --version 14.1.0", { manager: "cargo", action: "install", packages: ["ripgrep!"] }],
  ["cargo install --locked cargo-chef@0.1.62", { manager: "cargo", action: "install", packages: ["cargo-chef!"], frozen: true }],
  ["cargo fetch --locked", { manager: "cargo", action: "install", manifest: true, frozen: true }],
  ["cargo build --release", { manager: "cargo", action: "other", fills: ["cargo"] }],
  ["mvn -B -f pom.xml dependency:go-offline", { manager: "maven", action: "install", manifest: true }],
  ["./mvnw -q package -DskipTests", { manager: "maven", action: "other", sub: "package" }],
  ["mvn clean package", { manager: "maven", action: "other" }],
  ["./gradlew dependencies --no-daemon", { manager: "gradle", action: "install", manifest: true }],
  ["gradle build -x test", { manager: "gradle", action: "other", sub: "build" }],

  // --- issue 17: paths, tarballs, build flags, constraints, pipx ---
  ["pip install src/mypkg ./a libs/b[x] '/opt/c' name", { manager: "pip", action: "install", packages: ["~path", "~path", "~path", "~path", "name"] }],
  ["pip install 'pkg @ https://x/y' 'requests>=2'", { manager: "pip", action: "install", packages: ["~url", "requests"] }],
  ["pip install -c constraints.txt --constraint=https://x/c.txt requests", { manager: "pip", action: "install", constraints: ["constraints.txt", "https://x/c.txt"] }],
  ["PIP_CONSTRAINT='a.txt b.txt' pip install requests", { manager: "pip", action: "install", constraints: ["a.txt", "b.txt"] }],
  ["pip install -c \"$C\" requests", { manager: "pip", action: "install", constraints: [null] }],
  ["uv pip install --system --constraints c.txt x", { manager: "uv", action: "install", constraints: ["c.txt"] }],
  ["npm install x-1.2.3.tar Y.TGZ z.tar.gz", { manager: "npm", action: "install", packages: ["~file", "~file", "~file"] }],
  ["gem install nokogiri -v 1.16.0 -- --use-system-libraries", { manager: "gem", action: "install", packages: ["nokogiri!"] }],
  ["gem install --no-document bundler:2.0.1 --use-system-libraries true", { manager: "gem", action: "install", packages: ["bundler!"] }],
  ["gem install -N rails --user-install rake", { manager: "gem", action: "install", packages: ["rails", "rake"] }],
  ["pipx install black 'ruff==0.7.4' ./tool", { manager: "pipx", action: "install", packages: ["black", "ruff!", "~path"] }],
  ["pipx inject poetry poetry-plugin-export==1.8.0", { manager: "pipx", action: "install", packages: ["poetry-plugin-export!"] }],
  ["pipx install --spec git+https://x/y.git app", { manager: "pipx", action: "install", packages: [] }],
  ["pipx install --pip-args='-c c.txt' black", { manager: "pipx", action: "install", constraints: [null] }],
  ["python3 -m pipx install black", { manager: "pipx", action: "install", packages: ["black"] }],
  ["pipx upgrade-all", { manager: "pipx", action: "upgrade" }],

  // --- not package managers ---
  ["apt-mark manual curl", null],
  ["apt-key add -", null],
  ["curl -fsSL https://x | sh", null],
  ["echo apt-get install", null],
];

describe("classifyPackageManagerCommand", () => {
  it.each(table)("%s", (text, expected) => {
    const inv = classify(text);
    if (expected === null) {
      expect(inv).toBeNull();
      return;
    }
    expect(inv).not.toBeNull();
    if (!inv) return;
    expect(inv.manager).toBe(expected.manager);
    expect(inv.action).toBe(expected.action);
    if (expected.sub !== undefined) expect(inv.subcommand).toBe(expected.sub);
    if (expected.packages) expect(describePackages(inv)).toEqual(expected.packages);
    if (expected.ni !== undefined) expect(inv.nonInteractive).toBe(expected.ni);
    if (expected.prompts !== undefined) expect(inv.promptsWithoutFlag).toBe(expected.prompts);
    if (expected.noCache !== undefined) expect(inv.noCache).toBe(expected.noCache);
    if (expected.updatesIndex !== undefined) expect(inv.updatesIndex).toBe(expected.updatesIndex);
    if (expected.recommends !== undefined) expect(inv.installsRecommends).toBe(expected.recommends);
    if (expected.manifest !== undefined) expect(inv.manifestInstall).toBe(expected.manifest);
    if (expected.frozen !== undefined) expect(inv.frozenLockfile).toBe(expected.frozen);
    if (expected.fills) expect(inv.fillsCache).toEqual(expected.fills);
    if (expected.cleans) expect(inv.cleansCache).toEqual(expected.cleans);
    if (expected.global !== undefined) expect(inv.global).toBe(expected.global);
    if (expected.requirements) expect(inv.requirementFiles.map((w) => w.value)).toEqual(expected.requirements);
    if (expected.constraints) expect(inv.constraintFiles).toEqual(expected.constraints);
  });

  it("exposes words with source ranges for fixes", () => {
    const text = "apt-get install -y curl=7.88 && apk add --no-cache bash";
    const [apt, , apk] = [classify(text), null, classifyPackageManagerCommand(commandsOf(text)[1]!)];
    expect(apt!.tool.range).toEqual([0, 7]);
    expect(apt!.subcommandWords[0]!.range).toEqual([8, 15]);
    expect(apt!.nonInteractiveWord!.range).toEqual([16, 18]);
    expect(apt!.packages[0]).toMatchObject({ name: "curl", constraint: "=7.88", version: "7.88", pinned: true });
    expect(apt!.packages[0]!.word.range).toEqual([19, 28]);
    expect(apk!.options.find((o) => o.name === "--no-cache")!.word.range).toEqual([40, 50]);
  });

  it("sees through sudo and reports the wrapper", () => {
    const inv = classify("sudo -E apt-get install -y curl");
    expect(inv!.unwrapped.wrappers.map((w) => w.name)).toEqual(["sudo"]);
    expect(inv!.tool.value).toBe("apt-get");
  });

  it("parses option values so they are not taken for packages or subcommands", () => {
    expect(describePackages(classify("apk add --virtual .deps --repository http://x gcc")!)).toEqual(["gcc"]);
    expect(classify("pip install -c constraints.txt -r req.txt")!.packages).toEqual([]);
    expect(classify("zypper --root /mnt install vim")!.action).toBe("install");
    expect(classify("dnf --installroot /mnt --releasever 9 install -y bash")!.packages.map((p) => p.name)).toEqual(["bash"]);
    expect(classify("npm --prefix /app install")!.manifestInstall).toBe(true);
  });
});

describe("cache paths", () => {
  it("normalises home directories and trailing slashes", () => {
    expect(normalizeCachePath("/root/.cache/pip/")).toBe("~/.cache/pip");
    expect(normalizeCachePath("$HOME/.npm")).toBe("~/.npm");
    expect(normalizeCachePath("${HOME}/.npm")).toBe("~/.npm");
    expect(normalizeCachePath("/home/node/.cache/yarn")).toBe("~/.cache/yarn");
    expect(normalizeCachePath("/var/lib/apt/lists/./")).toBe("/var/lib/apt/lists");
    expect(normalizeCachePath("$DIR/x")).toBeNull();
  });

  it("matches paths, ancestors and globs over an area's contents", () => {
    expect(cacheAreasForPath("/var/lib/apt/lists/*")).toEqual(["apt-lists"]);
    expect(cacheAreasForPath("/var/lib/apt/lists")).toEqual(["apt-lists"]);
    expect(cacheAreasForPath("/var/lib/apt/lists/*_*")).toEqual(["apt-lists"]);
    expect(cacheAreasForPath("/var/cache/apt/archives/*.deb")).toEqual(["apt-archives"]);
    expect(cacheAreasForPath("/var/cache/apk/*")).toEqual(["apk"]);
    expect(cacheAreasForPath("/root/.cache")).toEqual(["pip", "uv", "poetry", "pipenv", "yarn", "pnpm", "go-build", "composer"]);
    expect(cacheAreasForPath("/var/lib/apt/lists/partial")).toEqual([]);
    expect(cacheAreasForPath("/tmp/icu*")).toEqual([]);
    expect(cacheAreasForPath("/opt/yarn-*")).toEqual([]);
    expect(cacheAreasForPath("/")).toEqual([]);
  });

  it("tells which areas a cache mount keeps out of the layer", () => {
    expect(cacheAreasCoveredByMount("/var/cache/apt")).toEqual(["apt-archives"]);
    expect(cacheAreasCoveredByMount("/var/cache/apt/archives")).toEqual(["apt-archives"]);
    expect(cacheAreasCoveredByMount("/var/lib/apt")).toEqual(["apt-lists"]);
    expect(cacheAreasCoveredByMount("/root/.cache/pip")).toEqual(["pip"]);
    // A mount on a sub-folder leaves the rest of the area (the index, the other folders) in the layer.
    expect(cacheAreasCoveredByMount("/root/.cache/pip/http")).toEqual([]);
    expect(cacheAreasCoveredByMount("/var/cache/apk/x86_64")).toEqual([]);
    expect(cacheAreasCoveredByMount("/var/cache/apk")).toEqual(["apk"]);
    expect(cacheAreasCoveredByMount("/var/cache/apk/")).toEqual(["apk"]);
    expect(cacheAreasCoveredByMount("/var/cache/apk/*")).toEqual([]);
    expect(cacheAreasCoveredByMount("/root/.npm")).toEqual(["npm"]);
    expect(cacheAreasCoveredByMount("/go/pkg/mod")).toEqual(["go-mod"]);
    expect(cacheAreasCoveredByMount("/root/.cache/go-build")).toEqual(["go-build"]);
    expect(cacheAreasCoveredByMount("/usr/local/share/.cache/yarn")).toEqual(["yarn"]);
    expect(cacheAreasCoveredByMount("/app/node_modules")).toEqual([]);
  });
});

describe("classifyCacheCleanup", () => {
  const cases: [string, CacheArea[] | null][] = [
    ["rm -rf /var/lib/apt/lists/*", ["apt-lists"]],
    ["rm -rf /var/lib/apt/lists/* /var/cache/apt/*", ["apt-lists", "apt-archives"]],
    ["rm --recursive --force /var/cache/apt/archives/*", ["apt-archives"]],
    ['rm -rf "$HOME/.cache/pip"', ["pip"]],
    ["rm -rf ~/.npm /usr/local/share/.cache/yarn", ["npm", "yarn"]],
    ["sudo rm -rf /var/cache/apk/*", ["apk"]],
    ["rm -rf /var/cache/yum", ["yum"]],
    ["rm -rf /var/cache/dnf/*", ["dnf"]],
    ["rm -rf /var/cache/libdnf5", ["dnf5"]],
    ["rm -rf /tmp/icu*", null],
    ["rm -rf /var/lib/apt/lists/partial", null],
    ["find /var/cache/apt/archives /var/lib/apt/lists -not -name lock -type f -delete", ["apt-archives", "apt-lists"]],
    ["find /var/cache -type f -delete", ["apt-archives", "apk", "yum", "dnf", "dnf5", "tdnf", "zypper", "pacman"]],
    ["find /usr/local -depth -type d -name tests -exec rm -rf '{}' +", null],
    ["apt-get clean", ["apt-archives"]],
    ["apt-get dist-clean", ["apt-archives", "apt-lists"]],
    ["yum clean all", ["yum", "dnf", "dnf5"]],
    ["dnf clean all", ["dnf", "dnf5"]],
    ["microdnf clean all", ["yum"]],
    ["zypper clean --all", ["zypper"]],
    ["pip cache purge", ["pip"]],
    ["npm cache clean --force", ["npm"]],
    ["yarn cache clean", ["yarn"]],
    ["conda clean -afy", ["conda"]],
    ["go clean -modcache", ["go-mod"]],
    ["echo rm -rf /var/lib/apt/lists", null],
  ];
  it.each(cases)("%s", (text, areas) => {
    const cleanup = classifyCacheCleanup(commandsOf(text)[0]!);
    if (areas === null) expect(cleanup === null || cleanup.areas.length === 0).toBe(true);
    else expect(cleanup?.areas).toEqual(areas);
  });
});

describe("requirementLine", () => {
  it("reads a requirements-file line as a named requirement and its pin", () => {
    expect(requirementLine("requests==2.31.0 --hash=sha256:abc  # pinned")).toEqual({ name: "requests", pinned: true });
    expect(requirementLine("numpy===1.26.4 ; python_version >= '3.10'")).toEqual({ name: "numpy", pinned: true });
    expect(requirementLine("flask>=3")).toEqual({ name: "flask", pinned: false });
    expect(requirementLine("django==4.*")).toEqual({ name: "django", pinned: false });
    expect(requirementLine("gunicorn")).toEqual({ name: "gunicorn", pinned: false });
    expect(requirementLine("pkg @ https://example.com/pkg.whl")).toBeNull();
    for (const line of ["", "# comment", "-r base.txt", "--index-url https://x", "-e .", "./local", "git+https://x/y.git"]) expect(requirementLine(line)).toBeNull();
  });
});

describe("cache paths with globs from the user's script (issue 12: no RegExp built from user text)", () => {
  it("matches classes, negation and ? without a RegExp", () => {
    expect(cacheAreasForPath("/var/cache/ap[!t]")).toEqual(["apk"]);
    expect(cacheAreasForPath("/var/cache/a?t")).toEqual(["apt-archives"]);
    expect(cacheAreasForPath("/var/cach*/apt")).toEqual(["apt-archives"]);
  });
  it("a reversed range matches nothing instead of throwing", () => {
    expect(() => cacheAreasForPath("/var/[z-a]/apt")).not.toThrow();
    expect(cacheAreasForPath("/var/[z-a]/apt")).toEqual([]);
  });
  it("a long run of stars does not backtrack", () => {
    expect(cacheAreasForPath(`/var/${"*".repeat(5000)}x/apt`)).toEqual([]);
    expect(cacheAreasForPath(`/var/${"*".repeat(5000)}/apt`)).toEqual(cacheAreasForPath("/var/*/apt"));
    expect(cacheAreasForPath("/var/*/apt")).toEqual(["apt-lists", "apt-archives"]);
  });
});
