/**
 * The flags each Dockerfile instruction declares in BuildKit, as data. Sources: moby/buildkit
 * `frontend/dockerfile/instructions/parse.go` (each `parseX` declares its flags with `req.flags.AddX`
 * before `req.flags.Parse()`), `instructions/commands_runmount.go`, `commands_runnetwork.go`,
 * `commands_runsecurity.go`, `commands_rundevice.go` (RUN flags), and the Dockerfile reference
 * https://docs.docker.com/reference/dockerfile/ (flags of the labs channel included: a file that uses
 * them builds with `# syntax=docker/dockerfile:1-labs`).
 */

/** How BuildKit's `BFlags` reads a flag: a boolean (`--link`, `--link=false`), one string, or a repeatable string. */
export type FlagKind = "bool" | "string" | "strings";

/**
 * The flags each instruction declares, by lower-case instruction name; an instruction missing here
 * declares none (any flag on it is "unknown flag"). HEALTHCHECK NONE declares none either: BuildKit
 * adds the duration flags only for `HEALTHCHECK CMD` (and an unknown type).
 */
export const INSTRUCTION_FLAGS: Readonly<Record<string, Readonly<Record<string, FlagKind>>>> = {
  from: { platform: "string" },
  run: { mount: "strings", network: "string", security: "string", device: "strings" },
  copy: { from: "string", chown: "string", chmod: "string", link: "bool", parents: "bool", exclude: "strings" },
  add: { chown: "string", chmod: "string", link: "bool", "keep-git-dir": "bool", checksum: "string", exclude: "strings", unpack: "bool" },
  healthcheck: { interval: "string", timeout: "string", "start-period": "string", "start-interval": "string", retries: "string" },
};

