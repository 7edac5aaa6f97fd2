import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/no-build-and-image.js";
import { ruleTester } from "../support/rule-tester.js";

const message = (service: string, image: string) => ({ messageId: "buildAndImage" as const, data: { service, image } });

ruleTester("compose").run("no-build-and-image", rule, {
  valid: [
    // dclint's fixtures: only build, only image, both with a pull_policy.
    "services:\n  web:\n    build: .\n  db:\n    build: ./db\n",
    "services:\n  web:\n    image: nginx\n  db:\n    image: postgres\n",
    "services:\n  web:\n    build: .\n    image: nginx\n    pull_policy: always\n  db:\n    build: ./db\n    image: postgres\n    pull_policy: always\n",
    // pull_policy: build says the image only names the result; never/missing say the local or registry copy.
    "services:\n  app:\n    build: .\n    image: ghcr.io/acme/app:1.2\n    pull_policy: build\n",
    "services:\n  app:\n    build: .\n    image: acme/app\n    pull_policy: ${PULL_POLICY}\n",
    // A bare made-up name is docker.io/library/…, where only official images live: the pull fails and Compose builds.
    "services:\n  app:\n    build: .\n    image: my-app\n",
    // Unknown until deployment.
    "services:\n  app:\n    build: .\n    image: ${REGISTRY}/app:${TAG}\n",
  ],
  invalid: [
    {
      // dclint's fixture: official image names, pulled instead of built.
      code: "services:\n  web:\n    build: .\n    image: nginx\n  db:\n    build: ./db\n    image: postgres\n",
      errors: [
        { ...message("web", "nginx"), line: 3, column: 5, endColumn: 10 },
        { ...message("db", "postgres"), line: 6, column: 5 },
      ],
    },
    {
      code: "services:\n  grafana:\n    build: ./deployment/grafana\n    image: grafana/grafana:7.5.16\n",
      errors: [{ ...message("grafana", "grafana/grafana:7.5.16"), line: 3 }],
    },
    {
      // dclint's checkPullPolicy: false reports whatever the pull_policy.
      code: "services:\n  web:\n    build: .\n    image: nginx\n    pull_policy: always\n",
      options: [{ checkPullPolicy: false }],
      errors: [{ ...message("web", "nginx"), line: 3 }],
    },
    {
      // Interpolated with a default; long-form build; through a merge key (reported at the alias).
      code: "x-app: &app\n  build:\n    context: .\n  image: ${IMAGE:-ghcr.io/acme/app}\nservices:\n  a:\n    <<: *app\n",
      errors: [{ ...message("a", "ghcr.io/acme/app"), line: 7, column: 9 }],
    },
  ],
});

// The default override file adds `image` (or `pull_policy`) to the base file's `build`: judged on the merged service.
const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-build-image-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, "compose.override.yaml"), "services:\n  app:\n    image: ghcr.io/acme/app:1.2\n  b:\n    image: ghcr.io/acme/b:1.2\n    pull_policy: build\n");

ruleTester("compose").run("no-build-and-image (override file)", rule, {
  valid: [{ filename: path.join(dir, "compose.yaml"), code: "services:\n  b:\n    build: ./b\n" }],
  invalid: [
    {
      filename: path.join(dir, "compose.yaml"),
      code: "services:\n  app:\n    build: .\n",
      errors: [{ ...message("app", "ghcr.io/acme/app:1.2"), line: 3 }],
    },
  ],
});
