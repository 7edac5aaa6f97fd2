/**
 * One duration grammar (lib/utils/go-duration.ts, Go's time.ParseDuration) for the Dockerfile's HEALTHCHECK
 * and every compose duration: the compose validator accepts exactly what parseGoDuration reads.
 */
import { describe, expect, it } from "vitest";
import { parseComposeText } from "../../lib/compose/parse.js";
import { validateComposeFile } from "../../lib/compose/validate.js";
import { parseGoDuration } from "../../lib/utils/go-duration.js";

const SAMPLES = ["10s", "1m30s", "500ms", "1.5h", ".5s", "5.s", "0", "-0", "+1h", "1µs", "1μs", "2us", "3ns", "10", "10 s", "10 seconds", ".s", "", "00", "1h-1m", "1d"];

describe("durations", () => {
  it.each(SAMPLES)("%j: compose and the Dockerfile agree", (text) => {
    const parsed = parseComposeText(`services:\n  web:\n    image: nginx:1.27\n    stop_grace_period: ${JSON.stringify(text)}\n`);
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    const problems = validateComposeFile(parsed.program);
    expect(problems.some((problem) => problem.message.includes("is not a duration")), text).toBe(parseGoDuration(text) === null);
  });
});
