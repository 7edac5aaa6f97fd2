/**
 * The RegExp-based `${v#p}`/`${v/p/r}` pattern code that lib/dockerfile/variables.ts used before it
 * matched patterns with lib/utils/wildcard.ts. Kept only as the oracle of a property test (it
 * backtracks exponentially on `*` repeated, so it is fed small inputs only).
 */
function globToRegExp(pattern: string): RegExp {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "*") out += ".*";
    else if (ch === "?") out += ".";
    else if (ch === "\\") {
      const next = pattern[i + 1];
      if (next === "}" || next === "/") continue;
      if (next !== "*" && next !== "?" && next !== "\\") throw new Error("invalid escape");
      out += "\\" + next;
      i++;
    } else if ("[]{}.+()|^$".includes(ch)) out += "\\" + ch;
    else out += ch;
  }
  return new RegExp(out, "u");
}

export function legacyTrimPattern(value: string, pattern: string, greedy: boolean, prefix: boolean): string {
  const whole = new RegExp(`^(?:${globToRegExp(pattern).source})$`, "u");
  const n = value.length;
  for (let k = 0; k <= n; k++) {
    const length = greedy ? n - k : k;
    if (prefix ? whole.test(value.slice(0, length)) : whole.test(value.slice(n - length))) return prefix ? value.slice(length) : value.slice(0, n - length);
  }
  return value;
}

export function legacyReplacePattern(value: string, pattern: string, replacement: string, replaceAll: boolean): string {
  const re = globToRegExp(pattern);
  if (replaceAll) return value.replace(new RegExp(re.source, "gu"), () => replacement);
  return value.replace(re, () => replacement);
}
