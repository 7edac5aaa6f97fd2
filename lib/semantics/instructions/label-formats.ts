/**
 * What a label key and value may look like.
 *
 * Keys: Docker's "Label keys and values" guide (https://docs.docker.com/engine/manage-resources/labels/):
 * begin and end with a lower-case letter, only lower-case letters, digits, `.` and `-`, no `..`/`--`,
 * and the `com.docker.*`, `io.docker.*`, `org.dockerproject.*` namespaces are reserved for Docker.
 * Value formats: the ones hadolint checks (DL3052-DL3058, https://github.com/hadolint/hadolint/wiki),
 * each with the standard it follows.
 */

export type LabelFormat = "text" | "url" | "semver" | "rfc3339" | "spdx" | "email" | "hash";

export const LABEL_FORMATS: readonly LabelFormat[] = ["text", "url", "semver", "rfc3339", "spdx", "email", "hash"];

const RESERVED_NAMESPACES = ["com.docker.", "io.docker.", "org.dockerproject."];

/** Why a label key breaks Docker's key conventions, or null when it follows them. */
export function labelKeyProblem(key: string): string | null {
  const lower = key.toLowerCase();
  const reserved = RESERVED_NAMESPACES.find((namespace) => lower.startsWith(namespace));
  if (reserved) return `the ${reserved}* namespace is reserved for Docker`;
  if (/[A-Z]/u.test(key)) return "a key is written in lower case";
  if (!/^[a-z]/u.test(key) || !/[a-z]$/u.test(key)) return "a key begins and ends with a lower-case letter";
  if (/[^a-z0-9.-]/u.test(key)) return "a key holds only lower-case letters, digits, '.' and '-'";
  if (/\.\.|--|\.-|-\./u.test(key)) return "a key has no consecutive '.' or '-'";
  return null;
}

/** Semantic Versioning 2.0.0, the regular expression the specification recommends (https://semver.org/). */
const SEMVER =
  /^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$/u;

/** RFC 3339 `date-time` (https://www.rfc-editor.org/rfc/rfc3339#section-5.6). */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[t ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:z|[+-]\d{2}:\d{2})$/iu;

/** RFC 5322 `addr-spec` in its common dot-atom form, alone or as `Name <addr>`. */
const EMAIL_ADDRESS = /^[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/u;

function isEmail(value: string): boolean {
  const named = /^[^<>]*<([^<>]+)>$/u.exec(value.trim());
  return EMAIL_ADDRESS.test(named ? named[1]! : value);
}

function isRfc3339(value: string): boolean {
  const match = RFC3339.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= days && hour <= 23 && minute <= 59 && second <= 60;
}

function isUrl(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/u.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * SPDX license expression syntax (SPDX specification, Annex D: https://spdx.github.io/spdx-spec/v2.3/SPDX-license-expressions/):
 * identifiers (`MIT`, `Apache-2.0`, `GPL-2.0+`, `LicenseRef-x`) joined by `AND`/`OR`, `WITH` an
 * exception, parentheses. Identifiers are checked for their form, not against the SPDX list.
 */
function isSpdxExpression(value: string): boolean {
  const tokens = value.match(/\(|\)|[^\s()]+/gu);
  if (!tokens) return false;
  let position = 0;
  const identifier = (token: string | undefined): boolean => token !== undefined && /^[A-Za-z0-9][A-Za-z0-9.-]*\+?$/u.test(token) && !["AND", "OR", "WITH"].includes(token);
  const primary = (): boolean => {
    if (tokens[position] === "(") {
      position++;
      if (!expression() || tokens[position] !== ")") return false;
      position++;
      return true;
    }
    if (!identifier(tokens[position])) return false;
    position++;
    if (tokens[position] === "WITH") {
      position++;
      if (!identifier(tokens[position])) return false;
      position++;
    }
    return true;
  };
  const expression = (): boolean => {
    if (!primary()) return false;
    while (tokens[position] === "AND" || tokens[position] === "OR") {
      position++;
      if (!primary()) return false;
    }
    return true;
  };
  return expression() && position === tokens.length;
}

/** A git commit id: hexadecimal, abbreviated (7+) or full (40 for SHA-1, 64 for SHA-256). */
const GIT_HASH = /^[0-9a-f]{7,64}$/u;

/** Whether `value` (a resolved label value) has `format`; `text` only asks for something non-empty. */
export function matchesLabelFormat(value: string, format: LabelFormat): boolean {
  switch (format) {
    case "text":
      return value.trim() !== "";
    case "url":
      return isUrl(value);
    case "semver":
      return SEMVER.test(value);
    case "rfc3339":
      return isRfc3339(value);
    case "spdx":
      return isSpdxExpression(value);
    case "email":
      return isEmail(value);
    case "hash":
      return GIT_HASH.test(value);
  }
}
