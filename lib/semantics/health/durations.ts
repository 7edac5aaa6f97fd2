/**
 * Durations as Docker and Compose read them: Go's `time.ParseDuration`
 * (https://pkg.go.dev/time#ParseDuration), which BuildKit's HEALTHCHECK parser and compose-go both call.
 */

/** Nanoseconds per unit Go accepts (`µs` is U+00B5, `μs` U+03BC). */
const UNIT_NANOSECONDS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  "\u00b5s": 1e3,
  "\u03bcs": 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

const COMPONENT = /(\d*)(?:\.(\d*))?([^\d.]+)/uy;

/**
 * The duration in nanoseconds, or null when Go would reject the text: a sequence of decimal numbers,
 * each with an optional fraction and a unit (`300ms`, `1.5h`, `2h45m`), optionally signed; `0` alone
 * needs no unit. `10` (no unit), `10 s` (a space) and `10 seconds` (unknown unit) are rejected.
 */
export function parseGoDuration(text: string): number | null {
  let rest = text;
  let sign = 1;
  if (rest.startsWith("-") || rest.startsWith("+")) {
    sign = rest.startsWith("-") ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === "0") return 0;
  if (rest === "") return null;
  let total = 0;
  COMPONENT.lastIndex = 0;
  while (COMPONENT.lastIndex < rest.length) {
    const match = COMPONENT.exec(rest);
    if (!match) return null;
    const [, whole = "", fraction, unit = ""] = match;
    // Go needs a digit before or after the dot: `.5s` and `5.s` are fine, `.s` is not.
    if (whole === "" && (fraction === undefined || fraction === "")) return null;
    const nanoseconds = UNIT_NANOSECONDS[unit];
    if (nanoseconds === undefined) return null;
    total += Number(`${whole || "0"}.${fraction ?? "0"}`) * nanoseconds;
  }
  return sign * total;
}

/** Formats nanoseconds for a message: `1ms`, `30s`. */
export function formatNanoseconds(nanoseconds: number): string {
  if (nanoseconds % 1e9 === 0) return `${nanoseconds / 1e9}s`;
  if (nanoseconds % 1e6 === 0) return `${nanoseconds / 1e6}ms`;
  return `${nanoseconds}ns`;
}

/**
 * The shortest non-zero health-check duration Docker accepts (1 ms): the Engine API says interval,
 * timeout, start period and start interval "should be 0 or at least 1000000 (1 ms)"
 * (https://docs.docker.com/reference/api/engine/version/v1.47/#tag/Container/operation/ContainerCreate),
 * and BuildKit's HEALTHCHECK parser rejects smaller values with "cannot be less than 1ms".
 */
export const MINIMUM_HEALTHCHECK_DURATION = 1e6;
