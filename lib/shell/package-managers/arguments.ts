/**
 * The pin syntax of each ecosystem: how a package operand splits into a name and a version constraint,
 * and whether that constraint pins it. `readPackages` reads a command's operands with the syntax a
 * table row names. Sources: apt-get(8) "install" (`pkg=version`, `pkg/release`), apk(8) "add" (`pkg=ver`,
 * `pkg~ver`, `pkg@tag`), dnf(8) "Specifying Packages" (NEVRA `name-version-release`, `name >= ver`),
 * zypper(8) "Package selection" (`name=ver`, `+`/`-`/`~`/`!` prefixes), PEP 508 (pip requirement specifiers),
 * conda "Package match specifications", npm-package-arg (`name@spec`), Go modules reference
 * (`path@version`), gem(1) `name:version`, composer require `vendor/pkg:constraint`, cargo install
 * `crate@version`.
 */
import type { ShellWord } from "../model.js";
import type { PackageArgument, PackageArgumentKind, PackageSyntax } from "./types.js";

/** Text of a word with expansions kept as written (for parsing `curl=$VERSION`, `"$HOME/.cache"`). */
export function template(word: ShellWord): string {
  if (word.value !== null) return word.value;
  return word.parts.map(partTemplate).join("");
}

function partTemplate(p: ShellWord["parts"][number]): string {
  if (p.value !== null) return p.value;
  if (p.kind === "double-quoted") {
    const open = p.raw.startsWith("$") ? 2 : 1;
    return p.raw.slice(open, -1).replace(/\\([$`"\\])/g, "$1");
  }
  return p.raw;
}

/** Index of the first expansion character in `template(word)`, or -1. */
function firstDynamicIndex(word: ShellWord): number {
  if (word.value !== null) return -1;
  let pos = 0;
  for (const p of word.parts) {
    if (p.value === null) {
      if (p.kind !== "double-quoted") return pos;
      const inner = partTemplate(p);
      const dollar = inner.search(/[$`]/);
      return pos + (dollar === -1 ? 0 : dollar);
    }
    pos += p.value.length;
  }
  return -1;
}

export const URL_RE = /^[a-z][a-z0-9+.-]*:\/\//i;

export function baseArg(word: ShellWord, kind: PackageArgumentKind, name: string | null = null): PackageArgument {
  return { word, kind, name, constraint: null, version: null, pinned: false };
}

/**
 * Split `text` at the first version operator among `ops` (longest first). The name part must be
 * static; returns null when the name itself is dynamic.
 */
function splitConstraint(word: ShellWord, text: string, ops: readonly string[]): PackageArgument {
  const dyn = firstDynamicIndex(word);
  let best = -1;
  let bestOp = "";
  for (const op of ops) {
    const i = text.indexOf(op, 1);
    if (i !== -1 && (best === -1 || i < best || (i === best && op.length > bestOp.length))) {
      best = i;
      bestOp = op;
    }
  }
  if (best === -1) {
    if (dyn !== -1) return baseArg(word, "dynamic");
    return { word, kind: "name", name: text, constraint: null, version: null, pinned: false };
  }
  if (dyn !== -1 && dyn < best) return baseArg(word, "dynamic");
  const name = text.slice(0, best);
  const version = text.slice(best + bestOp.length);
  return { word, kind: "name", name, constraint: text.slice(best), version, pinned: false };
}

// --- Debian ---

function aptPackage(word: ShellWord): PackageArgument {
  const text = template(word);
  if (word.value !== null && (/\.deb$/.test(text) || text.startsWith("./") || text.startsWith("/") || text.startsWith("../"))) {
    return baseArg(word, "file");
  }
  if (text.startsWith("~") || text.startsWith("?")) return baseArg(word, "group"); // aptitude search patterns
  const arg = splitConstraint(word, text, ["="]);
  if (arg.kind !== "name" || arg.name === null) return arg;
  // Strip `/release` and the install/remove suffixes `pkg-` / `pkg+`; keep `:arch` in the name.
  let name = arg.name.replace(/\/[^/]*$/, "");
  if (arg.constraint === null) name = name.replace(/[+-]$/, "");
  arg.name = name;
  arg.pinned = arg.version !== null && arg.version !== "";
  return arg;
}

// --- Alpine ---

function apkPackage(word: ShellWord): PackageArgument {
  const text = template(word);
  if (word.value !== null && (/\.apk$/.test(text) || text.startsWith("./") || text.startsWith("/"))) return baseArg(word, "file");
  const arg = splitConstraint(word, text, ["=", "~", ">=", "<=", ">", "<", "~="]);
  if (arg.kind !== "name" || arg.name === null) return arg;
  arg.name = arg.name.replace(/@[^@]*$/, ""); // repository tag `pkg@testing`
  const op = arg.constraint?.replace(arg.version ?? "", "") ?? "";
  arg.pinned = (op === "=" || op === "~" || op === "~=") && arg.version !== "";
  return arg;
}

// --- RPM (yum, dnf, microdnf, zypper) ---

const RPM_OPERATORS: readonly string[] = ["=", "==", ">=", "<=", ">", "<"];

function isRpmOperatorChar(ch: string | undefined): boolean {
  return ch === "=" || ch === ">" || ch === "<";
}

/**
 * `name OP version` (OP one of = == >= <= > <, blanks allowed around OP only), or null, in one pass
 * over the blank-separated fields (a regex for this backtracks quadratically on runs of `=<>`, and
 * words come from untrusted Dockerfiles):
 * - one field: the operator is the run of operator characters before the last version text, so
 *   `a>=1` gives `a` `>=` `1` and `a==1` gives `a` `==` `1`;
 * - two fields `X Y`: the operator starts Y when it can (`==`, `=`, `>=`, `<=`, `>`, `<`, each
 *   leaving a non-empty version), else it ends X (with a non-empty name before it);
 * - three fields `X OP Y`: OP must be exactly one of the operators.
 */
function splitRpmConstraint(text: string): { name: string; op: string; version: string } | null {
  // At most 4 fields are needed to tell; an empty field means empty text or leading/trailing blanks.
  const fields = text.split(/\s+/, 4);
  if (fields.includes("")) return null;
  if (fields.length === 1) {
    for (let i = text.length - 2; i >= 1; i--) {
      if (!isRpmOperatorChar(text[i])) continue;
      let start = i;
      while (start > 1 && isRpmOperatorChar(text[start - 1])) start -= 1;
      const op = text.slice(start, i + 1);
      return RPM_OPERATORS.includes(op) ? { name: text.slice(0, start), op, version: text.slice(i + 1) } : null;
    }
    return null;
  }
  if (fields.length === 2) {
    const [x, y] = fields as [string, string];
    if (y.startsWith("==") && y.length >= 3) return { name: x, op: "==", version: y.slice(2) };
    if (y.startsWith("=") && y.length >= 2) return { name: x, op: "=", version: y.slice(1) };
    if ((y.startsWith(">=") || y.startsWith("<=")) && y.length >= 3) return { name: x, op: y.slice(0, 2), version: y.slice(2) };
    if ((y.startsWith(">") || y.startsWith("<")) && y.length >= 2) return { name: x, op: y[0]!, version: y.slice(1) };
    if (x.length >= 2 && isRpmOperatorChar(x[x.length - 1])) return { name: x.slice(0, -1), op: x[x.length - 1]!, version: y };
    return null;
  }
  if (fields.length === 3 && RPM_OPERATORS.includes(fields[1]!)) return { name: fields[0]!, op: fields[1]!, version: fields[2]! };
  return null;
}

function rpmPackage(word: ShellWord, zypper: boolean): PackageArgument {
  const text = template(word);
  if (word.value !== null && URL_RE.test(text)) return baseArg(word, "url");
  if (word.value !== null && /\.rpm$/.test(text)) return baseArg(word, "file");
  if (text.startsWith("@")) {
    return text.includes(":") ? { ...baseArg(word, "module", text.slice(1)), pinned: true, version: text.slice(text.indexOf(":") + 1) } : baseArg(word, "group", text.slice(1));
  }
  if (zypper && /^(?:pattern|patch|product|srcpackage|application):/.test(text)) return baseArg(word, "group", text);
  if (text.startsWith("/") || text.includes("(")) return baseArg(word, "name", text); // file provides / capabilities
  // `name >= 1.2` (one quoted word), `name=1.2` (zypper), `name-1.2-3.el8` (NEVRA)
  const spaced = splitRpmConstraint(text);
  if (spaced && (firstDynamicIndex(word) === -1 || firstDynamicIndex(word) > spaced.name.length)) {
    const { name, op, version } = spaced;
    return { word, kind: "name", name, constraint: text.slice(name.length).trim(), version, pinned: op === "=" || op === "==" };
  }
  const dyn = firstDynamicIndex(word);
  if (dyn === 0) return baseArg(word, "dynamic");
  // zypper prefixes: +pkg / ~pkg install, -pkg / !pkg remove.
  const stripped = zypper ? text.replace(/^[+~!-]/, "") : text;
  // NEVRA: the version is the last dash-separated segment(s) starting with a digit (or an expansion).
  const segs = stripped.split("-");
  if (segs.length >= 2) {
    const last = segs[segs.length - 1]!;
    const dynamicTail = dyn !== -1 && dyn > text.lastIndexOf("-", dyn);
    if (/^\d/.test(last) || (dynamicTail && last.startsWith("$"))) {
      // name-version or name-version-release
      let nameEnd = segs.length - 1;
      if (segs.length >= 3 && /^\d/.test(segs[segs.length - 2]!)) nameEnd = segs.length - 2;
      const name = segs.slice(0, nameEnd).join("-");
      const version = segs.slice(nameEnd).join("-");
      return { word, kind: "name", name, constraint: `-${version}`, version, pinned: true };
    }
  }
  if (dyn !== -1) return baseArg(word, "dynamic");
  return { word, kind: "name", name: stripped, constraint: null, version: null, pinned: false };
}

// --- Python ---

const LINE_TERMINATORS = ["\n", "\r", "\u2028", "\u2029"];

function isBlank(ch: string): boolean {
  return /\s/.test(ch);
}

/**
 * A requirement `name[extras] constraint ; marker` split into the name and the constraint, as
 * `/^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(.*?)\s*(;.*)?$/` split it (groups 1 and 3), or null where
 * it did not match. That regex backtracks quadratically (`\s*`, `.*?` and `\s*` trade blanks, `.*?` and
 * `;.*` trade semicolons) on untrusted text; this finds the same match in linear time. The name is
 * always the longest run of name characters; `[extras]` right after it are dropped when what follows
 * them matches, else they are read as constraint text.
 */
function splitRequirement(text: string): { name: string; rest: string } | null {
  const name = /^[\da-z][\w.-]*/i.exec(text)?.[0];
  if (name === undefined) return null;
  const close = text[name.length] === "[" ? text.indexOf("]", name.length) : -1;
  const rest = (close !== -1 ? requirementConstraint(text, close + 1) : null) ?? requirementConstraint(text, name.length);
  return rest === null ? null : { name, rest };
}

/**
 * What `\s*(.*?)\s*(;.*)?$` captures in group 1 when matched from `start`, or null when it does not
 * match: leading blanks skipped, then the shortest text after which only blanks, then optionally a `;`
 * marker, remain. `.` stops at line terminators, so neither the result nor the marker may hold one
 * (blanks may). One pass: every blank run is measured once.
 */
function requirementConstraint(text: string, start: number): string | null {
  let from = start;
  while (from < text.length && isBlank(text[from]!)) from++;
  const lastBreak = Math.max(...LINE_TERMINATORS.map((t) => text.lastIndexOf(t)));
  let j = from;
  while (j < text.length) {
    const ch = text[j]!;
    if (isBlank(ch)) {
      let end = j;
      while (end < text.length && isBlank(text[end]!)) end++;
      // Blanks to the end, or blanks then a marker without a line break: the constraint ends here.
      if (end === text.length || (text[end] === ";" && end > lastBreak)) return text.slice(from, j);
      // Otherwise these blanks are inside the constraint, which `.` cannot extend over a line break.
      if (LINE_TERMINATORS.some((t) => text.slice(j, end).includes(t))) return null;
      j = end;
    } else {
      if (ch === ";" && j > lastBreak) return text.slice(from, j);
      j++;
    }
  }
  return text.slice(from);
}

/** PEP 440 `==1.2.3` / `===1.2.3` with no wildcard and no second clause: one version. */
const EXACT_REQUIREMENT = /^===?\s*[^,\s*]+$/;

/**
 * One line of a pip requirements file (https://pip.pypa.io/en/stable/reference/requirements-file-format/),
 * comments removed: the requirement's name and whether it is pinned to one version; null for what is not
 * a named requirement (options such as `-r`/`-c`/`--hash`, editable installs, paths, URLs, blank lines).
 */
export function requirementLine(line: string): { name: string; pinned: boolean } | null {
  const text = line.replace(/(?:^|\s)#.*$/u, "").trim();
  if (text === "" || text.startsWith("-") || text.startsWith(".") || text.startsWith("/") || URL_RE.test(text) || /^(?:git|hg|svn|bzr)\+/u.test(text)) return null;
  const split = splitRequirement(text.replace(/\s+--hash[=\s]\S+/gu, ""));
  if (!split) return null;
  if (split.rest.startsWith("@")) return null;
  return { name: split.name, pinned: EXACT_REQUIREMENT.test(split.rest) };
}

function pipRequirement(word: ShellWord): PackageArgument {
  const text = template(word);
  if (word.value !== null) {
    if (/^(?:git|hg|svn|bzr)\+/.test(text)) return baseArg(word, "vcs");
    if (URL_RE.test(text)) return baseArg(word, "url");
    if (/\.(?:whl|tar\.gz|tgz|zip|tar\.bz2)$/.test(text)) return baseArg(word, "file");
    if (text === "." || text.startsWith("./") || text.startsWith("/") || text.startsWith("../") || text.startsWith("~")) return baseArg(word, "path");
  }
  const m = splitRequirement(text);
  const dyn = firstDynamicIndex(word);
  if (m?.rest.startsWith("@") === true && (dyn === -1 || dyn >= m.name.length)) return { word, kind: "url", name: m.name, constraint: m.rest, version: null, pinned: false };
  // pip `_looks_like_path` (src/pip/_internal/req/constructors.py): an operand with a path separator is
  // a path (`src/mypkg`), installed from disk or rejected ("It looks like a path"), never a package `src`.
  const slash = text.indexOf("/");
  if (slash !== -1 && (dyn === -1 || slash < dyn)) return baseArg(word, "path");
  if (!m) return dyn !== -1 ? baseArg(word, "dynamic") : baseArg(word, "name", text);
  const { name, rest } = m;
  if (dyn !== -1 && dyn < name.length) return baseArg(word, "dynamic");
  if (rest === "") return { word, kind: "name", name, constraint: null, version: null, pinned: false };
  const exact = EXACT_REQUIREMENT.test(rest);
  // `\s*` and the version must not both be able to take blanks: `(\S.*)?` (empty version: "").
  const versionMatch = /^(?:===?|~=|!=|>=|<=|>|<)\s*(\S.*)?$/.exec(rest);
  const version = versionMatch ? (versionMatch[1] ?? "") : null;
  return { word, kind: "name", name, constraint: rest, version, pinned: exact };
}

function condaPackage(word: ShellWord): PackageArgument {
  const text = template(word);
  if (word.value !== null && (URL_RE.test(text) || /\.(?:tar\.bz2|conda)$/.test(text))) return baseArg(word, URL_RE.test(text) ? "url" : "file");
  const withoutChannel = text.includes("::") ? text.slice(text.indexOf("::") + 2) : text;
  // `(?![\w.-])` keeps the name from giving characters back to the constraint, and `(\S.*)?` keeps the
  // constraint from taking blanks from `\s*`: without them a failing match backtracks quadratically.
  const m = /^(\w[\w.-]*)(?![\w.-])\s*(\S.*)?$/.exec(withoutChannel);
  if (!m) return firstDynamicIndex(word) !== -1 ? baseArg(word, "dynamic") : baseArg(word, "name", text);
  const dyn = firstDynamicIndex(word);
  const nameEnd = text.length - withoutChannel.length + m[1]!.length;
  if (dyn !== -1 && dyn < nameEnd) return baseArg(word, "dynamic");
  const rest = (m[2] ?? "").trim();
  if (rest === "") return { word, kind: "name", name: m[1]!, constraint: null, version: null, pinned: false };
  const op = /^(==|=|>=|<=|[<>]|!=|~=)?\s*(\S.*)?$/.exec(rest)!;
  const version = op[2] ?? "";
  const pinned = (op[1] === "=" || op[1] === "==" || op[1] === undefined) && /^[\d$]/.test(version);
  return { word, kind: "name", name: m[1]!, constraint: rest, version, pinned };
}

// --- JavaScript ---

const SEMVER_EXACT = /^[=v]?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

function npmSpec(word: ShellWord): PackageArgument {
  const text = template(word);
  if (word.value !== null) {
    if (text === "." || text === ".." || text.startsWith("./") || text.startsWith("/") || text.startsWith("../") || text.startsWith("file:") || text.startsWith("~")) return baseArg(word, "path");
    if (/^(?:git\+|git:|github:|gitlab:|bitbucket:|gist:)/.test(text) || /^[\w-][\w.-]*\/[\w.-]+(?:#.*)?$/.test(text)) return baseArg(word, "vcs");
    if (URL_RE.test(text)) return baseArg(word, "url");
    // npm-package-arg `isFileType = /[.](?:tgz|tar.gz|tar)$/i`: a tarball on disk, in any case.
    if (/\.(?:tgz|tar\.gz|tar)$/iu.test(text)) return baseArg(word, "file");
  }
  const at = text.indexOf("@", text.startsWith("@") ? 1 : 0);
  const dyn = firstDynamicIndex(word);
  if (at === -1) return dyn !== -1 ? baseArg(word, "dynamic") : { word, kind: "name", name: text, constraint: null, version: null, pinned: false };
  if (dyn !== -1 && dyn < at) return baseArg(word, "dynamic");
  const name = text.slice(0, at);
  let version = text.slice(at + 1);
  if (version.startsWith("npm:")) {
    // alias@npm:real@version
    const inner = version.slice(4);
    const innerAt = inner.indexOf("@", inner.startsWith("@") ? 1 : 0);
    version = innerAt === -1 ? "" : inner.slice(innerAt + 1);
  }
  const pinned = SEMVER_EXACT.test(version) || (dyn !== -1 && dyn > at);
  return { word, kind: "name", name, constraint: text.slice(at), version, pinned };
}

// --- Go ---

function goPackage(word: ShellWord): PackageArgument {
  const text = template(word);
  if (word.value !== null && (text === "." || text.startsWith("./") || text.startsWith("../") || text === "all" || text.startsWith("/"))) return baseArg(word, "path");
  const at = text.lastIndexOf("@");
  const dyn = firstDynamicIndex(word);
  if (at === -1) return dyn !== -1 ? baseArg(word, "dynamic") : { word, kind: "name", name: text, constraint: null, version: null, pinned: false };
  if (dyn !== -1 && dyn < at) return baseArg(word, "dynamic");
  const version = text.slice(at + 1);
  const floating = ["latest", "upgrade", "patch", "none", "master", "main", "HEAD", "head", "trunk", "develop", "dev"].includes(version);
  return { word, kind: "name", name: text.slice(0, at), constraint: text.slice(at), version, pinned: !floating && version !== "" };
}

// --- Ruby ---

function gemPackage(word: ShellWord, versionOption: string | null): PackageArgument {
  const text = template(word);
  if (word.value !== null && /\.gem$/.test(text)) return baseArg(word, "file");
  const colon = text.indexOf(":");
  const dyn = firstDynamicIndex(word);
  if (colon === -1) {
    if (dyn !== -1) return baseArg(word, "dynamic");
    if (versionOption !== null) {
      return { word, kind: "name", name: text, constraint: versionOption, version: versionOption, pinned: isExactVersion(versionOption) };
    }
    return { word, kind: "name", name: text, constraint: null, version: null, pinned: false };
  }
  if (dyn !== -1 && dyn < colon) return baseArg(word, "dynamic");
  const version = text.slice(colon + 1);
  return { word, kind: "name", name: text.slice(0, colon), constraint: text.slice(colon), version, pinned: isExactVersion(version) || dyn !== -1 };
}

function isExactVersion(v: string): boolean {
  const t = v.trim().replace(/^=\s*/, "");
  return /^v?\d+(?:\.[\dA-Za-z-]+)*$/.test(t);
}

// --- PHP ---

function composerPackages(operands: readonly ShellWord[]): PackageArgument[] {
  const out: PackageArgument[] = [];
  for (const word of operands) {
    const text = template(word);
    const prev = out[out.length - 1];
    // `composer require vendor/pkg 1.2`: a bare constraint after a package applies to it.
    if (prev && prev.kind === "name" && prev.constraint === null && !text.includes("/") && /^(?:[$*<=>^~]|v?\d|dev-)/.test(text)) {
      prev.constraint = text;
      prev.version = text;
      prev.pinned = isExactVersion(text) || firstDynamicIndex(word) !== -1;
      continue;
    }
    const sep = text.search(/[:=]/);
    const dyn = firstDynamicIndex(word);
    if (sep === -1) {
      out.push(dyn !== -1 ? baseArg(word, "dynamic") : { word, kind: "name", name: text, constraint: null, version: null, pinned: false });
      continue;
    }
    if (dyn !== -1 && dyn < sep) {
      out.push(baseArg(word, "dynamic"));
      continue;
    }
    const version = text.slice(sep + 1);
    out.push({ word, kind: "name", name: text.slice(0, sep), constraint: text.slice(sep), version, pinned: isExactVersion(version) || (dyn !== -1 && dyn > sep) });
  }
  return out;
}

// --- Rust ---

function cargoCrate(word: ShellWord, versionOption: string | null): PackageArgument {
  const text = template(word);
  const at = text.indexOf("@");
  const dyn = firstDynamicIndex(word);
  if (at === -1) {
    if (dyn !== -1) return baseArg(word, "dynamic");
    if (versionOption !== null) return { word, kind: "name", name: text, constraint: versionOption, version: versionOption, pinned: isExactVersion(versionOption) };
    return { word, kind: "name", name: text, constraint: null, version: null, pinned: false };
  }
  if (dyn !== -1 && dyn < at) return baseArg(word, "dynamic");
  const version = text.slice(at + 1);
  return { word, kind: "name", name: text.slice(0, at), constraint: text.slice(at), version, pinned: isExactVersion(version) || dyn !== -1 };
}

// -------------------------------------------------------------------------------------------------

// --- pacman, poetry, dnf groups and modules ---

/** pacman(8) targets: `name`, `name=version`, `name>=version` (only `=` pins). */
function pacmanPackage(word: ShellWord): PackageArgument {
  const arg = splitConstraint(word, template(word), ["=", ">=", "<=", ">", "<"]);
  if (arg.kind === "name") arg.pinned = arg.constraint?.startsWith("=") === true;
  return arg;
}

/** poetry add: `name@version` (poetry's own constraint syntax) or a PEP 508 requirement. */
function poetryPackage(word: ShellWord): PackageArgument {
  const text = template(word);
  if (text.includes("@") && !text.startsWith("git+") && !URL_RE.test(text)) {
    const at = text.indexOf("@");
    const version = text.slice(at + 1);
    return { word, kind: "name", name: text.slice(0, at), constraint: text.slice(at), version, pinned: isExactVersion(version) };
  }
  return pipRequirement(word);
}

function groupArgument(word: ShellWord): PackageArgument {
  return baseArg(word, word.value === null ? "dynamic" : "group", word.value);
}

/**
 * `dnf module install name:stream/profile` (dnf(8) "Module Command": `NAME[:STREAM][:VERSION][:CONTEXT][:ARCH][/PROFILE]`):
 * the stream pins the module; without one dnf takes the distribution's default stream.
 */
function moduleArgument(word: ShellWord): PackageArgument {
  const text = template(word);
  const colon = text.indexOf(":");
  if (colon === -1) {
    if (firstDynamicIndex(word) !== -1) return baseArg(word, "dynamic");
    return { word, kind: "module", name: text.replace(/\/.*$/u, ""), constraint: null, version: null, pinned: false };
  }
  return { word, kind: "module", name: text.slice(0, colon), constraint: text.slice(colon), version: text.slice(colon + 1), pinned: true };
}

function fileArgument(word: ShellWord): PackageArgument {
  return baseArg(word, word.value === null ? "dynamic" : URL_RE.test(word.value) ? "url" : "file");
}

/** The version an option gives (`gem install -v 1.2`), and whether it applies only to a single package. */
export interface VersionFromOption {
  value: string | null;
  singlePackageOnly: boolean;
}

/** The syntaxes where each operand is read on its own. */
const ONE_WORD_SYNTAXES: Readonly<Record<Exclude<PackageSyntax, "composer" | "requirement-files" | "gem" | "cargo">, (word: ShellWord) => PackageArgument>> = {
  apt: aptPackage, apk: apkPackage, pacman: pacmanPackage,
  rpm: (word) => rpmPackage(word, false), zypper: (word) => rpmPackage(word, true),
  pip: pipRequirement, poetry: poetryPackage, conda: condaPackage, npm: npmSpec, go: goPackage,
  group: groupArgument, module: moduleArgument, "file-or-url": fileArgument,
};

/**
 * Read operands as packages with the pin syntax `syntax`. `version` is the value of a version option
 * (`gem -v`, `cargo --version`), applied as gem and cargo do. Returns one argument per operand except
 * for composer, where a bare constraint after a package (`vendor/pkg 1.2`) belongs to it.
 */
export function readPackages(syntax: PackageSyntax, operands: readonly ShellWord[], version: VersionFromOption | null = null): PackageArgument[] {
  const versionValue = version && (!version.singlePackageOnly || operands.length === 1) ? version.value : null;
  if (syntax === "composer") return composerPackages(operands);
  if (syntax === "requirement-files") return [];
  if (syntax === "gem") return operands.map((word) => gemPackage(word, versionValue));
  if (syntax === "cargo") return operands.map((word) => cargoCrate(word, versionValue));
  return operands.map(ONE_WORD_SYNTAXES[syntax]);
}
