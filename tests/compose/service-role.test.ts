import { describe, expect, it } from "vitest";
import { isDevelopmentComposeFile, splitCommandString } from "../../lib/semantics/services/service-role.js";

describe("isDevelopmentComposeFile", () => {
  it.each([
    "/repo/.devcontainer/docker-compose.yml",
    "/repo/docker-compose.test.yml",
    "/repo/compose.dev.yaml",
    "/repo/docker-compose-ci.yml",
    "/repo/compose.e2e.yaml",
    "/repo/docker-compose.local.yaml",
    "/repo/Compose.Debug.YML",
  ])("%s describes a development, test or CI environment", (file) => {
    expect(isDevelopmentComposeFile(file)).toBe(true);
  });

  it.each([
    "/repo/compose.yaml",
    "/repo/docker-compose.prod.yml",
    "/repo/compose.override.yaml",
    "/repo/compose.contest.yaml",
    "/repo/devices/compose.yaml",
    "/repo/test/compose.yaml",
  ])("%s does not", (file) => {
    expect(isDevelopmentComposeFile(file)).toBe(false);
  });
});

describe("splitCommandString", () => {
  it.each([
    ["sleep infinity", ["sleep", "infinity"]],
    ["  tail   -f /dev/null ", ["tail", "-f", "/dev/null"]],
    [`/bin/sh -c "while sleep 1000; do :; done"`, ["/bin/sh", "-c", "while sleep 1000; do :; done"]],
    [`sh -c 'echo "$$HOME"'`, ["sh", "-c", `echo "$$HOME"`]],
    [`echo a\\ b "c\\"d" ''`, ["echo", "a b", `c"d`, ""]],
  ])("%s", (text, words) => {
    expect(splitCommandString(text)).toEqual(words);
  });
});
