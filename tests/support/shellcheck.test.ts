import { describe, expect, it } from "vitest";
import { effectiveDialect, shellCheckScripts, shellCheckUnavailable } from "./shellcheck.js";

const unavailable = shellCheckUnavailable();
if (unavailable) console.log(`tests/support/shellcheck.test.ts skipped: ${unavailable}`);

describe.skipIf(unavailable !== null)("the ShellCheck oracle runner", () => {
  it("checks each script in its dialect and keeps results in the scripts' order", () => {
    const scripts = [
      { text: "[[ -f /etc/passwd ]] && echo yes\n", dialect: "dash" as const },
      { text: "[[ -f /etc/passwd ]] && echo yes\n", dialect: "bash" as const },
      { text: "cd /tmp && make\n", dialect: "sh" as const },
    ];
    const [dash, bash, sh] = shellCheckScripts(scripts);
    expect(dash!.map((f) => f.code)).toContain(3010);
    expect(dash!.find((f) => f.code === 3010)).toMatchObject({ line: 1, column: 1, level: "error" });
    expect(bash!.map((f) => f.code)).not.toContain(3010);
    expect(sh).toEqual([]);
  });

  it("limits the codes with include, and a second call (from the cache) gives the same findings", () => {
    const scripts = [{ text: "cd /x\n! grep -q a b\necho $1 $UNSET\n", dialect: "sh" as const }];
    const all = shellCheckScripts(scripts)[0]!.map((f) => f.code);
    expect(all).toContain(2164);
    const only = shellCheckScripts(scripts, { include: [2164] });
    expect(only[0]!.map((f) => f.code)).toEqual([2164]);
    expect(shellCheckScripts(scripts, { include: [2164] })).toEqual(only);
  });

  it("runs more scripts than one ShellCheck process takes", () => {
    const scripts = Array.from({ length: 450 }, (_, i) => ({ text: `echo ${i} ${i % 2 === 0 ? "$(( 1 + 1 ))" : "`date`"}\n`, dialect: "sh" as const }));
    const results = shellCheckScripts(scripts);
    expect(results).toHaveLength(450);
    // SC2006: legacy backticks, in the odd scripts only.
    results.forEach((findings, i) => expect(findings.some((f) => f.code === 2006)).toBe(i % 2 === 1));
  });

  it("checks BusyBox scripts as sh where the installed ShellCheck has no busybox dialect", () => {
    expect(["sh", "busybox"]).toContain(effectiveDialect("busybox"));
    expect(effectiveDialect("dash")).toBe("dash");
  });
});
