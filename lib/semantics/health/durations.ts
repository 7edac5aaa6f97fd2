/**
 * Durations as Docker and Compose read them: Go's `time.ParseDuration`
 * (https://pkg.go.dev/time#ParseDuration), which BuildKit's HEALTHCHECK parser and compose-go both call.
 */

export { parseGoDuration } from "../../utils/go-duration.js";

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
